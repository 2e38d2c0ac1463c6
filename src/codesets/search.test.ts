import { beforeAll, describe, expect, it } from 'vitest';
import { sharedNodeLoader } from '../../tools/codesets/node-loader.ts';
import { CLINICAL_ABBREVIATIONS } from './abbreviations.ts';
import { addInclusionTerms, buildSearchIndex, expandAbbreviations, searchCodes, type SearchIndex } from './search.ts';

let index: SearchIndex;
beforeAll(async () => {
  const loader = sharedNodeLoader();
  const [cm, pcs, defaults, inclusion] = await Promise.all([loader.cmLean(), loader.pcs(), loader.text('cmIndexDefaults'), loader.text('cmInclusionTerms')]);
  index = buildSearchIndex({ cm, pcs, indexDefaultsTsv: defaults });
  expect(addInclusionTerms(index, inclusion)).toBeGreaterThan(10_000);
}, 60_000);

const date = '2025-12-15';
const codes = (q: string, kind: 'dx' | 'pcs' | 'all' = 'all', limit = 10): string[] =>
  searchCodes(index, q, { dischargeDate: date, kind, limit }).hits.map((h) => h.code);

describe('searchCodes', () => {
  it('finds acute on chronic heart failure from "chf acute on chronic"', () => {
    const r = searchCodes(index, 'chf acute on chronic', { dischargeDate: date, limit: 10 });
    expect(r.expansions[0]).toEqual({ abbreviation: 'chf', meaning: 'congestive heart failure' });
    expect(r.hits.map((h) => h.code).slice(0, 3)).toEqual(['I5023', 'I5033', 'I5043']);
    expect(r.hits.every((h) => h.reportable)).toBe(true);
  });

  it('lists codes by prefix in tabular order, with or without the dot', () => {
    expect(codes('J18').slice(0, 3)).toEqual(['J18', 'J180', 'J181']);
    expect(codes('j18.9')[0]).toBe('J189');
    expect(codes('0DTJ')).toContain('0DTJ4ZZ');
    const r = searchCodes(index, 'J18', { dischargeDate: date });
    expect(r.mode).toBe('code');
    expect(r.hits[0]!.reportable).toBe(false);
  });

  it('puts the Alphabetic Index default first for a bare main term', () => {
    const r = searchCodes(index, 'pneumonia', { dischargeDate: date, kind: 'dx' });
    expect(r.hits[0]!.code).toBe('J189');
    expect(r.hits[0]!.via).toMatch(/Alphabetic Index: Pneumonia/);
    expect(codes('sepsis', 'dx')[0]).toBe('A419');
  });

  it('tolerates typos and unfinished words', () => {
    expect(codes('pnuemonia unspecified organism', 'dx')).toContain('J189');
    expect(codes('acute kidney fail', 'dx')).toContain('N179');
    const r = searchCodes(index, 'diabtes hyperglycemia', { dischargeDate: date, kind: 'dx' });
    expect(r.approximate).toContain('diabt');
  });

  it('expands clinical abbreviations and procedure words', () => {
    expect(Object.keys(CLINICAL_ABBREVIATIONS).length).toBeGreaterThanOrEqual(40);
    expect(codes('copd exacerbation', 'dx')).toContain('J441');
    expect(codes('htn ckd', 'dx')).toContain('I129');
    expect(codes('uti', 'dx')).toContain('N390');
    expect(codes('aki', 'dx')[0]).toMatch(/^N17/);
    expect(codes('type 2 dm with hyperglycemia', 'dx')[0]).toBe('E1165');
    expect(codes('laparoscopic appendectomy', 'pcs')).toContain('0DTJ4ZZ');
    expect(expandAbbreviations('HTN').expanded).toBe('hypertension');
  });

  it('finds 7th-character codes inside their family', () => {
    expect(codes('fracture neck right femur initial closed', 'dx')).toContain('S72001A');
  });

  it('searches tabular inclusion terms', () => {
    const r = searchCodes(index, 'subcapital fracture of femur', { dischargeDate: date, kind: 'dx' });
    const hit = r.hits.find((h) => h.code === 'S7201');
    expect(hit?.via).toBe('Inclusion term: Subcapital fracture of femur');
    expect(codes('high blood pressure', 'dx')).toContain('I10');
  });

  it('filters by discharge date', () => {
    const oct = searchCodes(index, '02HM3', { dischargeDate: date, kind: 'pcs' });
    expect(oct.total).toBe(0);
    const apr = searchCodes(index, '02HM3', { dischargeDate: '2026-04-02', kind: 'pcs' });
    expect(apr.hits.map((h) => h.code)).toContain('02HM3JZ');
  });

  it('returns nothing for an empty query and relaxes to OR when no title has every word', () => {
    expect(searchCodes(index, '  ', { dischargeDate: date }).hits).toHaveLength(0);
    const r = searchCodes(index, 'pneumonia zebra', { dischargeDate: date, kind: 'dx' });
    expect(r.mode).toBe('or');
    expect(r.hits.length).toBeGreaterThan(0);
  });
});
