/**
 * Probabilistic record matching after Fellegi and Sunter ("A Theory for Record Linkage", JASA 1969;
 * him-rules.md section 6, MATCH-2): each field is compared at a level (agree, partial, disagree, missing);
 * a level observed with probability m among true matches and u among non-matches adds log2(m/u) bits.
 * Aids from MATCH-3: Double Metaphone phonetic keys, Jaro-Winkler similarity and a nickname table.
 */
import doubleMetaphone from 'talisman/phonetics/double-metaphone';
import jaroWinkler from 'talisman/metrics/jaro-winkler';
import { areNicknames, NICKNAME_GROUPS } from './names';
import { transposeDob } from './generator';
import type { Demographics } from './types';

export type FieldId = 'family' | 'given' | 'middle' | 'suffix' | 'dob' | 'sex' | 'ssnLast4' | 'address' | 'zip' | 'phone' | 'mrn';
export type Level = 'agree' | 'partial' | 'disagree' | 'missing';

/** m and u for the agree and partial levels; disagreement takes the remaining probability mass. */
export interface FieldParameters {
  label: string;
  mAgree: number;
  uAgree: number;
  mPartial: number;
  uPartial: number;
  /** Why the field is informative, in words a learner can repeat. */
  why: string;
}

/**
 * The m/u table (MATCH-2). u for DOB ~ 1/2,000 (random pairs rarely share a birth date); u for SSN last
 * four = 1/10,000; phone and street address are strong but people move (lower m).
 */
export const FIELD_PARAMETERS: Readonly<Record<FieldId, FieldParameters>> = {
  family: { label: 'Family name', mAgree: 0.9, uAgree: 0.01, mPartial: 0.07, uPartial: 0.02, why: 'people keep their surname, but marriage and typing slips change it' },
  given: { label: 'Given name', mAgree: 0.88, uAgree: 0.02, mPartial: 0.09, uPartial: 0.03, why: 'nicknames and typos are common, so near-agreement still counts a little' },
  middle: { label: 'Middle name', mAgree: 0.8, uAgree: 0.05, mPartial: 0.1, uPartial: 0.08, why: 'often left blank or reduced to an initial' },
  suffix: { label: 'Suffix', mAgree: 0.95, uAgree: 0.6, mPartial: 0, uPartial: 0, why: 'Jr/Sr/III separate a father from a son (MPI-C5)' },
  dob: { label: 'Date of birth', mAgree: 0.95, uAgree: 0.0005, mPartial: 0.04, uPartial: 0.003, why: 'two different people rarely share a full birth date; transposed digits are a classic slip (MPI-C1)' },
  sex: { label: 'Sex', mAgree: 0.98, uAgree: 0.5, mPartial: 0, uPartial: 0, why: 'half of all random pairs agree by chance, so agreement says little but disagreement says a lot' },
  ssnLast4: { label: 'SSN last four', mAgree: 0.93, uAgree: 0.0001, mPartial: 0.03, uPartial: 0.0036, why: 'four digits agree by chance once in 10,000 pairs' },
  address: { label: 'Street address', mAgree: 0.75, uAgree: 0.001, mPartial: 0.05, uPartial: 0.01, why: 'few strangers share a street address, but people move' },
  zip: { label: 'ZIP code', mAgree: 0.9, uAgree: 0.15, mPartial: 0, uPartial: 0, why: 'a service area has few ZIP codes, so agreement is common by chance' },
  phone: { label: 'Phone', mAgree: 0.7, uAgree: 0.0005, mPartial: 0, uPartial: 0, why: 'a shared phone is strong evidence, but numbers change' },
  mrn: { label: 'MRN', mAgree: 0.97, uAgree: 0.0002, mPartial: 0, uPartial: 0, why: 'an MRN is unique to a record at a facility' },
};

/** Thresholds (MATCH-2): at or above UPPER = probable match; at or below LOWER = non-match; between = clerical review. */
export const UPPER_THRESHOLD = 25;
export const LOWER_THRESHOLD = 10;

/** The agreement, partial and disagreement weights of a field in bits (log2 likelihood ratios). */
export function fieldWeights(p: FieldParameters): { agree: number; partial: number; disagree: number } {
  return {
    agree: Math.log2(p.mAgree / p.uAgree),
    partial: p.mPartial > 0 && p.uPartial > 0 ? Math.log2(p.mPartial / p.uPartial) : 0,
    disagree: Math.log2((1 - p.mAgree - p.mPartial) / (1 - p.uAgree - p.uPartial)),
  };
}

