/** The task types of the audit module, registered in src/domain/tasks/registry.ts. */
import type { AnyTaskType } from '../tasks/taskTypes';

export const auditTaskTypes: AnyTaskType[] = [];
