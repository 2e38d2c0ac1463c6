/**
 * MPI search: blocking keys narrow 5,000+ rows to a few candidates (MATCH-3: phonetic keys, nickname
 * table, DOB and identifier blocks), then every candidate is scored with the Fellegi-Sunter comparison
 * (MATCH-2) so the clerk sees ranked results with their field-by-field weights.
 */
import { compareDemographics, givenNameForms, matchTotal, normaliseAddress, normaliseName, phoneticKeys, type MatchResult } from './match';
import { transposeDob } from './generator';
import type { Demographics, MpiRecord, Sex } from './types';

export interface SearchQuery {
  /** Free text: "Family, Given Middle" or "Given Middle Family". */
  name?: string;
  /** ISO date YYYY-MM-DD. */
  dob?: string;
  sex?: Sex;
  mrn?: string;
  ssnLast4?: string;
  /** A street line, e.g. "118 Elm St". */
  address?: string;
  phone?: string;
}

export interface SearchHit {
  record: MpiRecord;
  match: MatchResult;
}

export interface ParsedName {
  family: string;
  given: string;
  middle?: string;
  suffix?: string;
}

const SUFFIXES = new Set(['JR', 'SR', 'II', 'III', 'IV']);

/** Splits a typed name the way registration clerks type it: "Family, Given Middle" or "Given Middle Family". */
export function parseName(text: string): ParsedName | undefined {
  const clean = text.replace(/\(.*?\)/g, ' ').trim();
  if (!clean) return undefined;
  let suffix: string | undefined;
  const strip = (tokens: string[]) =>
    tokens.filter((t) => {
      if (SUFFIXES.has(normaliseName(t))) {
        suffix = t.replace(/\./g, '');
        return false;
      }
      return true;
    });
  if (clean.includes(',')) {
    const [familyPart = '', rest = ''] = clean.split(',', 2);
    const tokens = strip(rest.trim().split(/\s+/).filter(Boolean));
    return { family: familyPart.trim(), given: tokens[0] ?? '', middle: tokens.slice(1).join(' ') || undefined, suffix };
  }
  const tokens = strip(clean.split(/\s+/).filter(Boolean));
  if (tokens.length === 1) return { family: tokens[0]!, given: '', suffix };
  return { family: tokens.at(-1)!, given: tokens[0]!, middle: tokens.slice(1, -1).join(' ') || undefined, suffix };
}

/** The query as demographics, so the same comparison scores queries and record pairs. */
export function queryDemographics(query: SearchQuery): Demographics {
  const name = query.name ? parseName(query.name) : undefined;
  const demo: Demographics = { family: name?.family ?? '', given: name?.given ?? '', dob: query.dob ?? '', sex: query.sex ?? 'U' };
  if (name?.middle) demo.middle = name.middle;
  if (name?.suffix) demo.suffix = name.suffix;
  if (query.ssnLast4) demo.ssnLast4 = query.ssnLast4.trim();
  if (query.address) demo.address = { line: query.address, city: '', state: '', zip: '' };
  if (query.phone) demo.phone = query.phone;
  return demo;
}

function add(map: Map<string, MpiRecord[]>, key: string, r: MpiRecord): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(r);
  else map.set(key, [r]);
}

function streetKey(line: string): string {
  return normaliseAddress(line).replace(/\s+APT.*$/, '');
}

function mrnOptions(query: SearchQuery, r: MpiRecord) {
  return { mrnA: query.mrn?.trim(), mrnB: r.mrn, scoreMrn: !!query.mrn?.trim() };
}

