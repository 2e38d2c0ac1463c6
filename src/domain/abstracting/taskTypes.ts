/** The task types of the abstracting module, registered in src/domain/tasks/registry.ts. */
import type { AnyTaskType } from '../tasks/taskTypes';

export const abstractingTaskTypes: AnyTaskType[] = [];