export interface FieldComparison {
  field: FieldId;
  label: string;
  level: Level;
  a: string;
  b: string;
  m: number;
  u: number;
  weight: number;
  /** Why this level was chosen (explainField turns it into a full sentence). */
  how: string;
}

export type PatternId = 'twins' | 'jr-sr' | 'swapped-names' | 'name-change' | 'overlay' | 'transposed-dob' | 'nickname';

export interface PatternWarning {
  pattern: PatternId;
  message: string;
}

export interface MatchResult {
  fields: FieldComparison[];
  total: number;
  decision: 'match' | 'review' | 'non-match';
  warnings: PatternWarning[];
  summary: string;
}

/** Upper-case letters only: how registration systems normalise names before comparing (MATCH-1). */
export function normaliseName(s: string | undefined): string {
  return (s ?? '').toUpperCase().replace(/[^A-Z]/g, '');
}

/** Normalises a street line: upper case, single spaces, common suffixes abbreviated (USPS style). */
export function normaliseAddress(s: string | undefined): string {
  const words: Record<string, string> = { STREET: 'ST', AVENUE: 'AVE', DRIVE: 'DR', ROAD: 'RD', LANE: 'LN', COURT: 'CT', PLACE: 'PL', BOULEVARD: 'BLVD', APARTMENT: 'APT', '#': 'APT' };
  return (s ?? '')
    .toUpperCase()
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => words[w] ?? w)
    .join(' ');
}

const phoneticCache = new Map<string, [string, string]>();
/** Double Metaphone keys of a normalised name (cached: the same names recur across 5,000 rows). */
export function phoneticKeys(name: string): [string, string] {
  let keys = phoneticCache.get(name);
  if (!keys) {
    keys = name ? doubleMetaphone(name) : ['', ''];
    phoneticCache.set(name, keys);
  }
  return keys;
}

function soundsAlike(a: string, b: string): boolean {
  if (!a || !b) return false;
  const [a1, a2] = phoneticKeys(a);
  const [b1, b2] = phoneticKeys(b);
  return a1 === b1 || a1 === b2 || a2 === b1 || (a2 !== '' && a2 === b2);
}

type NameLevel = { level: Level; how: string };

function compareFamily(a: Demographics, b: Demographics): NameLevel {
  const x = normaliseName(a.family);
  const y = normaliseName(b.family);
  if (!x || !y) return { level: 'missing', how: 'one side has no family name' };
  if (x === y) return { level: 'agree', how: 'identical' };
  const px = normaliseName(a.previousFamily);
  const py = normaliseName(b.previousFamily);
  if ((px && px === y) || (py && py === x)) return { level: 'partial', how: 'one record lists the other name as a previous (maiden) name (MPI-C3)' };
  if (soundsAlike(x, y)) return { level: 'partial', how: 'different spelling, same Double Metaphone key' };
  if (jaroWinkler(x, y) >= 0.9) return { level: 'partial', how: `a likely typo (Jaro-Winkler ${jaroWinkler(x, y).toFixed(2)})` };
  return { level: 'disagree', how: 'different names' };
}

function compareGiven(a: Demographics, b: Demographics): NameLevel {
  const x = normaliseName(a.given);
  const y = normaliseName(b.given);
  if (!x || !y) return { level: 'missing', how: 'one side has no given name' };
  if (x === y) return { level: 'agree', how: 'identical' };
  if (areNicknames(x, y)) return { level: 'partial', how: 'nickname forms of one name (MPI-C2)' };
  if (soundsAlike(x, y)) return { level: 'partial', how: 'different spelling, same Double Metaphone key' };
  if (jaroWinkler(x, y) >= 0.9) return { level: 'partial', how: `a likely typo (Jaro-Winkler ${jaroWinkler(x, y).toFixed(2)})` };
  return { level: 'disagree', how: 'different names' };
}

