import { describe, expect, test } from 'vitest';
import { analyseRecord, chartAsOf } from './deficiencyEngine';
import { statesFinalDiagnoses, type Deficiency } from './deficiencyRules';
import { ATTENDING, buildScenario, type RawDocument } from './scenarioFactory';
import { describeMinutes, minutesBetween } from './clock';
import { resolvePolicy } from './policy';

// Admitted 2026-03-01T10:00, discharged 2026-03-05T12:00 (4 days 2 h) unless a test says otherwise.
const REVIEW = '2026-03-10T09:00';
const DS_TEXT = 'Discharge Summary\nFinal diagnoses:\n1. CAP, RLL\n2. COPD\nDisposition: home.';
const hp = (over: Partial<RawDocument> = {}): RawDocument => ({ id: 'hp', type: 'history-and-physical', created: '2026-03-01T14:00', signed: '2026-03-01T15:00', ...over });
const ds = (over: Partial<RawDocument> = {}): RawDocument => ({ id: 'ds', type: 'discharge-summary', created: '2026-03-05T12:30', signed: '2026-03-05T13:00', text: DS_TEXT, ...over });

function deficienciesOf(documents: RawDocument[], encounter?: Record<string, unknown>, reviewDate = REVIEW, policy?: Record<string, unknown>): Deficiency[] {
  return analyseRecord(buildScenario({ documents, encounter }), { reviewDate, policy }).deficiencies;
}
const brief = (d: Deficiency) => `${d.target} ${d.type} ${d.provider}`;

describe('a clean record', () => {
  test('has no deficiencies and is complete', () => {
    const analysis = analyseRecord(buildScenario({ documents: [hp(), ds()] }), { reviewDate: REVIEW });
    expect(analysis.deficiencies).toEqual([]);
    expect(analysis.status).toBe('complete');
  });
});

describe('HP-TIMING / HP-UPDATE / HP-PRESENT (42 CFR 482.22(c)(5))', () => {
  test.each([
    ['created 23:59 after admission', [hp({ created: '2026-03-02T09:59', signed: '2026-03-02T10:30' })], []],
    ['created exactly 24:00 after admission', [hp({ created: '2026-03-02T10:00', signed: '2026-03-02T10:30' })], []],
    ['created 24:01 after admission', [hp({ created: '2026-03-02T10:01', signed: '2026-03-02T10:30' })], ['hp HP-AGE ' + ATTENDING]],
    ['30 days before, updated 23:59 after admission', [hp({ created: '2026-01-30T10:00', signed: '2026-01-30T10:00' }), { id: 'upd', type: 'hp-update', created: '2026-03-02T09:59', signed: '2026-03-02T09:59' }], []],
    ['30 days before, update 24:01 after admission', [hp({ created: '2026-01-30T10:00', signed: '2026-01-30T10:00' }), { id: 'upd', type: 'hp-update', created: '2026-03-02T10:01', signed: '2026-03-02T10:01' }], ['hp HP-AGE ' + ATTENDING]],
    ['30 days before, no update', [hp({ created: '2026-01-30T10:00', signed: '2026-01-30T10:00' })], ['hp HP-AGE ' + ATTENDING]],
    ['30 days 1 min before', [hp({ created: '2026-01-30T09:59', signed: '2026-01-30T10:00' }), { id: 'upd', type: 'hp-update', created: '2026-03-01T12:00', signed: '2026-03-01T12:00' }], ['hp HP-AGE ' + ATTENDING]],
    ['no H&P at all', [], ['missing:history-and-physical DICT ' + ATTENDING]],
  ])('%s', (_label, documents, expected) => {
    expect(deficienciesOf([...documents, ds()]).map(brief)).toEqual(expected);
  });

  test('an H&P signed after midnight but created within 24 h is on time', () => {
    expect(deficienciesOf([hp({ created: '2026-03-01T23:20', signed: '2026-03-02T00:35' }), ds()])).toEqual([]);
  });

  test('explains the arithmetic', () => {
    const [d] = deficienciesOf([hp({ created: '2026-03-02T10:01', signed: '2026-03-02T10:30' }), ds()]);
    expect(d?.explanation).toContain('1 day 1 min after admission');
    expect(d?.kind).toBe('late');
    expect(d?.citation.section).toContain('482.22(c)(5)(i)');
  });

  test('outpatient encounters without surgery need no H&P', () => {
    expect(deficienciesOf([{ id: 'fs', type: 'face-sheet', created: '2026-03-01T09:00', author: { name: 'Reg', role: 'registration' } }], { class: 'outpatient' })).toEqual([]);
  });
});

