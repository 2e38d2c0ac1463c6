/**
 * The props every task component receives from the case player. A task component is the right-hand
 * "task panel" of the case workspace; the chart stays visible on the left.
 */
import type { Component } from 'svelte';
import type { Scenario } from '../../content/scenarioSchema';

export interface TaskComponentProps<Input = unknown, Response = unknown> {
  scenario: Scenario;
  stepId: string;
  /** The step's `input` (validated by the task type's inputSchema). */
  input: Input;
  /** The learner's current draft; the player saves it to IndexedDB on every change. */
  response: Response;
  /** True once the step is submitted (feedback showing). */
  disabled: boolean;
  /** Call with a new response object on every learner change (do not mutate the old one). */
  onChange: (response: Response) => void;
  /** Opens a chart document in the left pane, optionally highlighting a quote. */
  onOpenDocument: (documentId: string, quote?: string) => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TaskComponentMap = Record<string, Component<TaskComponentProps<any, any>>>;
