/**
 * The learner's standing (home, progress page, shift summary), recomputed from the record every time:
 * XP and level, streak, badges (issue 10 §2: never a separate counter that can drift).
 */
import { badgesFor, levelFor, streakFor, totalXp, type AttemptFacts, type Badge, type DrillFacts, type LevelStatus, type ShiftFacts, type StreakStatus } from './progression';

export interface ScenarioFacts {
  difficulty: number;
  estimatedMinutes: number;
}

export interface LearnerStats {
  xp: number;
  level: LevelStatus;
  streak: StreakStatus;
  badges: Badge[];
  casesFinished: number;
}

/** Computes XP, level, streak and badges from attempts, drills and finished shifts (see progression.ts). */
export function learnerStats(
  record: { attempts: readonly AttemptFacts[]; drills: readonly DrillFacts[]; shifts: readonly ShiftFacts[] },
  scenarioFacts: (scenarioId: string) => ScenarioFacts | undefined,
  now: number,
  tzOffsetMinutes = 0,
): LearnerStats {
  const xp = totalXp(record.attempts, (id) => scenarioFacts(id)?.difficulty, record.drills).total;
  const streak = streakFor([...record.attempts.map((a) => a.finishedAt), ...record.drills.map((d) => d.answeredAt)], now, tzOffsetMinutes);
  return {
    xp,
    level: levelFor(xp),
    streak,
    badges: badgesFor({ ...record, streak, tzOffsetMinutes }),
    casesFinished: record.attempts.length,
  };
}
