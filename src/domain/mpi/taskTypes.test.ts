import { describe, expect, test } from 'vitest';
import { getMpi } from './generator';
import { computeDuplicatesKey, computeRetrieveKey, mpiDuplicatesTask, mpiRetrieveTask, scoreDuplicates, scoreRetrieve } from './taskTypes';

const seed = 20260114;

describe('mpi-retrieve', () => {
  const input = { seed, size: 5000, case: 1 };
  const key = computeRetrieveKey(input);

  test('key is the generator truth', () => {
    const mpi = getMpi(seed);
    expect(key.target.rowId).toBe(mpi.retrievals[0]!.targetRowId);
    expect(key.kind).toBe('jr-sr');
    expect(key.lookalikes.length).toBeGreaterThan(0);
    expect(key.lookalikes[0]!.why).toMatch(/date of birth/);
  });

  test.each([
    ['the target', () => key.target.rowId, 3, undefined],
    ['the look-alike', () => key.lookalikes[0]!.rowId, 0, 'mpi.wrong-patient'],
    ['nothing', () => '', 0, 'mpi.wrong-patient'],
  ])('selecting %s', (_label, pick, points, errorType) => {
    const r = scoreRetrieve({ selectedRowId: pick(), reportedDuplicateRowIds: [] }, key);
    expect(r.findings[0]!.points).toBe(points);
    expect(r.findings[0]!.errorType).toBe(errorType);
  });

  test('a duplicate case gives partial credit for the other row and a point for reporting it', () => {
    const dupKey = computeRetrieveKey({ seed, size: 5000, case: 2 });
    expect(dupKey.samePerson.length).toBeGreaterThan(0);
    const other = dupKey.samePerson[0]!.rowId;
    const r = scoreRetrieve({ selectedRowId: other, reportedDuplicateRowIds: [dupKey.target.rowId] }, dupKey);
    expect(r.findings.map((f) => f.outcome)).toEqual(['partial', 'correct']);
    expect(r.score).toBe(3);
    expect(r.maxScore).toBe(4);
    const missed = scoreRetrieve({ selectedRowId: dupKey.target.rowId, reportedDuplicateRowIds: [] }, dupKey);
    expect(missed.findings[1]!.errorType).toBe('mpi.duplicate-not-reported');
  });

  test('malformed responses are scored, not thrown', () => {
    const r = mpiRetrieveTask.score({ selectedRowId: 5 } as never, key, {} as never, {}, input);
    expect(r.findings[0]!.errorType).toBe('response.malformed');
  });
});

describe('mpi-duplicates', () => {
  const input = { seed, size: 5000, pairs: ['duplicate-1', 'overlay-1', 'overlap-1', 'twins-1', 'jr-sr-1'] };
  const key = computeDuplicatesKey(input);

  test('key actions come from the truth', () => {
    expect(key.items.map((i) => i.action)).toEqual(['merge', 'flag-overlay', 'link', 'leave-apart', 'leave-apart']);
    expect(key.items[0]!.reason).toMatch(/MPI-D1/);
  });

  test('an unknown pair id cannot be keyed', () => {
    expect(() => computeDuplicatesKey({ seed, size: 5000, pairs: ['duplicate-9999'] })).toThrow(/does not exist/);
  });

  test.each([
    ['merge', 'duplicate-1', 'leave-apart', 0, 'mpi.missed-duplicate'],
    ['leave twins apart', 'twins-1', 'merge', 0, 'mpi.false-merge'],
    ['overlap merged', 'overlap-1', 'merge', 1, 'mpi.merged-across-facilities'],
    ['overlay merged', 'overlay-1', 'merge', 0, 'mpi.missed-overlay'],
  ])('%s: %s answered %s', (_label, pairId, action, points, errorType) => {
    const decisions = Object.fromEntries(key.items.map((i) => [i.pairId, i.action]));
    decisions[pairId] = action as never;
    const r = scoreDuplicates({ decisions }, key);
    const f = r.findings[key.items.findIndex((i) => i.pairId === pairId)]!;
    expect(f.points).toBe(points);
    expect(f.errorType).toBe(errorType);
    expect(r.maxScore).toBe(10);
    expect(r.score).toBe(8 + points);
  });

  test('completeness needs a decision for every pair', () => {
    const empty = mpiDuplicatesTask.emptyResponse(input, {} as never);
    expect(mpiDuplicatesTask.isResponseComplete(empty, input)).toBe(false);
    const full = { decisions: Object.fromEntries(input.pairs.map((p) => [p, 'merge' as const])) };
    expect(mpiDuplicatesTask.isResponseComplete(full, input)).toBe(true);
  });
});
