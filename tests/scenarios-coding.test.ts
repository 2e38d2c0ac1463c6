/**
 * The inpatient coding scenarios (issue 6 item 5): at least 24 files in scenarios/coding validate with the real
 * task-type registry and, when compiled, the FY2026 code sets and the MS-DRG v43 grouper; each has a coding step;
 * the coverage topics of the issue are all present (by tag); POA "1" is used only for codes on the CMS POA-exempt
 * list (OCG Appendix I); every expected MS-DRG stated by a file (drg-assignment step, or the "# Expected MS-DRG:"
 * header) equals what the grouper computes from the file's coding key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { Scenario } from '../src/content/scenarioSchema';
import { formatProblem, validateCorpus, type LoadedScenario } from '../src/content/validateScenario';
import { codingAnswerSchema, keyClaimCodes, type CodingAnswer } from '../src/domain/coding/codingTask';
import { claimForScenario, formatDrg } from '../src/domain/drg/grouperService';
import { taskTypes } from '../src/domain/tasks/registry';
import type { TaskServices } from '../src/domain/tasks/taskTypes';
import { loadNodeTaskServices } from '../tools/lib/nodeServices';
import { readScenarioFiles, type ScenarioFileText } from '../tools/lib/scenarioFiles';

const root = resolve(import.meta.dirname, '..');
const codingDir = resolve(root, 'scenarios', 'coding');
const files: ScenarioFileText[] = existsSync(codingDir) ? readScenarioFiles([codingDir]) : [];
const poaExemptFile = resolve(root, 'public', 'codesets', 'fy2026', 'poa-exempt.txt');

/** Coverage topics of issue 6 item 5, each satisfied by any one of the listed tags. */
const COVERAGE: Record<string, readonly string[]> = {
  'sepsis': ['sepsis'],
  'severe sepsis with organ dysfunction': ['severe-sepsis'],
  'pneumonia with COPD exacerbation': ['pneumonia-copd'],
  'acute on chronic heart failure': ['acute-on-chronic'],
  'STEMI with PCI and stents': ['stemi-pci'],
  'stroke with tPA': ['stroke-tpa'],
  'hip replacement': ['hip-replacement'],
  'knee replacement': ['knee-replacement'],
  'laparoscopic appendectomy': ['appendectomy'],
  'cholecystectomy': ['cholecystectomy'],
  'vaginal delivery': ['vaginal-delivery'],
  'caesarean delivery': ['cesarean'],
  'newborn': ['newborn'],
  'GI bleed with EGD': ['gi-bleed-egd'],
  'UTI with catheter (CAUTI, POA N)': ['cauti'],
  'diabetes with complications': ['diabetes-complications'],
  'hypertensive heart and CKD': ['hypertensive-heart-ckd'],
  'stage 3/4 pressure injury': ['pressure-injury'],
  'hip fracture with 7th character and external cause': ['hip-fracture'],
  'poisoning/overdose': ['poisoning'],
  'COVID-19 with pneumonia': ['covid-19'],
  'cellulitis': ['cellulitis'],
  'acute kidney injury': ['aki'],
  'alcohol withdrawal': ['alcohol-withdrawal'],
  'DRG 981-989 unrelated OR procedure': ['unrelated-or-procedure'],
  'symptom as principal diagnosis': ['symptom-pdx'],
};

function codingKey(scenario: Scenario): CodingAnswer | undefined {
  const step = scenario.steps.find((s) => s.type === 'coding');
  const parsed = step ? v.safeParse(codingAnswerSchema, step.answer) : undefined;
  return parsed?.success ? parsed.output : undefined;
}

/** The DRG the author states: the drg-assignment step's answer, else the "# Expected MS-DRG: NNN" header comment. */
function statedDrg(scenario: Scenario, text: string): string | undefined {
  const step = scenario.steps.find((s) => s.type === 'drg-assignment');
  const fromStep = (step?.answer as { drg?: unknown } | undefined)?.drg;
  if (typeof fromStep === 'string' || typeof fromStep === 'number') return String(fromStep).padStart(3, '0');
  const header = /^#\s*Expected MS-DRG:\s*(\d{1,3})\b/m.exec(text);
  return header?.[1]?.padStart(3, '0');
}

