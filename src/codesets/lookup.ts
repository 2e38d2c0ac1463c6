/**
 * Code lookup with teaching hints: resolves what a student typed to an ICD-10-CM or ICD-10-PCS code
 * for a discharge date, and explains what is wrong with the input when it is not a reportable code.
 */
import {
  APRIL_2026_UPDATE,
  FY2026_END,
  FY2026_START,
  childrenOf,
  formatCode,
  isInEffect,
  type CodeKind,
  type CodeRecord,
  type CodeSet,
} from './codeset.ts';

/** One code edit flag (e.g. a Medicare Code Editor edit) shown with a looked-up code. */
export interface EditFlag {
  /** Machine id, e.g. "mce:manifestation-as-pdx". */
  id: string;
  /** Plain-language label, e.g. "Manifestation code: not as principal diagnosis". */
  label: string;
  detail?: string;
}

/**
 * Optional hook for code edits compiled elsewhere (the MCE tables live in src/domain/mce and
 * public/grouper/, owned by the grouper module): lookupCode adds its flags to the result.
 */
export interface EditFlagProvider {
  diagnosis(code: string, dischargeDate: string): EditFlag[];
  procedure(code: string, dischargeDate: string): EditFlag[];
}

export interface CodeSets {
  cm: CodeSet;
  pcs?: CodeSet;
  /** FY2026 POA-exempt ICD-10-CM codes (dotless). */
  poaExempt?: Set<string>;
  /** Code edits (MCE) to attach to each result, when available. */
  editFlags?: EditFlagProvider;
}

export type HintKind = 'spaces' | 'case' | 'dot' | 'letter-digit' | 'extra-characters' | 'date' | 'pcs-dot';
export interface InputHint {
  kind: HintKind;
  message: string;
}

export type LookupStatus = 'reportable' | 'header' | 'not-in-effect' | 'deleted' | 'unknown' | 'invalid-input';

export interface MissingCharacter {
  /** 1-based position of the next character the code needs (4..7). */
  position: number;
  /** Characters that may follow, in tabular order (e.g. ['0','1','2','8','9'] or ['A','B',...]). */
  options: string[];
  message: string;
}

export interface LookupResult {
  input: string;
  /** Dotless, upper-case code the input was resolved to (null when nothing matched). */
  code: string | null;
  /** The code formatted for display (dot after the 3rd character for ICD-10-CM). */
  display: string | null;
  kind: CodeKind | null;
  status: LookupStatus;
  /** True only for a valid code that is in effect on the discharge date. */
  reportable: boolean;
  title?: string;
  shortTitle?: string;
  validFrom?: string;
  validThrough?: string;
  missing?: MissingCharacter;
  poaExempt?: boolean;
  /** Edit flags (MCE) from CodeSets.editFlags, for codes that exist. */
  editFlags?: EditFlag[];
  /** Corrections applied to the input (spaces, case, dot, O/0, I/1...). */
  hints: InputHint[];
  /** Plain-language explanation of the status. */
  messages: string[];
}

const ORDINALS = ['', '1st', '2nd', '3rd', '4th', '5th', '6th', '7th'];

function sortedUnique(chars: string[]): string[] {
  return [...new Set(chars)];
}

/**
 * Describes which character a header still needs, from its FY2026 children: "J18 is a category:
 * add a 4th character (J18.0-J18.9)"; "S72.001 needs a 7th character (A, B, C, D, ...)".
 * ICD-10-CM Official Guidelines I.A.3 (only codes at the highest level of detail are reportable),
 * I.A.4 (placeholder X) and I.A.5 (7th characters); ICD-10-PCS codes always have 7 characters.
 */
export function describeMissingCharacter(set: CodeSet, rec: CodeRecord, dischargeDate: string): MissingCharacter | undefined {
  const children = childrenOf(set, rec.code, dischargeDate);
  if (children.length === 0) return undefined;
  const position = rec.code.length + 1;
  const nextChars = sortedUnique(children.map((c) => c.code.charAt(rec.code.length)));
  const display = formatCode(rec.code, set.kind);
  if (set.kind === 'pcs') {
    return {
      position,
      options: nextChars,
      message: `${display} is an ICD-10-PCS table: build the remaining characters 4-7 (${children.length} codes in effect).`,
    };
  }
  const first = formatCode(children[0]!.code, 'dx');
  const last = formatCode(children[children.length - 1]!.code, 'dx');
  const childLength = children[0]!.code.length;
  const listed = nextChars.length > 4 ? `${nextChars.slice(0, 4).join(', ')}, ...` : nextChars.join(', ');
  let message: string;
  if (rec.code.length === 3) message = `${display} is a category: add a ${ORDINALS[position]} character (${first}-${last}).`;
  else if (childLength === 7 && rec.code.length === 6) message = `${display} needs a 7th character (${listed}).`;
  else if (nextChars.length === 1 && nextChars[0] === 'X') {
    message = `${display} needs the placeholder X as ${ORDINALS[position]} character, then more characters (${first}-${last}).`;
  } else message = `${display} is a subcategory: add a ${ORDINALS[position]} character (${first}-${last}).`;
  return { position, options: nextChars, message };
}

