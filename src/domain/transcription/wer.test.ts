import { describe, expect, test } from 'vitest';
import { criticalCategory, normaliseWords, wordErrorRate } from './wer';
import { findDoNotUse, lookupTerm } from './terminology';
import { checkHeadings, reportTemplate } from './reportFormats';

describe('normaliseWords', () => {
  test.each([
    ['Furosemide twenty milligrams IV b.i.d.', ['furosemide', '20', 'mg', 'iv', 'bid']],
    ['one hundred twenty over eighty', ['120/80']],
    ['BP 120/80, K 3.2.', ['bp', '120/80', 'k', '3.2']],
    ['Left-sided 1,150 mL', ['left', 'sided', '1150', 'ml']],
    ['  ', []],
    ['on January 17 2026 BP 118 over 70', ['on', '1/17/2026', 'bp', '118/70']],
    ['on 01/17/2026, 1/17', ['on', '1/17/2026', '1/17']],
  ])('%s', (text, words) => expect(normaliseWords(text)).toEqual(words));
});

describe('wordErrorRate', () => {
  test('identical text after normalisation is 0', () => {
    expect(wordErrorRate('Aspirin 81 mg daily.', 'aspirin eighty one milligrams daily').wer).toBe(0);
  });

  test('counts substitutions, deletions and insertions', () => {
    const r = wordErrorRate('a b c d', 'a x c d e');
    expect([r.substitutions, r.deletions, r.insertions]).toEqual([1, 0, 1]);
    expect(r.wer).toBeCloseTo(0.5);
  });

  test.each([
    ['denies chest pain', 'has chest pain', 'negation'],
    ['left knee', 'right knee', 'laterality'],
    ['metoprolol 25 mg', 'metformin 25 mg', 'drug'],
    ['40 mg daily', '14 mg daily', 'number'],
    ['no fever', 'fever', 'negation'],
    ['chest pain', 'no chest pain', 'negation'],
  ])('critical: "%s" vs "%s" is a %s error', (ref, hyp, category) => {
    expect(wordErrorRate(ref, hyp).critical.map((c) => c.category)).toContain(category);
  });

  test('a non-critical slip is not critical', () => {
    expect(wordErrorRate('the patient is pleasant', 'the patient was pleasant').critical).toEqual([]);
  });

  test('empty reference and hypothesis do not divide by zero', () => {
    expect(wordErrorRate('', '').wer).toBe(0);
    expect(wordErrorRate('', 'word').wer).toBe(1);
  });

  test.each([
    ['heparin', 'drug'],
    ['bilateral', 'laterality'],
    ['5', 'number'],
    ['bid', 'dose'],
    ['pleasant', undefined],
  ])('criticalCategory(%s) = %s', (w, c) => expect(criticalCategory(w)).toBe(c));
});

describe('terminology helper', () => {
  test('finds abbreviations by term or meaning', () => {
    expect(lookupTerm('bid').map((t) => t.term)).toContain('BID');
    expect(lookupTerm('swallowing')[0]?.term).toMatch(/dysphagia/);
    expect(lookupTerm('QD')[0]?.doNotUse).toBeTruthy();
  });

  test.each([
    ['insulin 10 U at bedtime', '10 U'],
    ['aspirin 81 mg QD', 'QD'],
    ['warfarin 1.0 mg', '1.0 mg'],
    ['colchicine .5 mg', '.5 mg'],
    ['MSO4 2 mg IV', 'MSO4'],
  ])('flags Do Not Use in "%s"', (text, match) => expect(findDoNotUse(text).map((d) => d.match)).toContain(match));

  test('clean text has no Do Not Use findings', () => expect(findDoNotUse('insulin 10 units daily; 0.5 mg')).toEqual([]));
});

describe('report formats', () => {
  test('a template has every heading', () => {
    expect(checkHeadings('operative-report', reportTemplate('operative-report')).missing).toEqual([]);
  });
  test('missing and out-of-order headings are reported', () => {
    const r = checkHeadings('consult', 'IMPRESSION: x\nREASON FOR CONSULTATION: y');
    expect(r.missing).toContain('RECOMMENDATIONS');
    expect(r.outOfOrder).toBe(true);
  });
});
