/** The task types of the mpi module, registered in src/domain/tasks/registry.ts. */
import type { AnyTaskType } from '../tasks/taskTypes';

export const mpiTaskTypes: AnyTaskType[] = [];
