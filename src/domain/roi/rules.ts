/**
 * The ROI rules, one function per rule, each naming its regulation. The engine (engine.ts) runs them in order:
 * completeness and verification, the legal basis for the disclosure, then per-document limits
 * (scope, psychotherapy notes, Part 2, state-law classes, minors, self-pay restrictions), then the deadline,
 * fee and accounting rules. Rules return values; none throws on missing data.
 */
import { DOCUMENT_TYPES } from '../../content/scenarioSchema';
import type { Citation } from '../tasks/taskTypes';
import { validateAuthorization, type AuthorizationProblem } from './authorization';
import { CITE } from './citations';
import { addDays, ageOn, daysBetween } from './dates';
import type { InventoryItem, RoiCase, RoiPolicy, Scope, SensitiveType } from './roiSchema';

export type Decision = 'release' | 'release-in-part' | 'deny' | 'request-more-information';
export const DECISIONS: readonly Decision[] = ['release', 'release-in-part', 'deny', 'request-more-information'];
export const DECISION_LABELS: Record<Decision, string> = {
  release: 'Release',
  'release-in-part': 'Release in part',
  deny: 'Deny',
  'request-more-information': 'Request more information',
};

/** The legal basis a disclosure rests on. */
export type Basis =
  | 'right-of-access'
  | 'treatment'
  | 'payment'
  | 'authorization'
  | 'court-order'
  | 'subpoena-with-assurance'
  | 'law-enforcement-process'
  | 'law-enforcement-administrative'
  | 'law-enforcement-locate'
  | 'public-health'
  | 'research-waiver'
  | 'not-phi';

export type ReasonEffect = 'permits' | 'limits' | 'withholds' | 'denies' | 'needs' | 'info';

export interface Reason {
  ruleId: string;
  effect: ReasonEffect;
  message: string;
  citation: Citation;
  documentId?: string;
}

/** Everything the rules share, computed once. */
export interface RoiContext {
  roiCase: RoiCase;
  policy: RoiPolicy;
  asOf: string;
  age?: number;
  minor: boolean;
  authorizationProblems: AuthorizationProblem[];
  /** An authorization is attached and has no problem at all. */
  authorizationValid: boolean;
}

/** Builds the shared context; the patient is a minor under the state's age of majority unless emancipated. */
export function buildContext(roiCase: RoiCase, policy: RoiPolicy): RoiContext {
  const asOf = roiCase.request.receivedOn;
  const dob = roiCase.patient.dob;
  const age = dob ? ageOn(dob, asOf) : undefined;
  const problems = roiCase.authorization ? validateAuthorization(roiCase.authorization, { asOf, patient: roiCase.patient }) : [];
  return {
    roiCase,
    policy,
    asOf,
    age,
    minor: age !== undefined && age < policy.ageOfMajority && roiCase.patient.emancipated !== true,
    authorizationProblems: problems,
    authorizationValid: roiCase.authorization !== undefined && problems.length === 0,
  };
}

const needs = (ruleId: string, message: string, citation: Citation): Reason => ({ ruleId, effect: 'needs', message, citation });

/**
 * A request must say who asks, why and for what before anything else can be judged (45 CFR 164.508(c)(1),
 * 164.514(h)): each blank is a missing item. The patient's own request needs no stated purpose (164.524).
 */
export function checkRequestCompleteness(ctx: RoiContext): Reason[] {
  const r = ctx.roiCase.request;
  const out: Reason[] = [];
  if (!r.requester.kind) out.push(needs('REQ-WHO', 'Who is asking (patient, representative, attorney, provider...)?', CITE.verification));
  if (!r.requester.name && !r.requester.organization) out.push(needs('REQ-NAME', 'The requester’s name.', CITE.verification));
  const selfRequest = r.requester.kind === 'patient' || r.requester.kind === 'personal-representative';
  if (!r.purpose && !selfRequest) out.push(needs('REQ-PURPOSE', 'The purpose of the request.', CITE.minimumNecessary));
  if (!r.records) out.push(needs('REQ-RECORDS', 'Which records and dates are requested.', CITE.minimumNecessary));
  if (!ctx.roiCase.patient.dob && !ctx.roiCase.patient.name) out.push(needs('REQ-PATIENT', 'Enough to identify the patient (name and date of birth).', CITE.verification));
  return out;
}

