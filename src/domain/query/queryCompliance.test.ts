import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { queryInputSchema, runQueryChecks, type QueryCheckId, type QueryDraft } from './queryCompliance';
import { amendChart, chartWithAnsweredQueries, providerOutcome, queryResponseDocument } from './providerResponse';
import { physicianQueryTask, scoreQuery } from './physicianQueryTask';
import { buildScenario } from '../completeness/scenarioFactory';

const scenario = buildScenario({
  documents: [
    { id: 'echo', type: 'radiology', author: { name: 'Hal Brook', role: 'consultant' }, created: '2026-03-02T09:00', signed: '2026-03-02T09:30', text: 'TTE: LVEF 55-60%, grade II diastolic dysfunction.' },
    { id: 'pn', type: 'progress-note', author: { name: 'Ines Marlow', role: 'attending' }, created: '2026-03-02T11:00', signed: '2026-03-02T11:10', text: 'CHF exac. BNP 1,840. Lasix 40 IV BID.' },
  ],
});

const input = v.parse(queryInputSchema, {
  topic: 'Heart failure type and acuity',
  purpose: 'specificity',
  provider: { name: 'Ines Marlow', credentials: 'MD' },
  indicators: [
    { id: 'ef', label: 'LVEF 55-60% with grade II diastolic dysfunction', match: ['55-60', 'diastolic dysfunction'], evidence: { documentId: 'echo', quote: 'LVEF 55-60%' } },
    { id: 'bnp', label: 'BNP 1,840', match: ['1,840', '1840'], evidence: { documentId: 'pn', quote: 'BNP 1,840' } },
    { id: 'iv', label: 'IV furosemide 40 mg BID', match: ['IV BID', 'IV furosemide', 'IV Lasix'], evidence: { documentId: 'pn', quote: 'Lasix 40 IV BID' } },
  ],
  options: [
    { id: 'acdhf', label: 'Acute on chronic diastolic heart failure', match: ['acute on chronic diastolic', 'acute on chronic HFpEF'], supported: true, providerChooses: true },
    { id: 'chronic-d', label: 'Chronic diastolic heart failure', match: ['chronic diastolic'], supported: true },
    { id: 'systolic', label: 'Acute systolic heart failure', match: ['systolic'], supported: false, explanation: 'EF is preserved' },
  ],
  providerDocumentation: 'Acute on chronic diastolic (HFpEF) heart failure exacerbation.',
});

const good: QueryDraft = {
  addressee: 'Dr. Ines Marlow',
  format: 'multiple-choice',
  body: 'Clinical indicators: TTE 3/2 LVEF 55-60%, grade II diastolic dysfunction; BNP 1,840; treated with Lasix 40 mg IV BID. Progress note documents "CHF exac". Based on your clinical judgment, please clarify the type and acuity of the heart failure being treated:',
  options: ['Acute on chronic diastolic heart failure', 'Chronic diastolic heart failure only', 'Other (please specify)', 'Clinically undetermined'],
};
const failing = (draft: QueryDraft): QueryCheckId[] => runQueryChecks(draft, input).filter((c) => !c.passed).map((c) => c.id);

describe('compliance checks (him-rules.md 5)', () => {
  test('a compliant multiple-choice query passes every check', () => {
    expect(failing(good)).toEqual([]);
    expect(scoreQuery(good, input).score).toBe(7);
  });

  test.each<[string, Partial<QueryDraft>, QueryCheckId[]]>([
    ['addressed to the wrong provider', { addressee: 'Hal Brook' }, ['addressee']],
    ['only one indicator', { body: 'BNP 1,840. Please clarify the type and acuity of heart failure?' }, ['indicators']],
    ['"please document that"', { body: `${good.body} Please document that the patient has acute on chronic diastolic HF.` }, ['not-leading']],
    ['"would you agree"', { body: `${good.body} Would you agree this is acute?` }, ['not-leading']],
    ['"appears to have"', { body: `${good.body} The patient appears to have acute HF.` }, ['not-leading']],
    ['a quoted record phrase is not leading', { body: `${good.body} Echo read: "appears to be mild".` }, []],
    ['mentions the DRG', { body: `${good.body} This affects the DRG.` }, ['no-financial']],
    ['mentions an MCC', { body: `${good.body} Acute HF is an MCC.` }, ['no-financial']],
    ['mentions reimbursement', { body: `${good.body} for appropriate reimbursement` }, ['no-financial']],
    ['"cc" as a volume is fine', { body: `${good.body} UOP 300 cc overnight.` }, []],
    ['"CC:" as chief complaint is fine', { body: `CC: SOB. ${good.body}` }, []],
    ['no "Other" option', { options: ['Acute on chronic diastolic heart failure', 'Clinically undetermined'] }, ['options']],
    ['no "Clinically undetermined" option', { options: ['Acute on chronic diastolic heart failure', 'Other'] }, ['options']],
    ['an unsupported option', { options: ['Acute systolic heart failure', 'Acute on chronic diastolic heart failure', 'Other', 'Clinically undetermined'] }, ['options']],
    ['an unknown option', { options: ['Pulmonary embolism', 'Acute on chronic diastolic heart failure', 'Other', 'Unable to determine'] }, ['options']],
    ['yes/no for specificity', { format: 'yes-no', options: [] }, ['format']],
    ['no format chosen', { format: '' }, ['format']],
    ['open-ended naming an unsupported diagnosis', { format: 'open-ended', options: [], body: `${good.body} Could this be systolic failure?` }, ['not-leading']],
    ['no question', { format: 'open-ended', options: [], body: 'Indicators: LVEF 55-60%, BNP 1,840, IV furosemide.' }, ['asks-question']],
  ])('%s', (_label, change, expected) => {
    expect(failing({ ...good, ...change })).toEqual(expected);
  });

  test('yes/no is allowed for POA', () => {
    const poa = { ...input, purpose: 'poa' as const };
    expect(runQueryChecks({ ...good, format: 'yes-no', options: [] }, poa).find((c) => c.id === 'format')?.passed).toBe(true);
  });

  test('indicator credit is proportional and names the indicators not cited', () => {
    const checks = runQueryChecks({ ...good, body: 'BNP 1,840. Please clarify the type of heart failure?' }, input);
    const indicators = checks.find((c) => c.id === 'indicators')!;
    expect(indicators.credit).toBe(0.5);
    expect(indicators.reason).toContain('LVEF 55-60% with grade II diastolic dysfunction');
    expect(indicators.citation.section).toContain('Q-REQ-2');
  });
});