describe('scenarios/coding', () => {
  let services: TaskServices;
  let results: LoadedScenario[];
  const loaded = () => results.filter((r): r is Extract<LoadedScenario, { ok: true }> => r.ok);

  beforeAll(async () => {
    services = await loadNodeTaskServices();
    results = validateCorpus(files, { taskTypes, services });
  });

  it('has at least 24 coding scenarios and every one validates', () => {
    const problems = results.flatMap((r) => (r.ok ? [] : r.problems.map(formatProblem)));
    expect(problems).toEqual([]);
    expect(loaded().length).toBeGreaterThanOrEqual(24);
  });

  it('every scenario is an inpatient coding case with a coding step whose key has a principal diagnosis', () => {
    for (const r of loaded()) {
      expect(r.scenario.module, r.file).toBe('coding');
      const key = codingKey(r.scenario);
      expect(key, `${r.file}: coding step with a valid key`).toBeDefined();
      expect(key?.pdx.length, r.file).toBeGreaterThanOrEqual(3);
      expect(key?.pdxRationale?.trim().length ?? 0, `${r.file}: pdxRationale`).toBeGreaterThan(0);
    }
  });

  it('covers every topic of issue 6 item 5', () => {
    const tags = new Set(loaded().flatMap((r) => r.scenario.tags));
    const missing = Object.entries(COVERAGE)
      .filter(([, anyOf]) => !anyOf.some((t) => tags.has(t)))
      .map(([topic]) => topic);
    expect(missing).toEqual([]);
  });

  it('varies difficulty (1-5) and discharge status', () => {
    const difficulties = new Set(loaded().map((r) => r.scenario.difficulty));
    expect([...difficulties].sort()).toEqual([1, 2, 3, 4, 5]);
    const statuses = new Set(loaded().map((r) => r.scenario.encounter.dischargeDisposition));
    for (const s of ['01', '03', '06', '20', '62']) expect(statuses, `discharge status ${s}`).toContain(s);
  });

  it('every choice step cites a guideline and links to a verbatim sentence of the chart', () => {
    for (const r of loaded()) {
      for (const step of r.scenario.steps.filter((s) => s.type === 'choice')) {
        const answer = step.answer as { evidence?: { documentId?: string; quote?: string }; citation?: { section?: string } } | undefined;
        expect(answer?.citation?.section, `${r.file}: ${step.id}.answer.citation`).toBeTruthy();
        const evidence = answer?.evidence;
        const doc = r.scenario.chart.find((d) => d.id === evidence?.documentId);
        expect(doc, `${r.file}: ${step.id}.answer.evidence.documentId`).toBeDefined();
        expect(evidence?.quote, `${r.file}: ${step.id}.answer.evidence.quote`).toBeTruthy();
        expect(doc?.text.includes(evidence?.quote ?? '\u0000'), `${r.file}: ${step.id} quote is verbatim`).toBe(true);
      }
    }
  });

  describe.skipIf(!existsSync(poaExemptFile))('POA indicators (OCG Appendix I)', () => {
    it('uses "1" exactly for codes on the FY2026 POA-exempt list', () => {
      const exempt = new Set(readFileSync(poaExemptFile, 'utf8').split(/\r?\n/).filter(Boolean));
      const wrong: string[] = [];
      for (const r of loaded()) {
        for (const s of codingKey(r.scenario)?.sdx ?? []) {
          const isExempt = exempt.has(s.code.replace('.', ''));
          if ((s.poa === '1') !== isExempt) wrong.push(`${r.file}: ${s.code} POA ${s.poa} (${isExempt ? 'exempt' : 'not exempt'})`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  it('states an expected MS-DRG in every file', () => {
    const missing = results.filter((r) => r.ok && statedDrg(r.scenario, files.find((f) => f.file === r.file)?.text ?? '') === undefined);
    expect(missing.map((r) => r.file)).toEqual([]);
  });

  it('each stated MS-DRG equals the grouper result for the coding key (MS-DRG v43)', (ctx) => {
    if (!services.grouper) {
      console.warn('skipped: grouper tables not compiled (public/grouper)');
      ctx.skip();
      return;
    }
    const grouper = services.grouper;
    const mismatches: string[] = [];
    for (const r of loaded()) {
      const text = files.find((f) => f.file === r.file)?.text ?? '';
      const key = codingKey(r.scenario);
      const stated = statedDrg(r.scenario, text);
      if (!key || !stated) continue;
      const result = grouper.group(claimForScenario(r.scenario, keyClaimCodes(key)));
      const computed = formatDrg(result.drg);
      if (result.returnCode !== 'OK' || computed !== stated) mismatches.push(`${r.file}: stated ${stated}, grouper ${computed} (${result.returnCode})`);
    }
    expect(mismatches).toEqual([]);
  });
});
