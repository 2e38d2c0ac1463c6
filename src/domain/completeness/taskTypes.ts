/** The task types of the completeness module, registered in src/domain/tasks/registry.ts. */
import type { AnyTaskType } from '../tasks/taskTypes';

export const completenessTaskTypes: AnyTaskType[] = [];
