/** Task components of the mpi module, keyed by task type id (see src/ui/tasks/taskComponents.ts). */
import type { TaskComponentMap } from '../taskProps';

export const mpiComponents: TaskComponentMap = {};