/** Ranks by total weight (ties by row id), then explains only the rows that will be shown. */
function rank(q: Demographics, query: SearchQuery, rows: Iterable<MpiRecord>, limit: number, positiveOnly: boolean): SearchHit[] {
  const scored: { r: MpiRecord; total: number }[] = [];
  for (const r of rows) {
    if (query.sex && query.sex !== 'U' && r.sex !== query.sex && r.sex !== 'U') continue;
    const total = matchTotal(q, r, mrnOptions(query, r));
    if (!positiveOnly || total > 0) scored.push({ r, total });
  }
  scored.sort((x, y) => y.total - x.total || x.r.rowId.localeCompare(y.r.rowId));
  return scored.slice(0, limit).map(({ r }) => ({ record: r, match: compareDemographics(q, r, mrnOptions(query, r)) }));
}

/** An indexed MPI: build once (O(n)), then each search touches only the blocks its query keys hit. */
export class MpiIndex {
  private readonly byName = new Map<string, MpiRecord[]>();
  private readonly byDob = new Map<string, MpiRecord[]>();
  private readonly byMrn = new Map<string, MpiRecord[]>();
  private readonly bySsn = new Map<string, MpiRecord[]>();
  private readonly byPhone = new Map<string, MpiRecord[]>();
  private readonly byStreet = new Map<string, MpiRecord[]>();

  constructor(readonly records: readonly MpiRecord[]) {
    for (const r of records) {
      // Family, previous family and given names share one phonetic block so that swapped names are found (MPI-C3).
      for (const name of [r.family, r.given, r.previousFamily]) {
        const n = normaliseName(name);
        if (!n) continue;
        const [p1, p2] = phoneticKeys(n);
        add(this.byName, p1, r);
        if (p2 && p2 !== p1) add(this.byName, p2, r);
      }
      for (const form of givenNameForms(r.given).slice(1)) add(this.byName, `NICK:${form}`, r);
      add(this.byDob, r.dob, r);
      add(this.byMrn, r.mrn.toUpperCase(), r);
      if (r.ssnLast4) add(this.bySsn, r.ssnLast4, r);
      if (r.phone) add(this.byPhone, r.phone.replace(/\D/g, ''), r);
      if (r.address) add(this.byStreet, streetKey(r.address.line), r);
    }
  }

  /**
   * Finds candidate rows for a query (blocking, MATCH-3), scores each (MATCH-2) and returns the best
   * `limit`, highest total first. Returns [] for an empty query; never throws on odd input.
   */
  search(query: SearchQuery, limit = 20): SearchHit[] {
    const candidates = new Set<MpiRecord>();
    const addAll = (list: readonly MpiRecord[] | undefined) => list?.forEach((r) => candidates.add(r));
    const name = query.name ? parseName(query.name) : undefined;
    if (name) {
      for (const token of [name.family, name.given, name.middle ?? '']) {
        const n = normaliseName(token);
        if (!n) continue;
        const [p1, p2] = phoneticKeys(n);
        addAll(this.byName.get(p1));
        if (p2) addAll(this.byName.get(p2));
        for (const form of givenNameForms(n).slice(1)) addAll(this.byName.get(`NICK:${form}`));
        addAll(this.byName.get(`NICK:${n}`));
      }
    }
    if (query.dob) {
      addAll(this.byDob.get(query.dob));
      addAll(this.byDob.get(transposeDob(query.dob)));
    }
    if (query.mrn?.trim()) addAll(this.byMrn.get(query.mrn.trim().toUpperCase()));
    if (query.ssnLast4?.trim()) addAll(this.bySsn.get(query.ssnLast4.trim()));
    if (query.phone?.trim()) addAll(this.byPhone.get(query.phone.replace(/\D/g, '')));
    if (query.address?.trim()) addAll(this.byStreet.get(streetKey(query.address)));
    if (candidates.size === 0) return [];
    return rank(queryDemographics(query), query, candidates, limit, false);
  }
}

/** Baseline for the benchmark: score every row (no blocking). Same ranking as MpiIndex.search. */
export function linearSearch(records: readonly MpiRecord[], query: SearchQuery, limit = 20): SearchHit[] {
  return rank(queryDemographics(query), query, records, limit, true);
}
