import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ProgressDB } from './ProgressDB';

let counter = 0;
const uniqueName = () => `him-sim-test-${Date.now()}-${counter++}`;

/** The schema exactly as version 1 shipped it (never edit: it is what old browsers hold). */
class ProgressDBv1 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      profiles: 'id, name',
      attempts: 'id, profileId, scenarioId, finishedAt',
      caseProgress: 'key, profileId, scenarioId, updatedAt',
      settings: 'key',
    });
  }
}

describe('ProgressDB schema upgrade', () => {
  it('upgrades a version-1 database to version 2 without losing anything', async () => {
    const name = uniqueName();
    const old = new ProgressDBv1(name);
    await old.table('profiles').add({ id: 'p1', name: 'Ana', createdAt: 1, lastActiveAt: 1 });
    await old.table('attempts').add({
      id: 'a1',
      profileId: 'p1',
      scenarioId: 'coding-lll-pneumonia-effusion',
      scenarioHash: 'abc',
      title: 'Pneumonia',
      startedAt: 1,
      finishedAt: 2,
      durationMs: 1,
      score: 3,
      maxScore: 4,
      results: [],
      errorTypes: {},
    });
    await old.table('caseProgress').add({ key: 'p1|roi-x', profileId: 'p1', scenarioId: 'roi-x', scenarioHash: 'h', snapshot: { value: 'answering' }, updatedAt: 5, startedAt: 4 });
    old.close();

    const db = new ProgressDB(name);
    await db.open();
    expect(db.verno).toBe(2);
    const attempt = await db.attempts.get('a1');
    expect(attempt).toMatchObject({ module: 'coding', percent: 75, score: 3, title: 'Pneumonia' });
    expect(await db.attempts.where('[profileId+module]').equals(['p1', 'coding']).count()).toBe(1);
    expect(await db.caseProgress.get('p1|roi-x')).toMatchObject({ module: 'roi', snapshot: { value: 'answering' } });
    expect(await db.profiles.get('p1')).toMatchObject({ name: 'Ana' });
    db.close();
    await Dexie.delete(name);
  });

  it('creates a fresh database at the latest version', async () => {
    const name = uniqueName();
    const db = new ProgressDB(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['attempts', 'caseProgress', 'profiles', 'settings']);
    db.close();
    await Dexie.delete(name);
  });
});
