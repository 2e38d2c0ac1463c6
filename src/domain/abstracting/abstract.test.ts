import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { scenarioSchema } from '../../content/scenarioSchema';
import { computeAbstractKey, emptyAbstract, scoreAbstract, validateAbstract, type AbstractResponse } from './abstract';
import { abstractTask, checkAbstractKey } from './taskTypes';

const scenario = v.parse(scenarioSchema, {
  format: 'him-sim/scenario@1',
  id: 'abs-test',
  module: 'abstracting',
  title: 't',
  patient: { name: { family: 'Thistlewaite', given: 'Orla' }, mrn: 'SIM-5520931', dob: '1961-09-30', sex: 'F', payer: 'Medicare', address: { line: '7 Oak Ave', city: 'Harlow', state: 'OR', zip: '97446' } },
  encounter: { admitted: '2026-03-03T02:15', discharged: '2026-03-07T14:30', admissionType: '1', admissionSource: '1', attending: { name: 'Marcus Oyelaran, MD' }, dischargeDisposition: '06' },
  chart: [
    { id: 'op', type: 'operative-report', author: { name: 'Ines Carvalho, MD', role: 'surgeon' }, created: '2026-03-04T11:40', procedure: { name: 'Laparoscopic cholecystectomy', start: '2026-03-04T09:05', end: '2026-03-04T10:10' }, text: 'Op note' },
    { id: 'cs', type: 'other', title: 'Coding summary', author: { name: 'HIM', role: 'him' }, created: '2026-03-09T09:00', text: 'PDx K80.00 Y; K85.10 Y; E11.9 1; 0FT44ZZ' },
  ],
  steps: [{ id: 's', type: 'abstract' }],
});
const input = v.parse(abstractTask.inputSchema, { codes: { pdx: { code: 'K80.00', poa: 'Y' }, sdx: [{ code: 'K85.10', poa: 'Y' }, { code: 'E119', poa: '1' }], procedures: [{ code: '0FT44ZZ', documentId: 'op' }] }, codingSummaryDocumentId: 'cs' });
const key = computeAbstractKey(input, scenario);

function perfect(): AbstractResponse {
  return { ...key, procedures: key.procedures.map(({ code, date, surgeon }) => ({ code, date, surgeon })) };
}

describe('abstract key (UHDDS U1-U17)', () => {
  test('takes dates, physicians and procedure details from the chart', () => {
    expect(key).toMatchObject({ admitDate: '2026-03-03', admitHour: '02', dischargeDate: '2026-03-07', disposition: '06', attending: 'Marcus Oyelaran, MD', payer: 'Medicare', pdx: 'K8000', operating: ['Ines Carvalho, MD'] });
    expect(key.procedures).toEqual([{ code: '0FT44ZZ', date: '2026-03-04', surgeon: 'Ines Carvalho, MD', documentId: 'op' }]);
    expect(checkAbstractKey(key, scenario, input)).toEqual([]);
  });

  test('a perfect abstract scores full marks and passes every edit', () => {
    const r = scoreAbstract(perfect(), key);
    expect(validateAbstract(perfect())).toEqual([]);
    expect(r.score).toBe(r.maxScore);
  });

  test('partial credit: wrong POA, wrong surgeon, extra code', () => {
    const r = scoreAbstract({ ...perfect(), sdx: [{ code: 'K85.10', poa: 'N' }, { code: 'E11.9', poa: '1' }, { code: 'R10.11', poa: 'Y' }], procedures: [{ code: '0FT44ZZ', date: '2026-03-04', surgeon: 'Marcus Oyelaran' }] }, key);
    expect(r.findings.find((f) => f.subject === 'Other diagnosis K85.10')?.points).toBe(1);
    expect(r.findings.find((f) => f.subject === 'Procedure 0FT44ZZ')?.errorType).toBe('abstract.surgeon');
    expect(r.findings.find((f) => f.errorType === 'abstract.sdx-extra')?.points).toBe(-0.5);
    expect(r.score).toBeLessThan(r.maxScore);
  });

  test('attending names match despite title and order', () => {
    const r = scoreAbstract({ ...perfect(), attending: 'Dr. Marcus Oyelaran' }, key);
    expect(r.findings.find((f) => f.subject === 'Attending physician')?.outcome).toBe('correct');
  });
});

describe('validateAbstract: bad input gets field-level messages', () => {
  test.each<[Partial<AbstractResponse>, string, RegExp]>([
    [{ dischargeDate: '2026-02-30' }, 'dischargeDate', /not a real calendar date/],
    [{ admitDate: '03/03/2026' }, 'admitDate', /not a real calendar date/],
    [{ dischargeDate: '2026-03-01' }, 'dischargeDate', /before admission/],
    [{ dob: '2026-04-01' }, 'dob', /after the admission/],
    [{ admitHour: '25' }, 'admitHour', /00-23/],
    [{ disposition: '99' }, 'disposition', /not a UB-04 discharge status/],
    [{ admissionType: '7' }, 'admissionType', /FL14/],
    [{ pdx: 'K80.00', sdx: [{ code: 'K80.00', poa: 'Y' }] }, 'sdx[0].code', /repeats the principal/],
    [{ pdx: 'O80', dob: '1950-01-01' }, 'pdx', /maternity code \(age 9-64\)/],
    [{ sex: 'M', sdx: [{ code: 'N83.201', poa: 'Y' }] }, 'sdx[0].code', /female-only/],
    [{ pdx: 'banana' }, 'pdx', /not shaped like an ICD-10-CM/],
    [{ sdx: [{ code: 'E11.9', poa: 'X' }] }, 'sdx[0].poa', /must be Y, N, U, W or 1/],
    [{ procedures: [{ code: '0FT44ZZ', date: '2026-03-09', surgeon: 'I. Carvalho' }] }, 'procedures[0].date', /outside the stay/],
    [{ procedures: [{ code: '0FT44ZO', date: '2026-03-04', surgeon: '' }] }, 'procedures[0].code', /ICD-10-PCS/],
    [{ attending: '' }, 'attending', /required/],
  ])('%o -> %s', (change, field, message) => {
    const edits = validateAbstract({ ...perfect(), ...change });
    expect(edits.find((e) => e.field === field)?.message).toMatch(message);
  });

  test('an empty abstract lists required fields and does not throw', () => {
    const fields = validateAbstract(emptyAbstract()).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['dob', 'admitDate', 'dischargeDate', 'disposition', 'attending', 'pdx']));
  });

  test('uses code-set lookups when services provide them', () => {
    const edits = validateAbstract(perfect(), { codeInfo: (code) => ({ display: code, status: code === 'K8000' ? 'invalid' : 'reportable', hint: 'not valid in FY2026' }) });
    expect(edits.find((e) => e.field === 'pdx')?.message).toMatch(/not valid in FY2026/);
  });

  test('a malformed abstract is scored with field-level messages, never thrown', () => {
    const r = abstractTask.score({ pdx: 5, sdx: 'x' } as never, key, scenario, {}, input);
    expect(r.findings.some((f) => f.subject.includes('pdx'))).toBe(true);
    expect(r.findings.some((f) => f.subject.includes('sdx'))).toBe(true);
  });
});
