import { describe, expect, test } from 'vitest';
import type { ChartDocument } from '../../content/scenarioSchema';
import { dispositionSection, isKnownStatus, statusFamily, statusFromNarrative } from './dischargeStatus';

const ds = (text: string, id = 'ds'): ChartDocument => ({ id, type: 'discharge-summary', author: { name: 'A. Doc', role: 'attending' }, created: '2026-01-19T12:00', text });

describe('statusFromNarrative (him-rules.md 3.3)', () => {
  test.each([
    ['Disposition: Home with home health (VNA for SN and PT).', '06'],
    ['Disposition: Home. Declined home health; daughter will assist.', '01'],
    ['Disposition: Discharged to Maple Grove SNF for short-term rehab.', '03'],
    ['Disposition: Patient left AMA at 14:20 after signing the AMA form.', '07'],
    ['Hospital course: declined rapidly.\nDisposition: Patient expired 01/19 03:12; time of death pronounced by Dr. Lee.', '20'],
    ['Disposition: Home with hospice (Larkspur Valley Hospice to admit tomorrow).', '50'],
    ['Disposition: Transferred to Cedar House inpatient hospice unit.', '51'],
    ['Disposition: Transferred to St. Brigid Medical Center for emergent CABG.', '02'],
    ['Disposition: Acute inpatient rehab at Larkspur Rehabilitation Institute.', '62'],
    ['Disposition: LTACH (Mill Creek Specialty Hospital) for vent weaning.', '63'],
    ['Disposition: Transfer to inpatient psychiatry, Harlow Behavioral Health Hospital.', '65'],
    ['Disposition: SNF was recommended but patient declined; discharged home with outpatient PT.', '01'],
    ['Disposition: Assisted living facility (Sunrise Terrace), return to her apartment there.', '04'],
    ['Disposition: Home with home O2 2 L via DME vendor.', '01'],
    ['Disposition: Home. Planned readmission 02/03 for scheduled surgery.', '81'],
    ['Disposition: Released to police custody (county detention).', '21'],
    ['Disposition: Transferred to the VA medical center in Portland.', '43'],
  ])('%s -> %s', (text, expected) => {
    expect(statusFromNarrative([ds(text)]).status).toBe(expected);
  });

  test('quotes the clause it used verbatim', () => {
    const text = 'Course: stable.\nDisposition: Home with home health (VNA for SN and PT).\nFollow-up: PCP 1 week.';
    const r = statusFromNarrative([ds(text)]);
    expect(text).toContain(r.quote);
    expect(r.quote).toMatch(/VNA/);
    expect(r.explanation).toMatch(/organised home health/);
  });

  test('uses the latest discharge summary', () => {
    const old = { ...ds('Disposition: Home.', 'ds1'), created: '2026-01-18T10:00' };
    const addendum = { ...ds('Disposition: SNF (Maple Grove).', 'ds2'), created: '2026-01-19T10:00' };
    expect(statusFromNarrative([addendum, old]).documentId).toBe('ds2');
  });

  test('no discharge summary gives an empty status, not an exception', () => {
    expect(statusFromNarrative([]).status).toBe('');
  });

  test('dispositionSection stops at the next heading', () => {
    expect(dispositionSection('A: x\nDisposition: home\nwith VNA\nFollow-up: PCP')).toBe('Disposition: home\nwith VNA');
  });

  test.each([
    ['50', '51', true],
    ['03', '64', true],
    ['01', '06', false],
  ])('statusFamily %s/%s same=%s', (a, b, same) => expect(statusFamily(a) === statusFamily(b)).toBe(same));

  test.each([
    ['06', true],
    ['86', true],
    ['99', false],
    ['6', false],
  ])('isKnownStatus(%s) = %s', (code, ok) => expect(isKnownStatus(code)).toBe(ok));
});
