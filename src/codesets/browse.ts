/**
 * Browsing the way coders are taught (documentation -> Alphabetic Index -> Tabular List, ICD-10-CM
 * Official Guidelines I.B.1): the tabular hierarchy, the Alphabetic Index with its "see" / "see also"
 * cross-references (I.A.16), the Neoplasm and Drug tables (row x column), the External Cause index,
 * and the ICD-10-PCS index leading to a table.
 */
import MiniSearch from 'minisearch';
import { childrenOf, formatCode, isInEffect, type CodeRecord, type CodeSet } from './codeset.ts';
import type { CmBlock, CmChapter, CmIndexFile, CmIndexTerm, CmTableFile, CmTableTerm, CmTabularFile, PcsIndexFile, PcsIndexTerm } from './formats.ts';
import { blockAndChapterOf } from './notes.ts';

// ------------------------------------------------------------------ tabular hierarchy

export interface TabularCrumb {
  level: 'chapter' | 'block' | 'category' | 'subcategory' | 'code';
  id: string;
  label: string;
}

/** Three-character categories of a block that exist in FY2026 (FY2026 titles and validity). */
export function categoriesOfBlock(cm: CodeSet, block: CmBlock, dischargeDate?: string): CodeRecord[] {
  return cm.records.filter(
    (r) => r.code.length === 3 && r.code >= block.first && r.code <= block.last && (!dischargeDate || isInEffect(r, dischargeDate)),
  );
}

/** Chapter -> block -> category -> subcategory -> code path of an ICD-10-CM code (for breadcrumbs). */
export function tabularPath(tabular: CmTabularFile, cm: CodeSet, code: string): TabularCrumb[] {
  const bare = code.replace(/\./g, '').toUpperCase();
  const out: TabularCrumb[] = [];
  const { chapter, block } = blockAndChapterOf(tabular, bare);
  if (chapter) out.push({ level: 'chapter', id: chapter.number, label: `Chapter ${chapter.number}: ${chapter.title}` });
  if (block) out.push({ level: 'block', id: block.id, label: block.title });
  for (let n = 3; n <= bare.length; n++) {
    const rec = cm.byCode.get(bare.slice(0, n));
    if (!rec) continue;
    const level = n === 3 ? 'category' : rec.valid ? 'code' : 'subcategory';
    out.push({ level, id: rec.code, label: `${formatCode(rec.code)} ${rec.title}` });
  }
  return out;
}

/** Children to show under a tabular node (chapter -> blocks, block -> categories, code -> children). */
export function tabularChildren(
  tabular: CmTabularFile,
  cm: CodeSet,
  node: { level: 'root' } | { level: 'chapter'; chapter: CmChapter } | { level: 'block'; block: CmBlock } | { level: 'code'; code: string },
  dischargeDate?: string,
): { chapters?: CmChapter[]; blocks?: CmBlock[]; codes?: CodeRecord[] } {
  if (node.level === 'root') return { chapters: tabular.chapters };
  if (node.level === 'chapter') return { blocks: node.chapter.blocks };
  if (node.level === 'block') return { codes: categoriesOfBlock(cm, node.block, dischargeDate) };
  return { codes: childrenOf(cm, node.code, dischargeDate) };
}

// ------------------------------------------------------------------ term finders (index, tables)

export interface TermEntry<T> {
  /** Titles from the main term down to this term. */
  path: string[];
  term: T;
}

/** Flattens a term tree to entries with their path (depth-first, index order). */
export function flattenTerms<T extends { title: string; nemod?: string; terms?: T[] }>(terms: T[], maxDepth = Infinity): TermEntry<T>[] {
  const out: TermEntry<T>[] = [];
  const walk = (list: T[], path: string[], depth: number): void => {
    for (const t of list) {
      const p = [...path, t.title];
      out.push({ path: p, term: t });
      if (t.terms && depth < maxDepth) walk(t.terms, p, depth + 1);
    }
  };
  walk(terms, [], 0);
  return out;
}

export interface TermFinder<T> {
  entries: TermEntry<T>[];
  /** Ranked, typo-tolerant search over the entries' paths (and nonessential modifiers). */
  find(query: string, limit?: number): TermEntry<T>[];
}

/** Builds a typo-tolerant finder over flattened terms (MiniSearch, prefix on the last word). */
export function createTermFinder<T extends { title: string; nemod?: string; terms?: T[] }>(entries: TermEntry<T>[]): TermFinder<T> {
  const mini = new MiniSearch<{ id: number; path: string; main: string; nemod: string }>({
    fields: ['main', 'path', 'nemod'],
    storeFields: [],
    searchOptions: { boost: { main: 3, path: 1, nemod: 0.3 } },
  });
  mini.addAll(entries.map((e, id) => ({ id, main: e.path[0] ?? '', path: e.path.join(' '), nemod: e.term.nemod ?? '' })));
  return {
    entries,
    find(query, limit = 50) {
      const q = query.trim();
      if (!q) return [];
      const results = mini.search(q, {
        combineWith: 'AND',
        prefix: (_t, i, terms) => i === terms.length - 1,
        fuzzy: (t) => (t.length >= 5 ? 1 : 0),
        weights: { fuzzy: 0.4, prefix: 0.7 },
      });
      // The index is read from the main term: an exact main-term title leads, then shallower entries.
      const wanted = q.toLowerCase();
      const rank = (e: TermEntry<T>, score: number): number =>
        (e.path.length === 1 && e.path[0]!.toLowerCase() === wanted ? 1e6 : 0) + score / e.path.length;
      return results
        .map((r) => ({ e: entries[r.id as number]!, key: rank(entries[r.id as number]!, r.score) }))
        .sort((a, b) => b.key - a.key || a.e.path.length - b.e.path.length)
        .slice(0, limit)
        .map((x) => x.e);
    },
  };
}

