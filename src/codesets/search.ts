/**
 * Encoder search over ICD-10-CM and ICD-10-PCS titles (MiniSearch: BM25 ranking, prefix and fuzzy
 * matching) plus code-prefix search over the sorted code lists. Clinical abbreviations are expanded
 * before searching (abbreviations.ts).
 */
import MiniSearch from 'minisearch';
import porter from 'talisman/stemmers/porter';
import { CLINICAL_ABBREVIATIONS, TITLE_SYNONYMS } from './abbreviations.ts';
import { formatCode, isInEffect, type CodeKind, type CodeRecord, type CodeSet } from './codeset.ts';

/** Words too common in titles to help ranking ("with"/"without" are kept: they change the meaning). */
const STOP_WORDS = new Set(['of', 'the', 'and', 'or', 'a', 'an', 'to', 'by', 'for', 'in', 'on', 'at', 'as', 'nos', 'with']);

const stems = new Map<string, string>();
/** Lower case, stop words dropped, Porter stem (so "hypertensive" finds "hypertension"). */
function processTerm(term: string): string | null {
  const t = term.toLowerCase().replace(/'s$/, '').replace(/^['-]+|['-]+$/g, '');
  if (t.length === 0 || STOP_WORDS.has(t)) return null;
  let stem = stems.get(t);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(t) && t.length > 3 ? porter(t) : t;
    stems.set(t, stem);
  }
  return stem;
}

/** Tokenizer: splits on whitespace, punctuation and hyphens ("COVID-19" -> covid, 19; "Non-ST" -> non, st). */
function tokenize(text: string): string[] {
  return text.split(/[\s,;:()[\]/.-]+/u).filter((t) => t.length > 0);
}

/**
 * Search documents are code families, not single codes: an ICD-10-CM 6-character code with its
 * 7th-character extensions (S72.001 + S72.001A..S), an ICD-10-PCS table + body part (0DTJ...).
 * That cuts the index from ~178,000 to ~60,000 documents (the 7th-character and approach words
 * would otherwise dominate every posting list) and keeps p95 latency low; members are then
 * filtered and ranked inside the best families.
 */
interface IndexedSet {
  set: CodeSet;
  mini: MiniSearch<{ id: number; text: string }>;
  families: CodeRecord[][];
  /** Each family's processed words, space-separated with a leading and trailing space. */
  familyText: string[];
  /** Families that stand for a tabular inclusion term of their single code: id -> the term. */
  aliases: Map<number, string>;
  /** Processed title word -> number of families containing it; decides whether a query word is
   * complete (else prefix/fuzzy) and which words are too common to drive the index query. */
  vocabulary: Map<string, number>;
  /** Records sorted by code, for prefix search. */
  sortedCodes: CodeRecord[];
}

export interface SearchIndex {
  dx?: IndexedSet;
  pcs?: IndexedSet;
  /** Alphabetic Index main terms with a default code, keyed by their processed words. */
  indexDefaults?: Map<string, { term: string; code: string }>;
}

export interface SearchHit {
  code: string;
  display: string;
  title: string;
  kind: CodeKind;
  reportable: boolean;
  /** false when the code exists in FY2026 but not for the discharge date. */
  inEffect: boolean;
  score: number;
  matchedBy: 'code' | 'words';
  /** Set when the hit is the Alphabetic Index default code for the query's main term. */
  via?: string;
}

export interface SearchOutcome {
  query: string;
  /** Query after abbreviation expansion. */
  expandedQuery: string;
  expansions: { abbreviation: string; meaning: string }[];
  hits: SearchHit[];
  /** Number of matching codes found (a lower bound when `more` is true). */
  total: number;
  /** true when more matches exist than were examined. */
  more: boolean;
  /** 'code' = code prefix; 'and' = every word matched; 'or' = relaxed because nothing matched every word. */
  mode: 'code' | 'and' | 'or';
  /** Words read as typos or unfinished words (matched approximately). */
  approximate: string[];
}

export interface SearchOptions {
  dischargeDate: string;
  kind?: CodeKind | 'all';
  limit?: number;
  /** Include codes not in effect on the discharge date (flagged inEffect=false). Default false. */
  includeNotInEffect?: boolean;
}

