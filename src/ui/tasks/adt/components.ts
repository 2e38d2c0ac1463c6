/** Task components of the adt module, keyed by task type id (see src/ui/tasks/taskComponents.ts). */
import type { TaskComponentMap } from '../taskProps';
import AdtAdmissionTask from './AdtAdmissionTask.svelte';
import AdtDischargeTask from './AdtDischargeTask.svelte';

export const adtComponents: TaskComponentMap = {
  'adt-admission': AdtAdmissionTask,
  'adt-discharge': AdtDischargeTask,
};
