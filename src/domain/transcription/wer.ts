/**
 * Word error rate for transcription (WER = (substitutions + deletions + insertions) / reference words,
 * after normalisation), with critical errors counted separately: drug names, doses, laterality, negation
 * and numbers (AHDI healthcare documentation quality guidelines: "critical errors" can affect patient
 * care). Words are aligned with the `diff` package's array diff.
 */
import { diffArrays } from 'diff';
import { DRUG_NAMES } from './terminology';

const UNIT_WORDS: Record<string, string> = {
  milligram: 'mg', milligrams: 'mg', microgram: 'mcg', micrograms: 'mcg', gram: 'g', grams: 'g', milliliter: 'ml', milliliters: 'ml', millilitre: 'ml',
  millilitres: 'ml', cc: 'ml', kilogram: 'kg', kilograms: 'kg', centimeter: 'cm', centimeters: 'cm', millimeter: 'mm', millimeters: 'mm', unit: 'units',
  percent: '%', milliequivalents: 'meq', milliequivalent: 'meq', liters: 'l', liter: 'l', bilaterally: 'bilateral',
  'b.i.d': 'bid', 't.i.d': 'tid', 'q.i.d': 'qid', 'p.r.n': 'prn', 'p.o': 'po', 'i.v': 'iv', 'q.h.s': 'qhs',
};
const SMALL: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Turns spelled-out numbers into digits ("one hundred twenty" -> "120") so "20 mg" and "twenty milligrams" agree. */
function numbersToDigits(tokens: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!(t in SMALL) && !(t in TENS) && t !== 'hundred') {
      out.push(t);
      i++;
      continue;
    }
    let value = 0;
    let current = 0;
    let used = 0;
    while (i < tokens.length) {
      const w = tokens[i]!;
      if (w in SMALL) current += SMALL[w]!;
      else if (w in TENS) current += TENS[w]!;
      else if (w === 'hundred' && used > 0) current *= 100;
      else if (w === 'thousand' && used > 0) {
        value += current * 1000;
        current = 0;
      } else if (w === 'and' && used > 0 && tokens[i + 1] && (tokens[i + 1]! in SMALL || tokens[i + 1]! in TENS)) {
        /* "one hundred and five" */
      } else break;
      used++;
      i++;
    }
    out.push(String(value + current));
  }
  return out;
}

/**
 * Normalises text for WER (the usual ASR scoring convention): lower case, punctuation and section
 * formatting ignored, hyphens split, spelled numbers as digits, unit words abbreviated.
 */
