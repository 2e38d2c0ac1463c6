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

/** The schema exactly as version 2 shipped it (never edit). */
class ProgressDBv2 extends ProgressDBv1 {
  constructor(name: string) {
    super(name);
    this.version(2).stores({
      attempts: 'id, profileId, scenarioId, finishedAt, module, [profileId+module]',
      caseProgress: 'key, profileId, scenarioId, updatedAt, module',
    });
  }
}

describe('ProgressDB schema upgrade', () => {
  it('upgrades a version-2 database to version 3: new game/classroom tables, attempts kept and marked local', async () => {
    const name = uniqueName();
    const old = new ProgressDBv2(name);
    await old.table('attempts').bulkAdd([
      { id: 'a1', profileId: 'p1', scenarioId: 'coding-x', module: 'coding', percent: 50, finishedAt: 2, errorTypes: { 'coding.poa-wrong': 1 } },
      { id: 'a2', profileId: 'p1', scenarioId: 'roi-x', module: 'roi', percent: 90, finishedAt: 3, errorTypes: {}, origin: 'import:file.json' },
    ]);
    old.close();

    const db = new ProgressDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.attempts.get('a1')).toMatchObject({ origin: 'local', percent: 50, errorTypes: { 'coding.poa-wrong': 1 } });
    expect(await db.attempts.get('a2')).toMatchObject({ origin: 'import:file.json' });
    await db.shifts.add({ id: 's1', profileId: 'p1', status: 'running', startedAt: 1, updatedAt: 1, snapshot: { value: 'running' } });
    await db.reviewLogs.add({ id: 'r1', profileId: 'p1', errorType: 'coding.poa-wrong', drillKind: 'poa', answeredAt: 5, correct: true });
    expect(await db.shifts.where('profileId').equals('p1').count()).toBe(1);
    expect(await db.reviewLogs.where('errorType').equals('coding.poa-wrong').count()).toBe(1);
    db.close();
    await Dexie.delete(name);
  });

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
    expect(db.verno).toBe(3);
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
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['attempts', 'caseProgress', 'classPacks', 'profiles', 'reviewLogs', 'rosterStudents', 'settings', 'shifts']);
    db.close();
    await Dexie.delete(name);
  });
});
