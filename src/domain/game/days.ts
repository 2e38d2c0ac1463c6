/**
 * Calendar-day arithmetic for streaks and heatmaps. Days are the learner's local days, computed from a
 * timezone offset passed in (pure: no hidden clock or locale), as "YYYY-MM-DD" keys.
 */

const DAY_MS = 86_400_000;

/**
 * The local calendar day of a timestamp. `tzOffsetMinutes` follows `Date#getTimezoneOffset` (minutes to add
 * to local time to get UTC, so UTC-5 is 300).
 */
export function dayKey(ms: number, tzOffsetMinutes = 0): string {
  return new Date(ms - tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The day after (or `n` days after) a day key. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Monday-based ISO week start of a day key, used to bucket trends by week. */
export function weekStart(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}
