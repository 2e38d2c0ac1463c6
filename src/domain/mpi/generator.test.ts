import { describe, expect, test } from 'vitest';
import { generateMpi, transposeDob } from './generator';
import { seededRandom } from '../random';

const mpi = generateMpi(424242);

describe('generateMpi', () => {
  test('builds at least 5,000 rows with unique row ids', () => {
    expect(mpi.records.length).toBe(5000);
    expect(new Set(mpi.records.map((r) => r.rowId)).size).toBe(5000);
  });

  test('is deterministic for a seed and differs between seeds', () => {
    const again = generateMpi(424242);
    expect(again.records.slice(0, 50)).toEqual(mpi.records.slice(0, 50));
    expect(again.pairs).toEqual(mpi.pairs);
    expect(generateMpi(7).records[0]).not.toEqual(mpi.records[0]);
  });

  test.each([
    ['duplicate', 'merge', 200],
    ['overlap', 'link', 60],
    ['overlay', 'flag-overlay', 20],
    ['twins', 'leave-apart', 30],
    ['jr-sr', 'leave-apart', 30],
  ])('plants %s pairs keyed "%s" (%i of them)', (kind, action, count) => {
    const pairs = mpi.pairs.filter((p) => p.kind === kind);
    expect(pairs).toHaveLength(count);
    expect(pairs.every((p) => p.action === action)).toBe(true);
  });

  test('truth: duplicates and overlaps are one person, twins/Jr-Sr/overlays are two', () => {
    const byRow = new Map(mpi.records.map((r) => [r.rowId, r]));
    for (const p of mpi.pairs) {
      const same = mpi.personOf.get(p.a) === mpi.personOf.get(p.b);
      expect(same, p.id).toBe(p.kind === 'duplicate' || p.kind === 'overlap');
      const a = byRow.get(p.a)!;
      const b = byRow.get(p.b)!;
      if (p.kind === 'overlay') expect(a.mrn).toBe(b.mrn);
      else expect(a.mrn).not.toBe(b.mrn);
      if (p.kind === 'overlap') expect(a.facility).not.toBe(b.facility);
      if (p.kind === 'duplicate') expect(a.facility).toBe(b.facility);
      if (p.kind === 'twins') expect([a.dob, a.family]).toEqual([b.dob, b.family]);
      if (p.kind === 'jr-sr') expect(Math.abs(Number(a.dob.slice(0, 4)) - Number(b.dob.slice(0, 4)))).toBeGreaterThanOrEqual(21);
    }
  });

  test('every duplicate cause appears', () => {
    const causes = new Set(mpi.pairs.filter((p) => p.kind === 'duplicate').map((p) => p.cause));
    expect([...causes].sort()).toEqual(['married-name', 'missing-middle', 'nickname', 'swapped-names', 'transposed-dob', 'typo']);
  });

  test('every DOB is a real calendar date', () => {
    for (const r of mpi.records) {
      const d = new Date(`${r.dob}T00:00:00Z`);
      expect(d.toISOString().slice(0, 10), r.rowId).toBe(r.dob);
    }
  });

  test('builds 12 retrieval requests whose target is the named person', () => {
    expect(mpi.retrievals).toHaveLength(12);
    for (const c of mpi.retrievals) {
      const target = mpi.records.find((r) => r.rowId === c.targetRowId)!;
      expect(c.given.dob).toBe(target.dob);
      for (const id of c.lookalikeRowIds) expect(mpi.personOf.get(id)).not.toBe(mpi.personOf.get(target.rowId));
      for (const id of c.samePersonRowIds) expect(mpi.personOf.get(id)).toBe(mpi.personOf.get(target.rowId));
    }
  });
});

describe('transposeDob (MPI-C1)', () => {
  test.each([
    ['1956-03-12', '1956-12-03'],
    ['1984-07-28', '1948-07-28'],
    ['2011-05-21', '2011-05-12'],
  ])('%s -> %s', (dob, expected) => {
    expect(transposeDob(dob)).toBe(expected);
  });
});

describe('seededRandom', () => {
  test('same seed, same sequence; ints stay in range', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    for (let i = 0; i < 100; i++) {
      const x = a.int(3, 7);
      expect(x).toBe(b.int(3, 7));
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(7);
    }
  });
});
