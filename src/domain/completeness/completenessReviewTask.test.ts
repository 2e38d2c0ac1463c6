import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import {
  chartProviders,
  compareCompletenessKeys,
  completenessInputSchema,
  completenessReviewTask,
  computeCompletenessKey,
  sameProvider,
  scoreCompleteness,
  type CompletenessResponse,
} from './completenessReviewTask';
import { ATTENDING, buildScenario } from './scenarioFactory';

const scenario = buildScenario({
  documents: [
    { id: 'hp', type: 'history-and-physical', created: '2026-03-02T11:30', signed: '2026-03-02T12:00' },
    { id: 'pn1', type: 'progress-note', author: { name: 'Jo Park', role: 'resident' }, cosigner: { name: 'Ola Berg', role: 'attending' }, created: '2026-03-03T08:00', signed: '2026-03-03T08:10', text: 'A/P: acute on chronic diastolic CHF; AKI.' },
    { id: 'vo', type: 'order', author: { name: 'Caleb Ferreira', role: 'attending' }, created: '2026-03-02T02:40', order: { mode: 'verbal', readBack: true } },
    { id: 'ds', type: 'discharge-summary', created: '2026-03-05T13:00', signed: '2026-03-05T13:30', text: 'Final diagnoses: chronic systolic CHF.' },
  ],
});
const input = v.parse(completenessInputSchema, {
  reviewDate: '2026-03-12T09:00',
  qualitative: [
    {
      id: 'hf-type',
      kind: 'conflict',
      documentId: 'ds',
      relatedDocuments: ['pn1'],
      description: 'The DS says systolic CHF; the progress note says diastolic.',
      provider: ATTENDING,
      evidence: [{ documentId: 'ds', quote: 'chronic systolic CHF' }],
    },
  ],
});
const key = computeCompletenessKey(input, scenario);

describe('computed key', () => {
  test('lists late H&P, missing co-signature, verbal order, and the status', () => {
    expect(key.deficiencies.map((d) => `${d.target} ${d.type} ${d.provider} ${d.kind}`)).toEqual([
      `hp HP-AGE ${ATTENDING} late`,
      'vo VO Caleb Ferreira open',
      'pn1 COSIG Ola Berg open',
    ]);
    expect(key.status).toBe('incomplete');
    expect(key.qualitative).toHaveLength(1);
  });
});

describe('scoring', () => {
  const perfect: CompletenessResponse = {
    flags: [
      { target: 'hp', type: 'HP-AGE', provider: ATTENDING },
      { target: 'vo', type: 'VO', provider: 'Caleb Ferreira, MD' },
      { target: 'pn1', type: 'COSIG', provider: 'Ola Berg' },
    ],
    qualitative: [{ documentId: 'pn1', kind: 'conflict' }],
    status: 'incomplete',
  };
  test.each([
    ['perfect', perfect, 7.5],
    ['wrong provider on the co-signature', { ...perfect, flags: perfect.flags.map((f) => (f.type === 'COSIG' ? { ...f, provider: 'Jo Park' } : f)) }, 7],
    ['missed the verbal order', { ...perfect, flags: perfect.flags.filter((f) => f.type !== 'VO') }, 6],
    ['an extra SIG flag', { ...perfect, flags: [...perfect.flags, { target: 'ds', type: 'SIG', provider: ATTENDING }] }, 7],
    ['wrong status', { ...perfect, status: 'delinquent' }, 5.5],
    ['qualitative missed', { ...perfect, qualitative: [] }, 6.5],
    ['nothing but flags everywhere', { flags: Array.from({ length: 30 }, () => ({ target: 'ds', type: 'DX', provider: 'x' })), qualitative: [], status: '' }, 0],
  ])('%s scores %s / 7.5', (_label, response, expected) => {
    const result = scoreCompleteness(response, key, scenario, input.reviewDate);
    expect(result.maxScore).toBe(7.5);
    expect(result.score).toBe(expected);
  });

  test('a missed flag names its rule and citation', () => {
    const result = scoreCompleteness({ ...perfect, flags: [] }, key, scenario);
    const vo = result.findings.find((f) => f.errorType === 'completeness.missed-vo');
    expect(vo?.message).toContain('VO-AUTH');
    expect(vo?.citation?.section).toContain('482.24(c)(2)');
    expect(vo?.evidence?.documentId).toBe('vo');
  });

  test('a wrong code on a document with a different deficiency says which code it has', () => {
    const result = scoreCompleteness({ ...perfect, flags: [...perfect.flags.filter((f) => f.type !== 'COSIG'), { target: 'pn1', type: 'SIG', provider: 'Jo Park' }] }, key, scenario, input.reviewDate);
    const extra = result.findings.find((f) => f.outcome === 'extra');
    expect(extra?.message).toContain("this document's deficiency is COSIG");
  });
});

describe('authoring', () => {
  test('compareKeys lists each differing item', () => {
    const problems = compareCompletenessKeys(
      { status: 'complete', deficiencies: [{ target: 'hp', type: 'HP-AGE', provider: ATTENDING }, { target: 'ds', type: 'SIG', provider: ATTENDING }], qualitative: [] },
      key,
    );
    expect(problems.map((p) => p.path)).toEqual(['status', 'deficiencies[1]', 'deficiencies', 'deficiencies']);
    expect(problems[1]?.message).toContain('not found by the rules');
    expect(problems[2]?.message).toContain('missing from the stated key: vo VO');
  });

  test('checkAnswer rejects a quote that is not verbatim', () => {
    const bad = { ...key, qualitative: [{ ...key.qualitative[0]!, evidence: [{ documentId: 'ds', quote: 'chronic diastolic CHF' }] }] };
    const problems = completenessReviewTask.checkAnswer!(bad, scenario, {}, input);
    expect(problems.map((p) => p.message)).toEqual(['"chronic diastolic CHF" is not a verbatim excerpt of ds']);
  });

  test('providers and names', () => {
    expect(chartProviders(scenario)).toEqual([ATTENDING, 'Jo Park', 'Ola Berg', 'Caleb Ferreira']);
    expect(sameProvider('Dr. Caleb Ferreira', 'caleb ferreira, MD')).toBe(true);
    expect(sameProvider('Caleb Ferreira', 'Jo Park')).toBe(false);
  });
});
