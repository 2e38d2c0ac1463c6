import { beforeAll, describe, expect, it } from 'vitest';
import { loadMceTablesFromDisk } from '../../../tools/grouper/loadTables';
import { editClaim, mceFlagsForDiagnosis, mceFlagsForProcedure, type MceClaim, type MceTables } from './index';

let mce: MceTables;
beforeAll(() => {
  mce = loadMceTablesFromDisk();
});

const OCT = '2026-01-15';
const APR = '2026-05-15';

describe('mceFlagsForDiagnosis', () => {
  it.each([
    ['O80', OCT, ['AGE_MATERNITY']],
    ['O80', APR, ['AGE_MATERNITY']],
    ['Z3800', OCT, ['AGE_NEWBORN']],
    ['V0001XA', OCT, ['EXTERNAL_CAUSE_NOT_PDX']],
    ['I10', OCT, ['QUESTIONABLE_ADMISSION']],
    ['Z5189', OCT, ['REQUIRES_SDX', 'UNACCEPTABLE_PDX']],
    ['Y6551', OCT, ['EXTERNAL_CAUSE_NOT_PDX', 'WRONG_PROCEDURE_PERFORMED']],
    ['Z370', OCT, ['AGE_MATERNITY', 'OUTCOME_OF_DELIVERY', 'UNACCEPTABLE_PDX']],
    // F07.81 (postconcussional syndrome) is unacceptable as principal in October 2025, not from April 2026.
    ['F0781', OCT, ['UNACCEPTABLE_PDX']],
    ['F0781', APR, []],
    ['A419', OCT, []],
    ['XYZ12', OCT, ['INVALID_CODE']],
    ['A419', '2024-01-01', ['INVALID_CODE']],
  ])('%s on %s -> %j', (code, date, ids) => {
    expect(mceFlagsForDiagnosis(mce, code, date).map((f) => f.id).sort()).toEqual(ids);
  });

  it('accepts dotted, lower-case codes and gives age limits with the age flags', () => {
    const [flag] = mceFlagsForDiagnosis(mce, 'o80', OCT);
    expect(flag).toMatchObject({ id: 'AGE_MATERNITY', list: 'MATERNITY', ages: { min: 9, max: 64 }, category: 'age' });
    expect(flag?.label).toMatch(/9-64/);
    expect(mceFlagsForDiagnosis(mce, 'F07.81', OCT).map((f) => f.id)).toEqual(['UNACCEPTABLE_PDX']);
  });

  it('includes the manifestation-not-as-principal flag for manifestation codes', () => {
    // G01 (meningitis in bacterial diseases classified elsewhere) is a manifestation code.
    expect(mceFlagsForDiagnosis(mce, 'G01', OCT).map((f) => f.id)).toContain('MANIFESTATION_NOT_PDX');
  });
});

describe('mceFlagsForProcedure', () => {
  it.each([
    ['5A1955Z', OCT, ['LENGTH_OF_STAY']],
    ['0SR20JZ', OCT, ['NON_COVERED_OVER_60']],
    ['10D00Z1', OCT, ['CESAREAN_DELIVERY']],
    ['0DTJ4ZZ', OCT, []],
    // New in v43.1 (April 2026): not valid in October.
    ['02HM3JZ', OCT, ['INVALID_CODE']],
    ['02HM3JZ', APR, []],
  ])('%s on %s -> %j', (code, date, ids) => {
    expect(mceFlagsForProcedure(mce, code, date).map((f) => f.id).sort()).toEqual(ids);
  });
});

const base: MceClaim = { pdx: 'J189', sdx: [], procedures: [], ageYears: 70, sex: 'F', dischargeStatus: '01', dischargeDate: OCT };
const ids = (claim: Partial<MceClaim>): string[] => editClaim(mce, { ...base, ...claim }).map((e) => e.id);

describe('editClaim', () => {
  it('passes a clean claim', () => {
    expect(ids({})).toEqual([]);
  });
  it.each<[string, Partial<MceClaim>, string[]]>([
    ['invalid principal', { pdx: 'J18' }, ['INVALID_CODE']],
    ['external cause as principal', { pdx: 'W19XXXA' }, ['EXTERNAL_CAUSE_NOT_PDX']],
    ['duplicate of principal', { sdx: [{ code: 'J189' }] }, ['DUPLICATE_OF_PDX']],
    ['maternity code at 70', { sdx: [{ code: 'O80' }] }, ['AGE_CONFLICT']],
    ['newborn code at 70', { pdx: 'Z3800' }, ['AGE_CONFLICT']],
    ['questionable admission', { pdx: 'I10' }, ['QUESTIONABLE_ADMISSION']],
    ['requires a secondary', { pdx: 'Z5189' }, ['REQUIRES_SDX']],
    ['requires a secondary: satisfied', { pdx: 'Z5189', sdx: [{ code: 'C20' }] }, []],
    ['wrong procedure performed', { sdx: [{ code: 'Y6551' }] }, ['WRONG_PROCEDURE_PERFORMED']],
    ['invalid age', { ageYears: 130 }, ['INVALID_AGE']],
    ['invalid sex', { sex: 'X' }, ['INVALID_SEX']],
    ['invalid discharge status', { dischargeStatus: '0' }, ['INVALID_DISCHARGE_STATUS']],
    ['artificial disc over 60', { procedures: ['0SR20JZ'] }, ['NON_COVERED']],
    ['artificial disc at 50', { procedures: ['0SR20JZ'], ageYears: 50 }, []],
    ['pancreas transplant alone', { procedures: ['0FYG0Z0'] }, ['LIMITED_COVERAGE', 'NON_COVERED']],
    ['pancreas transplant with type 1 diabetes', { procedures: ['0FYG0Z0'], sdx: [{ code: 'E1022' }] }, ['LIMITED_COVERAGE']],
    ['ventilation >96h in a 2-day stay', { procedures: ['5A1955Z'], lengthOfStayDays: 2 }, ['LENGTH_OF_STAY']],
    ['ventilation >96h in a 6-day stay', { procedures: ['5A1955Z'], lengthOfStayDays: 6 }, []],
    ['date outside FY2026', { dischargeDate: '2027-01-01' }, ['DATE_OUT_OF_RANGE']],
  ])('%s', (_name, claim, expected) => {
    expect(ids(claim)).toEqual(expected);
  });

  it('labels every edit in plain English and names the code', () => {
    const [edit] = editClaim(mce, { ...base, sdx: [{ code: 'O80' }] });
    expect(edit).toMatchObject({ on: 'sdx', code: 'O80', severity: 'error', category: 'age' });
    expect(edit?.label).toMatch(/O80.*9-64.*70/);
  });
});
