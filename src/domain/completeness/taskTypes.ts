/** The task types of the completeness module, registered in src/domain/tasks/registry.ts. */
import type { AnyTaskType } from '../tasks/taskTypes';
import { completenessReviewTask } from './completenessReviewTask';

export const completenessTaskTypes: AnyTaskType[] = [completenessReviewTask];
