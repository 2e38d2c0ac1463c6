/** The task types of the query module, registered in src/domain/tasks/registry.ts. */
import type { AnyTaskType } from '../tasks/taskTypes';
import { physicianQueryTask } from './physicianQueryTask';

export const queryTaskTypes: AnyTaskType[] = [physicianQueryTask];