describe('provider response', () => {
  test.each<[string, Partial<QueryDraft>, string, RegExp]>([
    ['the chosen option offered', {}, 'answered', /\[X\] Acute on chronic diastolic heart failure/],
    ['chosen option missing: answers under Other', { options: ['Chronic diastolic heart failure', 'Other', 'Clinically undetermined'] }, 'answered', /\[X\] Other: Acute on chronic diastolic/],
    ['open-ended', { format: 'open-ended', options: [] }, 'answered', /^Acute on chronic diastolic \(HFpEF\)/],
    ['leading: stopped', { body: `${good.body} Please document that it is acute.` }, 'returned', /.*/],
    ['wrong addressee', { addressee: 'Hal Brook' }, 'misdirected', /.*/],
  ])('%s', (_label, change, kind, answer) => {
    const outcome = providerOutcome({ ...good, ...change }, input);
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'answered') expect(outcome.answer).toMatch(answer);
  });

  test('the answered query amends the chart with a signed query-response document', () => {
    const doc = queryResponseDocument(good, input, scenario, 'query');
    expect(doc).toMatchObject({ id: 'query-response-query', type: 'query-response', signed: scenario.encounter.discharged, author: { name: 'Ines Marlow' } });
    expect(doc?.text).toContain('PROVIDER RESPONSE:');
    const amended = amendChart(scenario, doc);
    expect(amended.chart).toHaveLength(3);
    expect(amendChart(amended, doc).chart).toHaveLength(3);
    expect(queryResponseDocument({ ...good, addressee: 'x' }, input, scenario, 'query')).toBeUndefined();
  });
});

describe('task type', () => {
  test('authoring check finds a non-verbatim indicator quote', () => {
    const bad = { ...input, indicators: [{ ...input.indicators[0]!, evidence: { documentId: 'echo', quote: 'EF 60%' } }] };
    expect(physicianQueryTask.checkAnswer!(physicianQueryTask.computeKey!(bad, scenario, {}), scenario, {}, bad).map((p) => p.message)).toEqual([
      'input.indicators[0].evidence.quote "EF 60%" is not a verbatim excerpt of echo',
    ]);
  });
  test('a draft is complete only with addressee, format and a body', () => {
    expect(physicianQueryTask.isResponseComplete(physicianQueryTask.emptyResponse(input, scenario), input)).toBe(false);
    expect(physicianQueryTask.isResponseComplete(good, input)).toBe(true);
  });
  test('the schema insists on exactly one provider answer', () => {
    const raw = { ...input, options: input.options.map((o) => ({ ...o, providerChooses: false })) };
    expect(v.safeParse(queryInputSchema, raw).success).toBe(false);
  });
});

describe('chartWithAnsweredQueries', () => {
  const withSteps = { ...scenario, steps: [{ id: 'q', type: 'physician-query', input }, { id: 'code', type: 'coding' }] };
  test('files the answer of a submitted query step, and only then', () => {
    expect(chartWithAnsweredQueries(withSteps, { q: good }, []).chart).toHaveLength(2);
    const amended = chartWithAnsweredQueries(withSteps, { q: good }, ['q']);
    expect(amended.chart.map((d) => d.id)).toEqual(['echo', 'pn', 'query-response-q']);
    expect(chartWithAnsweredQueries(withSteps, { q: { ...good, body: `${good.body} DRG` } }, ['q']).chart).toHaveLength(2);
    expect(chartWithAnsweredQueries(withSteps, { q: 'garbage' }, ['q']).chart).toHaveLength(2);
  });
});
