/**
 * Mastery dashboard data (issue 10 §3): pure builders that turn stored attempts into chart series.
 * The chart components only draw what these return, so every number on the dashboard is unit-tested here
 * and recomputed from the attempts on every visit.
 */
import type { AttemptFacts, DrillFacts } from './progression';
import { ACCURACY_STANDARD } from './progression';
import { addDays, dayKey, daysBetween, weekStart } from './days';

/** A step result as stored with an attempt (only what the builders read). */
export interface StepFacts {
  taskType: string;
  score: number;
  maxScore: number;
}

export interface MasteryAttempt extends AttemptFacts {
  results?: readonly StepFacts[];
}

export interface Series {
  /** Machine id (module id, error type id...). */
  id: string;
  label: string;
  /** One value per label; null where there is no data (the line breaks, the table shows a dash). */
  data: (number | null)[];
}

export interface SeriesChart {
  labels: string[];
  series: Series[];
}

export type Bucket = 'day' | 'week';

function bucketOf(ms: number, bucket: Bucket, tz: number): string {
  const d = dayKey(ms, tz);
  return bucket === 'week' ? weekStart(d) : d;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** The buckets that hold data, in time order. */
function bucketsOf(times: readonly number[], bucket: Bucket, tz: number): string[] {
  return [...new Set(times.map((t) => bucketOf(t, bucket, tz)))].sort();
}

/**
 * Accuracy per module over time: for each day (or week) with activity, the points-weighted accuracy of that
 * module's attempts (case % = sum of scores / sum of maxima, docs/scoring.md "Case score"), as a mean of
 * the attempts' percentages. Modules are ordered by first activity.
 */
export function accuracyByModule(attempts: readonly AttemptFacts[], options: { bucket?: Bucket; tzOffsetMinutes?: number; labelOf?: (module: string) => string } = {}): SeriesChart {
  const bucket = options.bucket ?? 'day';
  const tz = options.tzOffsetMinutes ?? 0;
  const sorted = [...attempts].sort((a, b) => a.finishedAt - b.finishedAt);
  const labels = bucketsOf(sorted.map((a) => a.finishedAt), bucket, tz);
  const modules = [...new Set(sorted.map((a) => a.module))];
  const series = modules.map((module) => {
    const data = labels.map((label) => {
      const inBucket = sorted.filter((a) => a.module === module && bucketOf(a.finishedAt, bucket, tz) === label);
      return inBucket.length === 0 ? null : round1(inBucket.reduce((s, a) => s + a.percent, 0) / inBucket.length);
    });
    return { id: module, label: options.labelOf?.(module) ?? module, data };
  });
  return { labels, series };
}

/**
 * Error types over time: how many times each of the learner's most frequent error types occurred per day
 * (or week). Error types are the machine ids each module records with its findings (module contract).
 */
export function errorTypesOverTime(attempts: readonly AttemptFacts[], options: { bucket?: Bucket; tzOffsetMinutes?: number; top?: number } = {}): SeriesChart {
  const bucket = options.bucket ?? 'day';
  const tz = options.tzOffsetMinutes ?? 0;
  const totals = errorTypeTotals(attempts);
  const top = totals.slice(0, options.top ?? 6).map((t) => t.errorType);
  const labels = bucketsOf(attempts.map((a) => a.finishedAt), bucket, tz);
  const series = top.map((errorType) => ({
    id: errorType,
    label: errorType,
    data: labels.map((label) =>
      attempts.filter((a) => bucketOf(a.finishedAt, bucket, tz) === label).reduce((s, a) => s + (a.errorTypes[errorType] ?? 0), 0),
    ),
  }));
  return { labels, series };
}

/** Every error type with its total count, most frequent first (ties by id, for a stable order). */
export function errorTypeTotals(attempts: readonly AttemptFacts[]): { errorType: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const a of attempts) for (const [type, n] of Object.entries(a.errorTypes)) counts.set(type, (counts.get(type) ?? 0) + n);
  return [...counts].map(([errorType, count]) => ({ errorType, count })).sort((a, b) => b.count - a.count || a.errorType.localeCompare(b.errorType));
}

/**
 * Productivity trend, measured as HIM departments measure it (him-rules.md section 8): standard minutes
 * earned / minutes worked × 100, where a case's standard time is its `estimatedMinutes`. Accuracy may not be
 * traded for speed: a case earns its standard minutes only at or above the accuracy floor (default 95%,
 * PROD-5). The second series is the accuracy over the same buckets.
 */
export function productivityTrend(
  attempts: readonly AttemptFacts[],
  standardMinutesOf: (scenarioId: string) => number,
  options: { bucket?: Bucket; tzOffsetMinutes?: number; accuracyFloor?: number } = {},
): SeriesChart {
  const bucket = options.bucket ?? 'day';
  const tz = options.tzOffsetMinutes ?? 0;
  const floor = options.accuracyFloor ?? ACCURACY_STANDARD;
  const labels = bucketsOf(attempts.map((a) => a.finishedAt), bucket, tz);
  const productivity: (number | null)[] = [];
  const accuracy: (number | null)[] = [];
  for (const label of labels) {
    const inBucket = attempts.filter((a) => bucketOf(a.finishedAt, bucket, tz) === label);
    const worked = inBucket.reduce((s, a) => s + a.durationMs, 0) / 60_000;
    const earned = inBucket.filter((a) => a.percent >= floor).reduce((s, a) => s + standardMinutesOf(a.scenarioId), 0);
    productivity.push(worked > 0 ? round1((earned / worked) * 100) : null);
    accuracy.push(round1(inBucket.reduce((s, a) => s + a.percent, 0) / inBucket.length));
  }
  return {
    labels,
    series: [
      { id: 'productivity', label: 'Productivity (% of standard time)', data: productivity },
      { id: 'accuracy', label: 'Accuracy (%)', data: accuracy },
    ],
  };
}