export function normaliseWords(text: string): string[] {
  const raw = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/(\d),(\d{3})/g, '$1$2')
    .replace(/(\d)\.(\d)/g, '$1\u2024$2')
    .replace(/(\d)\/(\d)/g, '$1\u2044$2')
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1.')
    .replace(/[-–—]/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}%]+|[^\p{L}\p{N}%.]+$/gu, '').replace(/\.$/, ''))
    .filter(Boolean)
    .map((w) => UNIT_WORDS[w] ?? w)
    .map((w) => w.replace(/\u2024/g, '.').replace(/\u2044/g, '/'))
    .map((w) => w.replace(/[^\p{L}\p{N}%./']/gu, ''))
    .filter(Boolean);
  return canonicalDates(numbersToDigits(raw));
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Spoken and written forms of dates and readings agree: "january 14 2026" = "01/14/2026" = "1/14/2026",
 * "118 over 70" = "118/70" (a transcriptionist formats them; the words are the same).
 */
function canonicalDates(tokens: string[]): string[] {
  const out: string[] = [];
  const strip = (t: string) => t.split('/').map((p) => String(Number(p))).join('/');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const month = MONTHS.indexOf(t);
    const day = tokens[i + 1];
    if (month >= 0 && day && /^\d{1,2}$/.test(day) && Number(day) >= 1 && Number(day) <= 31) {
      const year = tokens[i + 2];
      if (year && /^(19|20)\d{2}$/.test(year)) {
        out.push(`${month + 1}/${Number(day)}/${year}`);
        i += 2;
      } else {
        out.push(`${month + 1}/${Number(day)}`);
        i += 1;
      }
      continue;
    }
    if (/^\d+$/.test(t) && tokens[i + 1] === 'over' && /^\d+$/.test(tokens[i + 2] ?? '')) {
      out.push(`${t}/${tokens[i + 2]}`);
      i += 2;
      continue;
    }
    out.push(/^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/.test(t) ? strip(t) : t);
  }
  return out;
}

export type CriticalCategory = 'drug' | 'dose' | 'laterality' | 'negation' | 'number';

const NEGATIONS = new Set(['no', 'not', 'denies', 'denied', 'without', 'negative', 'never', 'none', 'nor', 'absent', "doesn't", "didn't", "isn't", 'cannot']);
const LATERALITY = new Set(['left', 'right', 'bilateral', 'unilateral', 'ipsilateral', 'contralateral']);
const DOSE_UNITS = new Set(['mg', 'mcg', 'g', 'ml', 'units', 'meq', 'kg', 'l', 'bid', 'tid', 'qid', 'qhs', 'prn', 'daily', 'hourly']);

/** Which critical class a normalised word belongs to, if any. */
export function criticalCategory(word: string): CriticalCategory | undefined {
  if (NEGATIONS.has(word)) return 'negation';
  if (LATERALITY.has(word)) return 'laterality';
  if (DRUG_NAMES.has(word)) return 'drug';
  if (/\d/.test(word)) return 'number';
  if (DOSE_UNITS.has(word)) return 'dose';
  return undefined;
}

/** One aligned stretch: equal, missing (delete), extra (insert) or substituted (replace: `words` -> `with`). */
export interface DiffOp {
  type: 'equal' | 'delete' | 'insert' | 'replace';
  words: string[];
  with?: string[];
}

export interface CriticalError {
  category: CriticalCategory;
  /** The reference word (absent for an inserted word). */
  expected?: string;
  /** What the transcript has instead (absent for a deletion). */
  got?: string;
}

export interface WerResult {
  referenceWords: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  wer: number;
  ops: DiffOp[];
  critical: CriticalError[];
  criticalInReference: number;
}

/** Aligns hypothesis to reference words and computes WER and the critical errors (see module comment). */
export function wordErrorRate(reference: string, hypothesis: string): WerResult {
  const ref = normaliseWords(reference);
  const hyp = normaliseWords(hypothesis);
  const parts = diffArrays(ref, hyp);
  const ops: DiffOp[] = [];
  let s = 0;
  let d = 0;
  let ins = 0;
  const critical: CriticalError[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      const removed = part.value;
      const added = next.value;
      const n = Math.min(removed.length, added.length);
      s += n;
      d += removed.length - n;
      ins += added.length - n;
      ops.push({ type: 'replace', words: removed, with: added });
      removed.forEach((w, k) => {
        const c = criticalCategory(w) ?? (added[k] ? criticalCategory(added[k]) : undefined);
        if (c) critical.push({ category: c, expected: w, ...(added[k] ? { got: added[k] } : {}) });
      });
      added.slice(removed.length).forEach((w) => {
        const c = criticalCategory(w);
        if (c) critical.push({ category: c, got: w });
      });
      i++;
    } else if (part.removed) {
      d += part.value.length;
      ops.push({ type: 'delete', words: part.value });
      part.value.forEach((w) => {
        const c = criticalCategory(w);
        if (c) critical.push({ category: c, expected: w });
      });
    } else if (part.added) {
      ins += part.value.length;
      ops.push({ type: 'insert', words: part.value });
      part.value.forEach((w) => {
        const c = criticalCategory(w);
        if (c) critical.push({ category: c, got: w });
      });
    } else ops.push({ type: 'equal', words: part.value });
  }
  return {
    referenceWords: ref.length,
    substitutions: s,
    deletions: d,
    insertions: ins,
    wer: ref.length === 0 ? (hyp.length === 0 ? 0 : 1) : (s + d + ins) / ref.length,
    ops,
    critical,
    criticalInReference: ref.filter((w) => criticalCategory(w)).length,
  };
}
