/**
 * Hands the learner's codes from a coding step to a later step of the same case (the DRG step groups the
 * learner's OWN codes). Task components only see their own response, so the coding panel publishes its
 * response here and the DRG panel copies it into its own response (which is then persisted with the case).
 */
import type { CodingResponse } from '../../../domain/coding/codingTask';

const drafts = new Map<string, CodingResponse>();

const keyOf = (scenarioId: string, stepId: string) => `${scenarioId}\u0000${stepId}`;

export function publishCodingResponse(scenarioId: string, stepId: string, response: CodingResponse): void {
  drafts.set(keyOf(scenarioId, stepId), response);
}

export function codingResponseFor(scenarioId: string, stepId: string): CodingResponse | undefined {
  return drafts.get(keyOf(scenarioId, stepId));
}