function compareDob(a: string, b: string): NameLevel {
  if (!a || !b) return { level: 'missing', how: 'one side has no date of birth' };
  if (a === b) return { level: 'agree', how: 'identical' };
  if (transposeDob(a) === b || transposeDob(b) === a) return { level: 'partial', how: 'the same digits transposed (MPI-C1)' };
  const same = [0, 1, 2].filter((i) => a.split('-')[i] === b.split('-')[i]).length;
  if (same === 2) return { level: 'partial', how: 'two of day, month and year agree' };
  return { level: 'disagree', how: 'different dates' };
}

function compareDigits(a: string | undefined, b: string | undefined, allowOneOff: boolean): NameLevel {
  if (!a || !b) return { level: 'missing', how: 'not recorded on both sides' };
  if (a === b) return { level: 'agree', how: 'identical' };
  if (allowOneOff && a.length === b.length) {
    const diffs = [...a].filter((c, i) => c !== b[i]).length;
    const sorted = (s: string) => [...s].sort().join('');
    if (diffs === 1 || (diffs === 2 && sorted(a) === sorted(b))) return { level: 'partial', how: 'one digit differs or two are transposed (MPI-C1)' };
  }
  return { level: 'disagree', how: 'different' };
}

function weigh(field: FieldId, level: Level, a: string, b: string, how: string): FieldComparison {
  const p = FIELD_PARAMETERS[field];
  const w = fieldWeights(p);
  const m = level === 'agree' ? p.mAgree : level === 'partial' ? p.mPartial : level === 'disagree' ? 1 - p.mAgree - p.mPartial : 1;
  const u = level === 'agree' ? p.uAgree : level === 'partial' ? p.uPartial : level === 'disagree' ? 1 - p.uAgree - p.uPartial : 1;
  const weight = level === 'agree' ? w.agree : level === 'partial' ? w.partial : level === 'disagree' ? w.disagree : 0;
  return { field, label: p.label, level, a, b, m, u, weight, how };
}

function percent(x: number): string {
  return `${(x * 100).toFixed(x < 0.01 ? 2 : 0)}%`;
}

/**
 * Explains one field's weight in words (MATCH-2): the level, how often it happens for the same person (m)
 * and for two different people (u), and the log2(m/u) it adds.
 */
export function explainField(f: FieldComparison): string {
  const p = FIELD_PARAMETERS[f.field];
  const shown = (s: string) => s || '(blank)';
  if (f.level === 'missing') return `${p.label}: ${f.how}, so it is not compared (0 bits).`;
  const verb = f.level === 'agree' ? 'agrees' : f.level === 'partial' ? 'partly agrees' : 'disagrees';
  return (
    `${p.label} ${verb} (${shown(f.a)} / ${shown(f.b)}: ${f.how}). ` +
    `This happens ${percent(f.m)} of the time for the same person and ${percent(f.u)} for two different people: ` +
    `log2(${f.m.toFixed(4)} / ${f.u.toFixed(4)}) = ${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(1)} bits, because ${p.why}.`
  );
}

function addressLine(d: Demographics): string {
  return normaliseAddress(d.address?.line);
}

function compareAddress(a: Demographics, b: Demographics): NameLevel {
  const x = addressLine(a);
  const y = addressLine(b);
  if (!x || !y) return { level: 'missing', how: 'not recorded on both sides' };
  if (x === y) return { level: 'agree', how: 'identical after normalisation' };
  const street = (s: string) => s.replace(/^\d+\s+/, '').replace(/\s+APT.*$/, '');
  if (street(x) === street(y) || x.replace(/\s+APT.*$/, '') === y.replace(/\s+APT.*$/, '')) return { level: 'partial', how: 'same street, different number or unit' };
  return { level: 'disagree', how: 'different addresses' };
}

/**
 * Compares two sets of demographics field by field and totals the Fellegi-Sunter weights (MATCH-2),
 * then looks for the patterns that fool a score: twins (MPI-C4), Jr/Sr (MPI-C5), swapped or changed
 * names (MPI-C3), transposed DOB (MPI-C1) and, when both rows share an MRN, an overlay (MPI-D2).
 * Fields missing on either side weigh nothing. With `scoreMrn` the MRNs are weighed too (a search by
 * MRN); without it, two rows sharing an MRN whose demographics do not match are flagged as an overlay.
 */
export function compareDemographics(
  a: Demographics,
  b: Demographics,
  options: { mrnA?: string; mrnB?: string; scoreMrn?: boolean } = {},
): MatchResult {
  const { fields, swapped } = compareFields(a, b, options);
  return buildResult(a, b, fields, swapped, options);
}

