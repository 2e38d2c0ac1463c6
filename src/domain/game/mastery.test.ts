import { describe, expect, it } from 'vitest';
import { accuracyByModule, activityHeatmap, drgAccuracy, errorTypesOverTime, errorTypeTotals, isDrgStep, moduleSummary, productivityTrend, type MasteryAttempt } from './mastery';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T15:00:00Z'); // Monday

function a(over: Partial<MasteryAttempt> & { id: string }): MasteryAttempt {
  return { scenarioId: 'coding-a', module: 'coding', finishedAt: T0, durationMs: 10 * 60_000, percent: 100, errorTypes: {}, ...over };
}

const attempts: MasteryAttempt[] = [
  a({ id: '1', percent: 60, errorTypes: { 'coding.poa-wrong': 2 } }),
  a({ id: '2', percent: 80, finishedAt: T0 + 1000, errorTypes: { 'coding.poa-wrong': 1, 'coding.sdx-missed': 1 } }),
  a({ id: '3', module: 'roi', scenarioId: 'roi-b', percent: 100, finishedAt: T0 + DAY }),
  a({ id: '4', percent: 96, finishedAt: T0 + 2 * DAY, durationMs: 20 * 60_000, errorTypes: { 'coding.sdx-missed': 3 } }),
];

describe('accuracyByModule', () => {
  it('averages each module per day and leaves gaps as null', () => {
    expect(accuracyByModule(attempts, { labelOf: (m) => m.toUpperCase() })).toEqual({
      labels: ['2026-03-02', '2026-03-03', '2026-03-04'],
      series: [
        { id: 'coding', label: 'CODING', data: [70, null, 96] },
        { id: 'roi', label: 'ROI', data: [null, 100, null] },
      ],
    });
  });

  it('buckets by ISO week', () => {
    const next = a({ id: '5', finishedAt: T0 + 7 * DAY, percent: 50 });
    const chart = accuracyByModule([...attempts, next], { bucket: 'week' });
    expect(chart.labels).toEqual(['2026-03-02', '2026-03-09']);
    expect(chart.series[0]!.data).toEqual([78.7, 50]);
  });

  it('returns empty series for no attempts', () => {
    expect(accuracyByModule([])).toEqual({ labels: [], series: [] });
  });
});

describe('error types', () => {
  it('totals error types, most frequent first', () => {
    expect(errorTypeTotals(attempts)).toEqual([
      { errorType: 'coding.sdx-missed', count: 4 },
      { errorType: 'coding.poa-wrong', count: 3 },
    ]);
  });

  it('counts the top error types per day', () => {
    const chart = errorTypesOverTime(attempts, { top: 1 });
    expect(chart.series).toEqual([{ id: 'coding.sdx-missed', label: 'coding.sdx-missed', data: [1, 0, 3] }]);
  });
});

describe('productivityTrend', () => {
  const standard = (id: string) => (id === 'roi-b' ? 15 : 10);

  it('credits standard minutes only for cases at or above the accuracy floor', () => {
    const chart = productivityTrend(attempts, standard);
    // Day 1: 20 min worked, both cases under 95% -> 0%. Day 2: 15 standard / 10 worked = 150%. Day 3: 10 / 20 = 50%.
    expect(chart.series[0]!.data).toEqual([0, 150, 50]);
    expect(chart.series[1]!.data).toEqual([70, 100, 96]);
  });

  it('lets the floor be lowered for a practice setting', () => {
    expect(productivityTrend(attempts, standard, { accuracyFloor: 50 }).series[0]!.data[0]).toBe(100);
  });

  it('gives null productivity when no time was recorded', () => {
    expect(productivityTrend([a({ id: 'z', durationMs: 0 })], standard).series[0]!.data).toEqual([null]);
  });
});

describe('drgAccuracy', () => {
  it.each([
    ['drg', true],
    ['drg-assignment', true],
    ['coding.drg', true],
    ['coding', false],
    ['drgx', false],
  ])('isDrgStep(%s) = %s', (id, expected) => expect(isDrgStep(id)).toBe(expected));

  it('scores DRG steps only', () => {
    const list = [
      a({ id: '1', results: [{ taskType: 'coding', score: 0, maxScore: 9 }, { taskType: 'drg-assignment', score: 2, maxScore: 4 }] }),
      a({ id: '2', finishedAt: T0 + 10, results: [{ taskType: 'drg-assignment', score: 4, maxScore: 4 }] }),
      a({ id: '3', finishedAt: T0 + DAY, results: [{ taskType: 'coding', score: 1, maxScore: 1 }] }),
    ];
    expect(drgAccuracy(list)).toEqual({
      labels: ['2026-03-02'],
      series: [
        { id: 'points', label: 'DRG step accuracy (% of points)', data: [75] },
        { id: 'exact', label: 'DRG steps fully right (%)', data: [50] },
      ],
    });
  });
});

describe('activityHeatmap', () => {
  it('lays out weeks Monday..Sunday up to today with relative levels', () => {
    const now = T0 + 2 * DAY; // Wednesday
    const map = activityHeatmap(attempts, [{ answeredAt: T0, correct: true }], now, { weeks: 2 });
    expect(map.weeks).toHaveLength(2);
    expect(map.weeks[0]).toHaveLength(7);
    expect(map.weeks[1]!.map((c) => c.day)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(map.weeks[1]!.map((c) => [c.count, c.level])).toEqual([[3, 4], [1, 2], [1, 2]]);
    expect(map.total).toBe(5);
    expect(map.max).toBe(3);
  });

  it('ignores activity outside the window', () => {
    const map = activityHeatmap([a({ id: 'old', finishedAt: T0 - 100 * DAY })], [], T0, { weeks: 4 });
    expect(map.total).toBe(0);
    expect(map.weeks.flat().every((c) => c.level === 0)).toBe(true);
  });
});

describe('moduleSummary', () => {
  it('summarises attempts, accuracy and time on task per module', () => {
    expect(moduleSummary(attempts)).toEqual([
      { module: 'coding', attempts: 3, meanPercent: 78.7, bestPercent: 96, latestPercent: 96, minutes: 40 },
      { module: 'roi', attempts: 1, meanPercent: 100, bestPercent: 100, latestPercent: 100, minutes: 10 },
    ]);
  });
});
