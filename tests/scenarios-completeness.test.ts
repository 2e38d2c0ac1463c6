/**
 * The completeness and query scenarios validate through the real registry (computed keys, authoring checks, code
 * sets when compiled); each query scenario is self-consistent (a model query built from its own indicators and
 * options passes every compliance check); a stated key that disagrees with the rules fails with each item listed.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, validateScenarioText, type LoadedScenario } from '../src/content/validateScenario';
import { taskTypes } from '../src/domain/tasks/registry';
import { readScenarioFiles } from '../tools/lib/scenarioFiles';
import { loadNodeTaskServices } from '../tools/lib/nodeServices';
import type { CompletenessAnswer } from '../src/domain/completeness/completenessReviewTask';
import { matchOption, runQueryChecks, type QueryDraft, type QueryInput } from '../src/domain/query/queryCompliance';
import { providerOutcome } from '../src/domain/query/providerResponse';

const root = resolve(import.meta.dirname, '..');
const completenessFiles = readScenarioFiles([resolve(root, 'scenarios/completeness')]);
const queryFiles = readScenarioFiles([resolve(root, 'scenarios/query')]);

async function load(files: typeof completenessFiles): Promise<LoadedScenario[]> {
  const services = await loadNodeTaskServices();
  return files.map((f) => validateScenarioText(f.file, f.text, { taskTypes, services }));
}

describe('completeness scenarios', () => {
  it('there are at least 7 and all validate', async () => {
    expect(completenessFiles.length).toBeGreaterThanOrEqual(7);
    const loaded = await load(completenessFiles);
    expect(loaded.flatMap((r) => (r.ok ? [] : r.problems.map(formatProblem)))).toEqual([]);
  });

  it('cover every record status, and the clean record has an empty slip', async () => {
    const keys = (await load(completenessFiles)).flatMap((r) =>
      r.ok ? r.scenario.steps.filter((s) => s.type === 'completeness-review').map((s) => ({ id: r.scenario.id, key: s.answer as CompletenessAnswer })) : [],
    );
    expect(new Set(keys.map((k) => k.key.status))).toEqual(new Set(['complete', 'incomplete', 'delinquent']));
    const clean = keys.find((k) => k.id === 'completeness-clean-record');
    expect(clean?.key).toMatchObject({ status: 'complete', deficiencies: [] });
    for (const { id, key } of keys.filter((k) => k.id !== 'completeness-clean-record')) {
      expect(key.deficiencies.length, `${id} teaches at least two deficiencies`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('query scenarios', () => {
  it('there are at least 5, all validate, and each re-codes after the query', async () => {
    expect(queryFiles.length).toBeGreaterThanOrEqual(5);
    const loaded = await load(queryFiles);
    expect(loaded.flatMap((r) => (r.ok ? [] : r.problems.map(formatProblem)))).toEqual([]);
    for (const r of loaded) {
      if (!r.ok) continue;
      expect(r.scenario.steps.map((s) => s.type), r.file).toEqual(['physician-query', 'coding']);
    }
  });

  it.each(queryFiles.map((f) => [f.file, f] as const))('%s: a model query built from its own indicators passes every check', async (_label, file) => {
    const [loaded] = await load([file]);
    if (!loaded?.ok) throw new Error(`${file.file} does not validate`);
    const step = loaded.scenario.steps.find((s) => s.type === 'physician-query')!;
    const input = step.input as QueryInput;
    for (const option of input.options) expect(matchOption(input, option.label)?.id, `${file.file}: option "${option.label}" is recognised by its own phrases`).toBe(option.id);
    const draft: QueryDraft = {
      addressee: input.provider.name,
      format: 'multiple-choice',
      body: `Clinical indicators:\n${input.indicators.map((i) => `- ${i.label}: "${i.evidence.quote}"`).join('\n')}\nBased on your clinical judgment, please clarify the ${input.topic.toLowerCase()} in the record:`,
      options: [...input.options.filter((o) => o.supported).map((o) => o.label), 'Other (please specify)', 'Clinically undetermined'],
    };
    const failed = runQueryChecks(draft, input).filter((c) => !c.passed);
    expect(failed.map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
    expect(providerOutcome(draft, input)).toMatchObject({ kind: 'answered', chosen: 'option' });
  });
});

describe('a stated key that disagrees with the rules', () => {
  const brokenDir = resolve(root, 'tests/fixtures/scenarios-broken-completeness');
  const [file] = readScenarioFiles([brokenDir]);

  it('fails validation with each differing item listed', () => {
    const result = validateScenarioText(file!.file, file!.text, { taskTypes });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/^completeness\/01-stated-key-disagrees\.yaml: steps\[0\]\.answer\.status: stated key disagrees with the computed key: stated "complete", the rules give "incomplete"/),
      expect.stringMatching(/steps\[0\]\.answer\.deficiencies\[1\]: stated key disagrees with the computed key: hp SIG \(Rosa Delacroix-Ng\) is not found by the rules$/),
      expect.stringMatching(/steps\[0\]\.answer\.deficiencies: stated key disagrees with the computed key: missing from the stated key: pn SIG \(Rosa Delacroix-Ng\)/),
    ]);
  });

  it('makes `npm run scenarios:check` exit non-zero and print those lines', () => {
    let output = '';
    let status = 0;
    try {
      execFileSync('npx', ['tsx', 'tools/scenarios-check.ts', brokenDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const e = error as { status: number; stdout: string };
      status = e.status;
      output = e.stdout;
    }
    expect(status).toBe(1);
    expect(output).toContain('steps[0].answer.status: stated key disagrees with the computed key');
    expect(output).toContain('missing from the stated key: pn SIG');
  });
});
