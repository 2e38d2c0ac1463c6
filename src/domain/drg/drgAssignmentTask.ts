/**
 * The "drg-assignment" task: after coding, the learner confirms the MS-DRG, reading the grouper's reasoning for
 * their own codes. The key is computed by the MS-DRG v43 grouper from the coding step's key (CMS MS-DRG
 * Definitions Manual v43); an author's stated DRG that disagrees is reported by the scenario checker.
 * Framed as validation of documentation and codes, never as maximising payment.
 */
import * as v from 'valibot';
import type { Scenario } from '../../content/scenarioSchema';
import type { AuthoringProblem, Finding, TaskServices, TaskType } from '../tasks/taskTypes';
import { codingAnswerSchema, codingResponseSchema, keyClaimCodes, type CodingAnswer, type CodingResponse } from '../coding/codingTask';
import { normaliseCode } from '../coding/codeFormat';
import { citationFor } from '../coding/errorTypes';
import { claimForScenario, formatDrg, type GrouperService } from './grouperService';
import { describeChange } from './whatIf';
import type { GroupResult } from '../grouper/types';

export const drgAssignmentInputSchema = v.object({
  /** The id of the coding step (in the same file) whose codes are grouped. */
  codingStep: v.pipe(v.string('expected the id of the coding step'), v.minLength(1, 'codingStep is empty')),
});
export type DrgAssignmentInput = v.InferOutput<typeof drgAssignmentInputSchema>;

const drgNumber = v.pipe(
  v.union([v.string(), v.number()], 'expected an MS-DRG number like 194'),
  v.transform((x) => String(x).trim()),
  v.check((x) => x === '' || /^\d{1,3}$/.test(x), 'an MS-DRG is a number of up to three digits'),
  v.transform((x) => (x === '' ? '' : x.padStart(3, '0'))),
);

export const drgAssignmentAnswerSchema = v.object({
  drg: drgNumber,
  /** Filled in by the grouper: the DRG title. */
  title: v.optional(v.string()),
});
export type DrgAssignmentAnswer = v.InferOutput<typeof drgAssignmentAnswerSchema>;

export const drgAssignmentResponseSchema = v.object({
  drg: v.string(),
  /** The learner's own codes from the coding step (copied when the step opens). */
  codes: v.nullable(codingResponseSchema),
});
export type DrgAssignmentResponse = v.InferOutput<typeof drgAssignmentResponseSchema>;

export const DRG_POINTS = { mdc: 1, family: 1, severity: 1 } as const;

/** The coding step's key, validated; throws an author-readable error when the reference is wrong. */
export function codingKeyFor(scenario: Scenario, input: DrgAssignmentInput): CodingAnswer {
  const step = scenario.steps.find((s) => s.id === input.codingStep);
  if (!step) throw new Error(`input.codingStep "${input.codingStep}" is not a step of this file`);
  if (step.type !== 'coding') throw new Error(`input.codingStep "${input.codingStep}" is a ${step.type} step, not a coding step`);
  const parsed = v.safeParse(codingAnswerSchema, step.answer);
  if (!parsed.success) throw new Error(`the coding step "${input.codingStep}" has no valid key to group`);
  return parsed.output;
}

/** Groups the key's codes (required codes, plus the optional ones the learner reported). */
export function groupKey(grouper: GrouperService, scenario: Scenario, key: CodingAnswer, learnerCodes: CodingResponse | null): GroupResult {
  const reported = new Set<string>();
  if (learnerCodes) {
    const mine = new Set([...learnerCodes.sdx.map((s) => normaliseCode(s.code)), ...learnerCodes.procedures.map((p) => normaliseCode(p.code))]);
    for (const s of key.sdx) if (s.optional && [s.code, ...s.alternatives].some((c) => mine.has(c))) reported.add(s.code);
    for (const p of key.procedures) if (p.optional && [p.code, ...p.alternatives].some((c) => mine.has(c))) reported.add(p.code);
  }
  return grouper.group(claimForScenario(scenario, keyClaimCodes(key, reported)));
}

/** Computes the DRG key with the grouper (MS-DRG v43); blank when the grouper is not loaded (browser, before use). */
export function computeDrgKey(input: DrgAssignmentInput, scenario: Scenario, services: TaskServices): DrgAssignmentAnswer {
  const key = codingKeyFor(scenario, input);
  if (!services.grouper) return { drg: '' };
  const result = groupKey(services.grouper, scenario, key, null);
  if (result.returnCode !== 'OK') throw new Error(`the coding step's key cannot be grouped (${result.returnCode}, MS-DRG ${formatDrg(result.drg)})`);
  return { drg: formatDrg(result.drg), title: result.drgTitle };
}

/** Lists where a stated DRG differs from the grouper's (nothing to compare while the grouper is not loaded). */
export function compareDrgKeys(stated: DrgAssignmentAnswer, computed: DrgAssignmentAnswer): AuthoringProblem[] {
  if (computed.drg === '' || stated.drg === '' || stated.drg === computed.drg) return [];
  return [{ path: 'drg', message: `stated ${stated.drg}, computed ${computed.drg}${computed.title ? ` ${computed.title}` : ''} (MS-DRG v43 grouper on the coding step's key)` }];
}

