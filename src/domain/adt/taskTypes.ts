/** The task types of the adt module, registered in src/domain/tasks/registry.ts. */
import type { AnyTaskType } from '../tasks/taskTypes';

export const adtTaskTypes: AnyTaskType[] = [];
