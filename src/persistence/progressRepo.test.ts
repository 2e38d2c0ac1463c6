import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressDB } from './ProgressDB';
import {
  attemptsFor,
  createProfile,
  createSerialSaver,
  discardProgress,
  getSetting,
  listProfiles,
  loadProgress,
  progressFor,
  recordAttempt,
  saveProgress,
  setSetting,
} from './progressRepo';

let db: ProgressDB;
let n = 0;
function freshDb() {
  db = new ProgressDB(`him-sim-repo-${Date.now()}-${n++}`);
  return db;
}
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('progressRepo', () => {
  it('keeps several profiles apart on one computer', async () => {
    freshDb();
    const ana = await createProfile(db, ' Ana ', 10);
    const ben = await createProfile(db, 'Ben', 20);
    expect(ana.name).toBe('Ana');
    expect((await listProfiles(db)).map((p) => p.name)).toEqual(['Ben', 'Ana']);
    await saveProgress(db, { profileId: ana.id, scenarioId: 's1', scenarioHash: 'h', module: 'coding', snapshot: { v: 1 }, updatedAt: 30 });
    expect(await loadProgress(db, ben.id, 's1')).toBeUndefined();
    expect(await loadProgress(db, ana.id, 's1')).toMatchObject({ snapshot: { v: 1 }, startedAt: 30 });
  });

  it('rejects an empty profile name', async () => {
    freshDb();
    await expect(createProfile(db, '   ')).rejects.toThrow(/name/);
  });

  it('keeps the first start time across saves and overwrites the snapshot', async () => {
    freshDb();
    const base = { profileId: 'p', scenarioId: 's', scenarioHash: 'h', module: 'coding' };
    await saveProgress(db, { ...base, snapshot: { v: 1 }, updatedAt: 100 });
    await saveProgress(db, { ...base, snapshot: { v: 2 }, updatedAt: 200 });
    expect(await loadProgress(db, 'p', 's')).toMatchObject({ snapshot: { v: 2 }, startedAt: 100, updatedAt: 200 });
    expect(await progressFor(db, 'p')).toHaveLength(1);
    await discardProgress(db, 'p', 's');
    expect(await loadProgress(db, 'p', 's')).toBeUndefined();
  });

  it('records an attempt and clears the in-progress snapshot atomically', async () => {
    freshDb();
    await saveProgress(db, { profileId: 'p', scenarioId: 's', scenarioHash: 'h', module: 'coding', snapshot: {}, updatedAt: 1 });
    const attempt = await recordAttempt(db, {
      profileId: 'p',
      scenarioId: 's',
      scenarioHash: 'h',
      module: 'coding',
      title: 'T',
      startedAt: 1,
      finishedAt: 2,
      durationMs: 1,
      score: 1,
      maxScore: 2,
      percent: 50,
      results: [],
      errorTypes: {},
    });
    expect(attempt.id).toBeTruthy();
    expect(await attemptsFor(db, 'p')).toHaveLength(1);
    expect(await loadProgress(db, 'p', 's')).toBeUndefined();
  });

  it('stores settings', async () => {
    freshDb();
    expect(await getSetting(db, 'x', 'fallback')).toBe('fallback');
    await setSetting(db, 'x', 42);
    expect(await getSetting(db, 'x', 0)).toBe(42);
  });
});

describe('createSerialSaver', () => {
  it('writes in order and never lets an older value land after a newer one', async () => {
    const written: number[] = [];
    let release: () => void = () => {};
    const slowFirst = new Promise<void>((r) => (release = r));
    const saver = createSerialSaver<number>(async (v) => {
      if (v === 1) await slowFirst;
      written.push(v);
    }, () => {});
    void saver.push(1);
    await new Promise((r) => setTimeout(r, 0)); // the first write is now in flight
    void saver.push(2);
    void saver.push(3);
    release();
    await saver.flush();
    expect(written).toEqual([1, 3]); // 2 was superseded while the first write was in flight
  });

  it('reports errors and keeps going', async () => {
    const errors: unknown[] = [];
    const written: number[] = [];
    const saver = createSerialSaver<number>((v) => {
      if (v === 1) return Promise.reject(new Error('disk full'));
      written.push(v);
      return Promise.resolve();
    }, (e) => errors.push(e));
    void saver.push(1);
    await saver.flush();
    void saver.push(2);
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(written).toEqual([2]);
  });
});