function own(grouper: GrouperService, scenario: Scenario, codes: CodingResponse | null): GroupResult | undefined {
  if (!codes || !codes.pdx.trim()) return undefined;
  try {
    return grouper.group(claimForScenario(scenario, codes));
  } catch {
    return undefined;
  }
}

/**
 * Scores the learner's MS-DRG (docs/scoring.md "DRG assignment"): 1 point each for the MDC, the DRG family
 * (base DRG) and the severity level (exact DRG), against the grouper's DRG for the key's codes (MS-DRG v43).
 */
export function scoreDrgAssignment(response: DrgAssignmentResponse, key: DrgAssignmentAnswer, scenario: Scenario, services: TaskServices, input: DrgAssignmentInput) {
  const max = DRG_POINTS.mdc + DRG_POINTS.family + DRG_POINTS.severity;
  const findings: Finding[] = [];
  const grouper = services.grouper;
  const codingKey = (() => {
    try {
      return codingKeyFor(scenario, input);
    } catch {
      return undefined;
    }
  })();
  const keyResult = grouper && codingKey ? groupKey(grouper, scenario, codingKey, response.codes) : undefined;
  const expected = keyResult ? formatDrg(keyResult.drg) : key.drg;
  const picked = /^\d{1,3}$/.test(response.drg.trim()) ? response.drg.trim().padStart(3, '0') : '';
  if (!grouper || !expected) {
    findings.push({ outcome: 'info', subject: 'MS-DRG', message: 'The grouper is not loaded, so this step cannot be scored yet. Reload the case and try again.', points: 0, maxPoints: max });
    return { score: 0, maxScore: max, findings };
  }
  const want = grouper.describe(Number(expected));
  const got = picked ? grouper.describe(Number(picked)) : undefined;
  const wantText = `MS-DRG ${expected} ${want?.title ?? ''}`.trim();
  const mdcOk = got !== undefined && want !== undefined && got.mdc === want.mdc;
  const familyOk = mdcOk && got.baseDrg === want.baseDrg;
  const exact = picked === expected;
  const points = (mdcOk ? DRG_POINTS.mdc : 0) + (familyOk ? DRG_POINTS.family : 0) + (exact ? DRG_POINTS.severity : 0);
  const why = keyResult
    ? ` The record's codes place the case in MDC ${keyResult.mdc} (${keyResult.mdcTitle}), ${keyResult.medSurg === 'SURGICAL' ? 'surgical' : 'medical'}, ${keyResult.severity === 'MCC' ? 'with MCC' : keyResult.severity === 'CC' ? 'with CC' : 'without CC/MCC'}.`
    : '';
  if (exact) {
    findings.push({ outcome: 'correct', subject: 'MS-DRG', message: `${wantText} is right.${why}`, points, maxPoints: max, citation: citationFor('drg.severity-wrong') });
  } else {
    const errorType = !got ? 'drg.mdc-wrong' : !mdcOk ? 'drg.mdc-wrong' : !familyOk ? 'drg.family-wrong' : 'drg.severity-wrong';
    const gotText = got ? `MS-DRG ${picked} ${got.title}` : picked ? `${picked} (not an MS-DRG in v43)` : '(none)';
    const detail = !got
      ? ''
      : !mdcOk
        ? ' Your DRG belongs to another MDC: the principal diagnosis decides the MDC.'
        : !familyOk
          ? ' Right MDC, wrong DRG family: whether an O.R. procedure was performed (and which) decides the surgical or medical family.'
          : ' Right family, wrong severity level: count only the secondaries that are CC/MCC after the principal-diagnosis exclusions and HAC POA logic.';
    findings.push({ outcome: points > 0 ? 'partial' : 'incorrect', errorType, subject: 'MS-DRG', message: `You chose ${gotText}; the record supports ${wantText}.${detail}${why}`, points, maxPoints: max, citation: citationFor(errorType) });
  }
  const mine = own(grouper, scenario, response.codes);
  if (mine && keyResult && mine.drg !== keyResult.drg) {
    const read = picked === formatDrg(mine.drg) ? ' You read the grouper right for your own codes; the difference comes from the codes themselves (see the coding feedback).' : '';
    findings.push({
      outcome: 'info',
      errorType: 'drg.codes-differ',
      subject: 'Your codes',
      message: `Your codes from the coding step group to MS-DRG ${formatDrg(mine.drg)} ${mine.drgTitle}; the key's codes: ${describeChange(mine, keyResult)}${read} The DRG validates the documentation and the codes; it is never a target.`,
      points: 0,
      maxPoints: 0,
      citation: citationFor('drg.codes-differ'),
    });
  }
  return { score: points, maxScore: max, findings };
}

export const drgAssignmentTask: TaskType<DrgAssignmentInput, DrgAssignmentAnswer, DrgAssignmentResponse> = {
  id: 'drg-assignment',
  module: 'any',
  label: 'Confirm the MS-DRG',
  inputSchema: drgAssignmentInputSchema,
  answerSchema: drgAssignmentAnswerSchema,
  responseSchema: drgAssignmentResponseSchema,
  computeKey: computeDrgKey,
  compareKeys: compareDrgKeys,
  emptyResponse: () => ({ drg: '', codes: null }),
  isResponseComplete: (r) => /^\d{1,3}$/.test(r.drg.trim()),
  score: scoreDrgAssignment,
};