/**
 * Verify the identity and authority of a person the facility does not know: the patient, a personal
 * representative, a public official (45 CFR 164.514(h); him-rules.md LE-4).
 */
export function checkVerification(ctx: RoiContext): Reason[] {
  const r = ctx.roiCase.request;
  const kind = r.requester.kind;
  if (kind !== 'patient' && kind !== 'personal-representative' && kind !== 'law-enforcement') return [];
  if (r.identityVerified === true) return [];
  const what = kind === 'law-enforcement' ? 'badge or credentials of the officer' : 'government photo ID of the requester';
  return [needs('VERIFY-ID', `Verification of identity (${what}).`, CITE.verification)];
}

/** Decedents' information stops being PHI 50 years after death (45 CFR 160.103, 164.502(f); DEC-1). */
export function isNoLongerPhi(ctx: RoiContext): boolean {
  const died = ctx.roiCase.patient.deceasedOn;
  if (died === undefined) return false;
  const fiftyYearsOn = `${String(Number(died.slice(0, 4)) + 50).padStart(4, '0')}${died.slice(4, 10)}`;
  return ctx.asOf >= fiftyYearsOn;
}

export interface BasisResult {
  basis?: Basis;
  reasons: Reason[];
  /** The scope the basis itself allows (authorization, order, warrant); absent = whatever was requested. */
  limit?: { scope: Scope; label: string; citation: Citation };
  denied: boolean;
  /** A personal representative of an unemancipated minor (164.502(g)(3)). */
  minorsParent?: boolean;
}

const permit = (basis: Basis, ruleId: string, message: string, citation: Citation, extra: Partial<BasisResult> = {}): BasisResult => ({
  basis,
  reasons: [{ ruleId, effect: 'permits', message, citation }],
  denied: false,
  ...extra,
});
const deny = (ruleId: string, message: string, citation: Citation): BasisResult => ({
  reasons: [{ ruleId, effect: 'denies', message, citation }],
  denied: true,
});
const missing = (...reasons: Reason[]): BasisResult => ({ reasons, denied: false });

/**
 * A personal representative stands in the patient's shoes (45 CFR 164.502(g)): a health-care agent or guardian
 * of an adult (g)(2), a parent or guardian of an unemancipated minor (g)(3), an executor or administrator of a
 * decedent (g)(4), unless abuse is suspected (g)(5). Next of kin without letters are not representatives.
 */
export function personalRepresentativeBasis(ctx: RoiContext): BasisResult {
  const r = ctx.roiCase.request.requester;
  const patient = ctx.roiCase.patient;
  const authority = r.authority;
  if (!authority) return missing(needs('PR-AUTHORITY', 'The legal authority the representative claims (parent, guardian, health-care POA, executor...).', CITE.personalRepresentative));
  if (patient.representativeAbuseSuspected === true)
    return deny('PR-3', 'The facility reasonably believes this representative has abused or endangers the patient; it may refuse to treat them as the representative.', CITE.representativeAbuse);
  const doc = (what: string, cite: Citation) =>
    r.authorityDocumented === true ? undefined : needs('PR-DOCS', `Documentation of authority (${what}).`, cite);

  if (authority === 'executor' || authority === 'administrator') {
    if (!patient.deceasedOn) return deny('DEC-2', `An ${authority} acts only for a deceased patient; this patient is living.`, CITE.decedentRepresentative);
    const d = doc(authority === 'executor' ? 'letters testamentary' : 'letters of administration', CITE.decedentRepresentative);
    if (d) return missing(d);
    return permit('right-of-access', 'DEC-2', `The ${authority} of the estate is the decedent’s personal representative and has the patient’s right of access.`, CITE.decedentRepresentative);
  }
  if (authority === 'next-of-kin') {
    return missing(
      needs(
        'DEC-2',
        patient.deceasedOn
          ? 'Next of kin are not personal representatives: letters testamentary/administration, or an authorization signed by the executor.'
          : 'A relative is not a personal representative: an authorization signed by the patient, or proof of guardianship or health-care POA.',
        CITE.decedentRepresentative,
      ),
    );
  }
  if (authority === 'parent' || (authority === 'guardian' && ctx.minor)) {
    if (ctx.age === undefined) return missing(needs('PR-2', 'The patient’s date of birth (is the patient a minor?).', CITE.minorRepresentative));
    if (!ctx.minor) {
      const why = patient.emancipated === true ? 'is an emancipated minor' : `is ${ctx.age}, an adult`;
      return deny('PR-2', `The patient ${why}; a parent is not the personal representative and needs the patient’s own authorization.`, CITE.minorRepresentative);
    }
    const d = doc(authority === 'parent' ? 'birth certificate or custody papers' : 'guardianship order', CITE.minorRepresentative);
    if (d) return missing(d);
    return permit('right-of-access', 'PR-2', `The ${authority} of an unemancipated minor (${ctx.age}) is the personal representative, except for care the minor lawfully consented to.`, CITE.minorRepresentative, { minorsParent: true });
  }
  // health-care POA or guardian of an adult
  if (patient.deceasedOn) return deny('PR-1', 'A health-care agent’s or guardian’s authority ends at death; the executor or administrator now acts.', CITE.decedentRepresentative);
  const d = doc(authority === 'guardian' ? 'guardianship order' : 'health-care power of attorney', CITE.personalRepresentative);
  if (d) return missing(d);
  return permit('right-of-access', 'PR-1', `The ${authority === 'guardian' ? 'guardian' : 'health-care agent'} is treated as the patient.`, CITE.personalRepresentative);
}

