import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { scenarioSchema, type Scenario } from '../../content/scenarioSchema';
import { expectedAdmissionSource, expectedAdmissionType, type AdmissionFacts } from './admission';
import { adtAdmissionTask, adtDischargeTask, computeAdmissionKey, computeDischargeKey, longestCommonSubsequence, scoreAdmission, scoreDischarge } from './taskTypes';
import { assembleInStandardOrder, findMissingDocuments } from './recordOrder';

const author = { name: 'Dana Whitfield', credentials: 'MD', role: 'attending' };
function scenario(chart: Record<string, unknown>[], encounter: Record<string, unknown> = {}): Scenario {
  return v.parse(scenarioSchema, {
    format: 'him-sim/scenario@1',
    id: 'adt-test',
    module: 'adt',
    title: 't',
    patient: { name: { family: 'Marchetti', given: 'Rosa', middle: 'Lucia' }, mrn: 'SIM-4410287', dob: '1949-03-12', sex: 'F', ssnLast4: '0932', address: { line: '22 Elm St', city: 'Millbrook', state: 'OR', zip: '97438' } },
    encounter: { admitted: '2026-02-02T21:40', discharged: '2026-02-06T11:00', admissionType: '1', admissionSource: '1', attending: { name: 'Dana Whitfield, MD' }, dischargeDisposition: '06', ...encounter },
    chart: chart.map((d, i) => ({ author, created: `2026-02-0${2 + (i % 4)}T1${i % 10}:00`, ...d })),
    steps: [{ id: 's', type: 'adt-discharge' }],
  });
}

const fullChart = [
  { id: 'ds', type: 'discharge-summary', text: 'Disposition: Home with home health (VNA: SN for wound care).\nFollow-up: PCP 1 wk.' },
  { id: 'fs', type: 'face-sheet', author: { name: 'Reg', role: 'registration' }, text: 'Face sheet' },
  { id: 'hp', type: 'history-and-physical', text: 'H&P' },
  { id: 'pn2', type: 'progress-note', created: '2026-02-04T09:00', text: 'HD2' },
  { id: 'pn1', type: 'progress-note', created: '2026-02-03T09:00', text: 'HD1' },
  { id: 'ord', type: 'order', text: 'Admit inpatient. CBC, BMP daily. CXR in AM.' },
  { id: 'lab', type: 'lab', text: 'CBC' },
  { id: 'rad', type: 'radiology', text: 'CXR' },
  { id: 'nn', type: 'nursing-note', author: { name: 'RN', role: 'nurse' }, text: 'Nursing' },
  { id: 'mar', type: 'mar', author: { name: 'RN', role: 'nurse' }, text: 'MAR' },
];

describe('record assembly and missing documents (him-rules.md 2.1)', () => {
  test('standard order puts face sheet, DS, H&P first and progress notes oldest first', () => {
    const order = assembleInStandardOrder(scenario(fullChart).chart);
    expect(order).toEqual(['fs', 'ds', 'hp', 'pn1', 'pn2', 'ord', 'lab', 'rad', 'nn', 'mar']);
  });

  test('a complete record lacks nothing', () => {
    expect(findMissingDocuments(scenario(fullChart))).toEqual([]);
  });

  test.each([
    ['discharge summary', (c: typeof fullChart) => c.filter((d) => d.id !== 'ds'), 'discharge-summary'],
    ['H&P', (c: typeof fullChart) => c.filter((d) => d.id !== 'hp'), 'history-and-physical'],
    ['ordered consult', (c: typeof fullChart) => [...c, { id: 'o2', type: 'order', text: 'Cardiology consult: new AF' }], 'consult'],
    ['surgery without op report', (c: typeof fullChart) => [...c, { id: 'cons', type: 'consent', procedure: { name: 'Laparoscopic cholecystectomy' }, text: 'Consent for laparoscopic cholecystectomy' }], 'operative-report'],
  ])('flags a missing %s', (_label, change, type) => {
    expect(findMissingDocuments(scenario(change(fullChart))).map((m) => m.type)).toContain(type);
  });

  test('an exempted type is not required', () => {
    const chart = fullChart.filter((d) => d.id !== 'mar');
    expect(findMissingDocuments(scenario(chart), [], ['mar'])).toEqual([]);
  });

  test('LCS counts documents in the right relative order', () => {
    expect(longestCommonSubsequence(['a', 'b', 'c', 'd'], ['a', 'c', 'b', 'd'])).toBe(3);
    expect(longestCommonSubsequence([], ['a'])).toBe(0);
  });
});

