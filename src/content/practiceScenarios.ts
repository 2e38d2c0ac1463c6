/**
 * Generated practice cases ("draw a practice request"): a module's seeded generator builds a scenario,
 * which then goes through the same validation as a file, so its key is computed exactly as for authored
 * cases. Generators register here by module.
 */
import { stringify } from 'yaml';
import { generatePracticeScenario as generateRoiPractice } from '../domain/roi/generateRequest';
import { taskTypes } from '../domain/tasks/registry';
import type { Scenario } from './scenarioSchema';
import { validateScenarioText, type LoadedScenario } from './validateScenario';

export interface PracticeGenerator {
  module: string;
  label: string;
  generate: (seed: number) => Scenario;
}

export const practiceGenerators: readonly PracticeGenerator[] = [
  { module: 'roi', label: 'Draw a practice release-of-information request', generate: (seed) => generateRoiPractice(seed) },
];

/** Builds and validates the practice case for a module and seed; undefined when the module has no generator. */
export function practiceScenario(module: string, seed: number): LoadedScenario | undefined {
  const generator = practiceGenerators.find((g) => g.module === module);
  if (!generator) return undefined;
  const scenario = generator.generate(seed);
  return validateScenarioText(`${module}/practice-${seed}.yaml`, stringify(scenario), { taskTypes });
}

/** A fresh seed for a new practice case. */
export function newPracticeSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 1_000_000);
}