function titleWords(title: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(title)) {
    const p = processTerm(t);
    if (p) out.push(p);
  }
  return out;
}

function familyKey(set: CodeSet, rec: CodeRecord): string {
  if (set.kind === 'pcs') return rec.code.length === 7 ? rec.code.slice(0, 4) : rec.code;
  if (rec.code.length === 7) {
    const parent = set.byCode.get(rec.code.slice(0, 6));
    if (parent && !parent.valid) return parent.code;
  }
  return rec.code;
}

function indexSet(set: CodeSet): IndexedSet {
  const keyToFamily = new Map<string, number>();
  const families: CodeRecord[][] = [];
  for (const rec of set.records) {
    const key = familyKey(set, rec);
    let f = keyToFamily.get(key);
    if (f === undefined) {
      f = families.length;
      keyToFamily.set(key, f);
      families.push([]);
    }
    families[f]!.push(rec);
  }
  const vocabulary = new Map<string, number>();
  const familyText: string[] = [];
  const docs = families.map((members, id) => {
    const seen = new Set<string>();
    for (const m of members) for (const w of titleWords(m.title)) seen.add(w);
    for (const w of seen) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
    const text = [...seen].join(' ');
    familyText.push(` ${text} `);
    return { id, text };
  });
  const mini = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    storeFields: [],
    // Documents are already processed word lists.
    tokenize: (text) => text.split(' '),
    processTerm: (t) => t,
  });
  mini.addAll(docs);
  const sortedCodes = [...set.records].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { set, mini, families, familyText, aliases: new Map(), vocabulary, sortedCodes };
}

/**
 * Builds the search index for the given code sets (each optional, so the PCS set can be indexed
 * later with `addToSearchIndex`). Every valid code and header title is searchable.
 */
export function buildSearchIndex(sets: { cm?: CodeSet; pcs?: CodeSet; indexDefaultsTsv?: string }): SearchIndex {
  const index: SearchIndex = {};
  if (sets.cm) index.dx = indexSet(sets.cm);
  if (sets.pcs) index.pcs = indexSet(sets.pcs);
  if (sets.indexDefaultsTsv) index.indexDefaults = parseIndexDefaults(sets.indexDefaultsTsv);
  return index;
}

function wordsKey(words: string[]): string {
  return [...new Set(words)].sort().join(' ');
}

/** Parses cm-index-defaults.tsv (main term -> code, dot and trailing "-" as in the index). */
export function parseIndexDefaults(tsv: string): Map<string, { term: string; code: string }> {
  const map = new Map<string, { term: string; code: string }>();
  for (const line of tsv.split('\n')) {
    const [term, code] = line.split('\t');
    if (!term || !code || code.endsWith('-')) continue;
    const key = wordsKey(titleWords(term));
    if (key && !map.has(key)) map.set(key, { term, code: code.replace('.', '') });
  }
  return map;
}

/** Adds a code set (typically ICD-10-PCS, loaded after ICD-10-CM) to an existing index. */
export function addToSearchIndex(index: SearchIndex, set: CodeSet): void {
  if (set.kind === 'dx') index.dx = indexSet(set);
  else index.pcs = indexSet(set);
}

const PHRASES = Object.keys(TITLE_SYNONYMS)
  .filter((k) => k.includes(' '))
  .sort((a, b) => b.length - a.length);

/**
 * Makes the tabular inclusion terms searchable ("Fracture of hip NOS" under S72.00; ICD-10-CM
 * Official Guidelines I.A.11: inclusion terms are conditions for which the code is to be used).
 * `tsv` is cm-inclusion-terms.tsv; each term becomes a document pointing at its code.
 */
