/**
 * The feedback engine against the real FY2026 code sets, tabular notes (FY2023 edition) and MS-DRG v43
 * grouper (compiled in public/), on the bundled pneumonia case: each kind of mistake is diagnosed by cause,
 * with its guideline section, and the DRG effect comes from the grouper.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateScenarioText } from '../../content/validateScenario';
import type { Scenario } from '../../content/scenarioSchema';
import { taskTypes } from '../tasks/registry';
import type { TaskServices } from '../tasks/taskTypes';
import { loadNodeTaskServices } from '../../../tools/lib/nodeServices';
import { scoreCoding, type CodingAnswer, type CodingResponse } from './codingTask';

const root = resolve(import.meta.dirname, '../../..');
const compiled = existsSync(resolve(root, 'public/codesets/fy2026/cm-tabular.json')) && existsSync(resolve(root, 'public/grouper/meta.json'));
if (!compiled) console.log('skipped: code sets / grouper tables not compiled (npm run codesets:build)');

describe.skipIf(!compiled)('coding feedback with the real code sets and grouper', () => {
  let services: TaskServices;
  let scenario: Scenario;
  let key: CodingAnswer;
  let perfect: CodingResponse;

  beforeAll(async () => {
    services = await loadNodeTaskServices();
    const text = readFileSync(resolve(root, 'scenarios/coding/01-lll-pneumonia-effusion.yaml'), 'utf8');
    const loaded = validateScenarioText('coding/01-lll-pneumonia-effusion.yaml', text, { taskTypes, services });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    scenario = loaded.scenario;
    key = scenario.steps.find((s) => s.type === 'coding')!.answer as CodingAnswer;
    perfect = {
      pdx: key.pdx,
      sdx: key.sdx.filter((s) => !s.optional).map((s) => ({ code: s.code, poa: s.poa })),
      procedures: key.procedures.map((p) => ({ code: p.code, date: p.date ?? '' })),
    };
  }, 60_000);

  const run = (response: CodingResponse) => scoreCoding(response, key, { scenario, services });

  it('gives full marks, including the DRG component, for the key', () => {
    const r = run(perfect);
    expect(r.score).toBe(r.maxScore);
    expect(r.findings.find((f) => f.subject === 'MS-DRG')?.message).toMatch(/MS-DRG 194/);
  });

  it.each<[string, (p: CodingResponse) => CodingResponse, string, RegExp, string]>([
    ['header code as principal', (p) => ({ ...p, pdx: 'J18' }), 'coding.code-header', /J18 is a category: add a 4th character/, 'I.A.3; I.B.2'],
    ['less specific principal', (p) => ({ ...p, pdx: 'J18.9' }), 'coding.specificity', /less specific .*J13/, 'I.B.2; I.A.9.b'],
    ['symptom as principal', (p) => ({ ...p, pdx: 'R05.9' }), 'coding.symptom-as-pdx', /is a symptom/, 'Section II.A'],
    ['principal and secondary swapped', (p) => ({ ...p, pdx: 'N17.9', sdx: [{ code: 'J13', poa: 'Y' }, ...p.sdx.filter((s) => s.code !== 'N179')] }), 'coding.pdx-sequencing', /N17\.9 is a secondary diagnosis here/, 'Section II; II.B-II.C'],
    ['missing 7th character', (p) => withSdxOf(p, (rows) => [...rows, { code: 'S72.001', poa: 'Y' }]), 'coding.seventh-character', /needs a 7th character/, 'I.A.5'],
    ['missing placeholder X', (p) => withSdxOf(p, (rows) => [...rows, { code: 'T40.11A', poa: 'Y' }]), 'coding.placeholder-x', /placeholder X: T40\.1X1A/, 'I.A.4'],
    ['letter O for zero', (p) => withSdxOf(p, (rows) => [...rows, { code: 'I5O.9', poa: 'Y' }]), 'coding.letter-digit', /digit 0, not the letter O/, 'I.A.2'],
    ['ruled-out sepsis coded', (p) => withSdxOf(p, (rows) => [...rows, { code: 'A41.9', poa: 'Y' }]), 'coding.ruled-out-coded', /ruled out/, 'Section II.H; III.C'],
    ['symptom with its confirmed cause', (p) => withSdxOf(p, (rows) => [...rows, { code: 'R50.9', poa: 'Y' }]), 'coding.symptom-integral', /sign or symptom/, 'I.B.5'],
    ['diabetes combination missed', (p) => withSdxOf(p, (rows) => rows.map((r) => (r.code === 'E1165' ? { code: 'E11.9', poa: 'Y' } : r))), 'coding.combination-diabetes', /combination code/, 'I.C.4.a; I.A.15'],
    ['Excludes1 pair', (p) => withSdxOf(p, (rows) => [...rows, { code: 'E10.9', poa: 'Y' }]), 'coding.excludes1-pair', /Excludes1 note at E1[01] .*FY2023 edition/, 'I.A.12.a'],
    ['use-additional-code partner missed', (p) => withSdxOf(p, (rows) => rows.filter((r) => r.code !== 'F17210')), 'coding.partner-missed', /Use additional code.*tobacco dependence \(F17\.-\).*FY2023 edition/, 'I.A.13'],
    ['CC missed with DRG effect', (p) => withSdxOf(p, (rows) => rows.filter((r) => !['J918', 'N179', 'E871', 'B370'].includes(r.code)).concat()), 'coding.cc-mcc-missed', /It is a CC\./, 'Section III'],
    ['wrong POA', (p) => withSdxOf(p, (rows) => rows.map((r) => (r.code === 'B370' ? { ...r, poa: 'Y' } : r))), 'coding.poa-wrong', /POA indicator is N/, 'Appendix I'],
    ['POA exempt misused', (p) => withSdxOf(p, (rows) => rows.map((r) => (r.code === 'Z794' ? { ...r, poa: 'Y' } : r))), 'coding.poa-exempt', /POA-exempt list/, 'Appendix I'],
    ['PCS body system wrong', (p) => ({ ...p, procedures: [{ code: '0B9B3ZX', date: '2026-02-10' }] }), 'coding.pcs-body-system', /character 2, body system: you gave B \(Respiratory System\)/, 'B2.1a'],
    ['PCS root operation wrong', (p) => ({ ...p, procedures: [{ code: '0WCB3ZZ', date: '2026-02-10' }] }), 'coding.pcs-root-operation', /character 3, operation: you gave C \(Extirpation\).*Drainage means: "Taking or letting out fluids/, 'B3.1a'],
    ['DRG differs', (p) => withSdxOf(p, (rows) => [...rows, { code: 'A41.9', poa: 'Y' }]), 'coding.drg-mismatch', /MS-DRG 193 .*set by A41\.9/, 'MDC, surgical hierarchy, CC/MCC'],
  ])('%s -> %s', (_label, edit, errorType, message, section) => {
    const r = run(edit(perfect));
    const f = r.findings.find((x) => x.errorType === errorType);
    expect(f, JSON.stringify(r.findings.map((x) => [x.errorType, x.message]), null, 1)).toBeDefined();
    expect(f!.message).toMatch(message);
    expect(f!.citation?.section).toBe(section);
    expect(r.score).toBeLessThan(r.maxScore);
  });

  it('code first: a manifestation listed before its etiology loses the sequencing point; any listed etiology before it satisfies the note', () => {
    const dementiaKey = { ...key, sdx: [...key.sdx, { code: 'G301', poa: 'Y' as const, optional: false, alternatives: [] }, { code: 'F02B0', poa: 'Y' as const, optional: false, alternatives: [] }, { code: 'E039', poa: 'Y' as const, optional: false, alternatives: [] }] };
    const base = { ...perfect, sdx: [...perfect.sdx, { code: 'G30.1', poa: 'Y' }, { code: 'F02.B0', poa: 'Y' }, { code: 'E03.9', poa: 'Y' }] };
    const inOrder = scoreCoding(base, dementiaKey, { scenario, services });
    expect(inOrder.score).toBe(inOrder.maxScore);
    const swapped = { ...base, sdx: [...perfect.sdx, { code: 'F02.B0', poa: 'Y' }, { code: 'G30.1', poa: 'Y' }, { code: 'E03.9', poa: 'Y' }] };
    const r = scoreCoding(swapped, dementiaKey, { scenario, services });
    const f = r.findings.find((x) => x.errorType === 'coding.code-first-order');
    expect(f?.message).toMatch(/F02\.B0 carries the note "Code first .*G30\.1 must come before it/);
    expect(f?.citation?.section).toBe('I.A.13');
    expect(r.findings.find((x) => x.subject === 'Sequencing')?.points).toBe(0);
    const none = scoreCoding({ pdx: '', sdx: [], procedures: [] }, dementiaKey, { scenario, services });
    expect(none.score).toBe(0);
  });

  it('links findings on key codes to the chart, verbatim', () => {
    const r = run({ pdx: 'J18.9', sdx: [], procedures: [] });
    const linked = r.findings.filter((f) => f.evidence?.quote);
    expect(linked.length).toBeGreaterThanOrEqual(4);
    for (const f of linked) {
      const doc = scenario.chart.find((d) => d.id === f.evidence!.documentId)!;
      expect(doc.text).toContain(f.evidence!.quote);
    }
  });

  it('names the DRG a missed CC would have changed', () => {
    const r = run(withSdxOf(perfect, (rows) => rows.filter((row) => !['J918', 'N179', 'E871', 'B370'].includes(row.code))));
    const cc = r.findings.filter((f) => f.errorType === 'coding.cc-mcc-missed');
    expect(cc.some((f) => /would change your case from MS-DRG 195 .* to MS-DRG 194/.test(f.message))).toBe(true);
  });

  it('scores quickly enough to run on every submit', () => {
    const started = performance.now();
    for (let i = 0; i < 20; i++) run(withSdxOf(perfect, (rows) => [...rows, { code: 'A41.9', poa: 'Y' }]));
    expect((performance.now() - started) / 20).toBeLessThan(250);
  });
});

function withSdxOf(p: CodingResponse, edit: (rows: CodingResponse['sdx']) => CodingResponse['sdx']): CodingResponse {
  return { ...p, sdx: edit([...p.sdx]) };
}

describe('docs/scoring.md lists every error type', () => {
  it('has a row per id in CODING_ERROR_TYPES', async () => {
    const { CODING_ERROR_TYPES } = await import('./errorTypes');
    const doc = readFileSync(resolve(root, 'docs/scoring.md'), 'utf8');
    for (const id of Object.keys(CODING_ERROR_TYPES)) expect(doc).toContain(`| \`${id}\` |`);
  });
});
