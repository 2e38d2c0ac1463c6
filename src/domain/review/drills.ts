/**
 * Drills: short, real questions with computed answers, generated for an error type (issue 10 §4).
 * Generators are registered by error-type prefix ("coding.poa", "adt.status"...): the longest matching
 * prefix wins, so a module can add a drill for its own error types with `registerDrill` and any error type
 * without one still gets the recall drill built from the learner's own finding.
 */
import type { Citation } from '../tasks/taskTypes';
import { statusFromNarrative } from '../adt/dischargeStatus';
import { seededRandom } from '../game/shiftPlan';
import { FRACTURE_ENCOUNTERS, SEVENTH_CHARACTER_CODES, POA_FACTS, DISCHARGE_NARRATIVES, poaIndicator, seventhCharacter } from './drillData';

export interface Drill {
  kind: string;
  errorType: string;
  question: string;
  /** Text the question is about (a chart excerpt, a code). */
  context?: string;
  options: { id: string; text: string }[];
  correct: string;
  explanation: string;
  citation?: Citation;
}

/** What a generator may use: a seeded random source and the learner's own findings for this error type. */
export interface DrillContext {
  random: () => number;
  findings: readonly { subject: string; message: string; citation?: Citation; errorType?: string }[];
  /** Other error types the learner has made (distractors for the recall drill). */
  otherErrorTypes: readonly string[];
}

export type DrillGenerator = (errorType: string, context: DrillContext) => Drill | null;

const generators = new Map<string, DrillGenerator>();

/** Registers a drill generator for every error type that starts with `prefix`. */
export function registerDrill(prefix: string, generator: DrillGenerator): void {
  generators.set(prefix, generator);
}

