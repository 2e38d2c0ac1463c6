/** Task components of the abstracting module, keyed by task type id (see src/ui/tasks/taskComponents.ts). */
import type { TaskComponentMap } from '../taskProps';
import AbstractTask from './AbstractTask.svelte';

export const abstractingComponents: TaskComponentMap = {
  abstract: AbstractTask,
};
