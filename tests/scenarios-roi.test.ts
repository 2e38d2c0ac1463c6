/**
 * The ROI and access-audit scenarios validate with the real task-type registry, and every deliberately
 * broken ROI/audit file is rejected at the field path its "# expect:" header names.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, validateScenarioText } from '../src/content/validateScenario';
import { taskTypes } from '../src/domain/tasks/registry';
import { readScenarioFiles } from '../tools/lib/scenarioFiles';

const root = resolve(import.meta.dirname, '..');
const folder = (name: string) => resolve(root, 'scenarios', name);
const read = (dir: string) => (existsSync(dir) ? readScenarioFiles([dir]) : []);

describe.each([
  ['roi', 10],
  ['audit', 4],
] as const)('scenarios/%s', (module, minimum) => {
  const files = read(folder(module));

  it(`has at least ${minimum} scenarios`, () => {
    expect(files.length).toBeGreaterThanOrEqual(minimum);
  });

  it.each(files.map((f) => [f.file, f] as const))('%s validates and its key is computed', (_label, file) => {
    const result = validateScenarioText(file.file, file.text, { taskTypes });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
    if (!result.ok) return;
    expect(result.scenario.module).toBe(module);
    for (const step of result.scenario.steps) expect(step.answer).toBeDefined();
  });
});

describe('ROI scenarios cover every requester type of issue 8', () => {
  it('has a step for each generated kind of request', () => {
    const kinds = new Set<string>();
    for (const file of read(folder('roi'))) {
      const result = validateScenarioText(file.file, file.text, { taskTypes });
      if (!result.ok) continue;
      for (const tag of result.scenario.tags) kinds.add(tag);
    }
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        'patient-access',
        'attorney-subpoena',
        'court-order',
        'insurer',
        'provider-treatment',
        'law-enforcement',
        'parent-of-minor',
        'deceased-representative',
        'employer',
        'researcher',
        'psychotherapy-notes',
        'part2-records',
      ]),
    );
  });
});

describe('broken ROI/audit corpus (tests/fixtures/scenarios-broken-roi)', () => {
  const files = read(resolve(root, 'tests/fixtures/scenarios-broken-roi'));

  it('has the malformed request, authorization and key files', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((f) => [f.file, f] as const))('%s is rejected at the expected field', (_label, file) => {
    const expected = /^# expect: (.+)$/m.exec(file.text)?.[1]?.trim();
    expect(expected, 'each broken fixture names its expected field path').toBeTruthy();
    const result = validateScenarioText(file.file, file.text, { taskTypes });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths.some((p) => p === expected || p.startsWith(expected!)), `${file.file}: got ${JSON.stringify(result.problems)}`).toBe(true);
  });
});
