/** Task components of the abstracting module, keyed by task type id (see src/ui/tasks/taskComponents.ts). */
import type { TaskComponentMap } from '../taskProps';

export const abstractingComponents: TaskComponentMap = {};