/**
 * Court and administrative process (45 CFR 164.512(e)): an order (or a judge-signed subpoena) allows what it
 * expressly covers (LEGAL-1, LEGAL-5); a subpoena alone needs satisfactory assurance of notice or a qualified
 * protective order (LEGAL-2..4).
 */
export function judicialBasis(ctx: RoiContext): BasisResult {
  const legal = ctx.roiCase.request.legal;
  if (!legal) return missing(needs('LEGAL-1', 'The signed court order or subpoena itself.', CITE.courtOrder));
  const isOrder = legal.instrument === 'court-order' || (legal.instrument === 'subpoena' && legal.issuedBy === 'judge');
  if (isOrder) {
    const scope = legal.covers ?? ctx.roiCase.request.records;
    if (!scope) return missing(needs('LEGAL-1', 'The order’s terms: which records it expressly covers.', CITE.courtOrder));
    const via = legal.instrument === 'subpoena' ? 'A subpoena signed by a judge is treated as a court order' : 'A court order';
    return permit('court-order', 'LEGAL-1', `${via}: release only what it expressly covers.`, legal.instrument === 'subpoena' ? CITE.judgeSignedSubpoena : CITE.courtOrder, {
      limit: { scope, label: 'the court order', citation: CITE.courtOrder },
    });
  }
  if (legal.instrument === 'subpoena') {
    if (legal.assurance === 'notice')
      return permit('subpoena-with-assurance', 'LEGAL-3', 'Subpoena with written assurance that the patient was notified and the time to object passed with no objection.', CITE.subpoenaAssurance);
    if (legal.assurance === 'protective-order')
      return permit('subpoena-with-assurance', 'LEGAL-4', 'Subpoena with written assurance of a qualified protective order.', CITE.subpoenaAssurance);
    return missing(
      needs('LEGAL-2', 'Satisfactory assurance: a written statement and documentation that the patient was given notice and did not object, or that a qualified protective order was sought (or the patient’s authorization).', CITE.subpoenaAssurance),
    );
  }
  return missing(needs('LEGAL-1', `A ${legal.instrument.replace(/-/g, ' ')} is not court process: the order, subpoena or the patient’s authorization.`, CITE.courtOrder));
}

/**
 * Law enforcement (45 CFR 164.512(f)): a warrant, judge-issued or grand-jury subpoena, or court order (LE-1);
 * an administrative request with the three-part statement (LE-2); or only the listed identifying data to
 * locate a suspect, fugitive, witness or missing person (LE-3).
 */