export function addInclusionTerms(index: SearchIndex, tsv: string): number {
  const dx = index.dx;
  if (!dx) return 0;
  const docs: { id: number; text: string }[] = [];
  for (const line of tsv.split('\n')) {
    const [code, term] = line.split('\t');
    const rec = code ? dx.set.byCode.get(code) : undefined;
    if (!rec || !term) continue;
    const words = [...new Set([...titleWords(term), ...titleWords(rec.title)])];
    const id = dx.families.length;
    dx.families.push([rec]);
    dx.aliases.set(id, term);
    const text = words.join(' ');
    dx.familyText.push(` ${text} `);
    for (const w of words) dx.vocabulary.set(w, (dx.vocabulary.get(w) ?? 0) + 1);
    docs.push({ id, text });
  }
  dx.mini.addAll(docs);
  return docs.length;
}

/** Expands clinical abbreviations (CHF, COPD, HTN, ...) and everyday/procedure words into title words. */
export function expandAbbreviations(query: string): { expanded: string; expansions: { abbreviation: string; meaning: string }[] } {
  const expansions: { abbreviation: string; meaning: string }[] = [];
  let text = ` ${query.trim().toLowerCase().replace(/\s+/g, ' ')} `;
  for (const phrase of PHRASES) {
    if (text.includes(` ${phrase} `)) {
      text = text.replace(` ${phrase} `, ` ${TITLE_SYNONYMS[phrase]!} `);
      expansions.push({ abbreviation: phrase, meaning: TITLE_SYNONYMS[phrase]! });
    }
  }
  const words = text.trim().split(' ').filter((w) => w.length > 0);
  const out = words.map((w) => {
    const key = w.toLowerCase().replace(/[^a-z0-9]/g, '');
    const meaning = CLINICAL_ABBREVIATIONS[key] ?? (TITLE_SYNONYMS[key] !== key ? TITLE_SYNONYMS[key] : undefined);
    if (meaning && !/^\d+$/.test(key)) {
      expansions.push({ abbreviation: w, meaning });
      return meaning;
    }
    return w;
  });
  return { expanded: out.join(' '), expansions };
}

const CODE_LIKE = /^[0-9A-Z]{1,7}$/;

function looksLikeCode(q: string): boolean {
  const bare = q.replace(/[.\s]/g, '').toUpperCase();
  // A code has a digit in its first three characters (ICD-10-CM: letter + 2 digits; PCS: section digit
  // or lettered sections whose 2nd/3rd character mostly is a digit); plain words do not.
  return CODE_LIKE.test(bare) && /\d/.test(bare.slice(0, 3)) && !q.trim().includes(' ');
}

function lowerBound(records: CodeRecord[], prefix: string): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid]!.code < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hitFrom(rec: CodeRecord, kind: CodeKind, dischargeDate: string, score: number, matchedBy: 'code' | 'words'): SearchHit {
  const inEffect = isInEffect(rec, dischargeDate);
  return { code: rec.code, display: formatCode(rec.code, kind), title: rec.title, kind, reportable: rec.valid && inEffect, inEffect, score, matchedBy };
}

function codePrefixSearch(indexed: IndexedSet, prefix: string, opts: SearchOptions, limit: number): { hits: SearchHit[]; total: number } {
  const { sortedCodes, set } = indexed;
  let i = lowerBound(sortedCodes, prefix);
  const matches: CodeRecord[] = [];
  let total = 0;
  for (; i < sortedCodes.length && sortedCodes[i]!.code.startsWith(prefix); i++) {
    const rec = sortedCodes[i]!;
    if (!opts.includeNotInEffect && !isInEffect(rec, opts.dischargeDate)) continue;
    total++;
    if (matches.length < limit * 4) matches.push(rec);
  }
  // Shorter (more general) codes first, then tabular order: the way the tabular list reads.
  matches.sort((a, b) => a.code.length - b.code.length || a.order - b.order);
  return { hits: matches.slice(0, limit).map((r) => hitFrom(r, set.kind, opts.dischargeDate, 1000 - r.code.length, 'code')), total };
}

function maxEdits(term: string): number {
  return term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0;
}

/** Levenshtein distance, stopping early once above `max`. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}

interface QueryTerm {
  term: string;
  prefix: boolean;
  fuzzy: number;
}

/**
 * Query words found in the titles are matched exactly; an unknown last word is read as unfinished
 * (prefix), other unknown words as typos (fuzzy, 1-2 edits). Exact words then rank cleanly.
 */