interface Normalized {
  candidate: string;
  hints: InputHint[];
  hadDot: boolean;
  dotIndex: number;
}

function normalizeInput(input: string): Normalized {
  const hints: InputHint[] = [];
  const trimmed = input.trim();
  if (/\s/.test(trimmed)) hints.push({ kind: 'spaces', message: 'Removed the spaces inside the code: codes are written without spaces.' });
  const noSpaces = trimmed.replace(/\s+/g, '');
  if (noSpaces !== noSpaces.toUpperCase()) hints.push({ kind: 'case', message: 'Codes are written in capital letters.' });
  const upper = noSpaces.toUpperCase().replace(/,/g, '.');
  const dotIndex = upper.indexOf('.');
  return { candidate: upper.replace(/\.+/g, ''), hints, hadDot: dotIndex >= 0, dotIndex };
}

/**
 * Spellings that differ only by the look-alike characters O/0 and I/1 (ICD-10-PCS uses neither
 * letter O nor I, precisely to avoid this confusion; ICD-10-CM uses O only as chapter-15 letter
 * and I as chapter-9 letter in position 1, and digits in positions 2-3).
 */
function lookAlikeVariants(code: string): string[] {
  const positions: number[] = [];
  for (let i = 0; i < code.length; i++) if ('OI01'.includes(code[i]!)) positions.push(i);
  if (positions.length === 0 || positions.length > 8) return [];
  const swap: Record<string, string> = { O: '0', '0': 'O', I: '1', '1': 'I' };
  const out: string[] = [];
  for (let mask = 1; mask < 1 << positions.length; mask++) {
    const chars = code.split('');
    positions.forEach((p, bit) => {
      if (mask & (1 << bit)) chars[p] = swap[chars[p]!]!;
    });
    out.push(chars.join(''));
  }
  return out;
}

function findRecord(sets: CodeSets, code: string, hadDot: boolean): { rec: CodeRecord; set: CodeSet } | undefined {
  const cm = sets.cm.byCode.get(code);
  const pcs = sets.pcs?.byCode.get(code);
  // A dot means ICD-10-CM; for 3-character collisions (CM category B20 vs PCS table B20) CM wins:
  // a PCS table header is never typed as a code.
  if (cm) return { rec: cm, set: sets.cm };
  if (pcs && sets.pcs && !hadDot) return { rec: pcs, set: sets.pcs };
  return undefined;
}

function periodLabel(date: string): string {
  return date >= APRIL_2026_UPDATE ? 'FY2026 April 1, 2026 update' : 'FY2026 October 1, 2025 release';
}

/**
 * Looks up a code as typed (with or without the dot, any case, stray spaces, O/0 and I/1 mix-ups)
 * for a discharge date, choosing the code-set version by date (FY2026 October set from 2025-10-01,
 * ICD-10-PCS April set from 2026-04-01). Implements ICD-10-CM Official Guidelines I.A.3 (only
 * complete codes are reportable), I.A.4/I.A.5 (placeholder and 7th characters), and the POA
 * exempt list (CMS POA reporting guidelines, FY2026 exempt list).
 */
export function lookupCode(sets: CodeSets, input: string, dischargeDate: string): LookupResult {
  const asides: string[] = [];
  const result = resolveInput(sets, input, dischargeDate, asides);
  result.messages.push(...asides);
  return result;
}

