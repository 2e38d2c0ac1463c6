import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../tests/factories/scenarioFactory';
import { checkCodingAnswer, codingAnswerSchema, scoreCoding, type CodingResponse } from './codingTask';

const key = v.parse(codingAnswerSchema, {
  pdx: 'J13',
  pdxAlternatives: [],
  sdx: [
    { code: 'N17.9', poa: 'Y' },
    { code: 'B37.0', poa: 'N' },
    { code: 'N40.0', poa: 'Y', optional: true },
  ],
  procedures: [{ code: '0W9B3ZX', date: '2026-02-10' }],
});
const perfect: CodingResponse = {
  pdx: 'j13',
  sdx: [
    { code: 'N17.9', poa: 'Y' },
    { code: 'b37.0', poa: 'N' },
  ],
  procedures: [{ code: '0W9B3ZX', date: '2026-02-10' }],
};

describe('scoreCoding without code sets or grouper (docs/scoring.md "Coding, v2")', () => {
  it('gives full marks for the key, in any case and with or without dots', () => {
    const r = scoreCoding(perfect, key);
    expect(r.score).toBe(r.maxScore);
    expect(r.maxScore).toBe(3 + 1.5 * 2 + 2 + 0.5);
  });

  it('does not require optional codes but does not penalise them', () => {
    const r = scoreCoding({ ...perfect, sdx: [...perfect.sdx, { code: 'N40.0', poa: 'Y' }] }, key);
    expect(r.score).toBe(r.maxScore);
  });

  it.each([
    ['wrong principal diagnosis', { ...perfect, pdx: 'J18.9' }, 'coding.pdx-wrong', 5.5],
    ['missed secondary', { ...perfect, sdx: [perfect.sdx[0]!] }, 'coding.sdx-missed', 7],
    ['wrong POA', { ...perfect, sdx: [perfect.sdx[0]!, { code: 'B37.0', poa: 'Y' }] }, 'coding.poa-wrong', 8],
    ['missed procedure', { ...perfect, procedures: [] }, 'coding.pcs-missed', 6],
    ['wrong procedure date', { ...perfect, procedures: [{ code: '0W9B3ZX', date: '2026-02-11' }] }, 'coding.pcs-date', 8],
    ['unsupported extra code', { ...perfect, sdx: [...perfect.sdx, { code: 'I10', poa: 'Y' }] }, 'coding.sdx-unsupported', 8],
    ['principal repeated as secondary', { ...perfect, sdx: [...perfect.sdx, { code: 'J13', poa: 'Y' }] }, 'coding.pdx-repeated', 8],
    ['code listed twice', { ...perfect, sdx: [...perfect.sdx, { code: 'N17.9', poa: 'Y' }] }, 'coding.duplicate-code', 8],
    ['unsupported procedure', { ...perfect, procedures: [...perfect.procedures, { code: '0BJ08ZZ', date: '' }] }, 'coding.pcs-unsupported', 8],
    ['symptom coded with its cause', { ...perfect, sdx: [...perfect.sdx, { code: 'R05.9', poa: 'Y' }] }, 'coding.symptom-integral', 8],
    ['badly shaped code', { ...perfect, sdx: [...perfect.sdx, { code: 'J1', poa: 'Y' }] }, 'coding.code-invalid', 8],
    ['principal and secondary swapped', { ...perfect, pdx: 'N17.9', sdx: [{ code: 'J13', poa: 'Y' }, perfect.sdx[1]!] }, 'coding.pdx-sequencing', 5],
  ])('%s: records %s and scores %d', (_label, response, errorType, score) => {
    const r = scoreCoding(response, key);
    expect(r.findings.some((f) => f.errorType === errorType)).toBe(true);
    expect(r.score).toBe(score);
    for (const f of r.findings.filter((x) => x.outcome !== 'correct')) {
      expect(f.message.length).toBeGreaterThan(10);
    }
  });

  it('never goes below zero', () => {
    const junk: CodingResponse = { pdx: '', sdx: Array.from({ length: 30 }, () => ({ code: 'Z00.00', poa: '' })), procedures: [] };
    expect(scoreCoding(junk, key).score).toBe(0);
  });
});

describe('checkCodingAnswer', () => {
  const { scenario } = buildScenario();
  it('reports a category given as a code, with the field path, using the code-set lookup', () => {
    const answer = v.parse(codingAnswerSchema, { pdx: 'I50', sdx: [{ code: 'E11.9', poa: 'Y' }, { code: 'E11.9', poa: 'Y' }] });
    const problems = checkCodingAnswer(answer, scenario, {
      codeInfo: (code) =>
        code === 'I50'
          ? { display: 'I50', status: 'header', hint: 'I50 is a category, not a reportable code' }
          : { display: code, status: 'reportable' },
    });
    expect(problems).toContainEqual({ path: 'pdx', message: '"I50" is a category, not a reportable code' });
    expect(problems).toContainEqual({ path: 'sdx[1].code', message: '"E11.9" is listed twice' });
  });

  it.each([
    [{ pdxEvidence: { documentId: 'nowhere', quote: 'x' } }, 'pdxEvidence.documentId', 'no chart document "nowhere"'],
    [{ pdxEvidence: { documentId: 'hp', quote: 'not in the text' } }, 'pdxEvidence.quote', 'is not a verbatim excerpt of document "hp"'],
    [{ sdx: [{ code: 'E11.9', poa: 'Y', evidence: { documentId: 'ds', quote: 'DM3' } }] }, 'sdx[0].evidence.quote', 'is not a verbatim excerpt of document "ds"'],
  ])('checks evidence against the chart: %j -> %s', (extra, path, message) => {
    const answer = v.parse(codingAnswerSchema, { pdx: 'J13', ...extra });
    expect(checkCodingAnswer(answer, scenario, {})).toContainEqual({ path, message });
  });

  it('accepts verbatim evidence', () => {
    const answer = v.parse(codingAnswerSchema, { pdx: 'J13', pdxEvidence: { documentId: 'ds', quote: 'pneumococcal pneumonia' } });
    expect(checkCodingAnswer(answer, scenario, {})).toEqual([]);
  });

  it('checks nothing beyond shape when code sets are not loaded', () => {
    const answer = v.parse(codingAnswerSchema, { pdx: 'I50' });
    expect(checkCodingAnswer(answer, scenario, {})).toEqual([]);
  });
});