describe('adt-discharge', () => {
  const s = scenario(fullChart.filter((d) => d.id !== 'mar'));
  const key = computeDischargeKey({ alsoRequired: [], exempt: [] }, s);

  test('key: status 06 with a verbatim quote, order and the missing MAR', () => {
    expect(key.status).toBe('06');
    expect(key.statusEvidence?.quote).toMatch(/VNA/);
    expect(key.missing.map((m) => m.type)).toEqual(['mar']);
    expect(adtDischargeTask.checkAnswer!(key, s, {}, { alsoRequired: [], exempt: [] })).toEqual([]);
  });

  test('perfect response scores full marks', () => {
    const r = scoreDischarge({ status: '06', order: key.order, missing: ['mar'] }, key, s);
    expect(r.score).toBe(r.maxScore);
  });

  test.each([
    ['01', 0, 'adt.status-wrong'],
    ['6', 4, undefined],
    ['99', 0, 'adt.status-unknown-code'],
    ['', 0, 'adt.status-missing'],
  ])('status %s earns %i', (status, points, errorType) => {
    const f = scoreDischarge({ status, order: key.order, missing: ['mar'] }, key, s).findings[0]!;
    expect(f.points).toBe(points);
    expect(f.errorType).toBe(errorType);
  });

  test('scrambled order and wrong missing flags cost points; unknown ids are ignored', () => {
    const r = scoreDischarge({ status: '06', order: [...key.order].reverse().concat('nope'), missing: ['hp'] }, key, s);
    const assembly = r.findings.find((f) => f.subject === 'Record assembly')!;
    expect(assembly.points).toBeLessThan(1);
    expect(r.findings.some((f) => f.errorType === 'adt.missing-document-false')).toBe(true);
    expect(r.findings.some((f) => f.errorType === 'adt.missing-document-missed')).toBe(true);
  });

  test('the computed status must agree with the encounter', () => {
    const wrong = scenario(fullChart, { dischargeDisposition: '01' });
    expect(adtDischargeTask.checkAnswer!(computeDischargeKey({ alsoRequired: [], exempt: [] }, wrong), wrong, {}, { alsoRequired: [], exempt: [] })[0]?.message).toMatch(/gives 06/);
  });

  test('malformed response does not throw', () => {
    expect(adtDischargeTask.score({ status: 6 } as never, key, s, {}, { alsoRequired: [], exempt: [] }).findings[0]!.errorType).toBe('response.malformed');
  });
});

describe('adt-admission', () => {
  const facts: AdmissionFacts = { arrival: 'emergency-department', inpatientOrder: '2026-02-02T21:40', traumaActivation: false, urgent: false, newborn: false, attendingPerOrder: 'Dana Whitfield, MD', payerVerified: 'Medicare Part A', evidence: {} };
  const sheet = {
    family: 'Marchetti', given: 'Rose', mrn: 'SIM-4410287', dob: '1949-12-03', sex: 'F', addressLine: '22 Elm St', city: 'Millbrook', state: 'OR', zip: '97438', phone: '541-555-0199',
    race: 'White', ethnicity: '', emergencyContact: 'Paolo Marchetti (son) 541-555-0123', payer: 'Medicare Part A', subscriberId: '1EG4-TE5-MK73', guarantor: 'Self',
    admitted: '2026-02-02T18:55', admissionType: '3', admissionSource: '2', attending: 'Dr. Dana Whitfield', admittingDiagnosis: 'Cellulitis L leg',
  };
  const s = scenario(fullChart);
  const key = computeAdmissionKey({ faceSheet: sheet, facts }, s);

  test.each<[Partial<AdmissionFacts>, string, string]>([
    [{ arrival: 'emergency-department' }, '1', '1'],
    [{ arrival: 'emergency-department', traumaActivation: true }, '5', '1'],
    [{ arrival: 'scheduled', bookedHoursAhead: 72 }, '3', '1'],
    [{ arrival: 'scheduled', bookedHoursAhead: 6 }, '2', '1'],
    [{ arrival: 'direct-from-clinic' }, '2', '2'],
    [{ arrival: 'transfer-from-hospital' }, '1', '4'],
    [{ arrival: 'transfer-from-snf', urgent: true }, '2', '5'],
    [{ arrival: 'law-enforcement' }, '1', '8'],
    [{ arrival: 'emergency-department', newborn: true }, '4', '1'],
  ])('FL14/FL15 for %o', (change, type, source) => {
    const f = { ...facts, ...change };
    expect([expectedAdmissionType(f), expectedAdmissionSource(f)]).toEqual([type, source]);
  });

  test('finds the planted problems and nothing else', () => {
    expect(key.issues.map((i) => `${i.field}:${i.status}`)).toEqual([
      'given:conflict',
      'dob:conflict',
      'ethnicity:missing',
      'admitted:conflict',
      'admissionType:wrong-code',
      'admissionSource:wrong-code',
    ]);
    expect(key.issues.find((i) => i.field === 'dob')?.reason).toMatch(/transposition/);
  });

  test('bad input gets field-level messages', () => {
    const bad = computeAdmissionKey({ faceSheet: { ...sheet, dob: '1949-02-30', admitted: '2026-13-01T10:00', admissionType: '7', zip: 'ABCDE' }, facts }, s);
    const by = Object.fromEntries(bad.issues.map((i) => [i.field, i.reason]));
    expect(by.dob).toMatch(/not a real date/);
    expect(by.admitted).toMatch(/not a real date/);
    expect(by.admissionType).toMatch(/not a UB-04 FL14 code/);
    expect(by.zip).toMatch(/not a ZIP/);
  });

  test('scoring: right flags and corrections score; false flags cost', () => {
    const fields = Object.fromEntries(key.issues.map((i) => [i.field, { status: i.status, correction: i.expected }]));
    const perfect = scoreAdmission({ fields }, key);
    expect(perfect.score).toBe(perfect.maxScore);
    const sloppy = scoreAdmission({ fields: { ...fields, admissionType: { status: 'wrong-code', correction: '2' }, phone: { status: 'conflict' } } }, key);
    expect(sloppy.findings.find((f) => f.subject.startsWith('Type'))?.points).toBe(1);
    expect(sloppy.findings.find((f) => f.errorType === 'adt.false-flag')?.points).toBe(-0.5);
  });

  test('a minor as own guarantor and Medicare under 65 are flagged', () => {
    const young = scenario(fullChart);
    young.patient.dob = '2012-05-05';
    const k = computeAdmissionKey({ faceSheet: { ...sheet, dob: '2012-05-05', guarantor: 'Self' }, facts }, young);
    expect(k.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['guarantor', 'payer']));
  });

  test('malformed response does not throw', () => {
    expect(adtAdmissionTask.score({ fields: 3 } as never, key, s, {}, { faceSheet: sheet, facts }).findings[0]!.errorType).toBe('response.malformed');
  });
});
