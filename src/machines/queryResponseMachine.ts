/**
 * The simulated provider's handling of a physician query (him-rules.md 5 Q-PROC-1..3): a query sent to the wrong
 * provider comes back; a noncompliant one is stopped by the CDI lead; a compliant one is answered after the
 * provider's review time and the answer is filed in the chart as a query-response document.
 * The machine declares the flow; src/domain/query decides (checks, the provider's answer, the document).
 */
import { assign, setup } from 'xstate';
import type { ChartDocument, Scenario } from '../content/scenarioSchema';
import { runQueryChecks, type QueryCheck, type QueryDraft, type QueryInput } from '../domain/query/queryCompliance';
import { providerOutcome, queryResponseDocument, type QueryOutcome } from '../domain/query/providerResponse';

export interface QueryResponseInput {
  scenario: Scenario;
  stepId: string;
  query: QueryInput;
  /** How long the provider takes to answer (ms); the UI uses a short pause, tests use fake timers. */
  responseDelayMs?: number;
}

export interface QueryResponseContext {
  scenario: Scenario;
  stepId: string;
  query: QueryInput;
  responseDelayMs: number;
  draft: QueryDraft | null;
  checks: QueryCheck[];
  outcome: QueryOutcome | null;
  /** The query-response document that amends the chart, once answered. */
  document: ChartDocument | null;
}

export type QueryResponseEvent =
  | { type: 'learner.send'; draft: QueryDraft }
  | { type: 'learner.revise' }
  | { type: 'provider.respond' };

export const queryResponseMachine = setup({
  types: {
    context: {} as QueryResponseContext,
    events: {} as QueryResponseEvent,
    input: {} as QueryResponseInput,
  },
  guards: {
    isMisdirected: ({ context }) => context.outcome?.kind === 'misdirected',
    isNoncompliant: ({ context }) => context.outcome?.kind === 'returned',
  },
  actions: {
    checkDraft: assign(({ context, event }) => {
      if (event.type !== 'learner.send') return {};
      const checks = runQueryChecks(event.draft, context.query);
      return { draft: event.draft, checks, outcome: providerOutcome(event.draft, context.query, checks), document: null };
    }),
    fileResponse: assign(({ context }) => ({
      document:
        context.draft && context.outcome
          ? (queryResponseDocument(context.draft, context.query, context.scenario, context.stepId, context.outcome) ?? null)
          : null,
    })),
    clearOutcome: assign({ outcome: null, checks: [] }),
  },
  delays: {
    providerReview: ({ context }) => context.responseDelayMs,
  },
}).createMachine({
  id: 'queryResponse',
  context: ({ input }) => ({
    scenario: input.scenario,
    stepId: input.stepId,
    query: input.query,
    responseDelayMs: input.responseDelayMs ?? 1500,
    draft: null,
    checks: [],
    outcome: null,
    document: null,
  }),
  initial: 'drafting',
  states: {
    drafting: {
      on: { 'learner.send': { target: 'routing', actions: 'checkDraft' } },
    },
    routing: {
      always: [
        { guard: 'isMisdirected', target: 'misdirected' },
        { guard: 'isNoncompliant', target: 'returned' },
        { target: 'withProvider' },
      ],
    },
    misdirected: {
      on: { 'learner.revise': { target: 'drafting', actions: 'clearOutcome' } },
    },
    returned: {
      on: { 'learner.revise': { target: 'drafting', actions: 'clearOutcome' } },
    },
    withProvider: {
      after: { providerReview: { target: 'answered' } },
      on: { 'provider.respond': { target: 'answered' } },
    },
    answered: {
      entry: 'fileResponse',
      type: 'final',
    },
  },
});
