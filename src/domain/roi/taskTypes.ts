/** The task types of the roi module, registered in src/domain/tasks/registry.ts. */
import type { AnyTaskType } from '../tasks/taskTypes';
import { roiRequestTask } from './roiTask';

export const roiTaskTypes: AnyTaskType[] = [roiRequestTask];
