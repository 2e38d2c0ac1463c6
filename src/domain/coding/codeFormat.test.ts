import { describe, expect, it } from 'vitest';
import { formatDiagnosisCode, looksLikeDiagnosisCode, looksLikeProcedureCode, normaliseCode } from './codeFormat';

describe('codeFormat', () => {
  it.each([
    [' j18.9 ', 'J189'],
    ['S72.001A', 'S72001A'],
    ['0dtj4zz', '0DTJ4ZZ'],
  ])('normalises %j to %s', (input, out) => expect(normaliseCode(input)).toBe(out));

  it.each([
    ['J189', 'J18.9'],
    ['J13', 'J13'],
    ['s72001a', 'S72.001A'],
  ])('formats %s as %s', (input, out) => expect(formatDiagnosisCode(input)).toBe(out));

  it.each([
    ['J18.9', true],
    ['J13', true],
    ['T36.0X1A', true],
    ['123', false],
    ['J1', false],
    ['J18.90123', false],
  ])('ICD-10-CM shape of %s is %s', (code, ok) => expect(looksLikeDiagnosisCode(code)).toBe(ok));

  it.each([
    ['0DTJ4ZZ', true],
    ['0W9B3ZX', true],
    ['0DTJ4Z', false],
    ['0DTI4ZZ', false], // I is not a PCS value
    ['0DTO4ZZ', false], // O is not a PCS value
  ])('ICD-10-PCS shape of %s is %s', (code, ok) => expect(looksLikeProcedureCode(code)).toBe(ok));
});