function resolveInput(sets: CodeSets, input: string, dischargeDate: string, asides: string[]): LookupResult {
  const norm = normalizeInput(input);
  const hints = [...norm.hints];
  const messages: string[] = [];
  const base: LookupResult = { input, code: null, display: null, kind: null, status: 'unknown', reportable: false, hints, messages };
  if (norm.candidate.length === 0) return { ...base, status: 'invalid-input', messages: ['Type a code.'] };
  if (!/^[0-9A-Z]+$/.test(norm.candidate)) {
    return { ...base, status: 'invalid-input', messages: [`"${input.trim()}" contains characters that never occur in a code (only letters, digits and one dot).`] };
  }
  if (dischargeDate < FY2026_START || dischargeDate > FY2026_END) {
    hints.push({ kind: 'date', message: `Discharge date ${dischargeDate} is outside FY2026 (2025-10-01 to 2026-09-30); the FY2026 code set is shown.` });
  }

  let code = norm.candidate;
  let found = findRecord(sets, code, norm.hadDot);
  // A bare PCS table header ("080") is far more often a mistyped ICD-10-CM code (O80).
  const pcsTableOnly = found?.set.kind === 'pcs' && !found.rec.valid ? found : undefined;
  if (pcsTableOnly) {
    const cmVariant = lookAlikeVariants(code).find((v) => sets.cm.byCode.has(v));
    if (cmVariant) {
      found = undefined;
      asides.push(`(${code} is also the ICD-10-PCS table "${pcsTableOnly.rec.title}".)`);
    }
  }
  if (!found) {
    const variants = lookAlikeVariants(code)
      .map((v) => ({ v, f: findRecord(sets, v, norm.hadDot) }))
      .filter((x): x is { v: string; f: { rec: CodeRecord; set: CodeSet } } => x.f !== undefined)
      // Prefer reportable codes, then the fewest swapped characters.
      .sort((a, b) => Number(b.f.rec.valid) - Number(a.f.rec.valid) || diffCount(a.v, code) - diffCount(b.v, code));
    const best = variants[0];
    if (best) {
      const what = describeSwaps(code, best.v);
      hints.push({ kind: 'letter-digit', message: `Read as ${formatCode(best.v, best.f.set.kind)}: ${what}.` });
      code = best.v;
      found = best.f;
    }
  }

  if (found) {
    const { rec, set } = found;
    const display = formatCode(rec.code, set.kind);
    if (norm.hadDot && set.kind === 'pcs') hints.push({ kind: 'pcs-dot', message: 'ICD-10-PCS codes have no dot.' });
    else if (norm.hadDot && set.kind === 'dx' && norm.dotIndex !== 3) {
      hints.push({ kind: 'dot', message: `The dot goes after the 3rd character: ${display}.` });
    } else if (norm.hadDot && set.kind === 'dx' && rec.code.length === 3 && norm.dotIndex === 3) {
      hints.push({ kind: 'dot', message: `A 3-character category is written without a dot: ${display}.` });
    }
    const result: LookupResult = {
      ...base,
      code: rec.code,
      display,
      kind: set.kind,
      title: rec.title,
      shortTitle: set.shortTitles.get(rec.code) ?? rec.title,
      ...(rec.from ? { validFrom: rec.from } : {}),
      ...(rec.through ? { validThrough: rec.through } : {}),
    };
    if (set.kind === 'dx' && sets.poaExempt) result.poaExempt = sets.poaExempt.has(rec.code);
    if (sets.editFlags && rec.valid) {
      result.editFlags = set.kind === 'dx' ? sets.editFlags.diagnosis(rec.code, dischargeDate) : sets.editFlags.procedure(rec.code, dischargeDate);
    }
    if (!isInEffect(rec, dischargeDate)) {
      result.status = 'not-in-effect';
      if (rec.from && dischargeDate < rec.from) {
        messages.push(`${display} is valid from ${rec.from} (${periodLabel(rec.from)}); it is not a valid code for a discharge on ${dischargeDate}.`);
      } else if (rec.through) {
        messages.push(`${display} was deleted: valid only through ${rec.through}; not valid for a discharge on ${dischargeDate}.`);
      }
      return result;
    }
    if (!rec.valid) {
      result.status = 'header';
      const missing = describeMissingCharacter(set, rec, dischargeDate);
      if (missing) {
        result.missing = missing;
        messages.push(missing.message);
      } else messages.push(`${display} is a header, not a reportable code.`);
      return result;
    }
    result.status = 'reportable';
    result.reportable = true;
    messages.push(`${display} is a valid ${set.kind === 'dx' ? 'ICD-10-CM' : 'ICD-10-PCS'} code for a discharge on ${dischargeDate} (${periodLabel(dischargeDate)}).`);
    return result;
  }

  // Not found: deleted before FY2026, too long, or no such code.
  const deleted = sets.cm.deletedBefore.get(code);
  if (deleted) {
    return {
      ...base,
      code,
      display: formatCode(code, 'dx'),
      kind: 'dx',
      status: 'deleted',
      title: deleted.title,
      messages: [`${formatCode(code, 'dx')} (${deleted.title}) was deleted from ICD-10-CM on ${deleted.date} (FY2026); it is not valid for FY2026 discharges.`],
    };
  }
  for (let n = code.length - 1; n >= 3; n--) {
    const prefix = findRecord(sets, code.slice(0, n), norm.hadDot);
    if (!prefix) continue;
    const { rec, set } = prefix;
    const display = formatCode(rec.code, set.kind);
    const typed = formatCode(code, set.kind);
    if (rec.valid) {
      hints.push({ kind: 'extra-characters', message: `${display} is already a complete code; remove the extra character(s) "${code.slice(n)}".` });
      return { ...base, code: null, kind: set.kind, status: 'unknown', messages: [`${typed} does not exist. Did you mean ${display} (${rec.title})?`] };
    }
    const missing = describeMissingCharacter(set, rec, dischargeDate);
    const options = missing ? ` Valid choices after ${display}: ${missing.options.join(', ')}.` : '';
    return { ...base, kind: set.kind, status: 'unknown', messages: [`${typed} does not exist. ${display} is "${rec.title}".${options}`] };
  }
  return { ...base, status: 'unknown', messages: [`${input.trim()} is not an ICD-10-CM or ICD-10-PCS code.`] };
}

function diffCount(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

function describeSwaps(from: string, to: string): string {
  const parts: string[] = [];
  for (let i = 0; i < from.length; i++) {
    const a = from[i]!;
    const b = to[i]!;
    if (a === b) continue;
    const name = (c: string): string => (c === 'O' ? 'the letter O' : c === 'I' ? 'the letter I' : c === '0' ? 'the digit 0' : 'the digit 1');
    parts.push(`${ORDINALS[i + 1]} character is ${name(b)}, not ${name(a)}`);
  }
  return parts.join('; ');
}