export function lawEnforcementBasis(ctx: RoiContext): BasisResult {
  const r = ctx.roiCase.request;
  const legal = r.legal;
  if (legal && (legal.instrument === 'warrant' || legal.instrument === 'grand-jury-subpoena' || legal.instrument === 'court-order' || (legal.instrument === 'subpoena' && legal.issuedBy === 'judge'))) {
    const scope = legal.covers ?? r.records;
    return permit('law-enforcement-process', 'LE-1', `A ${legal.instrument.replace(/-/g, ' ')} allows disclosure of what it covers.`, CITE.lawEnforcementProcess, {
      limit: scope ? { scope, label: `the ${legal.instrument.replace(/-/g, ' ')}`, citation: CITE.lawEnforcementProcess } : undefined,
    });
  }
  if (legal?.instrument === 'administrative-request') {
    if (legal.administrativeStatement === true)
      return permit('law-enforcement-administrative', 'LE-2', 'Administrative request stating the information is relevant and material, specific and limited, and de-identified data would not do.', CITE.lawEnforcementAdministrative);
    return missing(needs('LE-2', 'The agency’s written statement that the information is relevant and material, specific and limited, and that de-identified data would not do.', CITE.lawEnforcementAdministrative));
  }
  if (r.purpose === 'locate-suspect')
    return permit('law-enforcement-locate', 'LE-3', 'To identify or locate a suspect, fugitive, witness or missing person, only name, address, date and place of birth, SSN, blood type, injury, treatment date/time and distinguishing features may go.', CITE.lawEnforcementLocate, {
      limit: { scope: { documentTypes: ['face-sheet'] }, label: 'the identifying data 164.512(f)(2) lists', citation: CITE.lawEnforcementLocate },
    });
  if (legal?.instrument === 'subpoena')
    return missing(needs('LE-1', 'An attorney-issued subpoena does not bind the facility for police: a warrant, a judge-issued or grand-jury subpoena, or a court order.', CITE.lawEnforcementProcess));
  return missing(needs('LE-1', 'Legal process: a warrant, a court order, a judge-issued or grand-jury subpoena, or an administrative request with the required statement.', CITE.lawEnforcementProcess));
}

/**
 * Disclosures that need the patient's authorization (45 CFR 164.508(a)(1)): a void form is denied
 * (AUTH-D1, D3-D6), an incomplete one is returned for the missing items (AUTH-E*, S*), and a valid one limits
 * the release to what it describes. The form must also name this requester as the recipient.
 */
export function authorizationBasis(ctx: RoiContext): BasisResult {
  const auth = ctx.roiCase.authorization;
  if (!auth) return missing(needs('AUTH-REQUIRED', 'A valid HIPAA authorization signed by the patient (or personal representative).', CITE.authorizationRequired));
  const voiding = ctx.authorizationProblems.filter((p) => !p.curable);
  if (voiding.length > 0)
    return { reasons: voiding.map((p) => ({ ruleId: p.code, effect: 'denies', message: p.message, citation: p.citation })), denied: true };
  const curable = ctx.authorizationProblems.filter((p) => p.curable);
  if (curable.length > 0) return missing(...curable.map((p) => needs(p.code, `A corrected authorization: ${p.message}`, p.citation)));
  const requester = ctx.roiCase.request.requester;
  if (auth.recipient && (requester.name || requester.organization) && !recipientMatches(auth.recipient, `${requester.name ?? ''} ${requester.organization ?? ''}`))
    return missing(needs('AUTH-E3', `The authorization names "${auth.recipient}" as recipient, not this requester: an authorization naming the requester.`, CITE.coreElements));
  const scope = auth.information ?? {};
  return permit('authorization', 'AUTH-VALID', 'A valid authorization: release what it describes, to the recipient it names.', CITE.coreElements, {
    limit: { scope, label: 'the authorization', citation: CITE.coreElements },
  });
}

/** Loose recipient match: some word of 4+ letters in common (firm, insurer or person name). */
function recipientMatches(recipient: string, requester: string): boolean {
  const words = (s: string) => new Set(s.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4 && !['the', 'and', 'llp', 'inc', 'attn', 'center', 'office'].includes(w)));
  const a = words(recipient);
  return [...words(requester)].some((w) => a.has(w));
}

/**
 * Chooses the legal basis for the disclosure by who asks and why: the patient's right of access (164.524),
 * a personal representative (164.502(g)), treatment and payment (164.506(c)), court process (164.512(e)),
 * law enforcement (164.512(f)), public health (164.512(b)), research waivers (164.512(i)), otherwise a valid
 * authorization (164.508).
 */
