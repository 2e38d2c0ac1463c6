/**
 * Reads and writes for the game (issue 10): shifts, answered review drills, and the learner's whole record
 * (attempts + drills + shifts) from which XP, streaks, badges, charts and review schedules are recomputed.
 */
import type { Attempt, ProgressDB, ReviewLog, ShiftRecord } from './ProgressDB';
import { attemptsFor } from './progressRepo';

export interface LearnerRecord {
  attempts: Attempt[];
  reviewLogs: ReviewLog[];
  shifts: ShiftRecord[];
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export async function reviewLogsFor(db: ProgressDB, profileId: string): Promise<ReviewLog[]> {
  return (await db.reviewLogs.where('profileId').equals(profileId).toArray()).sort((a, b) => a.answeredAt - b.answeredAt);
}

export async function addReviewLog(db: ProgressDB, log: Omit<ReviewLog, 'id'> & { id?: string }): Promise<ReviewLog> {
  const saved: ReviewLog = { ...log, id: log.id ?? newId() };
  await db.reviewLogs.put(saved);
  return saved;
}

export async function shiftsFor(db: ProgressDB, profileId: string): Promise<ShiftRecord[]> {
  return (await db.shifts.where('profileId').equals(profileId).toArray()).sort((a, b) => a.startedAt - b.startedAt);
}

/** The learner's running shift, if any (at most one runs at a time). */
export async function runningShift(db: ProgressDB, profileId: string): Promise<ShiftRecord | undefined> {
  return (await shiftsFor(db, profileId)).filter((s) => s.status === 'running').at(-1);
}

export async function saveShift(db: ProgressDB, record: ShiftRecord): Promise<void> {
  await db.shifts.put(record);
}

export async function learnerRecord(db: ProgressDB, profileId: string): Promise<LearnerRecord> {
  const [attempts, reviewLogs, shifts] = await Promise.all([attemptsFor(db, profileId), reviewLogsFor(db, profileId), shiftsFor(db, profileId)]);
  return { attempts, reviewLogs, shifts };
}