/** Finder over the ICD-10-CM Alphabetic Index or the External Cause index (main terms and subterms). */
export function createIndexFinder(file: CmIndexFile, maxDepth = 2): TermFinder<CmIndexTerm> {
  return createTermFinder(
    flattenTerms(
      file.letters.flatMap((l) => l.terms),
      maxDepth,
    ),
  );
}

/**
 * Resolves a "see" / "see also" cross-reference ("Pain, abdominal"; "Maltreatment") to the index
 * term it names: the main term, then each comma-separated subterm (Official Guidelines I.A.16).
 */
export function resolveCrossReference(file: CmIndexFile, reference: string): TermEntry<CmIndexTerm> | undefined {
  const target = reference.replace(/\s+/g, ' ').trim();
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const mains = file.letters.flatMap((l) => l.terms);
  // Main terms themselves can contain commas ("Abdomen, abdominal"): try the longest main-term match.
  const parts = target.split(',').map((p) => p.trim());
  for (let n = parts.length; n >= 1; n--) {
    const mainTitle = norm(parts.slice(0, n).join(', '));
    const main = mains.find((m) => norm(m.title) === mainTitle);
    if (!main) continue;
    let current = main;
    const path = [main.title];
    for (const sub of parts.slice(n)) {
      const next = current.terms?.find((t) => norm(t.title) === norm(sub) || norm(t.title).startsWith(`${norm(sub)} `));
      if (!next) break;
      current = next;
      path.push(next.title);
    }
    return { path, term: current };
  }
  return undefined;
}

/** A code written in the index ("J18.9", "S72.0-", "T36.0X1") reduced to a lookup key and completeness. */
export function indexCodeTarget(code: string): { code: string; incomplete: boolean } {
  const incomplete = code.endsWith('-');
  return { code: code.replace(/[.-]/g, '').toUpperCase(), incomplete };
}

// ------------------------------------------------------------------ neoplasm and drug tables

export interface TableRow {
  path: string[];
  cells: string[];
  see?: string;
  seeAlso?: string;
}

/** Every row of the Neoplasm or Drug table with its full path ("Neoplasm, neoplastic > lung > upper lobe"). */
export function tableRows(file: CmTableFile): TableRow[] {
  return flattenTerms<CmTableTerm>(file.terms).map((e) => {
    const row: TableRow = { path: e.path, cells: e.term.cells ?? [] };
    if (e.term.see) row.see = e.term.see;
    if (e.term.seeAlso) row.seeAlso = e.term.seeAlso;
    return row;
  });
}

/**
 * The code in a table cell, row x column (e.g. Drug table: Acetaminophen x "Adverse effect" ->
 * T39.1X5); empty or "--" cells mean no code applies. Columns are the table's headings.
 */
export function tableCell(file: CmTableFile, row: TableRow, column: string | number): string | undefined {
  const i = typeof column === 'number' ? column : file.columns.findIndex((c) => c.toLowerCase() === column.toLowerCase());
  const v = row.cells[i];
  return v && v !== '--' ? v : undefined;
}

/** Finder over table rows (Neoplasm: sites; Drug: substances). */
export function createTableFinder(file: CmTableFile): { rows: TableRow[]; find(query: string, limit?: number): TableRow[] } {
  const entries = flattenTerms<CmTableTerm>(file.terms);
  // The Neoplasm table has a single main term: search its sites, not "Neoplasm, neoplastic".
  const single = file.terms.length === 1;
  const finder = createTermFinder(single ? entries.map((e) => ({ ...e, path: e.path.slice(1).length > 0 ? e.path.slice(1) : e.path })) : entries);
  const rows = tableRows(file);
  const byTerm = new Map(entries.map((e, i) => [e.term, rows[i]!]));
  return {
    rows,
    find(query, limit = 50) {
      return finder.find(query, limit).map((e) => byTerm.get(e.term)!);
    },
  };
}

// ------------------------------------------------------------------ ICD-10-PCS index

export interface PcsIndexTarget {
  /** Table (3 characters) or longer partial code the index points to. */
  prefix: string;
  /** The index text leading there ("Resection, Appendix"). */
  via: string;
}

/** Tables / partial codes a PCS index term points to (its own code, codes, tab, or its "see" targets). */
export function pcsIndexTargets(term: PcsIndexTerm): PcsIndexTarget[] {
  const out: PcsIndexTarget[] = [];
  const own = term.code ?? term.codes ?? term.tab;
  if (own) out.push({ prefix: own.replace(/[^0-9A-Z]/gi, '').toUpperCase(), via: term.title });
  for (const s of term.see ?? []) {
    const p = s.codes ?? s.tab;
    if (p) out.push({ prefix: p.replace(/[^0-9A-Z]/gi, '').toUpperCase(), via: s.text });
  }
  return out;
}

/** Finder over the ICD-10-PCS index (main terms and subterms). */
export function createPcsIndexFinder(file: PcsIndexFile, maxDepth = 2): TermFinder<PcsIndexTerm> {
  return createTermFinder(
    flattenTerms(
      file.letters.flatMap((l) => l.terms),
      maxDepth,
    ),
  );
}
