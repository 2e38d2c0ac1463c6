import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY, type RoiRequest } from './roiSchema';
import {
  accountingRule,
  buildContext,
  checkVerification,
  describeScope,
  feeRule,
  inScope,
  isNoLongerPhi,
  minimumNecessaryApplies,
  responseDeadline,
  type Basis,
} from './rules';
import { INVENTORY, makeCase } from './testFactories';

const item = (id: string) => INVENTORY.find((i) => i.documentId === id)!;
const ctxFor = (request: Partial<RoiRequest>, deceasedOn?: string) => buildContext(makeCase(request, { patient: { name: 'Maren Vollbrecht', dob: '1950-01-01', deceasedOn } }), DEFAULT_POLICY);

describe('accountingRule (45 CFR 164.528)', () => {
  test.each<[Basis, boolean]>([
    ['court-order', true],
    ['subpoena-with-assurance', true],
    ['law-enforcement-process', true],
    ['law-enforcement-administrative', true],
    ['law-enforcement-locate', true],
    ['public-health', true],
    ['research-waiver', true],
    ['right-of-access', false],
    ['treatment', false],
    ['payment', false],
    ['authorization', false],
    ['not-phi', false],
  ])('%s -> accounted %s', (basis, expected) => {
    expect(accountingRule(basis, true).required).toBe(expected);
    expect(accountingRule(basis, false).required).toBe(false);
  });
});

describe('feeRule (45 CFR 164.524(c)(4))', () => {
  test.each<[Basis | undefined, 'release' | 'deny' | 'request-more-information', string]>([
    ['right-of-access', 'release', 'access-cost-based'],
    ['treatment', 'release', 'no-charge'],
    ['public-health', 'release', 'no-charge'],
    ['law-enforcement-process', 'release', 'no-charge'],
    ['authorization', 'release', 'third-party-schedule'],
    ['subpoena-with-assurance', 'release', 'third-party-schedule'],
    ['right-of-access', 'deny', 'none'],
    ['authorization', 'request-more-information', 'none'],
    [undefined, 'release', 'none'],
  ])('%s, %s -> %s', (basis, decision, rule) => {
    expect(feeRule(basis, decision).rule).toBe(rule);
  });
});

describe('minimumNecessaryApplies (164.502(b)(2))', () => {
  test.each<[Basis, boolean]>([
    ['payment', true],
    ['subpoena-with-assurance', true],
    ['research-waiver', true],
    ['public-health', true],
    ['treatment', false],
    ['right-of-access', false],
    ['authorization', false],
    ['court-order', false],
  ])('%s -> %s', (basis, expected) => {
    expect(minimumNecessaryApplies(basis)).toBe(expected);
  });
});

describe('responseDeadline (164.524(b)(2), facility policy)', () => {
  test.each<[string, Partial<RoiRequest>, string]>([
    ['patient: 30 days', {}, '2026-05-01'],
    ['patient with extension notice on day 30', { extensionNoticeSent: '2026-05-01' }, '2026-05-31'],
    ['patient with extension notice on day 31', { extensionNoticeSent: '2026-05-02' }, '2026-05-01'],
    ['subpoena compliance date', { requester: { kind: 'attorney', name: 'X' }, legal: { instrument: 'subpoena', complianceDate: '2026-04-20' } }, '2026-04-20'],
    ['warrant: when served', { requester: { kind: 'law-enforcement', name: 'X' }, legal: { instrument: 'warrant' } }, '2026-04-01'],
    ['provider treatment: next day', { requester: { kind: 'provider', name: 'X' }, purpose: 'treatment' }, '2026-04-02'],
    ['employer: 30 days policy', { requester: { kind: 'employer', name: 'X' }, purpose: 'employment' }, '2026-05-01'],
  ])('%s', (_name, request, due) => {
    expect(responseDeadline(ctxFor(request)).dueDate).toBe(due);
  });
});

describe('scopes, verification and decedents', () => {
  test.each<[string, Parameters<typeof inScope>[1], boolean]>([
    ['all types, any date', {}, true],
    ['type not listed', { documentTypes: ['lab'] }, false],
    ['before from', { from: '2026-03-08' }, false],
    ['after to', { to: '2026-03-06' }, false],
    ['inside', { documentTypes: ['discharge-summary'], from: '2026-03-01', to: '2026-03-31' }, true],
  ])('inScope: discharge summary 2026-03-10, %s', (_name, scope, expected) => {
    expect(inScope({ ...item('ds'), date: '2026-03-07' }, scope)).toBe(expected);
  });

  test('psychotherapy notes are in scope only when named', () => {
    expect(inScope(item('pn'), {})).toBe(false);
    expect(inScope(item('pn'), { psychotherapyNotes: true })).toBe(true);
  });

  test('describeScope in plain words', () => {
    expect(describeScope({ documentTypes: ['discharge-summary', 'lab'], from: '2026-03-01' })).toBe('discharge summary, laboratory from 2026-03-01 to the present');
    expect(describeScope({})).toBe('all document types, any date');
  });

  test.each([
    ['patient', false, 1],
    ['patient', true, 0],
    ['law-enforcement', false, 1],
    ['provider', false, 0],
  ] as const)('verification: %s verified=%s -> %i missing', (kind, verified, count) => {
    expect(checkVerification(ctxFor({ requester: { kind, name: 'X' }, identityVerified: verified }))).toHaveLength(count);
  });

  test.each([
    ['1975-01-01', true],
    ['1976-04-01', true],
    ['1976-04-02', false],
    [undefined, false],
  ])('died %s: no longer PHI on 2026-04-01 -> %s', (died, expected) => {
    expect(isNoLongerPhi(ctxFor({}, died))).toBe(expected);
  });
});
