/**
 * The "coding" task: principal diagnosis, secondary diagnoses with POA, procedures.
 *
 * Scoring here is exact-match with partial credit per component (docs/scoring.md, "Coding, v1").
 * Keys are the author's codes, checked against the code sets when they are loaded
 * (ICD-10-CM Official Guidelines FY2026 I.B.1: only reportable codes at the highest level of detail).
 */
import * as v from 'valibot';
import type { AuthoringProblem, Finding, TaskServices, TaskType } from '../tasks/taskTypes';
import { formatDiagnosisCode, looksLikeDiagnosisCode, looksLikeProcedureCode, normaliseCode, POA_VALUES, type PoaIndicator } from './codeFormat';
import type { Scenario } from '../../content/scenarioSchema';

const dxCode = v.pipe(
  v.string('expected an ICD-10-CM code as text'),
  v.transform(normaliseCode),
  v.check(looksLikeDiagnosisCode, 'is not shaped like an ICD-10-CM code (letter, digit, then up to 5 characters)'),
);
const pcsCode = v.pipe(
  v.string('expected an ICD-10-PCS code as text'),
  v.transform(normaliseCode),
  v.check(looksLikeProcedureCode, 'is not shaped like an ICD-10-PCS code (7 characters, no I or O)'),
);
const poa = v.pipe(
  v.union([v.string(), v.number()], 'expected a POA indicator'),
  v.transform((x) => String(x).toUpperCase()),
  v.picklist(POA_VALUES, 'POA is Y, N, U, W or 1 (exempt)'),
);

export const codingAnswerSchema = v.object({
  pdx: dxCode,
  /** Other codes the author accepts as principal diagnosis (full credit). */
  pdxAlternatives: v.optional(v.array(dxCode), []),
  sdx: v.optional(
    v.array(
      v.object({
        code: dxCode,
        poa,
        optional: v.optional(v.boolean(), false),
        alternatives: v.optional(v.array(dxCode), []),
        /** Why this code is owed, shown in feedback. */
        rationale: v.optional(v.string()),
      }),
    ),
    [],
  ),
  procedures: v.optional(
    v.array(
      v.object({
        code: pcsCode,
        date: v.optional(v.string()),
        optional: v.optional(v.boolean(), false),
        alternatives: v.optional(v.array(pcsCode), []),
        rationale: v.optional(v.string()),
      }),
    ),
    [],
  ),
  pdxRationale: v.optional(v.string()),
});
export type CodingAnswer = v.InferOutput<typeof codingAnswerSchema>;

export const codingResponseSchema = v.object({
  pdx: v.string(),
  sdx: v.array(v.object({ code: v.string(), poa: v.string() })),
  procedures: v.array(v.object({ code: v.string(), date: v.string() })),
});
export type CodingResponse = v.InferOutput<typeof codingResponseSchema>;

const OCG = 'ICD-10-CM Official Guidelines FY2026';
const POINTS = { pdx: 3, sdx: 1, poa: 0.5, procedure: 2, extra: 0.5 } as const;

