/**
 * Classroom storage (issue 10 §5): exporting a learner's progress file, importing one into a profile on
 * this device (a student changing computers) or into the instructor's roster, and class packs.
 */
import { buildProgressFile, mergeById, type ProgressFile } from '../domain/classroom/progressFile';
import type { Attempt, ClassPack, ProgressDB, ReviewLog, RosterStudent } from './ProgressDB';
import { attemptsFor } from './progressRepo';
import { reviewLogsFor } from './gameRepo';

/** The learner's progress file (text), ready to download. */
export async function exportProgress(db: ProgressDB, profile: { id: string; name: string }, now = Date.now()): Promise<string> {
  const [attempts, logs] = await Promise.all([attemptsFor(db, profile.id), reviewLogsFor(db, profile.id)]);
  return buildProgressFile(profile, attempts, logs, now);
}

export interface ImportReport {
  added: number;
  duplicates: number;
  conflicts: string[];
  drillsAdded: number;
}

/**
 * Imports a (verified) progress file into a profile on this device. Attempt ids are kept, so importing the
 * same file again adds nothing; an id that another profile on this device already holds (the same student
 * under two names) is stored under a profile-scoped id instead of being taken from that profile.
 */
export async function importProgressIntoProfile(db: ProgressDB, profileId: string, file: ProgressFile): Promise<ImportReport> {
  return db.transaction('rw', db.attempts, db.reviewLogs, async () => {
    const localId = async (id: string) => {
      const held = await db.attempts.get(id);
      return held && held.profileId !== profileId ? `${profileId}~${id}` : id;
    };
    const incoming: Attempt[] = [];
    for (const a of file.attempts) incoming.push({ ...a, id: await localId(a.id), profileId, origin: a.origin && a.origin !== 'local' ? a.origin : `import:${file.student.id}` });
    const mine = await db.attempts.where('profileId').equals(profileId).toArray();
    // Compare without the origin stamp, so re-importing is recognised as a duplicate.
    const strip = ({ origin: _origin, ...rest }: Attempt) => rest;
    const report = mergeById(mine.map(strip), incoming.map(strip));
    const known = new Set(mine.map((a) => a.id));
    await db.attempts.bulkPut(incoming.filter((a) => !known.has(a.id)));

    const mineLogs = new Set((await db.reviewLogs.where('profileId').equals(profileId).toArray()).map((l) => l.id));
    const scoped: ReviewLog[] = [];
    for (const l of file.reviewLogs) {
      const held = await db.reviewLogs.get(l.id);
      const id = held && held.profileId !== profileId ? `${profileId}~${l.id}` : l.id;
      if (!mineLogs.has(id)) scoped.push({ ...l, id, profileId });
    }
    await db.reviewLogs.bulkPut(scoped);
    return { added: report.added, duplicates: report.duplicates, conflicts: report.conflicts, drillsAdded: scoped.length };
  });
}

/** Imports a verified progress file into the instructor's roster, merging by attempt id. */
export async function importIntoRoster(db: ProgressDB, file: ProgressFile, checksum: string, now = Date.now()): Promise<ImportReport & { student: string }> {
  return db.transaction('rw', db.rosterStudents, async () => {
    const existing = await db.rosterStudents.get(file.student.id);
    const attempts = mergeById(existing?.attempts ?? [], file.attempts);
    const logs = mergeById(existing?.reviewLogs ?? [], file.reviewLogs);
    const files = existing?.files.some((f) => f.checksum === checksum) ? existing.files : [...(existing?.files ?? []), { checksum, exportedAt: file.exportedAt, importedAt: now }];
    const latestName = !existing || file.exportedAt >= Math.max(...existing.files.map((f) => f.exportedAt)) ? file.student.name : existing.name;
    const student: RosterStudent = { id: file.student.id, name: latestName, importedAt: now, attempts: attempts.merged, reviewLogs: logs.merged, files };
    await db.rosterStudents.put(student);
    return { student: student.name, added: attempts.added, duplicates: attempts.duplicates, conflicts: attempts.conflicts, drillsAdded: logs.added };
  });
}

export async function listRoster(db: ProgressDB): Promise<RosterStudent[]> {
  return (await db.rosterStudents.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

export async function removeRosterStudent(db: ProgressDB, id: string): Promise<void> {
  await db.rosterStudents.delete(id);
}

export async function saveClassPack(db: ProgressDB, pack: ClassPack): Promise<void> {
  await db.classPacks.put(pack);
}

export async function listClassPacks(db: ProgressDB): Promise<ClassPack[]> {
  return db.classPacks.orderBy('loadedAt').toArray();
}

export async function deleteClassPack(db: ProgressDB, id: string): Promise<void> {
  await db.classPacks.delete(id);
}