/** The total weight only (MATCH-2), for ranking many candidates quickly. */
export function matchTotal(a: Demographics, b: Demographics, options: { mrnA?: string; mrnB?: string; scoreMrn?: boolean } = {}): number {
  return compareFields(a, b, options).fields.reduce((s, f) => s + f.weight, 0);
}

function compareFields(
  a: Demographics,
  b: Demographics,
  options: { mrnA?: string; mrnB?: string; scoreMrn?: boolean },
): { fields: FieldComparison[]; swapped: boolean } {
  const fields: FieldComparison[] = [];
  let family = compareFamily(a, b);
  let given = compareGiven(a, b);
  const swapped =
    family.level === 'disagree' &&
    given.level === 'disagree' &&
    compareFamily({ ...a, family: a.given }, b).level !== 'disagree' &&
    compareGiven({ ...a, given: a.family }, b).level !== 'disagree';
  if (swapped) {
    family = { level: 'partial', how: 'the given and family names are swapped (MPI-C3)' };
    given = { level: 'partial', how: 'the given and family names are swapped (MPI-C3)' };
  }
  fields.push(weigh('family', family.level, a.family, b.family, family.how));
  fields.push(weigh('given', given.level, a.given, b.given, given.how));
  {
    const x = normaliseName(a.middle);
    const y = normaliseName(b.middle);
    const level: NameLevel = !x || !y ? { level: 'missing', how: 'blank on one side (common: MPI-C3)' } : x === y ? { level: 'agree', how: 'identical' } : x[0] === y[0] && (x.length === 1 || y.length === 1) ? { level: 'partial', how: 'only the initial agrees' } : { level: 'disagree', how: 'different middle names' };
    fields.push(weigh('middle', level.level, a.middle ?? '', b.middle ?? '', level.how));
  }
  {
    const x = normaliseName(a.suffix);
    const y = normaliseName(b.suffix);
    const level: NameLevel = !x || !y ? { level: 'missing', how: 'blank on one side' } : x === y ? { level: 'agree', how: 'identical' } : { level: 'disagree', how: 'different generations' };
    fields.push(weigh('suffix', level.level, a.suffix ?? '', b.suffix ?? '', level.how));
  }
  const dob = compareDob(a.dob, b.dob);
  fields.push(weigh('dob', dob.level, a.dob, b.dob, dob.how));
  {
    const level: NameLevel = !a.sex || !b.sex || a.sex === 'U' || b.sex === 'U' ? { level: 'missing', how: 'unknown on one side' } : a.sex === b.sex ? { level: 'agree', how: 'identical' } : { level: 'disagree', how: 'different' };
    fields.push(weigh('sex', level.level, a.sex, b.sex, level.how));
  }
  const ssn = compareDigits(a.ssnLast4, b.ssnLast4, true);
  fields.push(weigh('ssnLast4', ssn.level, a.ssnLast4 ?? '', b.ssnLast4 ?? '', ssn.how));
  const address = compareAddress(a, b);
  fields.push(weigh('address', address.level, a.address?.line ?? '', b.address?.line ?? '', address.how));
  {
    const zip = compareDigits(a.address?.zip, b.address?.zip, false);
    fields.push(weigh('zip', zip.level, a.address?.zip ?? '', b.address?.zip ?? '', zip.how));
  }
  {
    const digits = (s?: string) => (s ?? '').replace(/\D/g, '');
    const phone = compareDigits(digits(a.phone), digits(b.phone), false);
    fields.push(weigh('phone', phone.level, a.phone ?? '', b.phone ?? '', phone.how));
  }
  if (options.scoreMrn && options.mrnA !== undefined && options.mrnB !== undefined) {
    const level: NameLevel = options.mrnA.toUpperCase() === options.mrnB.toUpperCase() ? { level: 'agree', how: 'identical' } : { level: 'disagree', how: 'different' };
    fields.push(weigh('mrn', level.level, options.mrnA, options.mrnB, level.how));
  }
  return { fields, swapped };
}

