import { describe, expect, it } from 'vitest';
import { codeProblem, differsOnlyByLaterality, diagnosePcs, placeholderRepair, relateDiagnosis } from './diagnose';
import type { CodeFacts, CodingReference } from './reference';

/** A hand-made reference: just enough code facts for the rules under test. */
const TITLES: Record<string, string> = {
  I10: 'Essential (primary) hypertension',
  I110: 'Hypertensive heart disease with heart failure',
  I130: 'Hypertensive heart and chronic kidney disease with heart failure and stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease',
  I129: 'Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease',
  N189: 'Chronic kidney disease, unspecified',
  S72001A: 'Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
  S72002A: 'Fracture of unspecified part of neck of left femur, initial encounter for closed fracture',
  E1122: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
  E119: 'Type 2 diabetes mellitus without complications',
  R6520: 'Severe sepsis without septic shock',
  R6510: 'Systemic inflammatory response syndrome (SIRS) of non-infectious origin without acute organ dysfunction',
  J189: 'Pneumonia, unspecified organism',
  J13: 'Pneumonia due to Streptococcus pneumoniae',
  T401X1A: 'Poisoning by heroin, accidental (unintentional), initial encounter',
};
const ref: CodingReference = {
  notesEdition: 'FY2023',
  facts: (input) => {
    const code = input.replace(/\./g, '').toUpperCase();
    return TITLES[code] ? { code, kind: 'dx', status: 'reportable', title: TITLES[code], message: '' } : { code: null, kind: null, status: 'unknown', message: `${input} is not a code.` };
  },
  title: (code) => TITLES[code.replace(/\./g, '')],
  isReportable: (code) => TITLES[code] !== undefined,
  excludes1: () => [],
  partners: () => [],
  pcsMeanings: () => [],
};
const facts = (c: string): CodeFacts => ref.facts(c, 'dx', '2026-02-13');

describe('relateDiagnosis: why a reported code stands in for the key code', () => {
  it.each([
    ['I10', 'I11.0', 'coding.combination-htn', /I11\.-/],
    ['I10', 'I13.0', 'coding.combination-htn', /I13\.-/],
    ['I10', 'I12.9', 'coding.combination-htn', /I12\.-/],
    ['E11.9', 'E11.22', 'coding.combination-diabetes', /combination code/],
    ['R65.10', 'R65.20', 'coding.combination-sepsis', /severe sepsis/],
    ['S72.002A', 'S72.001A', 'coding.laterality', /wrong side/],
    ['J18.9', 'J13', 'coding.specificity', /less specific/],
    ['T40.11A', 'T40.1X1A', 'coding.placeholder-x', /placeholder X/],
  ])('%s for %s -> %s', (given, key, errorType, message) => {
    const d = relateDiagnosis(given, key, facts(given), ref, '2026-02-13');
    expect(d?.errorType).toBe(errorType);
    expect(d?.message).toMatch(message);
    expect(d?.citation.section.length).toBeGreaterThan(2);
  });

  it('does not relate unrelated codes', () => {
    expect(relateDiagnosis('N18.9', 'J13', facts('N18.9'), ref, '2026-02-13')).toBeNull();
  });
});

describe('codeProblem without code sets', () => {
  it.each([
    ['J1', 'dx', 'coding.code-invalid'],
    ['0W9B3Z', 'pcs', 'coding.code-invalid'],
    ['J13', 'dx', null],
  ] as const)('%s (%s) -> %s', (code, kind, expected) => {
    expect(codeProblem(code, kind, undefined, undefined, '2026-02-13')?.errorType ?? null).toBe(expected);
  });

  it('repairs a missing placeholder only when the result is a real code', () => {
    expect(placeholderRepair('T4011A', ref, '2026-02-13')).toBe('T401X1A');
    expect(placeholderRepair('J189', ref, '2026-02-13')).toBeUndefined();
  });
});

describe('laterality and PCS characters', () => {
  it.each([
    ['Fracture of right femur', 'Fracture of left femur', true],
    ['Fracture of unspecified femur', 'Fracture of left femur', true],
    ['Pneumonia, unspecified organism', 'Pneumonia due to Streptococcus pneumoniae', false],
  ])('%s vs %s -> %s', (a, b, expected) => {
    expect(differsOnlyByLaterality(a, b)).toBe(expected);
  });

  it.each([
    ['0B9B3ZX', '0W9B3ZX', 'coding.pcs-body-system'],
    ['0WCB3ZZ', '0W9B3ZX', 'coding.pcs-root-operation'],
    ['0W9B0ZX', '0W9B3ZX', 'coding.pcs-approach'],
    ['0W9B30X', '0W9B3ZX', 'coding.pcs-device'],
    ['0W9B3ZZ', '0W9B3ZX', 'coding.pcs-qualifier'],
  ])('%s for %s -> %s', (given, expected, errorType) => {
    expect(diagnosePcs(given, expected, undefined).errorType).toBe(errorType);
  });
});
