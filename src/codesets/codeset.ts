/**
 * In-memory ICD-10-CM and ICD-10-PCS code sets parsed from the compiled TSV files, with validity
 * by discharge date. Pure: the caller supplies file contents as strings (see load.ts).
 */

export type CodeKind = 'dx' | 'pcs';

/** Start of FY2026 (ICD-10-CM/PCS October 1, 2025 release). */
export const FY2026_START = '2025-10-01';
/** ICD-10-PCS April 1, 2026 update (MS-DRG v43.1). */
export const APRIL_2026_UPDATE = '2026-04-01';
/** Last discharge date of FY2026. */
export const FY2026_END = '2026-09-30';

export interface CodeRecord {
  code: string;
  /** true = valid (billable/reportable) code, false = header (category, subcategory or PCS table). */
  valid: boolean;
  title: string;
  /** Position in the order file (tabular order). */
  order: number;
  /** First discharge date on which the code is valid, when later than the start of FY2026. */
  from?: string;
  /** Last discharge date on which the code is valid, when earlier than the end of FY2026. */
  through?: string;
}

export interface CodeSet {
  kind: CodeKind;
  records: CodeRecord[];
  byCode: Map<string, CodeRecord>;
  shortTitles: Map<string, string>;
  /** Codes deleted before FY2026 (CM only): code -> date of deletion. */
  deletedBefore: Map<string, { date: string; title: string }>;
}

function parseTsv(text: string): string[][] {
  const out: string[][] = [];
  for (const line of text.split('\n')) if (line.length > 0) out.push(line.split('\t'));
  return out;
}

function parseShortTitles(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (text) for (const [code, short] of parseTsv(text)) if (code && short !== undefined) map.set(code, short);
  return map;
}

function parseCodeLines(text: string): { records: CodeRecord[]; byCode: Map<string, CodeRecord> } {
  const records: CodeRecord[] = [];
  const byCode = new Map<string, CodeRecord>();
  let order = 0;
  for (const [code, valid, title] of parseTsv(text)) {
    if (!code || valid === undefined || title === undefined) throw new Error(`bad code line near ${order}`);
    const rec: CodeRecord = { code, valid: valid === '1', title, order: order++ };
    records.push(rec);
    byCode.set(code, rec);
  }
  return { records, byCode };
}

/**
 * Parses the compiled ICD-10-CM FY2026 files (cm-codes.tsv, optional cm-short-titles.tsv and
 * cm-changes.tsv). FY2026 codes are valid for discharges 2025-10-01 through 2026-09-30 (the same
 * set serves the April 2026 period, per the CMS MS-DRG v43.1 definitions).
 */
export function parseCmCodeSet(codesTsv: string, shortTitlesTsv?: string, changesTsv?: string): CodeSet {
  const { records, byCode } = parseCodeLines(codesTsv);
  const deletedBefore = new Map<string, { date: string; title: string }>();
  if (changesTsv) {
    for (const [action, valid, code, title] of parseTsv(changesTsv)) {
      if (!code || title === undefined) continue;
      const rec = byCode.get(code);
      if (action === 'add' && valid === '1' && rec?.valid) rec.from = FY2026_START;
      if (action === 'delete' && valid === '1' && !rec) deletedBefore.set(code, { date: FY2026_START, title });
    }
  }
  return { kind: 'dx', records, byCode, shortTitles: parseShortTitles(shortTitlesTsv), deletedBefore };
}

/**
 * Parses the compiled ICD-10-PCS files: the April 2026 order file plus pcs-changes.tsv, from which
 * the October 2025 set is derived (April additions valid from 2026-04-01; April deletions valid
 * through 2026-03-31).
 */