function buildResult(
  a: Demographics,
  b: Demographics,
  fields: FieldComparison[],
  swapped: boolean,
  options: { mrnA?: string; mrnB?: string; scoreMrn?: boolean },
): MatchResult {
  const total = fields.reduce((s, f) => s + f.weight, 0);
  const decision = total >= UPPER_THRESHOLD ? 'match' : total <= LOWER_THRESHOLD ? 'non-match' : 'review';
  const warnings = detectPatterns(a, b, fields, swapped);
  if (!options.scoreMrn && options.mrnA && options.mrnA === options.mrnB && decision !== 'match') {
    warnings.unshift({ pattern: 'overlay', message: `Both rows carry MRN ${options.mrnA} but the demographics do not match: two people's data under one record, an overlay (MPI-D2). Flag it for an urgent split; do not merge.` });
  }
  const level = (f: FieldId) => fields.find((x) => x.field === f)?.level;
  const verdict =
    decision === 'match' ? `at or above the upper threshold (${UPPER_THRESHOLD}): a probable match` : decision === 'non-match' ? `at or below the lower threshold (${LOWER_THRESHOLD}): a non-match` : `between the thresholds (${LOWER_THRESHOLD}-${UPPER_THRESHOLD}): clerical review`;
  const agreeing = fields.filter((f) => f.level === 'agree').map((f) => f.label.toLowerCase());
  const disagreeing = fields.filter((f) => f.level === 'disagree').map((f) => f.label.toLowerCase());
  const summary =
    `Total ${total.toFixed(1)} bits, ${verdict}. Agreeing: ${agreeing.join(', ') || 'none'}. Disagreeing: ${disagreeing.join(', ') || 'none'}.` +
    (warnings.length > 0 ? ` A score never decides alone: ${warnings.map((w) => w.message).join(' ')}` : '') +
    (level('dob') === 'missing' ? ' DOB was not compared.' : '');
  return { fields, total, decision, warnings, summary };
}

function yearsApart(a: string, b: string): number {
  return Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4)));
}

function detectPatterns(a: Demographics, b: Demographics, fields: FieldComparison[], swapped: boolean): PatternWarning[] {
  const at = (f: FieldId) => fields.find((x) => x.field === f)?.level ?? 'missing';
  const out: PatternWarning[] = [];
  if (at('dob') === 'agree' && at('family') === 'agree' && at('given') !== 'agree' && (at('address') === 'agree' || at('phone') === 'agree')) {
    out.push({ pattern: 'twins', message: 'Same family name, birth date and household but a different given name: the twin/multiple pattern (MPI-C4). Twins are two people; do not merge on the score alone.' });
  }
  const suffixDiffers = at('suffix') === 'disagree' || (!!a.suffix !== !!b.suffix && /^(JR|SR|II|III|IV)$/.test(normaliseName(a.suffix || b.suffix)));
  if (at('family') === 'agree' && at('given') === 'agree' && at('dob') !== 'agree' && (suffixDiffers || yearsApart(a.dob, b.dob) >= 15)) {
    out.push({ pattern: 'jr-sr', message: `Same name and household but birth years ${yearsApart(a.dob, b.dob)} years apart${suffixDiffers ? ' and a suffix on only one or different suffixes' : ''}: the Jr/Sr pattern (MPI-C5). A father and son are two people.` });
  }
  if (swapped) out.push({ pattern: 'swapped-names', message: 'The given and family names are reversed on one record (MPI-C3).' });
  if (at('family') === 'partial' && (normaliseName(a.previousFamily) || normaliseName(b.previousFamily))) {
    out.push({ pattern: 'name-change', message: 'A previous (maiden) name on one record matches the other record (MPI-C3): verify the name change.' });
  }
  if (at('dob') === 'partial') out.push({ pattern: 'transposed-dob', message: 'The birth dates differ only by a transposition or one element (MPI-C1): check the source document.' });
  if (at('given') === 'partial' && areNicknames(normaliseName(a.given), normaliseName(b.given)) && normaliseName(a.given) !== normaliseName(b.given)) {
    out.push({ pattern: 'nickname', message: 'The given names are nickname forms of one name (MPI-C2).' });
  }
  return out;
}

/** Canonical given-name forms for blocking: the name itself plus any nickname group it belongs to (MPI-C2). */
export function givenNameForms(given: string): string[] {
  const n = normaliseName(given);
  return [n, ...(NICKNAME_GROUPS.get(n) ?? [])];
}
