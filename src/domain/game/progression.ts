/**
 * Progression (issue 10 §2): XP, levels named after HIM roles, daily streaks with a freeze, and badges.
 *
 * Everything here is derived from stored attempts (and answered review drills, and finished shifts) by
 * pure functions: recomputable at any time, never a counter kept on the side that could drift from the
 * record. Game elements reward accuracy first (product.md "Visual language"): XP grows with the square of
 * the accuracy, and a case at or above the 95% accuracy standard (him-rules.md PROD-5) earns a bonus.
 */
import { dayKey, addDays, daysBetween } from './days';

/** The facts of a finished attempt that progression needs (a subset of the stored Attempt). */
export interface AttemptFacts {
  id: string;
  scenarioId: string;
  /** The scenario's content hash: a changed case file is a new case to master. */
  scenarioHash?: string;
  module: string;
  finishedAt: number;
  durationMs: number;
  /** 0-100. */
  percent: number;
  errorTypes: Record<string, number>;
}

/** An answered review drill (stored in reviewLogs). */
export interface DrillFacts {
  answeredAt: number;
  correct: boolean;
}

/** A finished shift, as far as progression cares. */
export interface ShiftFacts {
  finishedAt: number;
  meetsStandard: boolean;
}

/** The coding-accuracy standard most facilities hold staff to (him-rules.md PROD-5: >= 95%). */
export const ACCURACY_STANDARD = 95;

/** Default difficulty of a case whose scenario is not known any more (scenario format v1 default). */
export const DEFAULT_DIFFICULTY = 2;

/**
 * XP for one attempt: 10 XP per difficulty level (1-5), scaled by the square of the accuracy so that a
 * sloppy case earns little, plus a 50% bonus at or above the 95% accuracy standard (him-rules.md PROD-5).
 * Rounded to whole XP; never negative.
 */
export function xpForAttempt(percent: number, difficulty: number): number {
  const p = Math.min(100, Math.max(0, percent)) / 100;
  const d = Math.min(5, Math.max(1, Math.round(difficulty)));
  const base = 10 * d * p * p;
  const bonus = percent >= ACCURACY_STANDARD ? 5 * d : 0;
  return Math.round(base + bonus);
}

/** XP for a correctly answered review drill (spaced review, issue 10 §4). */
export const XP_PER_CORRECT_DRILL = 2;

export interface XpLine {
  attemptId: string;
  scenarioId: string;
  xp: number;
}

/**
 * Total XP from attempts and drills. Replaying a case earns only the improvement over the learner's best
 * earlier XP for that case version (so mastering a case pays, farming it does not). Attempts are taken in
 * the order they finished.
 */
export function totalXp(
  attempts: readonly AttemptFacts[],
  difficultyOf: (scenarioId: string) => number | undefined,
  drills: readonly DrillFacts[] = [],
): { total: number; lines: XpLine[] } {
  const best = new Map<string, number>();
  const lines: XpLine[] = [];
  for (const a of [...attempts].sort((x, y) => x.finishedAt - y.finishedAt)) {
    const key = `${a.scenarioId}|${a.scenarioHash ?? ''}`;
    const raw = xpForAttempt(a.percent, difficultyOf(a.scenarioId) ?? DEFAULT_DIFFICULTY);
    const previous = best.get(key) ?? 0;
    const earned = Math.max(0, raw - previous);
    best.set(key, Math.max(previous, raw));
    lines.push({ attemptId: a.id, scenarioId: a.scenarioId, xp: earned });
  }
  const drillXp = drills.filter((d) => d.correct).length * XP_PER_CORRECT_DRILL;
  return { total: lines.reduce((s, l) => s + l.xp, 0) + drillXp, lines };
}

export interface Level {
  rank: number;
  /** A real HIM role, from entry level to department head. */
  title: string;
  minXp: number;
}

