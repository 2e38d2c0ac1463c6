/**
 * Minute arithmetic on facility-local timestamps ("2026-01-14T22:47"). Bylaw windows are measured in
 * whole minutes, so "24 hours" means 1,440 minutes and 23:59 is inside while 24:01 is outside.
 */

/** Minutes since 1970-01-01T00:00 for a facility-local "YYYY-MM-DDTHH:mm" (or a bare date = midnight); the unit of every bylaw window (42 CFR 482.24(c)(1): entries are dated and timed). */
export function toMinutes(stamp: string): number {
  const iso = stamp.length === 10 ? `${stamp}T00:00` : stamp.slice(0, 16);
  return Math.floor(Date.parse(`${iso}:00Z`) / 60_000);
}

/** Signed minutes from `from` to `to` (positive when `to` is later): the arithmetic behind the 24 h / 48 h / 30-day windows of him-rules.md 2.1. */
export function minutesBetween(from: string, to: string): number {
  return toMinutes(to) - toMinutes(from);
}

export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 1_440;

/** Plain-language duration for feedback ("26 h 5 min", "3 days 2 h"), so each timing finding of him-rules.md 2.1 shows its arithmetic. */
export function describeMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.abs(minutes);
  const days = Math.floor(rest / MINUTES_PER_DAY);
  rest -= days * MINUTES_PER_DAY;
  const hours = Math.floor(rest / MINUTES_PER_HOUR);
  const mins = rest - hours * MINUTES_PER_HOUR;
  const parts: string[] = [];
  if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`);
  if (hours) parts.push(`${hours} h`);
  if (mins || parts.length === 0) parts.push(`${mins} min`);
  return sign + parts.join(' ');
}

/** "2026-01-14T22:47" -> "01/14/2026 22:47" as analysts read it on a deficiency slip (him-rules.md 2.3). */
export function formatStamp(stamp: string): string {
  const [date = '', time = ''] = stamp.split('T');
  const [y, m, d] = date.split('-');
  return `${m}/${d}/${y}${time ? ` ${time.slice(0, 5)}` : ''}`;
}
