/**
 * The one list of task types. A module adds its task type here (and its component in
 * src/ui/tasks/taskComponents.ts); the case engine, checker, shift and review pick it up from this map.
 */
import { choiceTask } from '../choice/choiceTask';
import { codingTask } from '../coding/codingTask';
import { drgAssignmentTask } from '../drg/drgAssignmentTask';
import { completenessTaskTypes } from '../completeness/taskTypes';
import { queryTaskTypes } from '../query/taskTypes';
import { roiTaskTypes } from '../roi/taskTypes';
import { auditTaskTypes } from '../audit/taskTypes';
import { mpiTaskTypes } from '../mpi/taskTypes';
import { adtTaskTypes } from '../adt/taskTypes';
import { abstractingTaskTypes } from '../abstracting/taskTypes';
import { transcriptionTaskTypes } from '../transcription/taskTypes';
import type { AnyTaskType } from './taskTypes';

const allTaskTypes: AnyTaskType[] = [
  codingTask,
  drgAssignmentTask,
  choiceTask,
  ...completenessTaskTypes,
  ...queryTaskTypes,
  ...roiTaskTypes,
  ...auditTaskTypes,
  ...mpiTaskTypes,
  ...adtTaskTypes,
  ...abstractingTaskTypes,
  ...transcriptionTaskTypes,
];

export const taskTypes: ReadonlyMap<string, AnyTaskType> = new Map(allTaskTypes.map((t) => [t.id, t]));

/** Finds a task type, or throws: the scenario checker guarantees every loaded step's type exists. */
export function taskTypeFor(id: string): AnyTaskType {
  const t = taskTypes.get(id);
  if (!t) throw new Error(`No task type "${id}" is registered`);
  return t;
}