/**
 * The career ladder. Titles follow the usual path in a hospital HIM department: records clerk, HIM
 * technician (RHIT track), coding associate (CCA), inpatient coder, coding specialist (CCS), clinical
 * documentation specialist, HIM supervisor, HIM director (RHIA track).
 */
export const LEVELS: readonly Level[] = [
  { rank: 1, title: 'Records Clerk', minXp: 0 },
  { rank: 2, title: 'HIM Technician', minXp: 100 },
  { rank: 3, title: 'Coding Associate', minXp: 250 },
  { rank: 4, title: 'Inpatient Coder', minXp: 500 },
  { rank: 5, title: 'Coding Specialist', minXp: 900 },
  { rank: 6, title: 'Clinical Documentation Specialist', minXp: 1500 },
  { rank: 7, title: 'HIM Supervisor', minXp: 2400 },
  { rank: 8, title: 'HIM Director', minXp: 3600 },
];

export interface LevelStatus {
  level: Level;
  next: Level | null;
  /** XP gained inside the current level, and needed to reach the next one (0 at the top). */
  intoLevel: number;
  toNext: number;
  /** 0-1 progress towards the next level (1 at the top). */
  fraction: number;
}

/** The level reached with `xp` XP on the LEVELS ladder. */
export function levelFor(xp: number): LevelStatus {
  let index = 0;
  LEVELS.forEach((l, i) => {
    if (xp >= l.minXp) index = i;
  });
  const level = LEVELS[index]!;
  const next = LEVELS[index + 1] ?? null;
  const intoLevel = xp - level.minXp;
  const span = next ? next.minXp - level.minXp : 0;
  return { level, next, intoLevel, toNext: next ? next.minXp - xp : 0, fraction: next ? intoLevel / span : 1 };
}

/** A streak freeze is earned for every 7 active days in a row, and at most this many are kept in reserve. */
export const FREEZE_EVERY_DAYS = 7;
export const MAX_FREEZES = 2;

export interface StreakStatus {
  /** Consecutive active days up to today (or yesterday, while today is still open). Frozen days do not add. */
  current: number;
  longest: number;
  freezesLeft: number;
  /** Missed days that a freeze covered. */
  frozenDays: string[];
  activeToday: boolean;
  /** Every day with at least one finished case or answered drill. */
  activeDays: string[];
}

/**
 * Daily streak with a freeze (Duolingo-style, a common habit mechanic): a day counts when the learner
 * finishes a case or answers a drill. One missed day is covered by a banked freeze (earned every
 * FREEZE_EVERY_DAYS active days in a row, at most MAX_FREEZES); without one, the streak restarts. Today
 * does not break the streak before it is over. Derived by replaying the calendar from the first active day.
 */
export function streakFor(activityTimes: readonly number[], now: number, tzOffsetMinutes = 0): StreakStatus {
  const days = new Set(activityTimes.map((t) => dayKey(t, tzOffsetMinutes)));
  const today = dayKey(now, tzOffsetMinutes);
  const activeDays = [...days].filter((d) => d <= today).sort();
  const first = activeDays[0];
  let current = 0;
  let longest = 0;
  let freezes = 0;
  let run = 0;
  const frozenDays: string[] = [];
  if (first) {
    const span = daysBetween(first, today);
    for (let i = 0; i <= span; i++) {
      const day = addDays(first, i);
      if (days.has(day)) {
        current++;
        run++;
        if (run % FREEZE_EVERY_DAYS === 0 && freezes < MAX_FREEZES) freezes++;
      } else if (day === today) {
        // Today is not over: the streak is at risk, not broken.
      } else if (current > 0 && freezes > 0) {
        freezes--;
        frozenDays.push(day);
      } else {
        current = 0;
        run = 0;
      }
      longest = Math.max(longest, current);
    }
  }
  return { current, longest, freezesLeft: freezes, frozenDays, activeToday: days.has(today), activeDays };
}

export interface Badge {
  id: string;
  name: string;
  description: string;
  /** When it was earned (the time of the event that earned it), or null while still locked. */
  earnedAt: number | null;
}

