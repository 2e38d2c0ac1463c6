/** Task components of the completeness module, keyed by task type id (see src/ui/tasks/taskComponents.ts). */
import type { TaskComponentMap } from '../taskProps';
import CompletenessReviewTask from './CompletenessReviewTask.svelte';

export const completenessComponents: TaskComponentMap = {
  'completeness-review': CompletenessReviewTask,
};
