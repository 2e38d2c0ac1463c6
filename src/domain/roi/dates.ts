/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so daylight-saving changes cannot shift a day. */

/** Adds calendar days; 45 CFR 164.524(b)(2) counts calendar days, not business days. */
export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) return isoDate;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** Age in completed years on a date (used for minority, 45 CFR 164.502(g)(3) with the state's age of majority). */
export function ageOn(dob: string, onDate: string): number {
  const [by, bm, bd] = dob.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
