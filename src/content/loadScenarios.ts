/**
 * Loads the bundled scenarios (scenarios/**\/*.yaml, bundled as raw text by Vite) and validates them with
 * the same code as `npm run scenarios:check`. A broken file becomes a broken catalogue entry; it never
 * stops the others.
 */
import { taskTypes } from '../domain/tasks/registry';
import type { TaskServices } from '../domain/tasks/taskTypes';
import { validateCorpus, type LoadedScenario } from './validateScenario';

const bundled = import.meta.glob<string>('/scenarios/**/*.yaml', { query: '?raw', import: 'default', eager: true });

/** The bundled scenario files as { file (relative to scenarios/), text }, in catalogue order. */
export function bundledScenarioFiles(): { file: string; text: string }[] {
  return Object.entries(bundled)
    .map(([path, text]) => ({ file: path.replace(/^\/scenarios\//, ''), text }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

export function loadBundledScenarios(services: TaskServices = {}): LoadedScenario[] {
  return validateCorpus(bundledScenarioFiles(), { taskTypes, services });
}
