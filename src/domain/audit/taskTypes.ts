/** The task types of the audit module, registered in src/domain/tasks/registry.ts. */
import type { AnyTaskType } from '../tasks/taskTypes';
import { accessAuditTask } from './auditTask';

export const auditTaskTypes: AnyTaskType[] = [accessAuditTask];