const surgery = (over: Record<string, unknown> = {}) => ({
  procedures: [
    { id: 'chole', name: 'Laparoscopic cholecystectomy', kind: 'surgical', start: '2026-03-02T08:00', end: '2026-03-02T09:30', performedBy: 'Anika Brandt', anesthesia: 'general', anesthesiologist: 'Lev Okonkwo', ...over },
  ],
});
const consent = (over: Partial<RawDocument> = {}): RawDocument => ({ id: 'consent', type: 'consent', created: '2026-03-01T16:00', signed: '2026-03-01T16:10', procedure: { name: 'Laparoscopic cholecystectomy', ref: 'chole' }, ...over });
const opReport = (over: Partial<RawDocument> = {}): RawDocument => ({ id: 'op', type: 'operative-report', author: { name: 'Anika Brandt', role: 'surgeon' }, created: '2026-03-02T09:50', signed: '2026-03-02T10:00', procedure: { name: 'Laparoscopic cholecystectomy', ref: 'chole' }, ...over });
const anesthesia = (pre = '2026-03-02T07:00', post = '2026-03-02T10:30'): RawDocument => ({ id: 'anes', type: 'anesthesia-record', author: { name: 'Lev Okonkwo', role: 'anesthesiologist' }, created: '2026-03-02T07:00', signed: '2026-03-02T11:00', procedure: { name: 'Laparoscopic cholecystectomy', ref: 'chole' }, anesthesia: { preEvaluation: pre, postEvaluation: post } });
const surgicalChart = (...over: RawDocument[]) => {
  const base = [hp(), ds(), consent(), opReport(), anesthesia()];
  return [...base.filter((b) => !over.some((o) => o.id === b.id)), ...over];
};