/** Whether a step is a DRG assignment step (any task type whose id names the DRG, e.g. "drg-assignment"). */
export function isDrgStep(taskType: string): boolean {
  return /(^|[-.])drg([-.]|$)/.test(taskType);
}

/**
 * DRG accuracy over time: points earned / points possible on DRG steps per bucket (MS-DRG assignment,
 * him-rules.md 4.6), plus the share of DRG steps assigned fully right. Empty when the learner has no DRG step.
 */
export function drgAccuracy(attempts: readonly MasteryAttempt[], options: { bucket?: Bucket; tzOffsetMinutes?: number } = {}): SeriesChart {
  const bucket = options.bucket ?? 'day';
  const tz = options.tzOffsetMinutes ?? 0;
  const withDrg = attempts.filter((a) => (a.results ?? []).some((r) => isDrgStep(r.taskType)));
  const labels = bucketsOf(withDrg.map((a) => a.finishedAt), bucket, tz);
  const points: number[] = [];
  const exact: number[] = [];
  for (const label of labels) {
    const steps = withDrg.filter((a) => bucketOf(a.finishedAt, bucket, tz) === label).flatMap((a) => (a.results ?? []).filter((r) => isDrgStep(r.taskType)));
    const max = steps.reduce((s, r) => s + r.maxScore, 0);
    points.push(max > 0 ? round1((steps.reduce((s, r) => s + r.score, 0) / max) * 100) : 0);
    exact.push(round1((steps.filter((r) => r.maxScore > 0 && r.score >= r.maxScore).length / steps.length) * 100));
  }
  return {
    labels,
    series: [
      { id: 'points', label: 'DRG step accuracy (% of points)', data: points },
      { id: 'exact', label: 'DRG steps fully right (%)', data: exact },
    ],
  };
}

export interface HeatmapCell {
  day: string;
  count: number;
  /** 0 (none) to 4 (busiest), relative to the busiest day in the window. */
  level: 0 | 1 | 2 | 3 | 4;
}

/**
 * Activity heatmap (the streak calendar in product.md): finished cases plus answered drills per day for the
 * last `weeks` weeks ending today, laid out as weeks (columns) of Monday..Sunday (rows).
 */
export function activityHeatmap(
  attempts: readonly Pick<AttemptFacts, 'finishedAt'>[],
  drills: readonly DrillFacts[],
  now: number,
  options: { weeks?: number; tzOffsetMinutes?: number } = {},
): { weeks: HeatmapCell[][]; total: number; max: number } {
  const tz = options.tzOffsetMinutes ?? 0;
  const weeks = options.weeks ?? 12;
  const today = dayKey(now, tz);
  const start = addDays(weekStart(today), -7 * (weeks - 1));
  const counts = new Map<string, number>();
  for (const t of [...attempts.map((a) => a.finishedAt), ...drills.map((d) => d.answeredAt)]) {
    const d = dayKey(t, tz);
    if (d >= start && d <= today) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const max = Math.max(0, ...counts.values());
  const grid: HeatmapCell[][] = [];
  for (let w = 0; w < weeks; w++) {
    const column: HeatmapCell[] = [];
    for (let d = 0; d < 7; d++) {
      const day = addDays(start, w * 7 + d);
      if (daysBetween(day, today) < 0) break;
      const count = counts.get(day) ?? 0;
      const level = count === 0 ? 0 : (Math.min(4, Math.ceil((count / max) * 4)) as 1 | 2 | 3 | 4);
      column.push({ day, count, level });
    }
    grid.push(column);
  }
  return { weeks: grid, total: [...counts.values()].reduce((s, n) => s + n, 0), max };
}

/** Per-module summary (best, latest, attempts, time on task): the table under the charts and the instructor view. */
export function moduleSummary(attempts: readonly AttemptFacts[]): { module: string; attempts: number; meanPercent: number; bestPercent: number; latestPercent: number; minutes: number }[] {
  const modules = [...new Set(attempts.map((a) => a.module))].sort();
  return modules.map((module) => {
    const mine = attempts.filter((a) => a.module === module).sort((a, b) => a.finishedAt - b.finishedAt);
    return {
      module,
      attempts: mine.length,
      meanPercent: round1(mine.reduce((s, a) => s + a.percent, 0) / mine.length),
      bestPercent: Math.max(...mine.map((a) => a.percent)),
      latestPercent: mine.at(-1)!.percent,
      minutes: round1(mine.reduce((s, a) => s + a.durationMs, 0) / 60_000),
    };
  });
}
