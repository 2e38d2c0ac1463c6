import { describe, expect, test } from 'vitest';
import { compareDemographics, explainField, FIELD_PARAMETERS, fieldWeights, LOWER_THRESHOLD, UPPER_THRESHOLD } from './match';
import type { Demographics } from './types';

const base: Demographics = {
  family: 'Pemberton',
  given: 'William',
  middle: 'James',
  dob: '1956-03-12',
  sex: 'M',
  ssnLast4: '4821',
  address: { line: '118 Elm St', city: 'Millbrook', state: 'OR', zip: '97438' },
  phone: '541-555-0142',
};

describe('Fellegi-Sunter weights (MATCH-2)', () => {
  test('agreement adds log2(m/u), disagreement adds log2((1-m)/(1-u))', () => {
    const w = fieldWeights({ label: 'x', mAgree: 0.9, uAgree: 0.01, mPartial: 0, uPartial: 0, why: '' });
    expect(w.agree).toBeCloseTo(Math.log2(90), 6);
    expect(w.disagree).toBeCloseTo(Math.log2(0.1 / 0.99), 6);
  });

  test('every field: agreement weighs more than partial, partial more than disagreement', () => {
    for (const p of Object.values(FIELD_PARAMETERS)) {
      const w = fieldWeights(p);
      expect(w.agree).toBeGreaterThan(w.disagree);
      if (p.mPartial > 0) expect(w.partial).toBeGreaterThan(w.disagree);
    }
  });

  test('thresholds are ordered', () => expect(UPPER_THRESHOLD).toBeGreaterThan(LOWER_THRESHOLD));
});

describe('compareDemographics', () => {
  test.each<[string, Partial<Demographics>, string, string]>([
    ['nickname Bill/William', { given: 'Bill' }, 'given', 'partial'],
    ['transposed DOB', { dob: '1956-12-03' }, 'dob', 'partial'],
    ['family typo', { family: 'Pembreton' }, 'family', 'partial'],
    ['maiden name listed as previous', { family: 'Whitlock', previousFamily: 'Pemberton' }, 'family', 'partial'],
    ['missing middle', { middle: undefined }, 'middle', 'missing'],
    ['middle initial only', { middle: 'J' }, 'middle', 'partial'],
    ['SSN digits transposed', { ssnLast4: '4812' }, 'ssnLast4', 'partial'],
    ['different street number', { address: { line: '120 Elm Street', city: 'Millbrook', state: 'OR', zip: '97438' } }, 'address', 'partial'],
    ['address normalised', { address: { line: '118 ELM STREET', city: 'Millbrook', state: 'OR', zip: '97438' } }, 'address', 'agree'],
    ['different sex', { sex: 'F' }, 'sex', 'disagree'],
  ])('%s', (_label, change, field, level) => {
    const other = { ...base, ...change };
    const result = compareDemographics(base, other);
    expect(result.fields.find((f) => f.field === field)?.level).toBe(level);
  });

  test('identical records are a match; a stranger is a non-match', () => {
    expect(compareDemographics(base, base).decision).toBe('match');
    const stranger: Demographics = { family: 'Okafor', given: 'Ngozi', dob: '1990-08-02', sex: 'F', ssnLast4: '1111', address: { line: '9 Pine St', city: 'Harlow', state: 'OR', zip: '97446' }, phone: '458-555-0101' };
    const r = compareDemographics(base, stranger);
    expect(r.decision).toBe('non-match');
    expect(r.total).toBeLessThan(LOWER_THRESHOLD);
  });

  test('the total is the sum of the field weights and the summary states it', () => {
    const r = compareDemographics(base, { ...base, given: 'Bill', ssnLast4: undefined });
    expect(r.total).toBeCloseTo(r.fields.reduce((s, f) => s + f.weight, 0), 9);
    expect(r.summary).toContain(r.total.toFixed(1));
    expect(r.warnings.map((w) => w.pattern)).toContain('nickname');
  });

  test('swapped first/last names are recognised (MPI-C3)', () => {
    const r = compareDemographics(base, { ...base, family: 'William', given: 'Pemberton' });
    expect(r.warnings.map((w) => w.pattern)).toContain('swapped-names');
    expect(r.fields.find((f) => f.field === 'family')?.level).toBe('partial');
  });

  test('twins score high but are flagged (MPI-C4)', () => {
    const twin = { ...base, given: 'Robert', middle: undefined, ssnLast4: '9034' };
    const r = compareDemographics(base, twin);
    expect(r.warnings.map((w) => w.pattern)).toContain('twins');
  });

  test('Jr/Sr is flagged (MPI-C5)', () => {
    const son = { ...base, dob: '1983-07-30', suffix: 'Jr', ssnLast4: '2210' };
    const r = compareDemographics({ ...base, suffix: 'Sr' }, son);
    expect(r.warnings.map((w) => w.pattern)).toContain('jr-sr');
    expect(r.fields.find((f) => f.field === 'suffix')?.level).toBe('disagree');
  });

  test('two rows on one MRN that do not match are an overlay (MPI-D2)', () => {
    const other = { ...base, given: 'Walter', dob: '1949-01-30', ssnLast4: '5555', middle: undefined };
    const r = compareDemographics(base, other, { mrnA: 'SIM-1234567', mrnB: 'SIM-1234567' });
    expect(r.warnings[0]?.pattern).toBe('overlay');
  });

  test('explainField states m, u and the weight in words', () => {
    const f = compareDemographics(base, base).fields.find((x) => x.field === 'dob')!;
    const text = explainField(f);
    expect(text).toMatch(/Date of birth agrees/);
    expect(text).toContain(`+${f.weight.toFixed(1)} bits`);
  });

  test('missing fields weigh nothing and never throw on blank input', () => {
    const r = compareDemographics({ family: '', given: '', dob: '', sex: 'U' }, base);
    expect(r.fields.every((f) => f.weight === 0)).toBe(true);
  });
});