export function parsePcsCodeSet(codesTsv: string, changesTsv: string, shortTitlesTsv?: string): CodeSet {
  const { records, byCode } = parseCodeLines(codesTsv);
  const shortTitles = parseShortTitles(shortTitlesTsv);
  const october = new Map<string, string>();
  for (const [action, code, date, title] of parseTsv(changesTsv)) {
    if (!code || !date || title === undefined) continue;
    if (action === 'add') {
      const rec = byCode.get(code);
      if (rec) rec.from = date;
    } else if (action === 'delete') {
      const through = dayBefore(date);
      const rec: CodeRecord = { code, valid: code.length === 7, title, order: records.length, through };
      records.push(rec);
      byCode.set(code, rec);
    } else if (action === 'revise') {
      october.set(code, title);
    }
  }
  void october; // October short titles of revised codes: kept in the file, not needed for lookup.
  return { kind: 'pcs', records, byCode, shortTitles, deletedBefore: new Map() };
}

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** True when the record is in the code set that applies to `dischargeDate` (ISO yyyy-mm-dd). */
export function isInEffect(rec: CodeRecord, dischargeDate: string): boolean {
  if (rec.from && dischargeDate < rec.from) return false;
  if (rec.through && dischargeDate > rec.through) return false;
  return true;
}

/**
 * Formats a code for display: ICD-10-CM codes take a dot after the third character (ICD-10-CM
 * Official Guidelines I.A.2, format and structure); ICD-10-PCS codes never have a dot.
 */
export function formatCode(code: string, kind: CodeKind = 'dx'): string {
  const bare = code.replace(/\./g, '').toUpperCase();
  if (kind === 'pcs' || bare.length <= 3) return bare;
  return `${bare.slice(0, 3)}.${bare.slice(3)}`;
}

/** Removes the dot and upper-cases: the form used as key in every code-set map. */
export function bareCode(code: string): string {
  return code.replace(/[.\s]/g, '').toUpperCase();
}

/** Nearest ancestor present in the code set (longest proper prefix), or undefined for a root. */
export function parentOf(set: CodeSet, code: string): CodeRecord | undefined {
  for (let n = code.length - 1; n >= 3; n--) {
    const rec = set.byCode.get(code.slice(0, n));
    if (rec) return rec;
  }
  return undefined;
}

/** Ancestors from the nearest up to the category/table. */
export function ancestorsOf(set: CodeSet, code: string): CodeRecord[] {
  const out: CodeRecord[] = [];
  for (let n = code.length - 1; n >= 3; n--) {
    const rec = set.byCode.get(code.slice(0, n));
    if (rec) out.push(rec);
  }
  return out;
}

/**
 * Direct children in tabular order. The order file lists every entry after its parent, so the
 * descendants of a code are the contiguous run of entries that start with it.
 */
export function childrenOf(set: CodeSet, code: string, dischargeDate?: string): CodeRecord[] {
  const rec = set.byCode.get(code);
  if (!rec) return [];
  const out: CodeRecord[] = [];
  for (let i = rec.order + 1; i < set.records.length; i++) {
    const r = set.records[i]!;
    if (!r.code.startsWith(code)) {
      // Records appended after the order file (deleted PCS codes) are out of sequence.
      if (r.through === undefined) break;
      continue;
    }
    if (parentOf(set, r.code)?.code !== code) continue;
    if (dischargeDate && !isInEffect(r, dischargeDate)) continue;
    out.push(r);
  }
  if (set.kind === 'pcs') {
    // Deleted PCS codes sit at the end of records; include them when in effect.
    for (const r of set.records) {
      if (r.through !== undefined && r.code.startsWith(code) && r.code !== code && !out.includes(r)) {
        if (parentOf(set, r.code)?.code === code && (!dischargeDate || isInEffect(r, dischargeDate))) out.push(r);
      }
    }
  }
  return out;
}

/** Valid codes under (or equal to) a prefix that are in effect on the discharge date. */
export function validCodesUnder(set: CodeSet, prefix: string, dischargeDate: string, limit = Infinity): CodeRecord[] {
  const out: CodeRecord[] = [];
  for (const r of set.records) {
    if (out.length >= limit) break;
    if (r.valid && r.code.startsWith(prefix) && isInEffect(r, dischargeDate)) out.push(r);
  }
  return out;
}
