import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../tests/factories/scenarioFactory';
import { evidenceForDiagnosis, findMentions, isRuledOutWording, isUncertainWording, ruledOutMention, titleKeyTerms } from './evidence';

describe('titleKeyTerms', () => {
  it.each([
    ['Essential (primary) hypertension', ['hypertension']],
    ['Acute kidney failure, unspecified', ['acute', 'kidney', 'failure']],
    ['Pneumonia due to Streptococcus pneumoniae', ['pneumonia']],
    ['Type 2 diabetes mellitus with hyperglycemia', ['diabetes', 'mellitus']],
  ])('%s -> %j', (title, terms) => {
    expect(titleKeyTerms(title)).toEqual(terms);
  });
});

describe('chart mentions', () => {
  const chart = [
    { id: 'hp', type: 'history-and-physical', author: { name: 'A B', role: 'attending' }, created: '2026-03-01T09:00', text: 'A/P: AKI, prerenal. Sepsis ruled out - lactate nl.\nHTN - hold ACEi' },
    { id: 'ds', type: 'discharge-summary', author: { name: 'A B', role: 'attending' }, created: '2026-03-04T09:00', text: 'Discharge dx:\n1. Pneumonia, probable aspiration\n2. HTN' },
  ];
  const { scenario } = buildScenario({ chart, steps: [{ id: 'code', type: 'coding', answer: { pdx: 'J69.0' } }] });

  it('prefers the discharge summary and quotes verbatim', () => {
    expect(evidenceForDiagnosis(scenario, 'Essential (primary) hypertension')).toEqual({ documentId: 'ds', quote: '2. HTN' });
  });
  it('expands clinical abbreviations (AKI -> acute kidney failure)', () => {
    expect(findMentions(scenario, 'Acute kidney failure, unspecified')[0]).toEqual({ documentId: 'hp', quote: 'A/P: AKI, prerenal.' });
  });
  it('finds a ruled-out diagnosis in its own sentence only', () => {
    expect(ruledOutMention(scenario, 'Sepsis, unspecified organism')?.quote).toBe('Sepsis ruled out - lactate nl.');
    expect(ruledOutMention(scenario, 'Acute kidney failure, unspecified')).toBeUndefined();
  });
  it('gives no link when nothing matches', () => {
    expect(evidenceForDiagnosis(scenario, 'Candidal stomatitis')).toBeUndefined();
  });
  it.each([
    ['Pneumonia, probable aspiration', true, false],
    ['c/w CHF exacerbation', false, false],
    ['consistent with NSTEMI', true, false],
    ['Sepsis was ruled out', false, true],
  ])('%s: uncertain %s, ruled out %s', (text, uncertain, ruledOut) => {
    expect(isUncertainWording(text)).toBe(uncertain);
    expect(isRuledOutWording(text)).toBe(ruledOut);
  });
});