/** The generator for an error type: the longest registered prefix that matches. */
export function generatorFor(errorType: string): { prefix: string; generator: DrillGenerator } | null {
  const match = [...generators.keys()].filter((p) => errorType.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  return match === undefined ? null : { prefix: match, generator: generators.get(match)! };
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Builds a drill for an error type (seeded); falls back to the recall drill. */
export function drillFor(errorType: string, context: Omit<DrillContext, 'random'>, seed: number): Drill | null {
  const random = seededRandom(seed);
  const found = generatorFor(errorType);
  return found?.generator(errorType, { ...context, random }) ?? recallDrill(errorType, { ...context, random });
}

/** 7th-character drill (ICD-10-CM OCG I.C.19.a): encounter facts → the 7th character of an injury code. */
export const seventhCharacterDrill: DrillGenerator = (errorType, { random }) => {
  const code = pick(SEVENTH_CHARACTER_CODES, random);
  const encounter = pick(FRACTURE_ENCOUNTERS.filter((e) => code.fracture || !e.fractureOnly), random);
  const correct = seventhCharacter(encounter.facts, code.fracture);
  const letters = code.fracture ? ['A', 'B', 'D', 'G', 'K', 'P', 'S'] : ['A', 'D', 'S'];
  return {
    kind: '7th-character',
    errorType,
    question: `${code.title}: which 7th character completes ${code.base} for this encounter?`,
    context: encounter.text,
    options: letters.map((l) => ({ id: l, text: `${code.base}${l}: ${SEVENTH_LABELS[l]}` })),
    correct,
    explanation: `${correct}: ${SEVENTH_LABELS[correct]}. ${encounter.why}`,
    citation: { source: 'ICD-10-CM Official Guidelines FY2026', section: 'I.C.19.a (7th characters for injuries)' },
  };
};

const SEVENTH_LABELS: Record<string, string> = {
  A: 'initial encounter (active treatment; closed fracture)',
  B: 'initial encounter for open fracture',
  D: 'subsequent encounter, routine healing',
  G: 'subsequent encounter, delayed healing',
  K: 'subsequent encounter, nonunion',
  P: 'subsequent encounter, malunion',
  S: 'sequela',
};

/** POA drill (ICD-10-CM OCG Appendix I; him-rules.md 3.4): documentation facts → Y, N, U, W or 1. */
export const poaDrill: DrillGenerator = (errorType, { random }) => {
  const fact = pick(POA_FACTS, random);
  const correct = poaIndicator(fact.facts);
  return {
    kind: 'poa',
    errorType,
    question: `Which POA indicator does ${fact.condition} get?`,
    context: fact.text,
    options: [
      { id: 'Y', text: 'Y: present at the time of inpatient admission' },
      { id: 'N', text: 'N: not present at admission' },
      { id: 'U', text: 'U: documentation insufficient (query the provider)' },
      { id: 'W', text: 'W: provider cannot clinically determine' },
      { id: '1', text: '1: exempt from POA reporting' },
    ],
    correct,
    explanation: fact.why,
    citation: { source: 'ICD-10-CM Official Guidelines FY2026', section: 'Appendix I (Present on admission reporting guidelines)' },
  };
};

/** Discharge-status drill (UB-04 FL17; him-rules.md 3.3): the status is computed from the narrative by the ADT rules. */
export const dischargeStatusDrill: DrillGenerator = (errorType, { random }) => {
  const narrative = pick(DISCHARGE_NARRATIVES, random);
  const result = statusFromNarrative([
    { id: 'ds', type: 'discharge-summary', author: { name: 'Drill', role: 'attending' }, created: '2026-01-01T10:00', text: `DISPOSITION: ${narrative}` },
  ]);
  if (!result.status) return null;
  const distractors = ['01', '02', '03', '06', '07', '50', '62', '63'].filter((c) => c !== result.status);
  const options = [result.status, ...distractors.sort(() => random() - 0.5).slice(0, 3)].sort();
  return {
    kind: 'discharge-status',
    errorType,
    question: 'Which discharge status code (UB-04 FL17) does this disposition get?',
    context: narrative,
    options: options.map((c) => ({ id: c, text: c })),
    correct: result.status,
    explanation: result.explanation,
    citation: { source: 'NUBC UB-04 manual', section: 'FL17 patient discharge status (him-rules.md 3.3)' },
  };
};

/**
 * Recall drill for any error type without its own generator: one of the learner's own findings, asking
 * which rule it cited (or, without citations, which error it was). The answer comes from the stored finding.
 */
export function recallDrill(errorType: string, { random, findings, otherErrorTypes }: DrillContext): Drill | null {
  const own = findings.filter((f) => f.errorType === errorType);
  const finding = own.length > 0 ? pick(own, random) : undefined;
  if (!finding) return null;
  if (finding.citation) {
    const right = `${finding.citation.source} ${finding.citation.section}`;
    const others = [...new Set(findings.flatMap((f) => (f.citation ? [`${f.citation.source} ${f.citation.section}`] : [])))].filter((c) => c !== right);
    if (others.length > 0) {
      const options = [right, ...others.slice(0, 3)].sort();
      return {
        kind: 'recall-citation',
        errorType,
        question: `“${finding.subject}”: which rule shows why this was wrong?`,
        context: finding.message,
        options: options.map((text, i) => ({ id: String(i), text })),
        correct: String(options.indexOf(right)),
        explanation: `${right}${finding.citation.text ? `: ${finding.citation.text}` : ''}.`,
        citation: finding.citation,
      };
    }
  }
  const distractors = otherErrorTypes.filter((t) => t !== errorType).slice(0, 3);
  if (distractors.length === 0) return null;
  const options = [errorType, ...distractors].sort();
  return {
    kind: 'recall-error',
    errorType,
    question: 'Which kind of error does this feedback describe?',
    context: finding.message,
    options: options.map((t) => ({ id: t, text: t })),
    correct: errorType,
    explanation: `This was ${errorType}: ${finding.subject}.`,
    citation: finding.citation,
  };
}

registerDrill('coding.', seventhCharacterDrill);
registerDrill('coding.poa', poaDrill);
registerDrill('abstract.', seventhCharacterDrill);
registerDrill('adt.status', dischargeStatusDrill);
registerDrill('adt.wrong-status', dischargeStatusDrill);
