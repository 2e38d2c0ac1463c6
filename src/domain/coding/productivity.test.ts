import { describe, expect, it } from 'vitest';
import { INPATIENT_BENCHMARKS, summariseProductivity } from './productivity';

const min = 60_000;

describe('summariseProductivity (him-rules.md PROD-1/2/4/5)', () => {
  it.each([
    // records, minutes each, percent -> records/hour, speed, accuracy level, advice fragment
    [4, 30, 96, 2, 'within', 'meets', /On benchmark/],
    [3, 60, 98, 1, 'below', 'top', /Work on pace/],
    [6, 15, 80, 4, 'above', 'below', /Slow down/],
    [2, 50, 70, 1.2, 'below', 'below', /Accuracy first/],
    [5, 24, 95, 2.5, 'within', 'meets', /On benchmark/],
    [2, 80, 95, 0.75, 'below', 'meets', /under the 1\.5-2\.5 per hour/],
  ])('%i records of %i min at %i%% -> %d/h, %s, %s', (n, minutes, percent, perHour, speed, level, advice) => {
    const s = summariseProductivity(Array.from({ length: n }, () => ({ durationMs: minutes * min, percent })))!;
    expect(s.records).toBe(n);
    expect(s.recordsPerHour).toBeCloseTo(perHour, 2);
    expect(s.minutesPerRecord).toBe(minutes);
    expect(s.speed).toBe(speed);
    expect(s.accuracyLevel).toBe(level);
    expect(s.advice).toMatch(advice);
  });

  it('ignores attempts without a usable duration and clamps scores', () => {
    const s = summariseProductivity([
      { durationMs: 0, percent: 100 },
      { durationMs: Number.NaN, percent: 100 },
      { durationMs: 30 * min, percent: 120 },
      { durationMs: 30 * min, percent: 90 },
    ])!;
    expect(s.records).toBe(2);
    expect(s.accuracy).toBe(95);
  });

  it('returns null for no usable attempts', () => {
    expect(summariseProductivity([])).toBeNull();
    expect(summariseProductivity([{ durationMs: -5, percent: 50 }])).toBeNull();
  });

  it('uses the published ICD-10 inpatient range and the 95% accuracy minimum', () => {
    expect(INPATIENT_BENCHMARKS.recordsPerHour).toMatchObject({ low: 1.5, high: 2.5 });
    expect(INPATIENT_BENCHMARKS.accuracy.minimum).toBe(95);
  });
});