export function determineBasis(ctx: RoiContext): BasisResult {
  const r = ctx.roiCase.request;
  if (isNoLongerPhi(ctx))
    return permit('not-phi', 'DEC-1', 'The patient died more than 50 years ago: the record is no longer PHI under HIPAA.', CITE.decedentFiftyYears);
  switch (r.requester.kind) {
    case undefined:
      return missing();
    case 'patient':
      return permit('right-of-access', 'ACC-1', 'The patient has a right to inspect and copy the designated record set.', CITE.rightOfAccess);
    case 'personal-representative':
      return personalRepresentativeBasis(ctx);
    case 'court':
      return judicialBasis(ctx);
    case 'law-enforcement':
      return lawEnforcementBasis(ctx);
    case 'public-health-authority':
      return permit('public-health', 'NA-5', 'A public health authority authorized by law to collect the information: no authorization needed.', CITE.publicHealth);
    case 'provider':
      if (r.purpose === 'treatment') return permit('treatment', 'NA-1', 'Another provider’s treatment of the patient: no authorization needed.', CITE.tpo);
      return authorizationBasis(ctx);
    case 'insurer':
      if (r.requester.insurerType === 'health-plan' && (r.purpose === 'payment' || r.purpose === 'operations'))
        return permit('payment', 'NA-1', 'The patient’s health plan, for payment of the facility’s claim: no authorization needed (minimum necessary applies).', CITE.tpo);
      return authorizationBasis(ctx);
    case 'attorney':
      if (r.legal && (r.legal.instrument === 'court-order' || r.legal.issuedBy === 'judge')) return judicialBasis(ctx);
      if (!r.legal || ctx.authorizationValid) return authorizationBasis(ctx);
      // A subpoena with a defective authorization attached still stands or falls on its own assurances.
      return judicialBasis(ctx);
    case 'researcher':
      if (r.researchWaiver === 'irb' || r.researchWaiver === 'privacy-board')
        return permit('research-waiver', 'NA-10', `Research with a documented ${r.researchWaiver === 'irb' ? 'IRB' : 'privacy board'} waiver of authorization.`, CITE.research);
      return authorizationBasis(ctx);
    default:
      return authorizationBasis(ctx);
  }
}

/** Whether an item falls inside a scope: document type, date range and the express naming of psychotherapy notes. */
export function inScope(item: InventoryItem, scope: Scope): boolean {
  if (scope.documentTypes && scope.documentTypes.length > 0 && !scope.documentTypes.includes(item.type)) return false;
  if (scope.from && item.date < scope.from) return false;
  if (scope.to && item.date > scope.to) return false;
  if (item.recordTypes.includes('psychotherapy-notes') && scope.psychotherapyNotes !== true) return false;
  return true;
}

/** The request asks for this document (164.514(d)(3): what was asked for, never more). */
export function isRequested(item: InventoryItem, ctx: RoiContext): boolean {
  const records = ctx.roiCase.request.records;
  return records !== undefined && inScope(item, records);
}

/** A valid authorization attached to the request that names this sensitive class. */
function authorizationNames(ctx: RoiContext, type: SensitiveType): boolean {
  const info = ctx.roiCase.authorization?.information;
  if (!ctx.authorizationValid || !info) return false;
  return type === 'psychotherapy-notes' ? info.psychotherapyNotes === true : (info.sensitive ?? []).includes(type);
}

/** The order or warrant names this sensitive class expressly. */
function processNames(ctx: RoiContext, type: SensitiveType): boolean {
  const covers = ctx.roiCase.request.legal?.covers;
  if (!covers) return false;
  return type === 'psychotherapy-notes' ? covers.psychotherapyNotes === true : (covers.sensitive ?? []).includes(type);
}

const withhold = (item: InventoryItem, ruleId: string, message: string, citation: Citation): Reason => ({ ruleId, effect: 'withholds', message, citation, documentId: item.documentId });
const allow = (item: InventoryItem, ruleId: string, message: string, citation: Citation): Reason => ({ ruleId, effect: 'permits', message, citation, documentId: item.documentId });

