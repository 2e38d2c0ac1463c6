/**
 * Reads and writes of learner progress. Every learner event saves the case machine's persisted snapshot,
 * so a reload or a crash resumes exactly where the learner was.
 */
import type { Attempt, CaseProgress, Profile, ProgressDB } from './ProgressDB';

export function progressKey(profileId: string, scenarioId: string): string {
  return `${profileId}|${scenarioId}`;
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export async function createProfile(db: ProgressDB, name: string, now = Date.now()): Promise<Profile> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A profile needs a name');
  const profile: Profile = { id: newId(), name: trimmed, createdAt: now, lastActiveAt: now };
  await db.profiles.add(profile);
  return profile;
}

export async function listProfiles(db: ProgressDB): Promise<Profile[]> {
  return (await db.profiles.toArray()).sort((a, b) => b.lastActiveAt - a.lastActiveAt);
}

export async function touchProfile(db: ProgressDB, profileId: string, now = Date.now()): Promise<void> {
  await db.profiles.update(profileId, { lastActiveAt: now });
}

export async function loadProgress(db: ProgressDB, profileId: string, scenarioId: string): Promise<CaseProgress | undefined> {
  return db.caseProgress.get(progressKey(profileId, scenarioId));
}

export async function saveProgress(
  db: ProgressDB,
  entry: Omit<CaseProgress, 'key' | 'startedAt'> & { startedAt?: number },
): Promise<void> {
  const key = progressKey(entry.profileId, entry.scenarioId);
  await db.transaction('rw', db.caseProgress, async () => {
    const existing = await db.caseProgress.get(key);
    await db.caseProgress.put({ ...entry, key, startedAt: existing?.startedAt ?? entry.startedAt ?? entry.updatedAt });
  });
}

export async function discardProgress(db: ProgressDB, profileId: string, scenarioId: string): Promise<void> {
  await db.caseProgress.delete(progressKey(profileId, scenarioId));
}

/** Records a finished attempt and clears the in-progress snapshot in one transaction. */
export async function recordAttempt(db: ProgressDB, attempt: Omit<Attempt, 'id'> & { id?: string }): Promise<Attempt> {
  const saved: Attempt = { ...attempt, id: attempt.id ?? newId() };
  await db.transaction('rw', db.attempts, db.caseProgress, async () => {
    await db.attempts.put(saved);
    await db.caseProgress.delete(progressKey(saved.profileId, saved.scenarioId));
  });
  return saved;
}

export async function attemptsFor(db: ProgressDB, profileId: string): Promise<Attempt[]> {
  return (await db.attempts.where('profileId').equals(profileId).toArray()).sort((a, b) => a.finishedAt - b.finishedAt);
}

export async function progressFor(db: ProgressDB, profileId: string): Promise<CaseProgress[]> {
  return db.caseProgress.where('profileId').equals(profileId).toArray();
}

export async function getSetting<T>(db: ProgressDB, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(db: ProgressDB, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}

/**
 * Serialises saves so that a slow write can never overwrite a newer one (events arrive faster than
 * IndexedDB commits while a learner types).
 */
export function createSerialSaver<T>(save: (value: T) => Promise<void>, onError: (error: unknown) => void) {
  let chain: Promise<void> = Promise.resolve();
  let latest: { value: T } | null = null;
  return {
    push(value: T): Promise<void> {
      latest = { value };
      chain = chain.then(async () => {
        const next = latest;
        latest = null;
        if (next) await save(next.value).catch(onError);
      });
      return chain;
    },
    flush(): Promise<void> {
      return chain;
    },
  };
}