/** Checks an author's key against the code sets (OCG I.B.1: report codes to the highest specificity). */
export function checkCodingAnswer(answer: CodingAnswer, scenario: Scenario, services: TaskServices): AuthoringProblem[] {
  const problems: AuthoringProblem[] = [];
  const lookup = services.codeInfo;
  if (!lookup) return problems;
  const date = scenario.encounter.discharged.slice(0, 10);
  const check = (code: string, kind: 'dx' | 'pcs', path: string) => {
    const info = lookup(code, kind, date);
    if (info.status === 'reportable') return;
    const label = kind === 'dx' ? formatDiagnosisCode(code) : code;
    const reason =
      info.status === 'header'
        ? (info.hint ?? 'is a category or header, not a reportable code')
        : (info.hint ?? `is not a valid ${kind === 'dx' ? 'ICD-10-CM' : 'ICD-10-PCS'} code on ${date}`);
    problems.push({ path, message: `"${label}" ${reason.startsWith(label) ? reason.slice(label.length).trim() : reason}` });
  };
  check(answer.pdx, 'dx', 'pdx');
  answer.pdxAlternatives.forEach((c, i) => check(c, 'dx', `pdxAlternatives[${i}]`));
  answer.sdx.forEach((s, i) => {
    check(s.code, 'dx', `sdx[${i}].code`);
    s.alternatives.forEach((c, j) => check(c, 'dx', `sdx[${i}].alternatives[${j}]`));
  });
  answer.procedures.forEach((p, i) => {
    check(p.code, 'pcs', `procedures[${i}].code`);
    p.alternatives.forEach((c, j) => check(c, 'pcs', `procedures[${i}].alternatives[${j}]`));
  });
  const seen = new Set<string>();
  answer.sdx.forEach((s, i) => {
    if (s.code === answer.pdx) problems.push({ path: `sdx[${i}].code`, message: 'repeats the principal diagnosis' });
    if (seen.has(s.code)) problems.push({ path: `sdx[${i}].code`, message: `"${formatDiagnosisCode(s.code)}" is listed twice` });
    seen.add(s.code);
  });
  return problems;
}

function matches(given: string, code: string, alternatives: readonly string[]): boolean {
  const g = normaliseCode(given);
  return g === code || alternatives.includes(g);
}

/**
 * Exact-match scoring with partial credit (docs/scoring.md "Coding, v1"):
 * principal diagnosis (OCG Section II), each required secondary (OCG Section III) and its POA
 * (OCG Appendix I), each procedure (UHDDS significant procedures); each unsupported extra code costs points.
 */
