/**
 * The "physician-query" task: the learner writes a query (open-ended, multiple choice or yes/no) from a chart with
 * conflicting, incomplete or imprecise documentation. Each compliance check of the AHIMA/ACDIS 2022 guidance
 * (him-rules.md 5) is scored and explained; the simulated provider then answers and the chart is amended.
 */
import * as v from 'valibot';
import type { Scenario } from '../../content/scenarioSchema';
import type { AuthoringProblem, Finding, TaskType } from '../tasks/taskTypes';
import { sameProvider } from '../completeness/completenessReviewTask';
import { QUERY_FORMATS, queryInputSchema, queryResponseSchema, runQueryChecks, YES_NO_ALLOWED, type QueryDraft, type QueryInput } from './queryCompliance';
import { providerOutcome } from './providerResponse';

export const queryAnswerSchema = v.object({
  provider: v.string(),
  indicatorIds: v.array(v.string()),
  supportedOptionIds: v.array(v.string()),
  providerChooses: v.string(),
  yesNoAllowed: v.boolean(),
});
export type QueryAnswer = v.InferOutput<typeof queryAnswerSchema>;

/** The key is the author's record facts in normal form: addressee, indicators, reasonable options, the provider's choice. */
export function computeQueryKey(input: QueryInput): QueryAnswer {
  return {
    provider: input.provider.name,
    indicatorIds: input.indicators.map((i) => i.id),
    supportedOptionIds: input.options.filter((o) => o.supported).map((o) => o.id),
    providerChooses: input.options.find((o) => o.providerChooses)?.id ?? '',
    yesNoAllowed: YES_NO_ALLOWED.includes(input.purpose),
  };
}

/**
 * Authoring checks (Q-REQ-2: indicators come from THIS record): every indicator quote is verbatim in its document,
 * and the addressee is a provider who appears in the chart.
 */
export function checkQueryInput(input: QueryInput, scenario: Scenario): AuthoringProblem[] {
  const problems: AuthoringProblem[] = [];
  const byId = new Map(scenario.chart.map((d) => [d.id, d]));
  input.indicators.forEach((indicator, i) => {
    const doc = byId.get(indicator.evidence.documentId);
    if (!doc) problems.push({ path: `indicatorIds[${i}]`, message: `input.indicators[${i}] cites document "${indicator.evidence.documentId}", which is not in the chart` });
    else if (!doc.text.includes(indicator.evidence.quote)) problems.push({ path: `indicatorIds[${i}]`, message: `input.indicators[${i}].evidence.quote "${indicator.evidence.quote}" is not a verbatim excerpt of ${doc.id}` });
  });
  const named = [scenario.encounter.attending.name, ...scenario.chart.map((d) => d.author.name)];
  if (!named.some((n) => sameProvider(n, input.provider.name))) {
    problems.push({ path: 'provider', message: `input.provider "${input.provider.name}" does not author anything in the chart and is not the attending` });
  }
  return problems;
}

/**
 * One finding per compliance check (him-rules.md 5), 1 point each (the indicator check in proportion to the
 * indicators cited), plus an unscored note of what the provider did with the query.
 */
export function scoreQuery(response: QueryDraft, input: QueryInput): { score: number; maxScore: number; findings: Finding[] } {
  const checks = runQueryChecks(response, input);
  const findings: Finding[] = checks.map((c) => ({
    outcome: c.passed ? 'correct' : c.credit > 0 ? 'partial' : 'incorrect',
    errorType: c.passed ? undefined : `query.${c.id}`,
    subject: c.label,
    message: `${c.passed ? 'Passed' : 'Failed'}: ${c.reason}`,
    points: Math.round(c.credit * 100) / 100,
    maxPoints: 1,
    citation: c.citation,
    evidence: c.evidence,
  }));
  const outcome = providerOutcome(response, input, checks);
  findings.push({
    outcome: 'info',
    subject: 'Provider response',
    message:
      outcome.kind === 'answered'
        ? `${input.provider.name} answered: ${outcome.answer.replace(/\n/g, ' ')}`
        : outcome.kind === 'misdirected'
          ? `The query never reached the responsible provider. ${outcome.reason}`
          : `The CDI lead stopped the query before it reached the provider: ${outcome.reasons.join(' ')}`,
    points: 0,
    maxPoints: 0,
  });
  const maxScore = findings.reduce((s, f) => s + f.maxPoints, 0);
  const score = findings.reduce((s, f) => s + f.points, 0);
  return { score: Math.max(0, Math.min(maxScore, score)), maxScore, findings };
}

export const physicianQueryTask: TaskType<QueryInput, QueryAnswer, QueryDraft> = {
  id: 'physician-query',
  module: 'query',
  label: 'Write a compliant physician query',
  inputSchema: queryInputSchema,
  answerSchema: queryAnswerSchema,
  responseSchema: queryResponseSchema,
  computeKey: (input) => computeQueryKey(input),
  checkAnswer: (_key, scenario, _services, input) => checkQueryInput(input, scenario),
  emptyResponse: () => ({ addressee: '', format: '', body: '', options: ['', '', '', ''] }),
  isResponseComplete: (r) =>
    r.addressee.trim() !== '' &&
    (QUERY_FORMATS as readonly string[]).includes(r.format) &&
    r.body.trim().length >= 20 &&
    (r.format !== 'multiple-choice' || r.options.filter((o) => o.trim()).length >= 2),
  score: (response, _key, _scenario, _services, input) => scoreQuery(response, input),
};
