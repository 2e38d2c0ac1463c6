/** Display helpers for timestamps (facility-local "YYYY-MM-DDTHH:mm" strings). */

/** "2026-01-14T22:47" -> "01/14/2026 22:47", the way US EHRs print dates. */
export function formatTimestamp(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi] = m;
  return h ? `${mo}/${d}/${y} ${h}:${mi}` : `${mo}/${d}/${y}`;
}

/** A duration in ms as "12 min" / "1 h 05 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60000));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