export function scoreCoding(response: CodingResponse, answer: CodingAnswer): { score: number; maxScore: number; findings: Finding[] } {
  const findings: Finding[] = [];
  const pdxOk = matches(response.pdx, answer.pdx, answer.pdxAlternatives);
  findings.push({
    outcome: pdxOk ? 'correct' : response.pdx.trim() ? 'incorrect' : 'missed',
    errorType: pdxOk ? undefined : 'coding.pdx-wrong',
    subject: 'Principal diagnosis',
    message: pdxOk
      ? `${formatDiagnosisCode(answer.pdx)} is the principal diagnosis.`
      : `Expected ${formatDiagnosisCode(answer.pdx)}${response.pdx.trim() ? `, not ${formatDiagnosisCode(response.pdx)}` : ''}. ${answer.pdxRationale ?? 'The principal diagnosis is the condition established after study to be chiefly responsible for the admission.'}`,
    points: pdxOk ? POINTS.pdx : 0,
    maxPoints: POINTS.pdx,
    citation: { source: OCG, section: 'Section II', text: 'Selection of principal diagnosis' },
  });

  const usedResponse = new Set<number>();
  for (const key of answer.sdx) {
    const index = response.sdx.findIndex((r, i) => !usedResponse.has(i) && matches(r.code, key.code, key.alternatives));
    const max = key.optional ? 0 : POINTS.sdx + POINTS.poa;
    if (index < 0) {
      if (!key.optional) {
        findings.push({
          outcome: 'missed',
          errorType: 'coding.sdx-missed',
          subject: `Secondary diagnosis ${formatDiagnosisCode(key.code)}`,
          message: `${formatDiagnosisCode(key.code)} was not reported. ${key.rationale ?? 'It meets the definition of an other diagnosis.'}`,
          points: 0,
          maxPoints: max,
          citation: { source: OCG, section: 'Section III', text: 'Reporting additional diagnoses' },
        });
      }
      continue;
    }
    usedResponse.add(index);
    const given = response.sdx[index]!;
    const poaOk = given.poa.toUpperCase() === key.poa;
    findings.push({
      outcome: poaOk ? 'correct' : 'partial',
      errorType: poaOk ? undefined : 'coding.poa-wrong',
      subject: `Secondary diagnosis ${formatDiagnosisCode(key.code)}`,
      message: poaOk
        ? `${formatDiagnosisCode(key.code)} with POA ${key.poa} is right.`
        : `${formatDiagnosisCode(key.code)} is right, but its POA indicator is ${key.poa}, not ${given.poa || '(blank)'}.`,
      points: key.optional ? 0 : POINTS.sdx + (poaOk ? POINTS.poa : 0),
      maxPoints: max,
      citation: poaOk ? undefined : { source: OCG, section: 'Appendix I', text: 'Present on admission reporting guidelines' },
    });
  }
  const keyedPdx = [answer.pdx, ...answer.pdxAlternatives];
  response.sdx.forEach((r, i) => {
    if (usedResponse.has(i) || !r.code.trim()) return;
    const isPdx = keyedPdx.includes(normaliseCode(r.code));
    findings.push({
      outcome: 'extra',
      errorType: isPdx ? 'coding.pdx-repeated' : 'coding.sdx-unsupported',
      subject: `Secondary diagnosis ${formatDiagnosisCode(r.code)}`,
      message: isPdx
        ? `${formatDiagnosisCode(r.code)} is the principal diagnosis; do not repeat it as a secondary.`
        : `${formatDiagnosisCode(r.code)} is not supported as a reportable secondary diagnosis in this chart.`,
      points: -POINTS.extra,
      maxPoints: 0,
      citation: { source: OCG, section: 'Section III', text: 'Other diagnoses are those that affect patient care' },
    });
  });

  const usedProc = new Set<number>();
  for (const key of answer.procedures) {
    const index = response.procedures.findIndex((r, i) => !usedProc.has(i) && matches(r.code, key.code, key.alternatives));
    const max = key.optional ? 0 : POINTS.procedure;
    if (index < 0) {
      if (!key.optional) {
        findings.push({
          outcome: 'missed',
          errorType: 'coding.pcs-missed',
          subject: `Procedure ${key.code}`,
          message: `${key.code} was not reported. ${key.rationale ?? 'It is a significant procedure (UHDDS).'}`,
          points: 0,
          maxPoints: max,
          citation: { source: 'UHDDS', section: 'Item 14', text: 'Significant procedures and dates' },
        });
      }
      continue;
    }
    usedProc.add(index);
    findings.push({
      outcome: 'correct',
      subject: `Procedure ${key.code}`,
      message: `${key.code} is right.`,
      points: max,
      maxPoints: max,
    });
  }
  response.procedures.forEach((r, i) => {
    if (usedProc.has(i) || !r.code.trim()) return;
    findings.push({
      outcome: 'extra',
      errorType: 'coding.pcs-unsupported',
      subject: `Procedure ${normaliseCode(r.code)}`,
      message: `${normaliseCode(r.code)} is not supported by the operative or procedure documentation.`,
      points: -POINTS.extra,
      maxPoints: 0,
      citation: { source: 'ICD-10-PCS Official Guidelines FY2026', section: 'B3.1', text: 'Code the procedures performed as documented' },
    });
  });

  const maxScore = findings.reduce((sum, f) => sum + f.maxPoints, 0);
  const raw = findings.reduce((sum, f) => sum + f.points, 0);
  return { score: Math.max(0, Math.min(maxScore, raw)), maxScore, findings };
}

export const codingTask: TaskType<unknown, CodingAnswer, CodingResponse> = {
  id: 'coding',
  module: 'coding',
  label: 'Code the record (ICD-10-CM / ICD-10-PCS)',
  inputSchema: v.optional(v.unknown()),
  answerSchema: codingAnswerSchema,
  responseSchema: codingResponseSchema,
  emptyResponse: () => ({ pdx: '', sdx: [], procedures: [] }),
  checkAnswer: checkCodingAnswer,
  isResponseComplete: (r) => looksLikeDiagnosisCode(r.pdx),
  score: (response, answer) => scoreCoding(response, answer),
};

export type { PoaIndicator };