/**
 * The basis's own scope (LEGAL-1: an order covers only what it says; AUTH-E1: an authorization only what it
 * describes; LE-3: only identifying data). A requested document outside it is withheld.
 */
export function scopeRule(item: InventoryItem, basis: BasisResult): Reason | undefined {
  if (!basis.limit) return undefined;
  if (inScope(item, { ...basis.limit.scope, psychotherapyNotes: true })) return undefined;
  return withhold(item, 'SCOPE', `Not covered by ${basis.limit.label}, which covers ${describeScope(basis.limit.scope)}.`, basis.limit.citation);
}

/** Plain words for a scope: "discharge summary, laboratory, 2026-03-01 to 2026-03-31". */
export function describeScope(scope: Scope): string {
  const types = scope.documentTypes && scope.documentTypes.length > 0 ? scope.documentTypes.map((t) => DOCUMENT_TYPES[t].toLowerCase()).join(', ') : 'all document types';
  const dates = scope.from || scope.to ? ` from ${scope.from ?? 'the start'} to ${scope.to ?? 'the present'}` : ', any date';
  return `${types}${dates}`;
}

/**
 * Psychotherapy notes (45 CFR 164.508(a)(2), 164.524(a)(1)(i); PN-1..3): never under the right of access; otherwise
 * only with an authorization for them or when an order or warrant names them (required by law, 164.512(a)).
 */
export function psychotherapyNotesRule(item: InventoryItem, ctx: RoiContext, basis: Basis): Reason | undefined {
  if (!item.recordTypes.includes('psychotherapy-notes') || basis === 'not-phi') return undefined;
  if (basis === 'right-of-access')
    return withhold(item, 'PN-3', 'Psychotherapy notes are excluded from the right of access (an unreviewable denial for this document).', CITE.accessExcludesPsychotherapyNotes);
  if ((basis === 'court-order' || basis === 'law-enforcement-process') && processNames(ctx, 'psychotherapy-notes'))
    return allow(item, 'PN-2', 'The order names psychotherapy notes: a disclosure required by law.', CITE.requiredByLaw);
  if (authorizationNames(ctx, 'psychotherapy-notes')) return allow(item, 'PN-2', 'A separate authorization for psychotherapy notes.', CITE.psychotherapyNotes);
  return withhold(item, 'PN-2', 'Psychotherapy notes need their own authorization (not a general one, not a subpoena).', CITE.psychotherapyNotes);
}

/**
 * SUD program records (42 CFR Part 2; P2-1..9): the patient may see them (2.23); others need written Part 2
 * consent (2.31), a Part 2 court order (2.61-2.65; never a subpoena alone), a medical emergency (2.51) or
 * qualifying research (2.52). A minor who could consent to SUD care controls them (2.14).
 */
export function part2Rule(item: InventoryItem, ctx: RoiContext, basis: BasisResult): Reason | undefined {
  if (!item.recordTypes.includes('sud-part2')) return undefined;
  const b = basis.basis;
  const isPatient = ctx.roiCase.request.requester.kind === 'patient';
  if (b === 'right-of-access' && isPatient) return allow(item, 'P2-ACCESS', 'The patient may have their own Part 2 records.', CITE.part2PatientAccess);
  if (basis.minorsParent && item.minorConsented)
    return withhold(item, 'P2-MINOR', 'The minor consented to this SUD care; only the minor can consent to its disclosure, even to a parent.', CITE.part2Minor);
  if (b === 'court-order' || b === 'law-enforcement-process') {
    if (ctx.roiCase.request.legal?.part2CourtOrder === true) return allow(item, 'P2-4', 'A Part 2 court order with the 2.64/2.65 findings.', CITE.part2Subpoena);
    return withhold(item, 'P2-4', 'Part 2 records need a Part 2 court order with specific findings; an ordinary order or warrant is not enough.', CITE.part2Subpoena);
  }
  if (b === 'subpoena-with-assurance') return withhold(item, 'P2-4', 'A subpoena alone never compels Part 2 records.', CITE.part2Subpoena);
  if (b === 'treatment' && ctx.roiCase.request.emergency === true) return allow(item, 'P2-9', 'A bona fide medical emergency.', CITE.part2Emergency);
  if (b === 'research-waiver') return allow(item, 'P2-9', 'Research meeting the HIPAA/Common Rule conditions.', CITE.part2Research);
  if (authorizationNames(ctx, 'sud-part2')) return allow(item, 'P2-2', 'Written Part 2 consent; send the 2.32 redisclosure notice with it.', CITE.part2Consent);
  return withhold(item, 'P2-2', 'SUD program records need the patient’s written Part 2 consent naming them.', CITE.part2Consent);
}