describe('surgery: consent, op report, anesthesia, H&P before surgery (42 CFR 482.51(b), 482.52(b))', () => {
  test('a clean surgical chart has no deficiencies', () => {
    expect(deficienciesOf(surgicalChart(), surgery())).toEqual([]);
  });
  test.each([
    ['consent signed 1 min before incision', [consent({ signed: '2026-03-02T07:59' })], {}, []],
    ['consent signed at incision', [consent({ signed: '2026-03-02T08:00' })], {}, []],
    ['consent signed 1 min after incision', [consent({ signed: '2026-03-02T08:01' })], {}, ['consent CONS Anika Brandt']],
    ['consent unsigned', [consent({ signed: undefined })], {}, ['consent CONS Anika Brandt']],
    ['emergency surgery with consent after', [consent({ signed: '2026-03-02T10:00' })], { emergency: true }, []],
    ['op report 60 min after', [opReport({ created: '2026-03-02T10:30', signed: '2026-03-02T10:40' })], {}, []],
    ['op report 61 min after, no brief note', [opReport({ created: '2026-03-02T10:31', signed: '2026-03-02T10:40' })], {}, ['op DICT Anika Brandt']],
    [
      'op report next day with a brief note at 09:45',
      [opReport({ created: '2026-03-03T09:29', signed: '2026-03-03T09:40' }), { id: 'bon', type: 'brief-op-note', author: { name: 'Anika Brandt', role: 'surgeon' }, created: '2026-03-02T09:45', signed: '2026-03-02T09:46', procedure: { name: 'Laparoscopic cholecystectomy', ref: 'chole' } }],
      {},
      [],
    ],
    [
      'op report 24:01 after, even with a brief note',
      [opReport({ created: '2026-03-03T09:31', signed: '2026-03-03T09:40' }), { id: 'bon', type: 'brief-op-note', author: { name: 'Anika Brandt', role: 'surgeon' }, created: '2026-03-02T09:45', signed: '2026-03-02T09:46', procedure: { name: 'Laparoscopic cholecystectomy', ref: 'chole' } }],
      {},
      ['op DICT Anika Brandt'],
    ],
    ['pre-anesthesia eval 48:01 before', [anesthesia('2026-02-28T07:59')], {}, ['anes ANES Lev Okonkwo']],
    ['pre-anesthesia eval 48:00 before', [anesthesia('2026-02-28T08:00')], {}, []],
    ['post-anesthesia eval 48:01 after', [anesthesia(undefined, '2026-03-04T09:31')], {}, ['anes ANES Lev Okonkwo']],
    ['H&P written after incision', [hp({ created: '2026-03-02T09:00', signed: '2026-03-02T09:05' })], {}, ['hp HP-AGE ' + ATTENDING]],
  ])('%s', (_label, docs, procedureOver, expected) => {
    expect(deficienciesOf(surgicalChart(...docs), surgery(procedureOver)).map(brief)).toEqual(expected);
  });

  test.each([
    ['consent', 'missing:consent CONS Anika Brandt'],
    ['op', 'missing:operative-report DICT Anika Brandt'],
    ['anes', 'missing:anesthesia-record ANES Lev Okonkwo'],
  ])('missing %s is flagged as a missing document', (id, expected) => {
    const chart = surgicalChart().filter((d) => d.id !== id);
    expect(deficienciesOf(chart, surgery()).map(brief)).toEqual([expected]);
  });

  test('a prior-visit H&P with no update before surgery fails both the update and the pre-op rule, as one slip line', () => {
    const docs = surgicalChart(hp({ created: '2026-02-20T10:00', signed: '2026-02-20T10:00' }));
    const found = deficienciesOf(docs, surgery());
    expect(found.map(brief)).toEqual(['hp HP-AGE ' + ATTENDING]);
    expect(found[0]?.explanation).toMatch(/no update note/);
    expect(found[0]?.explanation).toMatch(/before surgery/);
  });

  test('bedside procedures need a procedure note; deliveries a delivery note', () => {
    const enc = {
      procedures: [
        { id: 'para', name: 'Paracentesis', kind: 'invasive', start: '2026-03-02T08:00', end: '2026-03-02T08:30', performedBy: 'Ivo Tran', anesthesia: 'local' },
        { id: 'svd', name: 'Spontaneous vaginal delivery', kind: 'delivery', start: '2026-03-02T11:00', end: '2026-03-02T11:40', performedBy: 'Mara Quist' },
      ],
    };
    const consentPara = consent({ procedure: { name: 'Paracentesis', ref: 'para' } });
    expect(deficienciesOf([hp(), ds(), consentPara], enc).map(brief)).toEqual(['missing:procedure-note DICT Ivo Tran', 'missing:delivery-note DICT Mara Quist']);
  });
});

