import { describe, expect, it, test } from 'vitest';
import { lifecycleStage, planShift, seededRandom, type ShiftItem, type ShiftScenario } from './shiftPlan';
import { evaluateShift } from './shiftScoring';

const sc = (id: string, module: string, mrn: string, over: Partial<ShiftScenario> = {}): ShiftScenario => ({
  id,
  title: `Case ${id}`,
  module,
  difficulty: 2,
  estimatedMinutes: 10,
  mrn,
  patientName: `Patient ${mrn}`,
  ...over,
});

const corpus = [
  sc('coding-1', 'coding', 'SIM-1'),
  sc('adt-1', 'adt', 'SIM-1'),
  sc('roi-1', 'roi', 'SIM-1'),
  sc('completeness-2', 'completeness', 'SIM-2'),
  sc('coding-2', 'coding', 'SIM-2'),
  sc('mpi-3', 'mpi', 'SIM-3'),
  sc('roi-4', 'roi', 'SIM-4'),
  sc('newmodule-5', 'newmodule', 'SIM-5'),
];

describe('planShift', () => {
  const plan = planShift(corpus, { lengthMinutes: 240, speed: 4, seed: 7, patients: 2, registeredModules: ['coding', 'adt', 'roi', 'query', 'any'] });

  it('covers every module that has cases, including modules it has never heard of', () => {
    const inInbox = new Set([...plan.items.map((i) => i.module), ...plan.interruptions.flatMap((x) => (x.item ? [x.item.module] : []))]);
    for (const m of ['coding', 'adt', 'roi', 'completeness', 'mpi', 'newmodule']) expect(inInbox).toContain(m);
    expect(lifecycleStage('newmodule')).toBe(10);
  });

  it('chains each patient’s items in lifecycle order: admission before coding before release', () => {
    const patient1 = plan.items.filter((i) => i.patientKey === 'SIM-1');
    expect(patient1.map((i) => i.module)).toEqual(['adt', 'coding', 'roi']);
    expect(patient1[0]).toMatchObject({ dependsOn: null, status: 'ready' });
    expect(patient1[1]).toMatchObject({ dependsOn: patient1[0]!.id, status: 'waiting' });
    expect(patient1[2]).toMatchObject({ dependsOn: patient1[1]!.id, status: 'waiting' });
  });

  it('sets standard time from the case estimate and the clock speed', () => {
    expect(plan.items.every((i) => i.standardMinutes === 40)).toBe(true);
  });

  it('brings an unused release-of-information case in as a STAT request 25-40% into the shift', () => {
    expect(plan.interruptions).toHaveLength(1);
    const stat = plan.interruptions[0]!;
    expect(stat.item).toMatchObject({ module: 'roi', priority: 'stat' });
    expect(plan.items.map((i) => i.scenarioId)).not.toContain(stat.item!.scenarioId);
    expect(stat.at).toBeGreaterThanOrEqual(60);
    expect(stat.at).toBeLessThanOrEqual(96);
  });

  it('lists registered modules without cases', () => {
    expect(plan.modulesWithoutCases).toEqual(['query']);
  });

  it('is deterministic for a seed and varies with it', () => {
    const again = planShift(corpus, { lengthMinutes: 240, speed: 4, seed: 7, patients: 2 });
    expect(again.items).toEqual(plan.items);
    const other = planShift(corpus, { lengthMinutes: 240, speed: 4, seed: 8, patients: 2 });
    expect(other.interruptions[0]!.at === plan.interruptions[0]!.at && JSON.stringify(other.items) === JSON.stringify(plan.items)).toBe(false);
  });

  it('respects the item cap', () => {
    expect(planShift(corpus, { lengthMinutes: 240, speed: 4, seed: 1, maxItems: 3 }).items.length).toBeLessThanOrEqual(3);
  });

  it('escalates an inbox item when no release case is left, and works with a single case', () => {
    const one = planShift([sc('coding-1', 'coding', 'SIM-1')], { lengthMinutes: 60, speed: 4, seed: 3 });
    expect(one.items).toHaveLength(1);
    expect(one.interruptions[0]).toMatchObject({ item: null, escalateItemId: one.items[0]!.id });
    expect(planShift([], { lengthMinutes: 60, speed: 4, seed: 3 })).toMatchObject({ items: [], interruptions: [] });
  });

  it('seededRandom is reproducible and in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 50 }, () => a());
    expect(xs).toEqual(Array.from({ length: 50 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('evaluateShift', () => {
  const item = (id: string, over: Partial<ShiftItem>): ShiftItem => ({
    id, scenarioId: id, title: id, module: 'coding', patientKey: 'p', patientLabel: 'P', stage: 3, standardMinutes: 40, difficulty: 2,
    dependsOn: null, priority: 'routine', arrivedAt: 0, dueAt: null, status: 'done', attemptId: 'a', percent: 100, startedAt: 0, completedAt: 30, ...over,
  });

  test.each([
    {
      name: 'accurate and on standard time',
      items: [item('a', { percent: 100 }), item('b', { percent: 96 })], worked: 80,
      expected: { accuracy: 98, productivity: 100, rating: 'meets', meetsStandard: true },
    },
    {
      name: 'fast but inaccurate never meets standard (accuracy is not traded for speed)',
      items: [item('a', { percent: 80 }), item('b', { percent: 85 }), item('c', { percent: 100 })], worked: 30,
      expected: { accuracy: 88.3, productivity: 133.3, rating: 'below-accuracy', meetsStandard: false, creditedItems: 1 },
    },
    {
      name: 'items below the floor earn no productivity credit',
      items: [item('a', { percent: 94.9 })], worked: 40,
      expected: { productivity: 0, earnedMinutes: 0, belowFloor: ['a'] },
    },
    {
      name: 'accurate but slow',
      items: [item('a', { percent: 100 }), item('b', { status: 'ready', percent: null })], worked: 120,
      expected: { productivity: 33.3, rating: 'accurate-but-slow', itemsDone: 1, itemsTotal: 2 },
    },
    {
      name: 'exceeds at 120% of standard',
      items: [item('a', {}), item('b', {}), item('c', {})], worked: 100,
      expected: { productivity: 120, rating: 'exceeds' },
    },
    {
      name: 'a late STAT request spoils an otherwise good shift',
      items: [item('a', {}), item('s', { priority: 'stat', dueAt: 20, completedAt: 25 })], worked: 80,
      expected: { statOnTime: false, meetsStandard: false, rating: 'accurate-but-slow' },
    },
    {
      name: 'a STAT request on time',
      items: [item('a', {}), item('s', { priority: 'stat', dueAt: 40, completedAt: 25 })], worked: 80,
      expected: { statOnTime: true, meetsStandard: true },
    },
    { name: 'nothing done', items: [item('a', { status: 'ready', percent: null })], worked: 60, expected: { accuracy: null, rating: 'no-work', productivity: 0 } },
    { name: 'no time worked', items: [], worked: 0, expected: { productivity: 0, statOnTime: null } },
  ])('$name', ({ items, worked, expected }) => {
    expect(evaluateShift(items, worked)).toMatchObject(expected);
  });

  it('explains the verdict in plain words', () => {
    const e = evaluateShift([item('a', { percent: 50 }), item('s', { priority: 'stat', dueAt: 10, status: 'ready', percent: null, completedAt: null })], 60);
    expect(e.notes.join(' ')).toMatch(/below the 95% accuracy floor.*STAT request was not finished.*1 item left/);
  });
});
