/** Task components of the mpi module, keyed by task type id (see src/ui/tasks/taskComponents.ts). */
import type { TaskComponentMap } from '../taskProps';
import MpiDuplicatesTask from './MpiDuplicatesTask.svelte';
import MpiRetrieveTask from './MpiRetrieveTask.svelte';

export const mpiComponents: TaskComponentMap = {
  'mpi-retrieve': MpiRetrieveTask,
  'mpi-duplicates': MpiDuplicatesTask,
};
