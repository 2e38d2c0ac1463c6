/** Task components of the roi module, keyed by task type id (see src/ui/tasks/taskComponents.ts). */
import type { TaskComponentMap } from '../taskProps';
import RoiRequestTask from './RoiRequestTask.svelte';

export const roiComponents: TaskComponentMap = { 'roi-request': RoiRequestTask };
