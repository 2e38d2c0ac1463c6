/**
 * Pure filtering and sorting of an access log, the way a privacy-monitoring tool runs its red-flag reports
 * (him-rules.md section 7, RF-1..RF-6). They return row indexes, never copies, so a 10,000-row log filters in a
 * few milliseconds (tools/bench/audit.bench.ts).
 */
import { hourOf, type AccessAction, type AccessRow } from './accessLog';

export interface AuditFilter {
  /** Free text over user, patient, MRN, role, department, reason. */
  text?: string;
  department?: string;
  role?: string;
  action?: AccessAction;
  /** Only rows with this red-flag marker (surname, address, VIP, employee, BTG, off-shift). */
  flag?: string;
  /** RF-4: a care-unit user outside their own unit with no work reason. */
  outsideOwnUnit?: boolean;
  breakTheGlassOnly?: boolean;
  /** Hours (0-23) inclusive; a window like 19..6 wraps midnight. */
  hourFrom?: number;
  hourTo?: number;
  /** Dates YYYY-MM-DD inclusive. */
  from?: string;
  to?: string;
}

export type SortKey = 'id' | 'time' | 'userName' | 'role' | 'department' | 'patientName' | 'patientUnit' | 'action' | 'reason';
export type SortDirection = 'asc' | 'desc';

const CARE_UNITS = new Set(['ED', 'ICU', '4W Med/Surg', '5E Oncology', 'L&D', 'Behavioral Health']);

/** Lower-cased search text per row, built once per log (the filter then does one `includes` per row). */
export function buildSearchIndex(rows: readonly AccessRow[]): string[] {
  return rows.map((r) => `${r.userId} ${r.userName} ${r.mrn} ${r.patientName} ${r.role} ${r.department} ${r.reason}`.toLowerCase());
}

/** Whether an hour lies in an inclusive window that may wrap midnight (RF-6 off-hours reports). */
export function inHourWindow(hour: number, from: number, to: number): boolean {
  return from <= to ? hour >= from && hour <= to : hour >= from || hour <= to;
}

/**
 * Applies a filter (AUD-1 activity review) and returns the matching row indexes in log order.
 * `index` is the optional result of buildSearchIndex, for fast text search.
 */
export function filterRows(rows: readonly AccessRow[], filter: AuditFilter, index?: readonly string[]): number[] {
  const text = filter.text?.trim().toLowerCase();
  const hourWindow = filter.hourFrom !== undefined && filter.hourTo !== undefined;
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (filter.department && r.department !== filter.department) continue;
    if (filter.role && r.role !== filter.role) continue;
    if (filter.action && r.action !== filter.action) continue;
    if (filter.breakTheGlassOnly && !r.breakTheGlass) continue;
    if (filter.flag && !r.flags.includes(filter.flag)) continue;
    if (filter.outsideOwnUnit && !(CARE_UNITS.has(r.department) && r.department !== r.patientUnit)) continue;
    if (hourWindow && !inHourWindow(hourOf(r.time), filter.hourFrom!, filter.hourTo!)) continue;
    if (filter.from && r.time.slice(0, 10) < filter.from) continue;
    if (filter.to && r.time.slice(0, 10) > filter.to) continue;
    if (text) {
      const hay = index ? index[i]! : `${r.userId} ${r.userName} ${r.mrn} ${r.patientName} ${r.role} ${r.department} ${r.reason}`.toLowerCase();
      if (!hay.includes(text)) continue;
    }
    out.push(i);
  }
  return out;
}

/** Sorts row indexes by a column (stable: ties keep log order). */
export function sortRows(rows: readonly AccessRow[], indexes: readonly number[], key: SortKey, direction: SortDirection = 'asc'): number[] {
  const sign = direction === 'asc' ? 1 : -1;
  const copy = [...indexes];
  if (key === 'id') return direction === 'asc' ? copy.sort((a, b) => a - b) : copy.sort((a, b) => b - a);
  return copy.sort((a, b) => {
    const x = rows[a]![key];
    const y = rows[b]![key];
    return x < y ? -sign : x > y ? sign : a - b;
  });
}

/** Distinct values of a column, sorted, for filter drop-downs. */
export function distinctValues(rows: readonly AccessRow[], key: 'department' | 'role' | 'action'): string[] {
  return [...new Set(rows.map((r) => r[key]))].sort();
}

/** Per-log cache of each column's full sort order, so re-sorting a filtered view is one linear pass. */
export interface SortIndex {
  orders: Partial<Record<SortKey, Int32Array>>;
}

/** An empty sort cache for one log (AUD-1 review tooling: sorting must stay instant at 10,000 rows). */
export function createSortIndex(): SortIndex {
  return { orders: {} };
}

/**
 * Sorts row indexes by a column using the cached full order of that column: O(rows) per call after the
 * first. Ascending ties keep log order; descending is the exact reverse of ascending.
 */
export function sortRowsIndexed(rows: readonly AccessRow[], indexes: readonly number[], key: SortKey, direction: SortDirection, cache: SortIndex): number[] {
  let order = cache.orders[key];
  if (!order) {
    order = Int32Array.from(sortRows(rows, rows.map((_, i) => i), key, 'asc'));
    cache.orders[key] = order;
  }
  const member = new Uint8Array(rows.length);
  for (const i of indexes) member[i] = 1;
  const out: number[] = [];
  if (direction === 'asc') {
    for (let k = 0; k < order.length; k++) if (member[order[k]!]) out.push(order[k]!);
  } else {
    for (let k = order.length - 1; k >= 0; k--) if (member[order[k]!]) out.push(order[k]!);
  }
  return out;
}
