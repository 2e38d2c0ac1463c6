import { describe, expect, test } from 'vitest';
import { generateMpi } from './generator';
import { linearSearch, MpiIndex, parseName } from './search';

const mpi = generateMpi(20260114);
const index = new MpiIndex(mpi.records);
const byRow = new Map(mpi.records.map((r) => [r.rowId, r]));

describe('parseName', () => {
  test.each([
    ['Pemberton, William James', { family: 'Pemberton', given: 'William', middle: 'James' }],
    ['William J Pemberton Jr', { family: 'Pemberton', given: 'William', middle: 'J', suffix: 'Jr' }],
    ['Harriet Alexander (formerly Novak)', { family: 'Alexander', given: 'Harriet' }],
    ['Okafor', { family: 'Okafor', given: '' }],
  ])('%s', (text, expected) => {
    expect(parseName(text)).toMatchObject(expected);
  });
  test('blank gives undefined', () => expect(parseName('   ')).toBeUndefined());
});

describe('MpiIndex.search', () => {
  test('every retrieval request finds its target (or the same person) in the top 3 by name + DOB', () => {
    for (const c of mpi.retrievals) {
      const hits = index.search({ name: c.given.name, dob: c.given.dob }, 3).map((h) => h.record.rowId);
      const acceptable = [c.targetRowId, ...c.samePersonRowIds];
      expect(hits.some((id) => acceptable.includes(id)), c.id).toBe(true);
    }
  });

  test('finds by MRN alone, SSN last four, phone and address', () => {
    const r = mpi.records[1234]!;
    expect(index.search({ mrn: r.mrn.toLowerCase() })[0]?.record.mrn).toBe(r.mrn);
    if (r.ssnLast4) expect(index.search({ ssnLast4: r.ssnLast4, name: `${r.given} ${r.family}` })[0]?.record.rowId).toBe(r.rowId);
    expect(index.search({ phone: r.phone, name: r.family }).map((h) => h.record.rowId)).toContain(r.rowId);
    expect(index.search({ address: r.address!.line.toLowerCase() }).map((h) => h.record.rowId)).toContain(r.rowId);
  });

  test('a nickname finds the formal name (Bill -> William)', () => {
    const pair = mpi.pairs.find((p) => p.cause === 'nickname')!;
    const original = byRow.get(pair.a)!;
    const nick = byRow.get(pair.b)!;
    const hits = index.search({ name: `${nick.given} ${nick.family}`, dob: nick.dob }, 5).map((h) => h.record.rowId);
    expect(hits).toContain(original.rowId);
  });

  test('swapped names are found (MPI-C3)', () => {
    const pair = mpi.pairs.find((p) => p.cause === 'swapped-names')!;
    const original = byRow.get(pair.a)!;
    const hits = index.search({ name: `${original.family} ${original.given}` }, 10).map((h) => h.record.rowId);
    expect(hits).toContain(original.rowId);
  });

  test('sex filter removes the other sex', () => {
    const hits = index.search({ name: 'Smith', sex: 'F' }, 50);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.record.sex === 'F')).toBe(true);
  });

  test('agrees with the linear scan on the best hit', () => {
    for (const c of mpi.retrievals.slice(0, 6)) {
      const q = { name: c.given.name, dob: c.given.dob };
      expect(index.search(q, 1)[0]?.match.total).toBeCloseTo(linearSearch(mpi.records, q, 1)[0]!.match.total, 6);
    }
  });

  test('empty or nonsense queries return [] without throwing', () => {
    expect(index.search({})).toEqual([]);
    expect(index.search({ name: '!!!', dob: 'not-a-date' })).toEqual([]);
  });

  test('answers in under 50 ms over 5,000 rows', () => {
    const c = mpi.retrievals[0]!;
    index.search({ name: c.given.name, dob: c.given.dob });
    const start = performance.now();
    for (const r of mpi.retrievals) index.search({ name: r.given.name, dob: r.given.dob, address: r.given.addressLine });
    expect((performance.now() - start) / mpi.retrievals.length).toBeLessThan(50);
  });
});
