import { findSortedLine } from '../grouper/tables';

/**
 * Parsing of the compiled Medicare Code Editor (MCE) FY2026 tables (public/grouper/mce-*, produced by
 * tools/grouper/build-tables.ts from the edit lists in CMS's MCE 2.0 v43.1 software). Pure: takes the
 * file contents, never touches the file system.
 */

/** Files loadMceTables needs (relative to public/grouper/). */
export const MCE_TABLE_FILES = ['mce-meta.json', 'mce-dx.tsv', 'mce-pr.tsv'] as const;

export interface McePeriod {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

export interface MceAgeRange {
  readonly edit: string;
  readonly min: number;
  readonly max: number;
  readonly from: string;
  readonly to: string;
}

export interface MceTables {
  readonly periods: readonly McePeriod[];
  readonly ageRanges: readonly MceAgeRange[];
  readonly dischargeStatuses: readonly { readonly code: string; readonly from: string; readonly to: string }[];
  /**
   * Edit lists of a code in the period containing `date`: `undefined` when the code is not valid in that
   * period (or the date is outside every period), else the list names (possibly empty).
   */
  dxEdits(code: string, date: string): readonly string[] | undefined;
  prEdits(code: string, date: string): readonly string[] | undefined;
  /** The period containing date (or null). */
  periodOf(date: string): McePeriod | null;
}

interface MceMetaJson {
  format: string;
  periods: McePeriod[];
  attrSets: string[];
  ageRanges: [string, number, number, string, string][];
  dischargeStatuses: [string, string, string][];
}

/** Sorted data lines (header dropped) with an on-demand cache of split rows. */
function rowsOf(text: string): (code: string) => string[] | undefined {
  const lines = text.split('\n');
  lines.shift();
  if (lines.at(-1) === '') lines.pop();
  const cache = new Map<string, string[] | null>();
  return (code) => {
    let row = cache.get(code);
    if (row === undefined) {
      const i = code.length >= 3 && code.length <= 7 ? findSortedLine(lines, code) : -1;
      row = i < 0 ? null : (lines[i] ?? '').split('\t').slice(1);
      if (cache.size > 20_000) cache.clear();
      cache.set(code, row);
    }
    return row ?? undefined;
  };
}

/**
 * Parses the MCE tables (CMS Medicare Code Editor, Definitions of Medicare Code Edits v43) from file
 * contents. `files` maps each name of {@link MCE_TABLE_FILES} to its text. Throws on a missing or
 * malformed file (a deployment fault, not a learner error).
 */
export function loadMceTables(files: Readonly<Record<string, string>>): MceTables {
  const need = (name: (typeof MCE_TABLE_FILES)[number]): string => {
    const t = files[name];
    if (t === undefined) throw new Error(`MCE table file missing: ${name}`);
    return t;
  };
  const meta = JSON.parse(need('mce-meta.json')) as MceMetaJson;
  if (meta.format !== 'him-mce/1') throw new Error(`unknown MCE table format ${meta.format}`);
  const sets = meta.attrSets.map((s) => (s === '' ? [] : s.split(',')));
  const dx = rowsOf(need('mce-dx.tsv'));
  const pr = rowsOf(need('mce-pr.tsv'));
  const periodIndex = (date: string): number => meta.periods.findIndex((p) => date >= p.from && date <= p.to);
  const edits = (rows: (code: string) => string[] | undefined, code: string, date: string): readonly string[] | undefined => {
    const p = periodIndex(date);
    const row = rows(code);
    if (p < 0 || !row) return undefined;
    let cell = row[p] ?? '-';
    // '=' means "same as the previous period" (the converter writes each change once).
    for (let k = p; cell === '=' && k > 0; k--) cell = row[k - 1] ?? '-';
    if (cell === '-') return undefined;
    return cell === '' ? [] : (sets[Number(cell)] ?? []);
  };
  return {
    periods: meta.periods,
    ageRanges: meta.ageRanges.map(([edit, min, max, from, to]) => ({ edit, min, max, from, to })),
    dischargeStatuses: meta.dischargeStatuses.map(([code, from, to]) => ({ code, from, to })),
    dxEdits: (code, date) => edits(dx, code, date),
    prEdits: (code, date) => edits(pr, code, date),
    periodOf: (date) => meta.periods[periodIndex(date)] ?? null,
  };
}