function planQuery(indexed: IndexedSet[], words: string[]): QueryTerm[] {
  return words.map((term, i) => {
    const known = indexed.some((x) => x.vocabulary.has(term));
    // A short last word may still be unfinished ("fail" on the way to "failure").
    if (known) return { term, prefix: i === words.length - 1 && term.length <= 5, fuzzy: 0 };
    return { term, prefix: i === words.length - 1 && term.length >= 2, fuzzy: maxEdits(term) };
  });
}

function wordMatches(q: QueryTerm, word: string): boolean {
  if (word === q.term) return true;
  if (q.prefix && word.startsWith(q.term)) return true;
  return q.fuzzy > 0 && withinEdits(word, q.term, q.fuzzy);
}

const FAMILIES_EXAMINED = 1500;
/** Titles checked word by word per query, at most: keeps the worst case near the typical one. */
const TITLE_CHECK_BUDGET = 1200;
/**
 * Words found in more families than this ("right", "initial", "approach") are not sent to the
 * index: they would make every query walk tens of thousands of postings. Candidates come from the
 * rarer words; the common words are then checked on each candidate's title.
 */
const COMMON_WORD_FAMILIES = 1200;

function wordSearch(
  indexed: IndexedSet,
  plan: QueryTerm[],
  combineWith: 'AND' | 'OR',
  opts: SearchOptions,
  want: number,
): { hits: SearchHit[]; more: boolean } {
  const planByTerm = new Map(plan.map((q) => [q.term, q]));
  const df = (q: QueryTerm): number => (q.prefix || q.fuzzy > 0 ? 0 : (indexed.vocabulary.get(q.term) ?? 0));
  let driving = plan.filter((q) => df(q) <= COMMON_WORD_FAMILIES);
  if (driving.length === 0) driving = [...plan].sort((a, b) => df(a) - df(b)).slice(0, 1);
  const maxFamilies = combineWith === 'OR' ? FAMILIES_EXAMINED / 10 : FAMILIES_EXAMINED;
  const checkEveryTitle = driving.length < plan.length || combineWith === 'OR';
  const results = indexed.mini.search(driving.map((q) => q.term).join(' '), {
    combineWith,
    prefix: (term) => planByTerm.get(term)?.prefix ?? false,
    fuzzy: (term) => planByTerm.get(term)?.fuzzy ?? 0,
    weights: { fuzzy: 0.5, prefix: 0.7 },
  });
  const first = plan[0]?.term ?? '';
  const hits: SearchHit[] = [];
  let examined = 0;
  let titleChecks = 0;
  for (const r of results) {
    if (examined >= maxFamilies || hits.length >= want || titleChecks >= TITLE_CHECK_BUDGET) break;
    examined++;
    const members = indexed.families[r.id as number]!;
    if (checkEveryTitle && combineWith === 'AND') {
      // Cheap family-level test first: every exact word must occur somewhere in the family.
      const text = indexed.familyText[r.id as number]!;
      if (!plan.every((q) => q.prefix || q.fuzzy > 0 || text.includes(` ${q.term} `))) continue;
    }
    const alias = indexed.aliases.get(r.id as number);
    for (const rec of members) {
      if (!opts.includeNotInEffect && !isInEffect(rec, opts.dischargeDate)) continue;
      const words = members.length === 1 && !checkEveryTitle ? null : alias ? [...titleWords(alias), ...titleWords(rec.title)] : titleWords(rec.title);
      if (words) titleChecks++;
      let matched = plan.length;
      if (words) matched = plan.filter((q) => words.some((w) => wordMatches(q, w))).length;
      if (combineWith === 'AND' ? matched < plan.length : matched === 0) continue;
      // The index leads from the main term: titles that start with the first word rank higher
      // ("Pneumonia, unspecified organism" before "Adenoviral pneumonia").
      const startsWithFirst = first.length > 0 && (words ?? titleWords(rec.title))[0] === first ? 1.5 : 1;
      // In the relaxed pass, titles with more of the words must lead (squared coverage).
      const coverage = combineWith === 'OR' ? (matched / plan.length) ** 2 : matched / plan.length;
      const score = r.score * coverage * startsWithFirst * (rec.valid ? 1.15 : 1) - rec.title.length / 1000;
      const hit = hitFrom(rec, indexed.set.kind, opts.dischargeDate, score, 'words');
      if (alias) hit.via = `Inclusion term: ${alias}`;
      hits.push(hit);
    }
  }
  return { hits, more: examined < results.length };
}

