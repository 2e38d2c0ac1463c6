import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { validateScenarioText } from '../../content/validateScenario';
import { taskTypes } from '../tasks/registry';
import { decideRelease } from './engine';
import { generatePracticeScenario, generateRequest, GENERATED_KINDS, seededRandom } from './generateRequest';
import { computeRoiKey } from './roiTask';

const SEEDS = Array.from({ length: 40 }, (_, i) => i * 37 + 1);

describe('generateRequest', () => {
  test('is deterministic for a seed and kind', () => {
    expect(generateRequest(42, 'attorney-subpoena')).toEqual(generateRequest(42, 'attorney-subpoena'));
    expect(generateRequest(42)).toEqual(generateRequest(42));
    expect(generateRequest(42, 'insurer')).not.toEqual(generateRequest(43, 'insurer'));
  });

  test('the PRNG is uniform enough for drawing cases', () => {
    const next = seededRandom(7);
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) buckets[Math.floor(next() * 4)]! += 1;
    for (const b of buckets) expect(b).toBeGreaterThan(900);
  });

  test('draws every kind when no kind is given', () => {
    const kinds = new Set(Array.from({ length: 300 }, (_, i) => generateRequest(i).kind));
    expect([...kinds].sort()).toEqual([...GENERATED_KINDS].sort());
  });

  test.each(GENERATED_KINDS.map((k) => [k]))('%s: computed keys vary with the seed and never fail', (kind) => {
    const decisions = new Set<string>();
    for (const seed of SEEDS) {
      const g = generateRequest(seed, kind);
      expect(g.kind).toBe(kind);
      const d = decideRelease({ ...g.input, inventory: g.input.inventory });
      decisions.add(d.decision);
      expect(d.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // every inventory document is a chart document
      expect(g.input.inventory.map((i) => i.documentId).sort()).toEqual(g.documents.map((x) => x.id).sort());
    }
    expect(decisions.size).toBeGreaterThanOrEqual(2);
  });

  test.each([
    ['attorney-subpoena', ['request-more-information', 'release-in-part']],
    ['psychotherapy-notes', ['deny', 'release']],
    ['part2-records', ['release', 'release-in-part']],
    ['parent-of-minor', ['deny', 'release-in-part', 'request-more-information']],
  ] as const)('%s covers the teaching outcomes %j', (kind, outcomes) => {
    const decisions = new Set(SEEDS.map((s) => decideRelease(generateRequest(s, kind).input).decision));
    for (const o of outcomes) expect(decisions).toContain(o);
  });

  test.each(GENERATED_KINDS.map((k) => [k]))('practice scenario for %s validates with the real registry', (kind) => {
    for (const seed of [1, 2, 3]) {
      const scenario = generatePracticeScenario(seed, kind);
      const loaded = validateScenarioText(`roi/${scenario.id}.yaml`, stringify(scenario), { taskTypes });
      if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
      expect(loaded.ok).toBe(true);
      const key = computeRoiKey(loaded.scenario.steps[0]!.input as Parameters<typeof computeRoiKey>[0], loaded.scenario);
      expect(key).toEqual(loaded.scenario.steps[0]!.answer);
    }
  });
});