/**
 * More-protective state law (45 CFR 160.203), pluggable in the policy: HIV (and, where the state says so,
 * mental health) information goes outside the patient, treatment and public health only with specific
 * authorization or an order naming it.
 */
export function stateLawRule(item: InventoryItem, ctx: RoiContext, basis: Basis, type: 'hiv' | 'mental-health'): Reason | undefined {
  if (!item.recordTypes.includes(type)) return undefined;
  const required = type === 'hiv' ? ctx.policy.hivSpecificConsent : ctx.policy.mentalHealthSpecificConsent;
  const label = type === 'hiv' ? 'HIV information' : 'Mental health information';
  if (!required) {
    return type === 'mental-health'
      ? allow(item, 'PN-1', 'Mental health records other than psychotherapy notes are ordinary PHI.', CITE.psychotherapyNotes)
      : undefined;
  }
  if (basis === 'right-of-access' || basis === 'treatment' || basis === 'public-health' || basis === 'not-phi') return undefined;
  if ((basis === 'court-order' || basis === 'law-enforcement-process') && processNames(ctx, type)) return allow(item, 'STATE', `The order names ${label.toLowerCase()}.`, CITE.stateLaw);
  if (authorizationNames(ctx, type)) return allow(item, 'STATE', `The authorization specifically names ${label.toLowerCase()}.`, CITE.stateLaw);
  return withhold(item, 'STATE', `${label} needs a specific authorization or an order naming it (state law).`, CITE.stateLaw);
}

/**
 * Care an unemancipated minor lawfully consented to is outside the parent's authority (45 CFR 164.502(g)(3)(i);
 * PR-2); the facility policy withholds it unless state law gives the parent access.
 */
export function minorConsentedCareRule(item: InventoryItem, basis: BasisResult): Reason | undefined {
  if (!basis.minorsParent || item.minorConsented !== true || item.recordTypes.includes('sud-part2')) return undefined;
  return withhold(item, 'PR-2', 'The minor lawfully consented to this care; the parent is not the personal representative for it.', CITE.minorRepresentative);
}

/** Services paid in full out of pocket with a restriction do not go to the health plan (45 CFR 164.522(a)(1)(vi); RST-1). */
export function selfPayRestrictionRule(item: InventoryItem, basis: Basis): Reason | undefined {
  if (basis !== 'payment' || item.selfPayRestricted !== true) return undefined;
  return withhold(item, 'RST-1', 'Paid in full out of pocket; the patient asked that it not go to the health plan.', CITE.selfPayRestriction);
}

/** Minimum necessary applies to this basis (45 CFR 164.502(b)(2): not treatment, the patient, authorizations, what law requires). */
export function minimumNecessaryApplies(basis: Basis): boolean {
  return ['payment', 'subpoena-with-assurance', 'law-enforcement-administrative', 'law-enforcement-locate', 'public-health', 'research-waiver'].includes(basis);
}

export interface Deadline {
  dueDate: string;
  rule: string;
  citation: Citation;
}

/**
 * The response deadline: the right of access gets 30 calendar days, or 60 with a written extension notice sent
 * within the first 30 (45 CFR 164.524(b)(2); ACC-2); legal process is due on its compliance date; other requests
 * follow facility policy (treatment requests next day, others 30 days).
 */