interface BadgeRule {
  id: string;
  name: string;
  description: string;
  earnedAt: (facts: BadgeFacts) => number | null;
}

export interface BadgeFacts {
  attempts: readonly AttemptFacts[];
  drills: readonly DrillFacts[];
  shifts: readonly ShiftFacts[];
  streak: StreakStatus;
  tzOffsetMinutes: number;
}

/** The time of the n-th (1-based) item in time order, or null when there are fewer. */
function nth(times: readonly number[], n: number): number | null {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[n - 1] ?? null;
}

/** The time at which the n-th distinct value appeared. */
function nthDistinct<T>(items: readonly { at: number; value: T }[], n: number): number | null {
  const seen = new Set<T>();
  for (const item of [...items].sort((a, b) => a.at - b.at)) {
    seen.add(item.value);
    if (seen.size >= n) return item.at;
  }
  return null;
}

/** The day (as a time) at which a streak of `length` days was first reached. */
function streakReachedAt(facts: BadgeFacts, length: number): number | null {
  let run = 0;
  let previous: string | null = null;
  for (const day of facts.streak.activeDays) {
    const gap = previous ? daysBetween(previous, day) : 1;
    const bridged = previous !== null && gap > 1 && range(1, gap - 1).every((k) => facts.streak.frozenDays.includes(addDays(previous!, k)));
    run = gap === 1 || bridged ? run + 1 : 1;
    previous = day;
    if (run >= length) return Date.parse(`${day}T12:00:00Z`) + facts.tzOffsetMinutes * 60_000;
  }
  return null;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Milestone badges; each rewards accuracy or habit, never raw volume alone. */
export const BADGE_RULES: readonly BadgeRule[] = [
  { id: 'first-case', name: 'First chart closed', description: 'Finish your first case.', earnedAt: (f) => nth(f.attempts.map((a) => a.finishedAt), 1) },
  {
    id: 'clean-claim',
    name: 'Clean claim',
    description: 'Finish a case with 100% accuracy.',
    earnedAt: (f) => nth(f.attempts.filter((a) => a.percent >= 100).map((a) => a.finishedAt), 1),
  },
  {
    id: 'accuracy-standard',
    name: 'Meets the accuracy standard',
    description: 'Finish 5 cases at or above 95% accuracy (the industry minimum, PROD-5).',
    earnedAt: (f) => nth(f.attempts.filter((a) => a.percent >= ACCURACY_STANDARD).map((a) => a.finishedAt), 5),
  },
  {
    id: 'cross-trained',
    name: 'Cross-trained',
    description: 'Finish cases in 3 different HIM functions.',
    earnedAt: (f) => nthDistinct(f.attempts.map((a) => ({ at: a.finishedAt, value: a.module })), 3),
  },
  { id: 'streak-3', name: 'Three-day habit', description: 'Practise 3 days in a row.', earnedAt: (f) => streakReachedAt(f, 3) },
  { id: 'streak-7', name: 'Full work week', description: 'Practise 7 days in a row (earns a streak freeze).', earnedAt: (f) => streakReachedAt(f, 7) },
  {
    id: 'reviewer',
    name: 'Learns from mistakes',
    description: 'Answer 10 review drills correctly.',
    earnedAt: (f) => nth(f.drills.filter((d) => d.correct).map((d) => d.answeredAt), 10),
  },
  {
    id: 'shift-standard',
    name: 'Supervisor’s nod',
    description: 'Finish a shift that meets both the accuracy and the productivity standard.',
    earnedAt: (f) => nth(f.shifts.filter((s) => s.meetsStandard).map((s) => s.finishedAt), 1),
  },
];

/** Evaluates every badge rule against the learner's record (earned or locked, with when). */
export function badgesFor(facts: BadgeFacts): Badge[] {
  return BADGE_RULES.map((rule) => ({ id: rule.id, name: rule.name, description: rule.description, earnedAt: rule.earnedAt(facts) }));
}
