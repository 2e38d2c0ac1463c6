/**
 * The case engine: walks a learner through one scenario (read the chart, answer each step, get feedback,
 * continue, see the summary). The machine declares the flow; the task types in src/domain decide
 * (completeness of a response, scoring). Its persisted snapshot is what IndexedDB keeps, so a reload
 * resumes exactly where the learner was.
 */
import * as v from 'valibot';
import { assign, setup } from 'xstate';
import type { Scenario } from '../content/scenarioSchema';
import { taskTypeFor } from '../domain/tasks/registry';
import type { StepResult, TaskServices } from '../domain/tasks/taskTypes';
import { summariseCase, type CaseSummary } from '../domain/scoring/caseSummary';
import { chartWithAnsweredQueries } from '../domain/query/providerResponse';

export interface CaseContext {
  scenario: Scenario;
  scenarioHash: string;
  stepIndex: number;
  /** The learner's draft or submitted response per step id. */
  responses: Record<string, unknown>;
  results: Record<string, StepResult>;
  /** The chart document open in the left pane. */
  openDocumentId: string | null;
  /** The highlighted quote in that document (from a feedback link). */
  highlight: string | null;
  startedAt: number;
  finishedAt: number | null;
  summary: CaseSummary | null;
}

export interface CaseInput {
  scenario: Scenario;
  scenarioHash: string;
  /** Clock reading at start (ms); passed in so tests are deterministic. */
  now: number;
}

export type CaseEvent =
  | { type: 'learner.start' }
  | { type: 'learner.openDocument'; documentId: string; quote?: string }
  | { type: 'learner.updateResponse'; response: unknown }
  | { type: 'learner.submit' }
  | { type: 'learner.continue'; at?: number }
  | { type: 'learner.previousStep' }
  | { type: 'learner.nextStep' };

function currentStep(context: CaseContext) {
  const step = context.scenario.steps[context.stepIndex];
  if (!step) throw new Error(`Step ${context.stepIndex} does not exist in ${context.scenario.id}`);
  return step;
}

/**
 * The learner's response to the current step, or the task type's empty response. A stored response that
 * does not fit the task type's response schema (a corrupted or foreign snapshot) is never handed to the
 * task type: the step starts empty instead of crashing.
 */
export function currentResponse(context: CaseContext): unknown {
  const step = currentStep(context);
  const taskType = taskTypeFor(step.type);
  const stored = context.responses[step.id];
  return stored !== undefined && v.is(taskType.responseSchema, stored) ? stored : taskType.emptyResponse(step.input, context.scenario);
}

/**
 * The scenario as the learner sees it now: the chart grows as answered physician queries file their
 * query-response documents (AHIMA/ACDIS: the query and its answer become part of the record).
 */
export function scenarioAsSeen(context: CaseContext): Scenario {
  return chartWithAnsweredQueries(context.scenario, context.responses, Object.keys(context.results));
}

export function createCaseMachine(services: TaskServices = {}) {
  return setup({
    types: {
      context: {} as CaseContext,
      events: {} as CaseEvent,
      input: {} as CaseInput,
    },
    guards: {
      isResponseComplete: ({ context }) => {
        const step = currentStep(context);
        return taskTypeFor(step.type).isResponseComplete(currentResponse(context), step.input);
      },
      hasMoreSteps: ({ context }) => context.stepIndex + 1 < context.scenario.steps.length,
      hasPreviousStep: ({ context }) => context.stepIndex > 0,
      isNextStepAnswered: ({ context }) => {
        const next = context.scenario.steps[context.stepIndex + 1];
        return next !== undefined && context.results[next.id] !== undefined;
      },
      isCurrentStepScored: ({ context }) => context.results[currentStep(context).id] !== undefined,
    },
    actions: {
      openDocument: assign(({ event }) => {
        if (event.type !== 'learner.openDocument') return {};
        return { openDocumentId: event.documentId, highlight: event.quote ?? null };
      }),
      storeResponse: assign(({ context, event }) => {
        if (event.type !== 'learner.updateResponse') return {};
        // Only well-formed responses are kept (the response schema belongs to the step's task type).
        if (!v.is(taskTypeFor(currentStep(context).type).responseSchema, event.response)) return {};
        return { responses: { ...context.responses, [currentStep(context).id]: event.response } };
      }),
      scoreCurrentStep: assign(({ context }) => {
        const step = currentStep(context);
        const taskType = taskTypeFor(step.type);
        const response = currentResponse(context);
        const result: StepResult = {
          stepId: step.id,
          taskType: step.type,
          ...taskType.score(response, step.answer, scenarioAsSeen(context), services, step.input),
        };
        return { responses: { ...context.responses, [step.id]: response }, results: { ...context.results, [step.id]: result } };
      }),
      advanceStep: assign(({ context }) => ({ stepIndex: context.stepIndex + 1, highlight: null })),
      goBackStep: assign(({ context }) => ({ stepIndex: context.stepIndex - 1, highlight: null })),
      finishCase: assign(({ context, event }) => {
        const at = event.type === 'learner.continue' && event.at !== undefined ? event.at : context.startedAt;
        return { finishedAt: at, summary: summariseCase(context.scenario, context.results) };
      }),
    },
  }).createMachine({
    id: 'case',
    context: ({ input }) => ({
      scenario: input.scenario,
      scenarioHash: input.scenarioHash,
      stepIndex: 0,
      responses: {},
      results: {},
      openDocumentId: input.scenario.chart[0]?.id ?? null,
      highlight: null,
      startedAt: input.now,
      finishedAt: null,
      summary: null,
    }),
    initial: 'briefing',
    on: {
      'learner.openDocument': { actions: 'openDocument' },
    },
    states: {
      /** The case introduction: patient, encounter, what to do. */
      briefing: {
        on: { 'learner.start': 'answering' },
      },
      answering: {
        on: {
          'learner.updateResponse': { actions: 'storeResponse' },
          'learner.submit': { guard: 'isResponseComplete', target: 'reviewing', actions: 'scoreCurrentStep' },
          'learner.previousStep': { guard: 'hasPreviousStep', target: 'reviewing', actions: 'goBackStep' },
        },
      },
      /** Feedback on the submitted step; answers are locked. */
      reviewing: {
        on: {
          'learner.continue': [
            { guard: 'isNextStepAnswered', target: 'reviewing', actions: 'advanceStep' },
            { guard: 'hasMoreSteps', target: 'answering', actions: 'advanceStep' },
            { target: 'completed', actions: 'finishCase' },
          ],
          'learner.previousStep': { guard: 'hasPreviousStep', actions: 'goBackStep' },
        },
      },
      completed: {
        type: 'final',
      },
    },
    output: ({ context }) => context.summary,
  });
}

export type CaseMachine = ReturnType<typeof createCaseMachine>;
