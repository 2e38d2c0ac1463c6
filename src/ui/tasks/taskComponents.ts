/**
 * Task type id -> the Svelte component that is its task panel. Each module contributes its own map.
 */
import ChoiceTask from './choice/ChoiceTask.svelte';
import CodingTask from './coding/CodingTask.svelte';
import DrgAssignmentTask from './drg/DrgAssignmentTask.svelte';
import { abstractingComponents } from './abstracting/components';
import { adtComponents } from './adt/components';
import { auditComponents } from './audit/components';
import { completenessComponents } from './completeness/components';
import { mpiComponents } from './mpi/components';
import { queryComponents } from './query/components';
import { roiComponents } from './roi/components';
import { transcriptionComponents } from './transcription/components';
import type { TaskComponentMap } from './taskProps';

export const taskComponents: TaskComponentMap = {
  coding: CodingTask,
  'drg-assignment': DrgAssignmentTask,
  choice: ChoiceTask,
  ...completenessComponents,
  ...queryComponents,
  ...roiComponents,
  ...auditComponents,
  ...mpiComponents,
  ...adtComponents,
  ...abstractingComponents,
  ...transcriptionComponents,
};