describe('discharge summary and final diagnoses (42 CFR 482.24(c)(4)(vii)-(viii))', () => {
  test.each([
    ['stay 47:59, final progress note', '2026-03-03T09:59', [{ id: 'fpn', type: 'progress-note', title: 'Final progress note', created: '2026-03-03T09:00', signed: '2026-03-03T09:10', text: 'Final progress note.\nDischarge diagnoses: syncope, vasovagal.' }], []],
    ['stay 48:00, final progress note only', '2026-03-03T10:00', [{ id: 'fpn', type: 'progress-note', title: 'Final progress note', created: '2026-03-03T09:00', signed: '2026-03-03T09:10', text: 'Final progress note.\nDischarge diagnoses: syncope, vasovagal.' }], ['missing:discharge-summary DICT ' + ATTENDING]],
    ['stay 47:59, ordinary progress note only', '2026-03-03T09:59', [{ id: 'pn', type: 'progress-note', created: '2026-03-03T09:00', signed: '2026-03-03T09:10', text: 'Feels better.' }], ['missing:discharge-summary DICT ' + ATTENDING]],
    ['long stay, DS with "Final diagnoses: pending"', '2026-03-05T12:00', [ds({ text: 'Final diagnoses: pending path\n\nDisposition: home' })], ['ds DX ' + ATTENDING]],
    ['long stay, DS with no diagnosis section', '2026-03-05T12:00', [ds({ text: 'Hospital course: uneventful.' })], ['ds DX ' + ATTENDING]],
  ])('%s', (_label, discharged, docs, expected) => {
    expect(deficienciesOf([hp(), ...docs], { discharged }).map(brief)).toEqual(expected);
  });

  test.each([
    ['Final diagnoses:\n1. Sepsis due to E. coli UTI', true],
    ['DISCHARGE DIAGNOSES: CHF exacerbation', true],
    ['**Principal diagnosis:** NSTEMI', true],
    ['Final diagnosis: see H&P', false],
    ['Final Dx: TBD', false],
    ['Discharge diagnoses:\n\nFollow-up: PCP 1 wk', false],
    ['no heading at all', false],
  ])('statesFinalDiagnoses(%j) = %s', (text, expected) => {
    expect(statesFinalDiagnoses(text)).toBe(expected);
  });
});

describe('authentication: SIG, DT, COSIG, VO (42 CFR 482.24(c)(1)-(2))', () => {
  const vo = (over: Partial<RawDocument> = {}): RawDocument => ({
    id: 'vo',
    type: 'order',
    author: { name: 'Caleb Ferreira', role: 'attending' },
    created: '2026-03-02T02:40',
    order: { mode: 'telephone', readBack: true, receivedBy: 'K. Lindqvist, RN' },
    ...over,
  });
  test.each([
    ['VO signed 47:59 later', [vo({ signed: '2026-03-04T02:39' })], REVIEW, []],
    ['VO signed 48:00 later', [vo({ signed: '2026-03-04T02:40' })], REVIEW, []],
    ['VO signed 48:01 later', [vo({ signed: '2026-03-04T02:41' })], REVIEW, ['vo VO Caleb Ferreira']],
    ['VO unsigned, review 48:00 after it', [vo({ created: '2026-03-05T09:00' })], '2026-03-07T09:00', ['vo SIG Caleb Ferreira']],
    ['VO unsigned, review 48:01 after it', [vo({ created: '2026-03-05T09:00' })], '2026-03-07T09:01', ['vo VO Caleb Ferreira']],
    ['VO unsigned, review past the window', [vo()], REVIEW, ['vo VO Caleb Ferreira']],
    ['VO signed after the review date counts as unsigned', [vo({ signed: '2026-03-11T08:00' })], REVIEW, ['vo VO Caleb Ferreira']],
    ['unsigned progress note', [{ id: 'pn', type: 'progress-note', created: '2026-03-02T10:00' }], REVIEW, ['pn SIG ' + ATTENDING]],
    ['unsigned lab (system result)', [{ id: 'lab', type: 'lab', created: '2026-03-02T10:00', author: { name: 'LIS', role: 'technologist' } }], REVIEW, []],
    ['signature without time', [{ id: 'pn', type: 'progress-note', created: '2026-03-02T10:00', signed: '2026-03-02T10:00', authentication: { timed: false } }], REVIEW, ['pn DT ' + ATTENDING]],
    ['resident note not co-signed', [{ id: 'pn', type: 'progress-note', created: '2026-03-02T10:00', signed: '2026-03-02T10:05', author: { name: 'Jo Park', role: 'resident' } }], REVIEW, ['pn COSIG ' + ATTENDING]],
    ['resident note co-signed', [{ id: 'pn', type: 'progress-note', created: '2026-03-02T10:00', signed: '2026-03-02T10:05', author: { name: 'Jo Park', role: 'resident' }, cosigner: { name: 'Ola Berg', role: 'attending' }, cosigned: '2026-03-03T08:00' }], REVIEW, []],
    ['resident note co-signed after review', [{ id: 'pn', type: 'progress-note', created: '2026-03-02T10:00', signed: '2026-03-02T10:05', author: { name: 'Jo Park', role: 'resident' }, cosigner: { name: 'Ola Berg', role: 'attending' }, cosigned: '2026-03-12T08:00' }], REVIEW, ['pn COSIG Ola Berg']],
    ['NP note with cosignRequired', [{ id: 'pn', type: 'progress-note', created: '2026-03-02T10:00', signed: '2026-03-02T10:05', author: { name: 'Lee Fox', role: 'nurse-practitioner' }, cosignRequired: true }], REVIEW, ['pn COSIG ' + ATTENDING]],
  ])('%s', (_label, docs, reviewDate, expected) => {
    expect(deficienciesOf([hp(), ds(), ...docs], undefined, reviewDate).map(brief)).toEqual(expected);
  });

  test('a 72 h verbal-order policy accepts a 48:01 signature', () => {
    expect(deficienciesOf([hp(), ds(), vo({ signed: '2026-03-04T02:41' })], undefined, REVIEW, { verbalOrderHours: 72 })).toEqual([]);
  });
});

