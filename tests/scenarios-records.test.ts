/**
 * Every scenario of the records modules (mpi, adt, abstracting, transcription) validates against the
 * real task-type registry: schema, inputs, computed keys, stated keys and authoring checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem, validateScenarioText } from '../src/content/validateScenario';
import { taskTypes } from '../src/domain/tasks/registry';

const root = resolve(__dirname, '../scenarios');
const modules = ['mpi', 'adt', 'abstracting', 'transcription'] as const;
const files = modules.flatMap((m) =>
  readdirSync(join(root, m))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${m}/${f}`),
);

describe('records scenarios', () => {
  test.each(modules)('scenarios/%s has at least 3 cases', (m) => {
    expect(files.filter((f) => f.startsWith(`${m}/`)).length).toBeGreaterThanOrEqual(3);
  });

  test.each(files)('%s validates with computed keys', (file) => {
    const loaded = validateScenarioText(file, readFileSync(join(root, file), 'utf8'), { taskTypes });
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([]);
  });

  test('scenario ids are unique', () => {
    const ids = files.map((f) => {
      const loaded = validateScenarioText(f, readFileSync(join(root, f), 'utf8'), { taskTypes });
      return loaded.ok ? loaded.scenario.id : f;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });
});
