/** The task types of the abstracting module ("abstract": a UHDDS discharge abstract), registered in src/domain/tasks/registry.ts. */
import * as v from 'valibot';
import type { Scenario } from '../../content/scenarioSchema';
import { formatDiagnosisCode } from '../coding/codeFormat';
import type { AnyTaskType, AuthoringProblem, Finding, TaskType } from '../tasks/taskTypes';
import { abstractAnswerSchema, abstractInputSchema, abstractResponseSchema, computeAbstractKey, emptyAbstract, scoreAbstract, validateAbstract, type AbstractAnswer, type AbstractInput, type AbstractResponse } from './abstract';

/**
 * Author checks (UHDDS U11-U14): each coded procedure points at a procedure document; the coding summary,
 * if named, lists every code; the key itself passes the abstract edits (no age/sex conflicts, dates in order).
 */
export function checkAbstractKey(key: AbstractAnswer, scenario: Scenario, input: AbstractInput): AuthoringProblem[] {
  const problems: AuthoringProblem[] = [];
  if (input.codingSummaryDocumentId) {
    const doc = scenario.chart.find((d) => d.id === input.codingSummaryDocumentId);
    if (!doc) problems.push({ path: '', message: `codingSummaryDocumentId "${input.codingSummaryDocumentId}" is not a chart document` });
    else {
      const text = doc.text.toUpperCase();
      for (const c of [key.pdx, ...key.sdx.map((s) => s.code)]) if (!text.includes(formatDiagnosisCode(c)) && !text.includes(c)) problems.push({ path: '', message: `the coding summary does not list ${formatDiagnosisCode(c)}` });
      for (const p of key.procedures) if (!text.includes(p.code)) problems.push({ path: '', message: `the coding summary does not list ${p.code}` });
    }
  }
  const asResponse: AbstractResponse = { ...key, procedures: key.procedures.map(({ code, date, surgeon }) => ({ code, date, surgeon })) };
  for (const e of validateAbstract(asResponse)) problems.push({ path: e.field, message: `the key fails an abstract edit: ${e.message}` });
  return problems;
}

export const abstractTask: TaskType<AbstractInput, AbstractAnswer, AbstractResponse> = {
  id: 'abstract',
  module: 'abstracting',
  label: 'Complete the UHDDS discharge abstract',
  inputSchema: abstractInputSchema,
  answerSchema: abstractAnswerSchema,
  responseSchema: abstractResponseSchema,
  computeKey: (input, scenario) => computeAbstractKey(input, scenario),
  checkAnswer: (key, scenario, _services, input) => checkAbstractKey(key, scenario, input),
  emptyResponse: () => emptyAbstract(),
  isResponseComplete: (r) => typeof r.pdx === 'string' && r.pdx.trim() !== '' && typeof r.dischargeDate === 'string' && r.dischargeDate.trim() !== '',
  score: (response, key, _scenario, services) => {
    const parsed = v.safeParse(abstractResponseSchema, response);
    if (!parsed.success) {
      const findings: Finding[] = parsed.issues.map((i) => ({ outcome: 'incorrect', errorType: 'abstract.malformed', subject: `Field ${v.getDotPath(i) ?? '(abstract)'}`, message: `The abstract could not be read here: ${i.message}.`, points: 0, maxPoints: 0 }));
      return { score: 0, maxScore: 1, findings: [...findings, { outcome: 'incorrect', errorType: 'abstract.malformed', subject: 'Abstract', message: 'The saved abstract is malformed; re-enter the fields named above.', points: 0, maxPoints: 1 }] };
    }
    return scoreAbstract(parsed.output, key, services);
  },
};

export const abstractingTaskTypes: AnyTaskType[] = [abstractTask];
