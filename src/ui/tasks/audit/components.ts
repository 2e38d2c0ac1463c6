/** Task components of the audit module, keyed by task type id (see src/ui/tasks/taskComponents.ts). */
import type { TaskComponentMap } from '../taskProps';
import AccessAuditTask from './AccessAuditTask.svelte';

export const auditComponents: TaskComponentMap = { 'access-audit': AccessAuditTask };
