/**
 * Diagnoses why a reported code differs from the key, by cause, each with the guideline that decides it
 * (ICD-10-CM Official Guidelines FY2026; ICD-10-PCS Official Guidelines FY2026). Pure functions over a
 * CodingReference, so the tests can feed hand-made code facts.
 */
import type { Citation } from '../tasks/taskTypes';
import { formatDiagnosisCode, looksLikeDiagnosisCode, looksLikeProcedureCode, normaliseCode } from './codeFormat';
import { CODING_ERROR_TYPES, citationFor, type CodingErrorTypeId } from './errorTypes';
import { titleKeyTerms } from './evidence';
import type { CodeFacts, CodingReference, CodeKind } from './reference';

export interface Diagnosis {
  errorType: CodingErrorTypeId;
  message: string;
  citation: Citation;
}

function diagnosis(errorType: CodingErrorTypeId, message: string, citation: Citation = citationFor(errorType)): Diagnosis {
  return { errorType, message, citation };
}

const show = (code: string, kind: CodeKind) => (kind === 'dx' ? formatDiagnosisCode(code) : normaliseCode(code));

/** The complete code a learner meant when they left out the placeholder X (OCG I.A.4), if exactly that. */
export function placeholderRepair(typed: string, ref: CodingReference, dischargeDate: string): string | undefined {
  const c = normaliseCode(typed);
  if (c.length < 4 || c.length >= 7 || c.includes('X')) return undefined;
  for (let i = 3; i < c.length; i++) {
    const candidate = c.slice(0, i) + 'X'.repeat(7 - c.length) + c.slice(i);
    if (ref.isReportable(candidate, 'dx', dischargeDate)) return candidate;
  }
  return undefined;
}

/**
 * What is wrong with a typed code that is not reportable, or null when it is reportable (or cannot be
 * judged without code sets and has a valid shape). OCG I.A.1-I.A.5, I.B.1-2.
 */
export function codeProblem(typed: string, kind: CodeKind, facts: CodeFacts | undefined, ref: CodingReference | undefined, dischargeDate: string): Diagnosis | null {
  const display = show(typed, kind);
  if (!facts) {
    const ok = kind === 'dx' ? looksLikeDiagnosisCode(typed) : looksLikeProcedureCode(typed);
    return ok
      ? null
      : diagnosis('coding.code-invalid', kind === 'dx' ? `${display} is not shaped like an ICD-10-CM code (a letter, a digit, then up to 5 characters).` : `${display} is not an ICD-10-PCS code: PCS codes have exactly 7 characters (no I or O).`);
  }
  if (facts.lookAlike) return diagnosis('coding.letter-digit', `${display} is not a code as typed. ${facts.lookAlike}`);
  switch (facts.status) {
    case 'reportable':
      return null;
    case 'header': {
      const missing = facts.missing;
      if (kind === 'dx' && missing?.position === 7) {
        return diagnosis('coding.seventh-character', `${display} is incomplete: ${missing.message} The 7th character (e.g. A initial encounter, D subsequent, S sequela) is part of the code.`);
      }
      if (kind === 'dx' && missing?.options.length === 1 && missing.options[0] === 'X') {
        return diagnosis('coding.placeholder-x', `${display} is incomplete: ${missing.message}`);
      }
      return diagnosis('coding.code-header', `${display} is not a reportable code: ${missing?.message ?? facts.message}`);
    }
    case 'not-in-effect':
    case 'deleted':
      return diagnosis('coding.code-not-in-effect', facts.message);
    default: {
      if (kind === 'dx' && ref) {
        const repaired = placeholderRepair(typed, ref, dischargeDate);
        if (repaired) {
          return diagnosis(
            'coding.placeholder-x',
            `${display} is not a code: the 7th character must sit in position 7, so the empty positions are filled with the placeholder X: ${formatDiagnosisCode(repaired)}.`,
          );
        }
      }
      return diagnosis('coding.code-invalid', facts.message || `${display} is not an ${kind === 'dx' ? 'ICD-10-CM' : 'ICD-10-PCS'} code.`);
    }
  }
}

interface CombinationRule {
  errorType: Extract<CodingErrorTypeId, `coding.combination-${string}`>;
  /** The key's combination code. */
  key: RegExp;
  /** What a learner reports instead. */
  given: RegExp;
  explain: string;
}

