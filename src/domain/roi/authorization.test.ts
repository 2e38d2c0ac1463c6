import { describe, expect, test } from 'vitest';
import { problemCodes, sameName, validateAuthorization, type AuthorizationProblemCode } from './authorization';
import type { AuthorizationForm } from './roiSchema';
import { validAuthorization } from './testFactories';

const context = { asOf: '2026-04-01', patient: { name: 'Maren T. Vollbrecht', dob: '1984-06-12' } };
const codesFor = (form: AuthorizationForm) => problemCodes(validateAuthorization(form, context));

describe('validateAuthorization (45 CFR 164.508)', () => {
  test('a complete, current authorization has no problems', () => {
    expect(validateAuthorization(validAuthorization(), context)).toEqual([]);
  });

  test.each<[string, Partial<AuthorizationForm>, AuthorizationProblemCode[], boolean]>([
    ['blank patient name (AUTH-ID)', { patientName: undefined }, ['AUTH-ID'], true],
    ['another patient named (AUTH-ID)', { patientName: 'Marta Vollmer' }, ['AUTH-ID'], true],
    ['wrong date of birth (AUTH-ID)', { patientDob: '1984-06-21' }, ['AUTH-ID'], true],
    ['no description of the information (E1)', { information: {} }, ['AUTH-E1'], true],
    ['no one named to disclose (E2)', { disclosingParty: ' ' }, ['AUTH-E2'], true],
    ['no recipient (E3)', { recipient: undefined }, ['AUTH-E3'], true],
    ['no purpose (E4)', { purpose: undefined }, ['AUTH-E4'], true],
    ['no expiration (E5)', { expiration: undefined }, ['AUTH-E5'], true],
    ['"none" as expiration outside research (E5)', { expiration: { event: 'none' } }, ['AUTH-E5'], true],
    ['unsigned (E6)', { signature: undefined }, ['AUTH-E6'], true],
    ['undated signature (E6)', { signature: { signedBy: 'Maren Vollbrecht' } }, ['AUTH-E6'], true],
    ['signed by someone else with no authority stated (E6)', { signature: { signedBy: 'Petra Vollbrecht', date: '2026-03-20' } }, ['AUTH-E6'], true],
    ['no revocation statement (S1)', { statements: { conditioning: true, redisclosure: true } }, ['AUTH-S1'], true],
    ['no conditioning statement (S2)', { statements: { revocation: true, redisclosure: true } }, ['AUTH-S2'], true],
    ['no redisclosure statement (S3)', { statements: { revocation: true, conditioning: true } }, ['AUTH-S3'], true],
    ['remuneration not disclosed (S5)', { remunerationInvolved: true }, ['AUTH-S5'], true],
    ['expired by date (D1)', { expiration: { date: '2026-03-31' } }, ['AUTH-D1'], false],
    ['expiration event occurred (D1)', { expiration: { event: 'close of the claim', eventOccurred: true } }, ['AUTH-D1'], false],
    ['revoked in writing (D3)', { revokedOn: '2026-03-25' }, ['AUTH-D3'], false],
    ['psychotherapy notes combined with a general authorization (D4)', { information: { psychotherapyNotes: true, description: 'therapy notes' }, combinedWith: 'general-authorization' }, ['AUTH-D4'], false],
    ['general authorization combined with a psychotherapy-note authorization (D4)', { combinedWith: 'psychotherapy-notes-authorization' }, ['AUTH-D4'], false],
    ['part of a consent to treatment (D4)', { combinedWith: 'treatment-consent' }, ['AUTH-D4'], false],
    ['research consent combined with a non-research authorization (D4)', { combinedWith: 'research-consent' }, ['AUTH-D4'], false],
    ['treatment conditioned on signing (D5)', { conditionedOn: 'treatment' }, ['AUTH-D5'], false],
    ['psychotherapy notes conditioned on underwriting (D5)', { information: { psychotherapyNotes: true }, conditionedOn: 'plan-underwriting' }, ['AUTH-D5'], false],
    ['material information known to be false (D6)', { knownFalse: 'the signature does not match the patient’s signature on file' }, ['AUTH-D6'], false],
  ])('%s', (_name, overrides, expected, curable) => {
    const problems = validateAuthorization(validAuthorization(overrides), context);
    expect(problemCodes(problems)).toEqual(expected);
    expect(problems.every((p) => p.curable === curable)).toBe(true);
    expect(problems.every((p) => p.citation.section.startsWith('164.'))).toBe(true);
  });

  test.each<[string, Partial<AuthorizationForm>]>([
    ['a representative with a stated authority', { signature: { signedBy: 'Petra Vollbrecht', date: '2026-03-20', representativeAuthority: 'Health-care agent under POA dated 2025-01-04' } }],
    ['a research authorization expiring "end of study"', { research: true, expiration: { event: 'End of study' } }],
    ['a research authorization combined with a research consent', { research: true, combinedWith: 'research-consent' }],
    ['a psychotherapy-note authorization combined with another one', { information: { psychotherapyNotes: true }, combinedWith: 'psychotherapy-notes-authorization' }],
    ['an authorization conditioned on a pre-employment exam', { conditionedOn: 'third-party-exam' }],
    ['research treatment conditioned on a research authorization', { research: true, conditionedOn: 'research-treatment' }],
    ['an expiration event that has not occurred', { expiration: { event: 'settlement of claim 24-CV-0117' } }],
    ['marketing with remuneration that says so', { remunerationInvolved: true, statements: { revocation: true, conditioning: true, redisclosure: true, remuneration: true } }],
  ])('accepts %s', (_name, overrides) => {
    expect(codesFor(validAuthorization(overrides))).toEqual([]);
  });

  test('reports every problem of a badly broken form, in check-list order', () => {
    const form: AuthorizationForm = { patientName: 'Maren Vollbrecht', statements: {}, revokedOn: '2026-03-02', conditionedOn: 'payment' };
    expect(codesFor(form)).toEqual(['AUTH-E1', 'AUTH-E2', 'AUTH-E3', 'AUTH-E4', 'AUTH-E5', 'AUTH-E6', 'AUTH-S1', 'AUTH-S2', 'AUTH-S3', 'AUTH-D3', 'AUTH-D5']);
  });

  test('names the form field of each problem', () => {
    const problems = validateAuthorization(validAuthorization({ signature: { signedBy: 'Maren Vollbrecht' } }), context);
    expect(problems.map((p) => p.field)).toEqual(['signature.date']);
  });
});

describe('sameName', () => {
  test.each([
    ['Maren Vollbrecht', 'Maren T. Vollbrecht', true],
    ['VOLLBRECHT, MAREN', 'Maren T. Vollbrecht', true],
    ['Petra Vollbrecht', 'Maren T. Vollbrecht', false],
    ['Maren', 'Maren T. Vollbrecht', false],
  ])('%s vs %s -> %s', (a, b, expected) => {
    expect(sameName(a, b)).toBe(expected);
  });
});