/**
 * Encoder search: a code or code prefix ("J18", "j18.9", "0DTJ") lists codes in tabular order;
 * words ("chf acute on chronic") are matched against titles, ranked by BM25 with typo tolerance
 * and abbreviation expansion; when no title contains every word, titles with some words follow.
 */
export function searchCodes(index: SearchIndex, query: string, opts: SearchOptions): SearchOutcome {
  const limit = opts.limit ?? 25;
  const kinds: IndexedSet[] = [];
  if ((opts.kind ?? 'all') !== 'pcs' && index.dx) kinds.push(index.dx);
  if ((opts.kind ?? 'all') !== 'dx' && index.pcs) kinds.push(index.pcs);
  const trimmed = query.trim();
  const empty: SearchOutcome = { query, expandedQuery: '', expansions: [], hits: [], total: 0, more: false, mode: 'and', approximate: [] };
  if (trimmed.length === 0) return empty;

  if (looksLikeCode(trimmed)) {
    const prefix = trimmed.replace(/[.\s]/g, '').toUpperCase();
    const hits: SearchHit[] = [];
    let total = 0;
    for (const k of kinds) {
      const r = codePrefixSearch(k, prefix, opts, limit);
      hits.push(...r.hits);
      total += r.total;
    }
    hits.sort((a, b) => b.score - a.score);
    if (total > 0) return { ...empty, expandedQuery: prefix, hits: hits.slice(0, limit), total, mode: 'code' };
  }

  const { expanded, expansions } = expandAbbreviations(trimmed);
  const words = [...new Set(titleWords(expanded))];
  if (words.length === 0) return { ...empty, expandedQuery: expanded, expansions };
  const plan = planQuery(kinds, words);
  const approximate = plan.filter((q) => q.prefix || q.fuzzy > 0).map((q) => q.term);
  let mode: 'and' | 'or' = 'and';
  // Collect a wider pool than shown, so the re-ranking above can promote the right titles.
  const want = Math.max(limit * 4, 100);
  let parts = kinds.map((k) => wordSearch(k, plan, 'AND', opts, want));
  if (parts.every((p) => p.hits.length === 0) && plan.length > 1) {
    mode = 'or';
    parts = kinds.map((k) => wordSearch(k, plan, 'OR', opts, want));
  }
  // A code found both by its title and by an inclusion term is listed once, at its best score.
  const best = new Map<string, SearchHit>();
  for (const h of parts.flatMap((p) => p.hits)) {
    const key = h.kind + h.code;
    const seen = best.get(key);
    if (!seen || h.score > seen.score) best.set(key, h);
  }
  const hits = [...best.values()];
  hits.sort((a, b) => b.score - a.score || a.code.length - b.code.length || (a.code < b.code ? -1 : 1));
  // ICD-10-CM Official Guidelines I.B.1: locate the main term in the Alphabetic Index first; the
  // code it gives for the bare main term is the default (I.A.18) and leads the list.
  const main = index.indexDefaults?.get(wordsKey(words));
  const dxSet = index.dx?.set;
  if (main && dxSet && (opts.kind ?? 'all') !== 'pcs') {
    const rec = dxSet.byCode.get(main.code);
    if (rec && (opts.includeNotInEffect || isInEffect(rec, opts.dischargeDate))) {
      const at = hits.findIndex((h) => h.code === rec.code);
      const hit = at >= 0 ? hits.splice(at, 1)[0]! : hitFrom(rec, 'dx', opts.dischargeDate, 0, 'words');
      hit.via = `Alphabetic Index: ${main.term} → ${formatCode(rec.code)}`;
      hits.unshift(hit);
    }
  }
  return { query, expandedQuery: expanded, expansions, hits: hits.slice(0, limit), total: hits.length, more: parts.some((p) => p.more), mode, approximate };
}
