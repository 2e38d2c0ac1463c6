/** Task components of the transcription module, keyed by task type id (see src/ui/tasks/taskComponents.ts). */
import type { TaskComponentMap } from '../taskProps';
import TranscriptionTask from './TranscriptionTask.svelte';

export const transcriptionComponents: TaskComponentMap = {
  transcription: TranscriptionTask,
};
