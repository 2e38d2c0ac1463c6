/**
 * Cross-cutting scenario tests: every bundled scenario validates; every file of the broken corpus is
 * rejected with the field path its "# expect:" header names; the CLI prints `file: path: message` lines and
 * exits non-zero.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, validateCorpus } from '../src/content/validateScenario';
import { taskTypes } from '../src/domain/tasks/registry';
import { readScenarioFiles } from '../tools/lib/scenarioFiles';
import { loadNodeTaskServices } from '../tools/lib/nodeServices';

const root = resolve(import.meta.dirname, '..');
const brokenDir = resolve(root, 'tests/fixtures/scenarios-broken');

describe('bundled scenarios', () => {
  it('all validate (with the code sets when they are compiled)', async () => {
    const files = readScenarioFiles([resolve(root, 'scenarios')]);
    expect(files.length).toBeGreaterThan(0);
    const services = await loadNodeTaskServices();
    const problems = validateCorpus(files, { taskTypes, services }).flatMap((r) => (r.ok ? [] : r.problems.map(formatProblem)));
    expect(problems).toEqual([]);
  });
});

describe('broken scenario corpus', () => {
  const files = readScenarioFiles([brokenDir]);
  const results = validateCorpus(files, { taskTypes });

  it('has at least 15 deliberately broken files', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files.map((f) => [f.file, f] as const))('%s is rejected at the expected field', (_label, file) => {
    const expected = /^# expect: (.+)$/m.exec(file.text)?.[1]?.trim();
    expect(expected, 'each broken fixture names its expected field path').toBeTruthy();
    const result = results.find((r) => r.file === file.file)!;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths.some((p) => p === expected || p.startsWith(expected!)), `${file.file}: got ${JSON.stringify(result.problems)}`).toBe(true);
  });

  it('one broken file never stops the others: a valid file in the same corpus still loads', () => {
    const good = readScenarioFiles([resolve(root, 'scenarios/coding')]);
    const mixed = validateCorpus([...files, ...good], { taskTypes });
    expect(mixed.filter((r) => r.ok).length).toBe(good.length);
  });
});

describe('npm run scenarios:check', () => {
  const run = (args: string[]) => {
    try {
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', resolve(root, 'tools/scenarios-check.ts'), ...args], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { status: number; stdout: string };
      return { code: e.status, stdout: e.stdout };
    }
  };

  it('prints one "file: field.path: message" line per problem and exits 1 on the broken corpus', () => {
    const { code, stdout } = run([brokenDir]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(15);
    for (const line of lines) expect(line).toMatch(/^coding\/[\w-]+\.yaml: \S.*: .+$/);
    expect(stdout).toContain('coding/11-bad-poa.yaml: steps[0].answer.sdx[0].poa: POA is Y, N, U, W or 1 (exempt)');
  });

  it('exits 0 on the bundled scenarios', () => {
    expect(run([]).code).toBe(0);
  });
}, 60_000);