export function responseDeadline(ctx: RoiContext): Deadline {
  const r = ctx.roiCase.request;
  const kind = r.requester.kind;
  if (kind === 'patient' || kind === 'personal-representative') {
    const notice = r.extensionNoticeSent;
    if (notice !== undefined && daysBetween(r.receivedOn, notice) <= 30 && daysBetween(r.receivedOn, notice) >= 0)
      return { dueDate: addDays(r.receivedOn, 60), rule: '30 days plus the one 30-day extension (notice sent in the first 30 days)', citation: CITE.accessTimeliness };
    const late = notice !== undefined ? ' (the extension notice came after day 30, so it does not extend)' : '';
    return { dueDate: addDays(r.receivedOn, 30), rule: `30 calendar days from receipt${late}`, citation: CITE.accessTimeliness };
  }
  if (r.legal?.instrument === 'warrant' && !r.legal.complianceDate)
    return { dueDate: r.receivedOn, rule: 'a search warrant is executed when it is served', citation: CITE.lawEnforcementProcess };
  if (r.legal?.complianceDate) return { dueDate: r.legal.complianceDate, rule: 'the compliance date on the legal process', citation: CITE.courtOrder };
  if (kind === 'provider' && r.purpose === 'treatment')
    return { dueDate: addDays(r.receivedOn, ctx.policy.treatmentResponseDays), rule: `facility policy: treatment requests within ${ctx.policy.treatmentResponseDays} day(s)`, citation: CITE.facilityPolicy };
  return { dueDate: addDays(r.receivedOn, ctx.policy.thirdPartyResponseDays), rule: `facility policy: ${ctx.policy.thirdPartyResponseDays} calendar days`, citation: CITE.facilityPolicy };
}

export type FeeRule = 'none' | 'access-cost-based' | 'no-charge' | 'third-party-schedule';
export const FEE_LABELS: Record<FeeRule, string> = {
  none: 'No fee (nothing released)',
  'access-cost-based': 'Reasonable cost-based fee (labor to copy, supplies, postage; or the $6.50 flat fee for electronic copies); no search or retrieval fee',
  'no-charge': 'No charge (treatment, public health or government request; facility policy)',
  'third-party-schedule': 'State/facility copy-fee schedule for third parties (outside the 164.524 cap)',
};

/** The fee rule: cost-based for the right of access (45 CFR 164.524(c)(4); ACC-4..6), otherwise facility policy. */
export function feeRule(basis: Basis | undefined, decision: Decision): { rule: FeeRule; citation: Citation } {
  if (decision === 'deny' || decision === 'request-more-information' || basis === undefined) return { rule: 'none', citation: CITE.facilityPolicy };
  if (basis === 'right-of-access') return { rule: 'access-cost-based', citation: CITE.accessFee };
  if (basis === 'treatment' || basis === 'public-health' || basis.startsWith('law-enforcement')) return { rule: 'no-charge', citation: CITE.facilityPolicy };
  return { rule: 'third-party-schedule', citation: CITE.accessFee };
}

/**
 * Whether the disclosure goes into the accounting of disclosures (45 CFR 164.528; AOD-2, AOD-3): court and
 * administrative process, law enforcement, public health and research without authorization do; treatment,
 * payment, the patient and authorized disclosures do not. Nothing released = nothing to account for.
 */
export function accountingRule(basis: Basis | undefined, released: boolean): { required: boolean; reason: string; citation: Citation } {
  if (!released || basis === undefined) return { required: false, reason: 'Nothing is disclosed, so nothing is logged.', citation: CITE.accounting };
  const included: Partial<Record<Basis, string>> = {
    'court-order': 'a disclosure under a court order',
    'subpoena-with-assurance': 'a disclosure in response to a subpoena',
    'law-enforcement-process': 'a disclosure to law enforcement',
    'law-enforcement-administrative': 'a disclosure to law enforcement',
    'law-enforcement-locate': 'a disclosure to law enforcement',
    'public-health': 'a public health disclosure',
    'research-waiver': 'a research disclosure under a waiver of authorization',
  };
  const why = included[basis];
  if (why) return { required: true, reason: `Log it: ${why} must appear in the accounting of disclosures.`, citation: CITE.accounting };
  const excluded: Record<string, string> = {
    'right-of-access': 'disclosures to the patient (or their representative)',
    treatment: 'treatment disclosures',
    payment: 'payment disclosures',
    authorization: 'disclosures made under the patient’s authorization',
    'not-phi': 'records that are no longer PHI',
  };
  return { required: false, reason: `Do not log it: ${excluded[basis] ?? 'this disclosure'} are excluded from the accounting.`, citation: CITE.accountingExcluded };
}
