import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { readProgressFile } from '../domain/classroom/progressFile';
import { ProgressDB, type Attempt } from './ProgressDB';
import { exportProgress, importIntoRoster, importProgressIntoProfile, listRoster } from './classroomRepo';
import { addReviewLog } from './gameRepo';
import { attemptsFor, createProfile, recordAttempt } from './progressRepo';

let counter = 0;
const dbs: ProgressDB[] = [];
function freshDb() {
  const db = new ProgressDB(`classroom-test-${Date.now()}-${counter++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const attempt = (profileId: string, id: string, percent: number): Attempt => ({
  id, profileId, scenarioId: 'coding-a', scenarioHash: 'h', module: 'coding', title: 'A', startedAt: 1, finishedAt: 2 + percent,
  durationMs: 60_000, score: percent, maxScore: 100, percent, results: [], errorTypes: percent < 100 ? { 'coding.poa-wrong': 1 } : {},
});

async function read(text: string) {
  const r = await readProgressFile('f.json', text);
  if (!r.ok) throw new Error(r.error);
  return r.file;
}

describe('progress export and import', () => {
  it('moves a student’s progress to a fresh profile on another device, and a second import adds nothing', async () => {
    const home = freshDb();
    const ana = await createProfile(home, 'Ana');
    await recordAttempt(home, attempt(ana.id, 'a1', 80));
    await recordAttempt(home, attempt(ana.id, 'a2', 100));
    await addReviewLog(home, { id: 'r1', profileId: ana.id, errorType: 'coding.poa-wrong', drillKind: 'poa', answeredAt: 5, correct: true });
    const file = await read(await exportProgress(home, ana, 99));

    const lab = freshDb();
    const fresh = await createProfile(lab, 'Ana at the lab');
    expect(await importProgressIntoProfile(lab, fresh.id, file)).toEqual({ added: 2, duplicates: 0, conflicts: [], drillsAdded: 1 });
    const moved = await attemptsFor(lab, fresh.id);
    expect(moved.map((a) => [a.id, a.percent, a.profileId])).toEqual([['a1', 80, fresh.id], ['a2', 100, fresh.id]]);
    expect(moved[0]!.origin).toBe(`import:${ana.id}`);
    expect(await importProgressIntoProfile(lab, fresh.id, file)).toEqual({ added: 0, duplicates: 2, conflicts: [], drillsAdded: 0 });
    expect(await lab.attempts.count()).toBe(2);
  });

  it('never takes attempts away from another profile on the same device', async () => {
    const db = freshDb();
    const ana = await createProfile(db, 'Ana');
    await recordAttempt(db, attempt(ana.id, 'a1', 80));
    const file = await read(await exportProgress(db, ana, 99));
    const other = await createProfile(db, 'Ana 2');
    expect((await importProgressIntoProfile(db, other.id, file)).added).toBe(1);
    expect((await attemptsFor(db, ana.id)).map((a) => a.id)).toEqual(['a1']);
    expect((await attemptsFor(db, other.id)).map((a) => a.id)).toEqual([`${other.id}~a1`]);
    expect((await importProgressIntoProfile(db, other.id, file)).added).toBe(0);
  });
});

describe('instructor roster', () => {
  it('merges successive files from a student without duplicating or losing attempts', async () => {
    const student = freshDb();
    const ana = await createProfile(student, 'Ana');
    await recordAttempt(student, attempt(ana.id, 'a1', 80));
    const first = await exportProgress(student, ana, 10);
    await recordAttempt(student, attempt(ana.id, 'a2', 100));
    const second = await exportProgress(student, ana, 20);

    const teacher = freshDb();
    expect(await importIntoRoster(teacher, await read(first), 'c1', 100)).toMatchObject({ student: 'Ana', added: 1 });
    expect(await importIntoRoster(teacher, await read(second), 'c2', 200)).toMatchObject({ added: 1, duplicates: 1, conflicts: [] });
    expect(await importIntoRoster(teacher, await read(second), 'c2', 300)).toMatchObject({ added: 0, duplicates: 2 });
    // An older file after a newer one loses nothing.
    expect(await importIntoRoster(teacher, await read(first), 'c1', 400)).toMatchObject({ added: 0, duplicates: 1 });
    const [row] = await listRoster(teacher);
    expect(row!.attempts.map((a) => a.id).sort()).toEqual(['a1', 'a2']);
    expect(row!.files.map((f) => f.checksum)).toEqual(['c1', 'c2']);
  });
});
