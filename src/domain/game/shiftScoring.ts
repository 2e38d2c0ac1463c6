/**
 * End-of-shift evaluation, the way an HIM supervisor judges staff (him-rules.md section 8):
 * - accuracy: the mean case accuracy of the work finished, against the 95% standard (PROD-5);
 * - productivity: standard minutes earned / minutes worked × 100 ("earned hours over worked hours"),
 *   where an item's standard time comes from its case, in the spirit of PROD-1..PROD-4 (records per hour);
 * - accuracy may never be traded for speed: an item earns its standard minutes only at or above the
 *   accuracy floor, and a shift below the accuracy standard never "meets standard", however fast it was;
 * - a STAT request must be finished by its due time.
 */
import { ACCURACY_STANDARD } from './progression';
import type { ShiftItem } from './shiftPlan';

export interface ShiftEvaluation {
  itemsDone: number;
  itemsTotal: number;
  /** Mean accuracy of the finished items (null when nothing was finished). */
  accuracy: number | null;
  /** Earned standard minutes / worked minutes × 100. */
  productivity: number;
  earnedMinutes: number;
  workedMinutes: number;
  /** Finished items that earned productivity credit (at or above the floor). */
  creditedItems: number;
  /** Finished items below the accuracy floor (no productivity credit). */
  belowFloor: string[];
  /** Whether the STAT request was finished on time (null when there was none). */
  statOnTime: boolean | null;
  meetsAccuracy: boolean;
  meetsProductivity: boolean;
  meetsStandard: boolean;
  rating: 'exceeds' | 'meets' | 'accurate-but-slow' | 'below-accuracy' | 'no-work';
  ratingLabel: string;
  /** Supervisor's notes, in plain words. */
  notes: string[];
}

export interface EvaluationOptions {
  accuracyFloor?: number;
  /** Productivity that meets the standard (100% of standard time). */
  productivityTarget?: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Evaluates a shift from its items (see the module comment for the rules and their sources). */
export function evaluateShift(items: readonly ShiftItem[], workedMinutes: number, options: EvaluationOptions = {}): ShiftEvaluation {
  const floor = options.accuracyFloor ?? ACCURACY_STANDARD;
  const target = options.productivityTarget ?? 100;
  const done = items.filter((i) => i.status === 'done' && i.percent !== null);
  const accuracy = done.length > 0 ? round1(done.reduce((s, i) => s + i.percent!, 0) / done.length) : null;
  const credited = done.filter((i) => i.percent! >= floor);
  const earnedMinutes = credited.reduce((s, i) => s + i.standardMinutes, 0);
  const worked = Math.max(0, workedMinutes);
  const productivity = worked > 0 ? round1((earnedMinutes / worked) * 100) : 0;
  const stat = items.find((i) => i.priority === 'stat');
  const statOnTime = stat ? stat.status === 'done' && stat.completedAt !== null && stat.dueAt !== null && stat.completedAt <= stat.dueAt : null;
  const meetsAccuracy = accuracy !== null && accuracy >= floor;
  const meetsProductivity = productivity >= target;
  const meetsStandard = meetsAccuracy && meetsProductivity && statOnTime !== false;

  const notes: string[] = [];
  const belowFloor = done.filter((i) => i.percent! < floor);
  if (belowFloor.length > 0) {
    notes.push(
      `${belowFloor.length} item${belowFloor.length === 1 ? '' : 's'} finished below the ${floor}% accuracy floor earned no productivity credit: rework costs more than it saves.`,
    );
  }
  if (statOnTime === false) notes.push('The STAT request was not finished by its due time; STAT requests come before routine work.');
  if (statOnTime === true) notes.push('The STAT request was handled on time.');
  const left = items.length - done.length;
  if (left > 0) notes.push(`${left} item${left === 1 ? '' : 's'} left in the inbox for the next shift.`);

  let rating: ShiftEvaluation['rating'];
  if (done.length === 0) rating = 'no-work';
  else if (!meetsAccuracy) rating = 'below-accuracy';
  else if (!meetsProductivity || statOnTime === false) rating = 'accurate-but-slow';
  else rating = productivity >= target * 1.2 ? 'exceeds' : 'meets';
  const ratingLabel = {
    'no-work': 'No work finished',
    'below-accuracy': `Below the accuracy standard (${floor}%)`,
    'accurate-but-slow': 'Accurate, but below the productivity or STAT timeliness standard',
    meets: 'Meets standard',
    exceeds: 'Exceeds standard',
  }[rating];

  return {
    itemsDone: done.length,
    itemsTotal: items.length,
    accuracy,
    productivity,
    earnedMinutes,
    workedMinutes: round1(worked),
    creditedItems: credited.length,
    belowFloor: belowFloor.map((i) => i.id),
    statOnTime,
    meetsAccuracy,
    meetsProductivity,
    meetsStandard,
    rating,
    ratingLabel,
    notes,
  };
}