/** Combination-code families most often missed (OCG I.B.9, I.C.9.a, I.C.4.a, I.C.1.d). */
export const COMBINATION_RULES: readonly CombinationRule[] = [
  {
    errorType: 'coding.combination-htn',
    key: /^I13/,
    given: /^(I10|I11|I12|I50|N18)/,
    explain: 'Hypertension with both heart disease and chronic kidney disease is one combination code, I13.-, plus the I50.- and N18.- codes; the causal link is presumed (OCG I.C.9.a.3).',
  },
  {
    errorType: 'coding.combination-htn',
    key: /^I11/,
    given: /^(I10|I50|I51)/,
    explain: 'Hypertension with heart disease (heart failure, I51.4-I51.9) is the combination code I11.-, with the I50.- code added for the heart failure; the link is presumed unless the provider says the conditions are unrelated (OCG I.C.9.a.1).',
  },
  {
    errorType: 'coding.combination-htn',
    key: /^I12/,
    given: /^(I10|N18|N19)/,
    explain: 'Hypertension with chronic kidney disease is the combination code I12.-, with the N18.- code for the stage; the link is presumed (OCG I.C.9.a.2).',
  },
  {
    errorType: 'coding.combination-diabetes',
    key: /^E(0[89]|1[013])[0-8A]/,
    given: /^(E(0[89]|1[013])(9|8)|R73|R79|E16)/,
    explain: 'Diabetes "with" a listed complication is coded with the diabetes combination code for that complication, not "without complications" plus a separate code; "with" presumes the link (OCG I.C.4.a, I.A.15).',
  },
  {
    errorType: 'coding.combination-sepsis',
    key: /^R652/,
    given: /^(R65[01]|R6889|R57)/,
    explain: 'Sepsis with acute organ dysfunction is severe sepsis: the infection code, R65.20 (R65.21 with septic shock) and a code for each organ dysfunction (OCG I.C.1.d.1.b; I.C.1.d.2 for septic shock).',
  },
];

function lateralityNeutral(title: string): string {
  return title
    .toLowerCase()
    .replace(/\b(right|left|bilateral|unspecified side|unspecified)\b/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',')
    .trim();
}

/** True when two titles differ only by side (right/left/bilateral/unspecified): OCG I.B.13. */
export function differsOnlyByLaterality(a: string, b: string): boolean {
  if (a === b) return false;
  const sided = /\b(right|left|bilateral)\b/i;
  return (sided.test(a) || sided.test(b)) && lateralityNeutral(a) === lateralityNeutral(b);
}

function sharesCondition(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const terms = new Set(titleKeyTerms(b));
  return titleKeyTerms(a).some((t) => terms.has(t));
}

/**
 * Why a reported diagnosis code is a near miss for a key code, or null when the two are unrelated:
 * an incomplete or invalid form of it (OCG I.A.3-5), a combination code missed (OCG I.B.9 and chapter
 * rules), the wrong side (OCG I.B.13) or a less specific code for the same condition (OCG I.B.2).
 */
export function relateDiagnosis(given: string, key: string, facts: CodeFacts | undefined, ref: CodingReference | undefined, dischargeDate: string): Diagnosis | null {
  const g = normaliseCode(given);
  const k = normaliseCode(key);
  if (!g || g === k) return null;
  const keyTitle = ref?.title(k, 'dx');
  const supports = `The record supports ${formatDiagnosisCode(k)}${keyTitle ? ` (${keyTitle})` : ''}.`;
  const problem = codeProblem(g, 'dx', facts, ref, dischargeDate);
  if (problem) {
    const resolved = facts?.code ?? g;
    const related = k.startsWith(g) || resolved === k || (ref && placeholderRepair(g, ref, dischargeDate) === k) || k.slice(0, 3) === g.slice(0, 3);
    return related ? { ...problem, message: `${problem.message} ${supports}` } : null;
  }
  for (const rule of COMBINATION_RULES) {
    if (rule.key.test(k) && rule.given.test(g)) return diagnosis(rule.errorType, `${formatDiagnosisCode(g)} is not the right code here: ${rule.explain} ${supports}`);
  }
  const givenTitle = ref?.title(g, 'dx') ?? facts?.title;
  if (givenTitle && keyTitle && differsOnlyByLaterality(givenTitle, keyTitle)) {
    return diagnosis('coding.laterality', `${formatDiagnosisCode(g)} (${givenTitle}) has the wrong side. ${supports} Code the side the record documents; "unspecified" side only when it is not documented.`);
  }
  if (g.slice(0, 3) === k.slice(0, 3) || (g[0] === k[0] && sharesCondition(givenTitle, keyTitle))) {
    const unspecified = givenTitle && /unspecified/i.test(givenTitle) && !/unspecified/i.test(keyTitle ?? '');
    return diagnosis(
      'coding.specificity',
      `${formatDiagnosisCode(g)}${givenTitle ? ` (${givenTitle})` : ''} is ${unspecified ? 'less specific than the record allows' : 'a different code for this condition'}. ${supports}`,
    );
  }
  return null;
}

