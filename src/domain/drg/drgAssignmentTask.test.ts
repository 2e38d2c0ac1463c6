/**
 * The drg-assignment task with the real MS-DRG v43 tables: the key is computed by the grouper from the coding
 * step's key, a wrong stated DRG fails the scenario checker, and the learner's pick earns partial credit by
 * MDC, family and severity.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, validateCorpus, validateScenarioText } from '../../content/validateScenario';
import type { Scenario } from '../../content/scenarioSchema';
import { taskTypes } from '../tasks/registry';
import type { TaskServices } from '../tasks/taskTypes';
import { loadNodeTaskServices } from '../../../tools/lib/nodeServices';
import { readScenarioFiles } from '../../../tools/lib/scenarioFiles';
import type { CodingResponse } from '../coding/codingTask';
import { computeDrgKey, scoreDrgAssignment, type DrgAssignmentAnswer } from './drgAssignmentTask';
import { applyWhatIf, describeChange, NO_WHAT_IF, summariseGrouping } from './whatIf';
import { ageOnAdmission, claimForScenario } from './grouperService';

const root = resolve(import.meta.dirname, '../../..');
const brokenDir = resolve(root, 'tests/fixtures/scenarios-broken-coding');
const compiled = existsSync(resolve(root, 'public/grouper/meta.json'));
if (!compiled) console.log('skipped: grouper tables not compiled (npm run codesets:build)');

describe('ageOnAdmission', () => {
  it.each([
    ['1958-03-22', '2026-02-09T18:40', 67],
    ['1958-02-09', '2026-02-09T00:00', 68],
    ['1958-02-10', '2026-02-09T00:00', 67],
    ['2026-02-09', '2026-02-09T03:00', 0],
  ])('born %s, admitted %s -> %i', (dob, admitted, age) => {
    expect(ageOnAdmission(dob, admitted)).toBe(age);
  });
});

describe.skipIf(!compiled)('drg-assignment with the MS-DRG v43 grouper', () => {
  let services: TaskServices;
  let scenario: Scenario;
  const input = { codingStep: 'code-stay' };
  let key: DrgAssignmentAnswer;
  let perfect: CodingResponse;

  beforeAll(async () => {
    services = await loadNodeTaskServices();
    const text = readFileSync(resolve(root, 'scenarios/coding/01-lll-pneumonia-effusion.yaml'), 'utf8');
    const loaded = validateScenarioText('coding/01-lll-pneumonia-effusion.yaml', text, { taskTypes, services });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    scenario = loaded.scenario;
    key = scenario.steps.find((s) => s.type === 'drg-assignment')!.answer as DrgAssignmentAnswer;
    perfect = { pdx: 'J13', sdx: [{ code: 'J91.8', poa: 'Y' }, { code: 'N17.9', poa: 'Y' }, { code: 'I10', poa: 'Y' }], procedures: [{ code: '0W9B3ZX', date: '2026-02-10' }] };
  }, 60_000);

  it('computes the key from the coding step (age 67, male, home, v43.0)', () => {
    expect(computeDrgKey(input, scenario, services)).toEqual({ drg: '194', title: 'Simple Pneumonia and Pleurisy with CC' });
    expect(claimForScenario(scenario, perfect)).toMatchObject({ ageYears: 67, sex: 'M', dischargeStatus: '01', dischargeDate: '2026-02-13' });
  });

  it('leaves the key blank (nothing to compare) when the grouper is not loaded', () => {
    expect(computeDrgKey(input, scenario, {})).toEqual({ drg: '' });
  });

  it.each([
    ['194', 3, undefined],
    ['193', 2, 'drg.severity-wrong'],
    ['195', 2, 'drg.severity-wrong'],
    ['166', 1, 'drg.family-wrong'],
    ['871', 0, 'drg.mdc-wrong'],
    ['000', 0, 'drg.mdc-wrong'],
  ])('picking %s scores %i (%s)', (drg, points, errorType) => {
    const r = scoreDrgAssignment({ drg, codes: perfect }, key, scenario, services, input);
    expect(r.maxScore).toBe(3);
    expect(r.score).toBe(points);
    expect(r.findings[0]!.errorType).toBe(errorType);
  });

  it('explains when the learner’s own codes group differently, and credits reading the grouper right', () => {
    const noCc: CodingResponse = { ...perfect, sdx: [{ code: 'I10', poa: 'Y' }] };
    const r = scoreDrgAssignment({ drg: '195', codes: noCc }, key, scenario, services, input);
    const info = r.findings.find((f) => f.errorType === 'drg.codes-differ');
    expect(info?.message).toMatch(/group to MS-DRG 195 .*MS-DRG 195 -> 194 .*without CC\/MCC -> with CC.*read the grouper right/);
    expect(info?.message).toMatch(/never a target/);
  });

  it('what-if: leaving the CCs out drops to 195, and the summary names who set the severity', () => {
    const claim = { pdx: 'J13', sdx: perfect.sdx, procedures: perfect.procedures };
    const before = services.grouper!.group(claimForScenario(scenario, applyWhatIf(claim, NO_WHAT_IF)));
    const after = services.grouper!.group(claimForScenario(scenario, applyWhatIf(claim, { ...NO_WHAT_IF, omitSdx: new Set(['J918', 'N179']) })));
    expect(describeChange(before, after)).toBe('MS-DRG 194 -> 195 Simple Pneumonia and Pleurisy without CC/MCC (with CC -> without CC/MCC).');
    const s = summariseGrouping(before);
    expect(s).toMatchObject({ drg: '194', mdc: expect.stringMatching(/^MDC 04 /) as unknown, decidedBy: 'J91.8', ok: true });
    expect(s.secondaries.find((x) => x.code === 'I10')?.text).toBe('not a CC or MCC');
    expect(s.procedures[0]?.text).toMatch(/non-O\.R\. procedure/);
  });

  it('a HAC with POA N loses its CC/MCC: the summary says so', () => {
    // Catheter-associated UTI (T83.511A + N39.0) acquired in hospital: HAC 07.
    const codes = { pdx: 'J13', sdx: [{ code: 'T83.511A', poa: 'N' }, { code: 'N39.0', poa: 'N' }], procedures: [] };
    const s = summariseGrouping(services.grouper!.group(claimForScenario(scenario, codes)));
    expect(s.hacs.join(' ')).toMatch(/POA N\/U: its CC\/MCC does not count/);
  });

  describe('broken fixtures (tests/fixtures/scenarios-broken-coding)', () => {
    it('each file is rejected at the field its "# expect:" header names', () => {
      const files = readScenarioFiles([brokenDir]);
      expect(files.length).toBeGreaterThanOrEqual(2);
      const results = validateCorpus(files, { taskTypes, services });
      for (const file of files) {
        const expected = /^# expect: (.+)$/m.exec(file.text)?.[1]?.trim();
        const result = results.find((r) => r.file === file.file)!;
        expect(result.ok, file.file).toBe(false);
        if (result.ok) continue;
        expect(result.problems.map((p) => p.path), file.file).toContain(expected);
      }
      const lines = results.flatMap((r) => (r.ok ? [] : r.problems.map(formatProblem)));
      expect(lines).toContain(
        "01-wrong-stated-drg.yaml: steps[1].answer.drg: stated key disagrees with the computed key: stated 193, computed 194 Simple Pneumonia and Pleurisy with CC (MS-DRG v43 grouper on the coding step's key)",
      );
    });

    it('npm run scenarios:check prints the DRG disagreement and exits 1', () => {
      let code = 0;
      let stdout: string;
      try {
        stdout = execFileSync(process.execPath, ['--import', 'tsx', resolve(root, 'tools/scenarios-check.ts'), brokenDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        const e = error as { status: number; stdout: string };
        code = e.status;
        stdout = e.stdout;
      }
      expect(code).toBe(1);
      expect(stdout).toContain('steps[1].answer.drg: stated key disagrees with the computed key: stated 193, computed 194');
    }, 90_000);
  });
});
