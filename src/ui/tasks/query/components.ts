/** Task components of the query module, keyed by task type id (see src/ui/tasks/taskComponents.ts). */
import type { TaskComponentMap } from '../taskProps';
import PhysicianQueryTask from './PhysicianQueryTask.svelte';

export const queryComponents: TaskComponentMap = {
  'physician-query': PhysicianQueryTask,
};