/** Whether an ICD-10-CM code is a symptom, sign or abnormal finding (Chapter 18, R00-R99). */
export function isSymptomCode(code: string): boolean {
  return /^R/.test(normaliseCode(code));
}

/** Whether a title marks a manifestation code ("in diseases classified elsewhere", OCG I.A.13). */
export function isManifestationTitle(title: string | undefined): boolean {
  return title !== undefined && /\bin (?:other )?diseases classified elsewhere/i.test(title);
}

export interface PcsCharacterDifference {
  position: number;
  axis: string;
  given: { value: string; label?: string; definition?: string };
  expected: { value: string; label?: string; definition?: string };
}

const PCS_POSITION_ERRORS: readonly CodingErrorTypeId[] = [
  'coding.pcs-section',
  'coding.pcs-body-system',
  'coding.pcs-root-operation',
  'coding.pcs-body-part',
  'coding.pcs-approach',
  'coding.pcs-device',
  'coding.pcs-qualifier',
];
const DEFAULT_AXES = ['Section', 'Body System', 'Root Operation', 'Body Part', 'Approach', 'Device', 'Qualifier'];

/** The characters in which two ICD-10-PCS codes differ, with what each value means (PCS guidelines A.2-A.4). */
export function pcsDifferences(given: string, expected: string, ref: CodingReference | undefined): PcsCharacterDifference[] {
  const g = normaliseCode(given);
  const e = normaliseCode(expected);
  const gm = ref?.pcsMeanings(g) ?? [];
  const em = ref?.pcsMeanings(e) ?? [];
  const out: PcsCharacterDifference[] = [];
  for (let i = 0; i < 7; i++) {
    if (g[i] === e[i]) continue;
    const gi = gm.find((m) => m.position === i + 1);
    const ei = em.find((m) => m.position === i + 1);
    const side = (value: string, m: typeof gi) => {
      const s: { value: string; label?: string; definition?: string } = { value };
      if (m?.label) s.label = m.label;
      if (m?.definition) s.definition = m.definition;
      return s;
    };
    out.push({ position: i + 1, axis: ei?.axis ?? gi?.axis ?? DEFAULT_AXES[i]!, given: side(g[i] ?? '?', gi), expected: side(e[i] ?? '?', ei) });
  }
  return out;
}

/** How many characters two PCS codes share in place (for pairing a wrong code with the key code it misses). */
export function pcsSimilarity(a: string, b: string): number {
  const x = normaliseCode(a);
  const y = normaliseCode(b);
  let n = 0;
  for (let i = 0; i < 7; i++) if (x[i] !== undefined && x[i] === y[i]) n++;
  return n;
}

/**
 * Explains a wrong ICD-10-PCS code character by character, naming the axis and meaning of each wrong value
 * and, for the root operation, both definitions (PCS guidelines B3.1a: apply the full definition).
 */
export function diagnosePcs(given: string, expected: string, ref: CodingReference | undefined): Diagnosis {
  const diffs = pcsDifferences(given, expected, ref);
  const first = diffs[0];
  const errorType = first ? PCS_POSITION_ERRORS[first.position - 1]! : 'coding.pcs-unsupported';
  const describe = (s: { value: string; label?: string }) => `${s.value}${s.label ? ` (${s.label})` : ''}`;
  const parts = diffs.map((d) => {
    let text = `character ${d.position}, ${d.axis.toLowerCase()}: you gave ${describe(d.given)}, the record supports ${describe(d.expected)}`;
    if (d.position === 3 && d.expected.definition) {
      text += `. ${d.expected.label ?? 'The expected root operation'} means: "${d.expected.definition}"`;
      if (d.given.definition) text += `; ${d.given.label ?? 'yours'} means: "${d.given.definition}"`;
    } else if (d.expected.definition && d.position !== 3) {
      text += ` (${d.expected.definition})`;
    }
    return text;
  });
  const message = `${normaliseCode(given)} is close to ${normaliseCode(expected)} but ${diffs.length === 1 ? 'one character is' : `${diffs.length} characters are`} wrong: ${parts.join('; ')}.`;
  return { errorType, message, citation: CODING_ERROR_TYPES[errorType].citation };
}