describe('record status (42 CFR 482.24(c)(4)(viii))', () => {
  // Discharged 2026-03-05T12:00: the 30-day deadline is 2026-04-04T12:00.
  test.each([
    ['open deficiency, 29 d 23:59 after discharge', [hp(), ds({ signed: undefined })], '2026-04-04T11:59', 'incomplete'],
    ['open deficiency, exactly 30 days', [hp(), ds({ signed: undefined })], '2026-04-04T12:00', 'incomplete'],
    ['open deficiency, 30 days 1 min', [hp(), ds({ signed: undefined })], '2026-04-04T12:01', 'delinquent'],
    ['only a late (already completed) deficiency', [hp({ created: '2026-03-02T11:00', signed: '2026-03-02T11:00' }), ds()], '2026-04-20T12:00', 'complete'],
    ['nothing wrong, long after', [hp(), ds()], '2026-06-01T08:00', 'complete'],
  ])('%s', (_label, docs, reviewDate, expected) => {
    expect(analyseRecord(buildScenario({ documents: docs }), { reviewDate }).status).toBe(expected);
  });
});

describe('helpers', () => {
  test('chartAsOf drops entries created after the review and signatures dated after it', () => {
    const s = buildScenario({ documents: [hp(), ds({ signed: '2026-03-20T10:00' }), { id: 'late', type: 'progress-note', created: '2026-03-21T10:00' }] });
    const chart = chartAsOf(s.chart, '2026-03-15T00:00');
    expect(chart.map((d) => d.id)).toEqual(['hp', 'ds']);
    expect(chart.find((d) => d.id === 'ds')?.signed).toBeUndefined();
  });
  test.each([
    ['2026-03-01T10:00', '2026-03-02T09:59', 1439, '23 h 59 min'],
    ['2026-03-01T10:00', '2026-03-02T10:01', 1441, '1 day 1 min'],
    ['2026-02-28T23:00', '2026-03-01T01:00', 120, '2 h'],
  ])('minutesBetween(%s, %s) = %i (%s)', (a, b, minutes, text) => {
    expect(minutesBetween(a, b)).toBe(minutes);
    expect(describeMinutes(minutes)).toBe(text);
  });
  test('policy overrides keep the other defaults', () => {
    const p = resolvePolicy({ verbalOrderHours: 24 });
    expect(p.verbalOrderHours).toBe(24);
    expect(p.completionDays).toBe(30);
  });
});
