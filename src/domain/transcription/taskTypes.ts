/** The task types of the transcription module, registered in src/domain/tasks/registry.ts. */
import type { AnyTaskType } from '../tasks/taskTypes';

export const transcriptionTaskTypes: AnyTaskType[] = [];
