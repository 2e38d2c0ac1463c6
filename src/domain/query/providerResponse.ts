/**
 * The simulated provider's answer to a query and the query-response document it adds to the chart
 * (him-rules.md 5 Q-PROC-1: answers are authenticated and reflected in the record). Pure: the XState flow in
 * src/machines/queryResponseMachine.ts decides *whether* the query reaches the provider; this decides *what* comes back.
 */
import type { ChartDocument, Scenario } from '../../content/scenarioSchema';
import * as v from 'valibot';
import { isOtherOption, isUndeterminedOption, matchOption, queryInputSchema, queryResponseSchema, runQueryChecks, type QueryCheck, type QueryDraft, type QueryInput } from './queryCompliance';

export type QueryOutcome =
  /** Blocked by the CDI lead (a blocking compliance check failed); nothing reaches the provider. */
  | { kind: 'returned'; reasons: string[] }
  /** Sent to someone who is not responsible; they forward nothing and say so. */
  | { kind: 'misdirected'; reason: string }
  | { kind: 'answered'; answer: string; chosen: 'option' | 'other' | 'undetermined' | 'free-text' | 'yes' | 'no' };

/**
 * What happens to a query (Q-PROC-1..3): a wrong addressee gets it back; a noncompliant query is stopped before it
 * reaches the provider; otherwise the provider answers as the author stated: the chosen option when it is offered,
 * "Other" with the documentation when it is not, "clinically undetermined" only when nothing else fits.
 */
export function providerOutcome(draft: QueryDraft, input: QueryInput, checks: readonly QueryCheck[] = runQueryChecks(draft, input)): QueryOutcome {
  const addressee = checks.find((c) => c.id === 'addressee');
  if (addressee && !addressee.passed) return { kind: 'misdirected', reason: addressee.reason };
  const blocking = checks.filter((c) => c.blocking && !c.passed);
  if (blocking.length > 0) return { kind: 'returned', reasons: blocking.map((c) => `${c.label}: ${c.reason}`) };
  const chosen = input.options.find((o) => o.providerChooses)!;
  if (draft.format === 'yes-no') {
    const yes = (input.yesNoAnswer ?? 'yes') === 'yes';
    return { kind: 'answered', chosen: yes ? 'yes' : 'no', answer: `${yes ? 'Yes' : 'No'}. ${input.providerDocumentation}` };
  }
  if (draft.format === 'multiple-choice') {
    const lines = draft.options.map((o) => o.trim()).filter(Boolean);
    const offered = lines.find((line) => matchOption(input, line)?.id === chosen.id);
    if (offered) return { kind: 'answered', chosen: 'option', answer: `[X] ${offered}\n${input.providerDocumentation}` };
    const other = lines.find(isOtherOption);
    if (other) return { kind: 'answered', chosen: 'other', answer: `[X] Other: ${input.providerDocumentation}` };
    const undetermined = lines.find(isUndeterminedOption);
    if (undetermined) return { kind: 'answered', chosen: 'undetermined', answer: `[X] ${undetermined}` };
    return { kind: 'answered', chosen: 'free-text', answer: `None of the listed options applies. ${input.providerDocumentation}` };
  }
  return { kind: 'answered', chosen: 'free-text', answer: input.providerDocumentation };
}

/** The query as the provider sees it in the record, headed with the patient and encounter identifiers (him-rules.md 5 Q-REQ-1). */
export function formatQuery(draft: QueryDraft, scenario: Scenario): string {
  const p = scenario.patient;
  const lines = [
    `PHYSICIAN QUERY - ${p.name.family.toUpperCase()}, ${p.name.given} - MRN ${p.mrn}${scenario.encounter.account ? ` - Acct ${scenario.encounter.account}` : ''}`,
    `To: ${draft.addressee}`,
    '',
    draft.body.trim(),
  ];
  if (draft.format === 'multiple-choice') {
    lines.push('', ...draft.options.filter((o) => o.trim()).map((o) => `[ ] ${o.trim()}`));
  } else if (draft.format === 'yes-no') {
    lines.push('', '[ ] Yes', '[ ] No', '[ ] Clinically undetermined');
  }
  return lines.join('\n');
}

/**
 * The query-response document (type "query-response") that amends the chart once the provider answers
 * (Q-PROC-1, Q-PROC-2: retained and retrievable with the record). Undefined when the query was not answered.
 */
export function queryResponseDocument(draft: QueryDraft, input: QueryInput, scenario: Scenario, stepId: string, outcome: QueryOutcome = providerOutcome(draft, input)): ChartDocument | undefined {
  if (outcome.kind !== 'answered') return undefined;
  const at = input.respondedAt ?? scenario.encounter.discharged;
  const author = { name: input.provider.name, credentials: input.provider.credentials, role: roleOf(input.provider.role) };
  return {
    id: `query-response-${stepId}`,
    type: 'query-response',
    title: `Query response: ${input.topic}`,
    author,
    created: at,
    signed: at,
    text: `${formatQuery(draft, scenario)}\n\nPROVIDER RESPONSE:\n${outcome.answer}\n\nElectronically signed by ${input.provider.name}${input.provider.credentials ? `, ${input.provider.credentials}` : ''} ${at.replace('T', ' ')}`,
  };
}

const ROLES = ['attending', 'resident', 'consultant', 'surgeon', 'anesthesiologist', 'nurse-practitioner', 'physician-assistant', 'midwife'] as const;
function roleOf(role: string): ChartDocument['author']['role'] {
  return (ROLES as readonly string[]).includes(role) ? (role as ChartDocument['author']['role']) : 'attending';
}

/** The scenario with the answered query filed in the chart (him-rules.md 5 Q-PROC-1: answers reflected in the record), for the steps that follow (e.g. re-coding). */
export function amendChart(scenario: Scenario, document: ChartDocument | undefined): Scenario {
  if (!document || scenario.chart.some((d) => d.id === document.id)) return scenario;
  return { ...scenario, chart: [...scenario.chart, document] };
}

/**
 * The chart the learner sees after the query steps that are already submitted: each answered query is filed as its
 * query-response document (him-rules.md 5 Q-PROC-1), so a following coding step works from the amended record.
 * `isQueryStep` tells which steps are physician queries; `submitted` lists the step ids with results.
 */
export function chartWithAnsweredQueries(
  scenario: Scenario,
  responses: Readonly<Record<string, unknown>>,
  submitted: ReadonlySet<string> | readonly string[],
  isQueryStep: (type: string) => boolean = (type) => type === 'physician-query',
): Scenario {
  const done = new Set(submitted);
  let amended = scenario;
  for (const step of scenario.steps) {
    if (!isQueryStep(step.type) || !done.has(step.id)) continue;
    const parsedInput = v.safeParse(queryInputSchema, step.input);
    const draft = v.safeParse(queryResponseSchema, responses[step.id]);
    if (!parsedInput.success || !draft.success) continue;
    amended = amendChart(amended, queryResponseDocument(draft.output, parsedInput.output, amended, step.id));
  }
  return amended;
}
