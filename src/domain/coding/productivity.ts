/**
 * Timed productivity: records coded per hour beside accuracy, against published inpatient-coding benchmarks
 * (him-rules.md section 8): ICD-10-era inpatient coding about 1.5-2.5 records per hour (AHIMA 2019 white paper
 * "Measuring and Benchmarking Coding Productivity", PROD-4, adjusted for LOS/CMI; no national standard), the
 * ICD-9-era 3 per hour (AHIMA 2007 / HCPro 2009, PROD-1/PROD-2), and an accuracy of at least 95% (PROD-5;
 * top programmes 97%). Speed never counts without accuracy.
 */

/** One timed coding record: how long it took and the case score. */
export interface TimedAttempt {
  durationMs: number;
  /** Case score, 0-100. */
  percent: number;
}

export const INPATIENT_BENCHMARKS = {
  /** ICD-10-era inpatient records per hour (PROD-4). */
  recordsPerHour: { low: 1.5, high: 2.5, source: 'AHIMA 2019, "Measuring and Benchmarking Coding Productivity" (ICD-10 era, adjusted for LOS/CMI)' },
  /** ICD-9-era facility standard, for context (PROD-1/PROD-2). */
  icd9RecordsPerHour: { value: 3, source: 'AHIMA 2007 study; HCPro 2009 survey (ICD-9 era)' },
  /** Accuracy minimum and top-programme level, percent (PROD-5). */
  accuracy: { minimum: 95, top: 97, source: 'Industry minimum widely cited from AHIMA/AAPC (per-code accuracy)' },
} as const;

export interface ProductivitySummary {
  records: number;
  hours: number;
  recordsPerHour: number;
  minutesPerRecord: number;
  /** Mean case score of the records, percent. */
  accuracy: number;
  speed: 'below' | 'within' | 'above';
  accuracyLevel: 'below' | 'meets' | 'top';
  /** One plain sentence a learner can act on. */
  advice: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Records per hour (records / hours spent) and mean accuracy over timed attempts, banded against the
 * benchmarks above (him-rules.md PROD-1, PROD-2, PROD-4, PROD-5). Attempts without a positive duration are
 * ignored; returns null when none is left.
 */
export function summariseProductivity(attempts: readonly TimedAttempt[]): ProductivitySummary | null {
  const usable = attempts.filter((a) => Number.isFinite(a.durationMs) && a.durationMs > 0 && Number.isFinite(a.percent));
  if (usable.length === 0) return null;
  const totalMs = usable.reduce((s, a) => s + a.durationMs, 0);
  const hours = totalMs / 3_600_000;
  const recordsPerHour = usable.length / hours;
  const accuracy = usable.reduce((s, a) => s + Math.max(0, Math.min(100, a.percent)), 0) / usable.length;
  const { low, high } = INPATIENT_BENCHMARKS.recordsPerHour;
  const speed = recordsPerHour < low ? 'below' : recordsPerHour > high ? 'above' : 'within';
  const accuracyLevel = accuracy >= INPATIENT_BENCHMARKS.accuracy.top ? 'top' : accuracy >= INPATIENT_BENCHMARKS.accuracy.minimum ? 'meets' : 'below';
  let advice: string;
  if (accuracyLevel === 'below') {
    advice =
      speed === 'below'
        ? `Accuracy first: at ${round1(accuracy)}% you are under the ${INPATIENT_BENCHMARKS.accuracy.minimum}% minimum; speed comes with practice once the codes are right.`
        : `Slow down: ${round1(recordsPerHour)} records per hour is fast, but ${round1(accuracy)}% accuracy is under the ${INPATIENT_BENCHMARKS.accuracy.minimum}% minimum. Speed without accuracy is rework.`;
  } else if (speed === 'below') {
    advice = `Accurate (${round1(accuracy)}%). Work on pace: ${round1(recordsPerHour)} records per hour is under the ${low}-${high} per hour ICD-10 inpatient range.`;
  } else {
    advice = `On benchmark: ${round1(recordsPerHour)} records per hour at ${round1(accuracy)}% accuracy.`;
  }
  return {
    records: usable.length,
    hours: Math.round(hours * 1000) / 1000,
    recordsPerHour: Math.round(recordsPerHour * 100) / 100,
    minutesPerRecord: round1(totalMs / 60_000 / usable.length),
    accuracy: round1(accuracy),
    speed,
    accuracyLevel,
    advice,
  };
}
