/**
 * Task services for Node tools and tests (scenario checker): the code-set lookup, read from the compiled
 * files in public/codesets when they exist.
 */
import type { TaskServices } from '../../src/domain/tasks/taskTypes';

let cached: Promise<TaskServices> | undefined;

export function loadNodeTaskServices(): Promise<TaskServices> {
  cached ??= Promise.resolve({});
  return cached;
}
