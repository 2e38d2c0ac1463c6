import { describe, expect, test } from 'vitest';
import { decideRelease, type RoiDecision } from './engine';
import type { RoiCase } from './roiSchema';
import { INVENTORY, makeCase, validAuthorization } from './testFactories';

interface Row {
  name: string;
  roiCase: RoiCase;
  decision: RoiDecision['decision'];
  release?: string[];
  withheld?: Record<string, string>;
  due?: string;
  accounting?: boolean;
  fee?: RoiDecision['fee'];
  missing?: RegExp;
  ruleIds?: string[];
}

const all = { psychotherapyNotes: true };
const attorney = { kind: 'attorney' as const, name: 'Dana Ferris', organization: 'Okonkwo & Ferris LLP' };

const rows: Row[] = [
  // 164.524 right of access
  { name: 'patient, whole record: all but psychotherapy notes, 30 days, cost-based fee', roiCase: makeCase({ records: all }), decision: 'release-in-part', release: ['face', 'hp', 'lab', 'ds', 'mh', 'sud', 'old'], withheld: { pn: 'PN-3' }, due: '2026-05-01', accounting: false, fee: 'access-cost-based' },
  { name: 'patient, record without psychotherapy notes: full release', roiCase: makeCase(), decision: 'release', release: ['face', 'hp', 'lab', 'ds', 'mh', 'sud', 'old'], due: '2026-05-01', accounting: false },
  { name: 'patient asks only for psychotherapy notes: deny (unreviewable)', roiCase: makeCase({ records: { documentTypes: ['other'], psychotherapyNotes: true } }), decision: 'deny', withheld: { pn: 'PN-3' }, ruleIds: ['ACC-7'] },
  { name: 'patient not verified: request ID', roiCase: makeCase({ identityVerified: false }), decision: 'request-more-information', missing: /photo ID/ },
  { name: 'patient with a timely extension notice: 60 days', roiCase: makeCase({ extensionNoticeSent: '2026-04-20' }), decision: 'release', due: '2026-05-31' },
  { name: 'patient with a late extension notice: still 30 days', roiCase: makeCase({ extensionNoticeSent: '2026-05-05' }), decision: 'release', due: '2026-05-01' },
  { name: 'date range of the request limits the release', roiCase: makeCase({ records: { from: '2026-03-01', to: '2026-03-31' } }), decision: 'release', release: ['face', 'hp', 'lab', 'ds'] },
  // incomplete requests
  { name: 'no requester kind: request more information', roiCase: makeCase({ requester: { name: 'J. Doe' } }), decision: 'request-more-information', missing: /Who is asking/ },
  { name: 'no purpose from a third party', roiCase: makeCase({ requester: { kind: 'employer', name: 'Harlow Freight' }, purpose: undefined }, { authorization: validAuthorization({ recipient: 'Harlow Freight' }) }), decision: 'request-more-information', missing: /purpose/ },
  { name: 'no records named', roiCase: makeCase({ records: undefined }), decision: 'request-more-information', missing: /Which records/ },
  // 164.502(g) personal representatives
  { name: 'parent of a 15-year-old: right of access minus minor-consented care and Part 2', roiCase: makeCase({ requester: { kind: 'personal-representative', name: 'Petra Vollbrecht', authority: 'parent', authorityDocumented: true } }, { patient: { name: 'Maren T. Vollbrecht', dob: '2010-09-01' }, inventory: INVENTORY.map((i) => (i.documentId === 'mh' || i.documentId === 'sud' ? { ...i, minorConsented: true } : i)) }), decision: 'release-in-part', release: ['face', 'hp', 'lab', 'ds', 'old'], withheld: { mh: 'PR-2', sud: 'P2-MINOR' }, due: '2026-05-01', accounting: false },
  { name: 'parent of an emancipated minor: deny', roiCase: makeCase({ requester: { kind: 'personal-representative', name: 'Petra Vollbrecht', authority: 'parent', authorityDocumented: true } }, { patient: { name: 'Maren Vollbrecht', dob: '2009-09-01', emancipated: true } }), decision: 'deny', ruleIds: ['PR-2'] },
  { name: 'parent of an adult: deny', roiCase: makeCase({ requester: { kind: 'personal-representative', name: 'Petra Vollbrecht', authority: 'parent', authorityDocumented: true } }), decision: 'deny', ruleIds: ['PR-2'] },
  { name: 'parent without proof of parentage: request it', roiCase: makeCase({ requester: { kind: 'personal-representative', name: 'Petra Vollbrecht', authority: 'parent' } }, { patient: { name: 'Maren Vollbrecht', dob: '2012-01-01' } }), decision: 'request-more-information', missing: /birth certificate/ },
  { name: 'parent suspected of abuse: deny', roiCase: makeCase({ requester: { kind: 'personal-representative', name: 'Petra Vollbrecht', authority: 'parent', authorityDocumented: true } }, { patient: { name: 'Maren Vollbrecht', dob: '2012-01-01', representativeAbuseSuspected: true } }), decision: 'deny', ruleIds: ['PR-3'] },
  { name: 'executor of a decedent with letters: right of access, Part 2 needs consent', roiCase: makeCase({ requester: { kind: 'personal-representative', name: 'Ansel Brandt', authority: 'executor', authorityDocumented: true } }, { patient: { name: 'Maren Vollbrecht', dob: '1944-01-01', deceasedOn: '2026-02-28' } }), decision: 'release-in-part', withheld: { sud: 'P2-2' }, due: '2026-05-01', fee: 'access-cost-based' },
  { name: 'executor without letters testamentary', roiCase: makeCase({ requester: { kind: 'personal-representative', name: 'Ansel Brandt', authority: 'executor' } }, { patient: { name: 'Maren Vollbrecht', dob: '1944-01-01', deceasedOn: '2026-02-28' } }), decision: 'request-more-information', missing: /letters testamentary/ },
  { name: 'executor of a living patient: deny', roiCase: makeCase({ requester: { kind: 'personal-representative', name: 'Ansel Brandt', authority: 'executor', authorityDocumented: true } }), decision: 'deny', ruleIds: ['DEC-2'] },
  { name: 'next of kin of a decedent: request letters or the executor’s authorization', roiCase: makeCase({ requester: { kind: 'personal-representative', name: 'Ansel Brandt', authority: 'next-of-kin', authorityDocumented: true } }, { patient: { name: 'Maren Vollbrecht', dob: '1944-01-01', deceasedOn: '2026-02-28' } }), decision: 'request-more-information', missing: /executor/ },
  { name: 'decedent dead over 50 years: not PHI', roiCase: makeCase({ requester: { kind: 'researcher', name: 'Dr. Ilse Marr' }, purpose: 'research', records: all }, { patient: { name: 'Maren Vollbrecht', dob: '1900-01-01', deceasedOn: '1970-01-01' }, inventory: INVENTORY.filter((i) => i.documentId !== 'sud') }), decision: 'release', accounting: false, ruleIds: ['DEC-1'] },
  { name: 'health-care agent of an adult: acts as patient', roiCase: makeCase({ requester: { kind: 'personal-representative', name: 'Ansel Brandt', authority: 'health-care-poa', authorityDocumented: true } }), decision: 'release-in-part', withheld: { sud: 'P2-2' } },
  // 164.506 TPO
  { name: 'provider for treatment: no authorization, PN/Part 2 withheld, HIV allowed, next day', roiCase: makeCase({ requester: { kind: 'provider', name: 'Dr. Lena Sato', organization: 'Cedar Hollow Clinic' }, purpose: 'treatment', records: all, identityVerified: undefined }), decision: 'release-in-part', release: ['face', 'hp', 'lab', 'ds', 'mh', 'old'], withheld: { sud: 'P2-2', pn: 'PN-2' }, due: '2026-04-02', accounting: false, fee: 'no-charge' },
  { name: 'provider in a medical emergency gets Part 2 records', roiCase: makeCase({ requester: { kind: 'provider', name: 'Dr. Lena Sato' }, purpose: 'treatment', emergency: true }), decision: 'release', release: ['face', 'hp', 'lab', 'ds', 'mh', 'sud', 'old'] },
  { name: 'provider with a valid Part 2 consent', roiCase: makeCase({ requester: { kind: 'provider', name: 'Dr. Lena Sato', organization: 'Cedar Hollow Clinic' }, purpose: 'treatment' }, { authorization: validAuthorization({ recipient: 'Cedar Hollow Clinic', information: { description: 'SUD treatment records', sensitive: ['sud-part2'] } }) }), decision: 'release' },
  { name: 'health plan for payment: claim dates only, HIV and self-pay withheld, MN applies', roiCase: makeCase({ requester: { kind: 'insurer', name: 'Bluewater Health Plan', insurerType: 'health-plan' }, purpose: 'payment', records: { from: '2026-03-07', to: '2026-03-10' } }, { inventory: INVENTORY.map((i) => (i.documentId === 'hp' ? { ...i, selfPayRestricted: true } : i)) }), decision: 'release-in-part', release: ['face', 'ds'], withheld: { hp: 'RST-1', lab: 'STATE' }, accounting: false, fee: 'third-party-schedule', ruleIds: ['MN-1'] },
  { name: 'life insurer without authorization', roiCase: makeCase({ requester: { kind: 'insurer', name: 'Summit Mutual Life', insurerType: 'life-disability' }, purpose: 'underwriting' }), decision: 'request-more-information', missing: /authorization/ },
  // 164.508 authorizations
  { name: 'attorney with a valid authorization: only what it describes; HIV named needed', roiCase: makeCase({ requester: attorney, purpose: 'litigation', records: {} }, { authorization: validAuthorization() }), decision: 'release-in-part', release: ['hp', 'ds'], withheld: { face: 'SCOPE', lab: 'STATE', mh: 'SCOPE', sud: 'SCOPE', old: 'SCOPE' }, accounting: false, fee: 'third-party-schedule', due: '2026-05-01' },
  { name: 'attorney with an authorization naming HIV', roiCase: makeCase({ requester: attorney, purpose: 'litigation', records: { documentTypes: ['lab'] } }, { authorization: validAuthorization({ information: { documentTypes: ['lab'], sensitive: ['hiv'] } }) }), decision: 'release', release: ['lab'] },
  { name: 'authorization naming another recipient', roiCase: makeCase({ requester: { kind: 'employer', name: 'Harlow Freight Lines' }, purpose: 'employment', records: { documentTypes: ['discharge-summary'] } }, { authorization: validAuthorization() }), decision: 'request-more-information', missing: /names "Okonkwo/ },
  { name: 'expired authorization: deny', roiCase: makeCase({ requester: attorney, purpose: 'litigation' }, { authorization: validAuthorization({ expiration: { date: '2026-03-15' } }) }), decision: 'deny', ruleIds: ['AUTH-D1'] },
  { name: 'revoked authorization: deny', roiCase: makeCase({ requester: attorney, purpose: 'litigation' }, { authorization: validAuthorization({ revokedOn: '2026-03-28' }) }), decision: 'deny', ruleIds: ['AUTH-D3'] },
  { name: 'unsigned authorization: request a signed one', roiCase: makeCase({ requester: attorney, purpose: 'litigation' }, { authorization: validAuthorization({ signature: undefined }) }), decision: 'request-more-information', missing: /not signed/ },
  { name: 'employer without authorization', roiCase: makeCase({ requester: { kind: 'employer', name: 'Harlow Freight Lines' }, purpose: 'employment' }), decision: 'request-more-information', missing: /valid HIPAA authorization/ },
  { name: 'employer with a pre-employment exam authorization', roiCase: makeCase({ requester: { kind: 'employer', name: 'Harlow Freight Lines' }, purpose: 'employment', records: { documentTypes: ['history-and-physical'] } }, { authorization: validAuthorization({ recipient: 'Harlow Freight Lines HR', conditionedOn: 'third-party-exam', information: { documentTypes: ['history-and-physical'] } }) }), decision: 'release', release: ['hp'], accounting: false },
  { name: 'psychotherapy notes with a separate authorization', roiCase: makeCase({ requester: attorney, purpose: 'litigation', records: { documentTypes: ['other'], psychotherapyNotes: true } }, { authorization: validAuthorization({ information: { description: 'psychotherapy notes of Dr. Ames', psychotherapyNotes: true } }) }), decision: 'release', release: ['pn'] },
  { name: 'psychotherapy notes under a general authorization: withheld', roiCase: makeCase({ requester: attorney, purpose: 'litigation', records: { psychotherapyNotes: true, from: '2026-02-01', to: '2026-02-28' } }, { authorization: validAuthorization({ information: { from: '2026-02-01', to: '2026-02-28', description: 'all records' } }) }), decision: 'release-in-part', release: ['mh'], withheld: { pn: 'PN-2' } },
  { name: 'psychotherapy notes compounded with a general authorization: deny', roiCase: makeCase({ requester: attorney, purpose: 'litigation', records: all }, { authorization: validAuthorization({ information: { psychotherapyNotes: true, description: 'all records incl. therapy notes' }, combinedWith: 'general-authorization' }) }), decision: 'deny', ruleIds: ['AUTH-D4'] },
  // 164.512(e) judicial
  { name: 'subpoena without assurance: request it', roiCase: makeCase({ requester: attorney, purpose: 'litigation', legal: { instrument: 'subpoena', issuedBy: 'attorney', complianceDate: '2026-04-15' } }), decision: 'request-more-information', missing: /Satisfactory assurance/, due: '2026-04-15' },
  { name: 'subpoena with notice assurance: no Part 2, no PN, no HIV; accounted', roiCase: makeCase({ requester: attorney, purpose: 'litigation', records: all, legal: { instrument: 'subpoena', issuedBy: 'attorney', complianceDate: '2026-04-15', assurance: 'notice' } }), decision: 'release-in-part', release: ['face', 'hp', 'ds', 'mh', 'old'], withheld: { lab: 'STATE', sud: 'P2-4', pn: 'PN-2' }, due: '2026-04-15', accounting: true, fee: 'third-party-schedule' },
  { name: 'subpoena with a valid authorization instead: not accounted', roiCase: makeCase({ requester: attorney, purpose: 'litigation', records: { documentTypes: ['discharge-summary'] }, legal: { instrument: 'subpoena', issuedBy: 'attorney' } }, { authorization: validAuthorization() }), decision: 'release', release: ['ds'], accounting: false },
  { name: 'subpoena with assurance and a defective authorization: the subpoena governs', roiCase: makeCase({ requester: attorney, purpose: 'litigation', records: { documentTypes: ['discharge-summary'] }, legal: { instrument: 'subpoena', assurance: 'protective-order' } }, { authorization: validAuthorization({ signature: undefined }) }), decision: 'release', release: ['ds'], accounting: true, ruleIds: ['LEGAL-4', 'AUTH-D2'] },
  { name: 'judge-signed subpoena is an order', roiCase: makeCase({ requester: attorney, purpose: 'litigation', records: { from: '2026-03-01' }, legal: { instrument: 'subpoena', issuedBy: 'judge', complianceDate: '2026-04-20', covers: { from: '2026-03-01', sensitive: ['hiv'] } } }), decision: 'release', release: ['face', 'hp', 'lab', 'ds'], accounting: true, due: '2026-04-20' },
  { name: 'court order covers only what it says; Part 2 needs a Part 2 order', roiCase: makeCase({ requester: { kind: 'court', name: 'Clerk, Ardmore County Superior Court' }, purpose: 'litigation', records: {}, legal: { instrument: 'court-order', issuedBy: 'judge', covers: { documentTypes: ['discharge-summary', 'progress-note'] } } }), decision: 'release-in-part', release: ['ds', 'mh'], withheld: { face: 'SCOPE', hp: 'SCOPE', lab: 'SCOPE', sud: 'P2-4', old: 'SCOPE' }, accounting: true },
  { name: 'Part 2 court order releases SUD records', roiCase: makeCase({ requester: { kind: 'court', name: 'Clerk, Ardmore County Superior Court' }, purpose: 'litigation', records: { documentTypes: ['progress-note'] }, legal: { instrument: 'court-order', part2CourtOrder: true, covers: { documentTypes: ['progress-note'] } } }), decision: 'release', release: ['mh', 'sud'] },
  { name: 'court order naming psychotherapy notes releases them', roiCase: makeCase({ requester: { kind: 'court', name: 'Clerk' }, purpose: 'litigation', records: { documentTypes: ['other'], psychotherapyNotes: true }, legal: { instrument: 'court-order', covers: { documentTypes: ['other'], psychotherapyNotes: true } } }), decision: 'release', release: ['pn'], accounting: true },
  // 164.512(f) law enforcement
  { name: 'police with a warrant: what it covers, accounted, no charge', roiCase: makeCase({ requester: { kind: 'law-enforcement', name: 'Det. R. Quist' }, purpose: 'law-enforcement', records: { from: '2026-03-01' }, legal: { instrument: 'warrant', issuedBy: 'judge', covers: { from: '2026-03-07', to: '2026-03-10' } } }), decision: 'release-in-part', release: ['face', 'hp', 'ds'], withheld: { lab: 'STATE' }, accounting: true, fee: 'no-charge' },
  { name: 'police with no process: request it', roiCase: makeCase({ requester: { kind: 'law-enforcement', name: 'Det. R. Quist' }, purpose: 'law-enforcement' }), decision: 'request-more-information', missing: /warrant/ },
  { name: 'police locating a suspect: face sheet only', roiCase: makeCase({ requester: { kind: 'law-enforcement', name: 'Det. R. Quist' }, purpose: 'locate-suspect', records: { from: '2026-03-01' } }), decision: 'release-in-part', release: ['face'], accounting: true },
  { name: 'administrative request without the statement', roiCase: makeCase({ requester: { kind: 'law-enforcement', name: 'Agent K. Bell' }, purpose: 'law-enforcement', legal: { instrument: 'administrative-request', issuedBy: 'agency' } }), decision: 'request-more-information', missing: /relevant and material/ },
  { name: 'police not verified', roiCase: makeCase({ requester: { kind: 'law-enforcement', name: 'Det. R. Quist' }, purpose: 'law-enforcement', identityVerified: false, legal: { instrument: 'warrant' } }), decision: 'request-more-information', missing: /badge/ },
  // 164.512(b), (i)
  { name: 'public health authority: accounted, no charge, Part 2 withheld', roiCase: makeCase({ requester: { kind: 'public-health-authority', name: 'Ardmore County Health Dept.' }, purpose: 'public-health', records: { documentTypes: ['lab', 'progress-note'] } }), decision: 'release-in-part', release: ['lab', 'mh'], withheld: { sud: 'P2-2' }, accounting: true, fee: 'no-charge' },
  { name: 'researcher with an IRB waiver: accounted', roiCase: makeCase({ requester: { kind: 'researcher', name: 'Dr. Ilse Marr' }, purpose: 'research', researchWaiver: 'irb', records: { documentTypes: ['discharge-summary', 'progress-note'] } }), decision: 'release', release: ['ds', 'mh', 'sud'], accounting: true },
  { name: 'researcher without waiver or authorization', roiCase: makeCase({ requester: { kind: 'researcher', name: 'Dr. Ilse Marr' }, purpose: 'research', researchWaiver: 'none' }), decision: 'request-more-information', missing: /authorization/ },
  // nothing matches
  { name: 'no document matches the request', roiCase: makeCase({ records: { from: '2020-01-01', to: '2020-12-31' } }), decision: 'deny', ruleIds: ['NO-RECORDS'] },
];

describe('decideRelease (him-rules.md section 1)', () => {
  test.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const d = decideRelease(row.roiCase);
    expect(d.decision).toBe(row.decision);
    if (row.release) expect(d.release).toEqual(row.release);
    if (row.withheld) expect(Object.fromEntries(d.withheld.map((w) => [w.documentId, w.ruleId]))).toEqual(row.withheld);
    if (row.due) expect(d.dueDate).toBe(row.due);
    if (row.accounting !== undefined) expect(d.accounting).toBe(row.accounting);
    if (row.fee) expect(d.fee).toBe(row.fee);
    if (row.missing) expect(d.missing.join(' | ')).toMatch(row.missing);
    for (const id of row.ruleIds ?? []) expect(d.reasons.map((r) => r.ruleId)).toContain(id);
    // invariants
    expect(d.reasons.every((r) => r.citation.section.length > 0)).toBe(true);
    if (d.decision === 'request-more-information') expect(d.missing.length).toBeGreaterThan(0);
    if (d.decision === 'release' || d.decision === 'release-in-part') expect(d.release.length).toBeGreaterThan(0);
    if (d.decision === 'release-in-part') expect(d.withheld.length).toBeGreaterThan(0);
    if (d.decision !== 'release' && d.decision !== 'release-in-part') expect(d.release).toEqual([]);
  });

  test('Part 2 disclosures with consent carry the redisclosure notice', () => {
    const d = decideRelease(makeCase({ requester: { kind: 'provider', name: 'Dr. Lena Sato' }, purpose: 'treatment', emergency: true }));
    expect(d.notices.join(' ')).toMatch(/2\.32/);
  });

  test('the released date range spans the released documents', () => {
    const d = decideRelease(makeCase({ records: { from: '2026-03-01', to: '2026-03-31' } }));
    expect(d.dateRange).toEqual({ from: '2026-03-07', to: '2026-03-10' });
  });

  test('a state that requires specific consent for mental health withholds it from a subpoena', () => {
    const roiCase = makeCase({ requester: attorney, purpose: 'litigation', records: { documentTypes: ['progress-note'] }, legal: { instrument: 'subpoena', assurance: 'protective-order' } });
    expect(decideRelease(roiCase).release).toEqual(['mh']);
    const strict = decideRelease(roiCase, { ageOfMajority: 18, hivSpecificConsent: true, mentalHealthSpecificConsent: true, treatmentResponseDays: 1, thirdPartyResponseDays: 30 });
    expect(strict.decision).toBe('deny');
    expect(strict.withheld.map((w) => w.ruleId)).toEqual(['STATE', 'P2-4']);
  });

  test.each([
    ['an empty request', { receivedOn: '2026-04-01', requester: {} }],
    ['a request with only a requester kind', { receivedOn: '2026-04-01', requester: { kind: 'court' as const } }],
    ['an attorney with nothing else', { receivedOn: '2026-04-01', requester: { kind: 'attorney' as const } }],
  ])('never throws on incomplete data: %s', (_name, request) => {
    const d = decideRelease({ request, patient: {}, inventory: [] });
    expect(d.decision).toBe('request-more-information');
    expect(d.missing.length).toBeGreaterThan(0);
  });

  test('an authorization with no fields at all is returned for every missing item', () => {
    const d = decideRelease(makeCase({ requester: attorney, purpose: 'litigation' }, { authorization: {} }));
    expect(d.decision).toBe('request-more-information');
    expect(d.authorizationProblems).toEqual(['AUTH-ID', 'AUTH-E1', 'AUTH-E2', 'AUTH-E3', 'AUTH-E4', 'AUTH-E5', 'AUTH-E6', 'AUTH-S1', 'AUTH-S2', 'AUTH-S3']);
  });
});
