/**
 * The HIPAA authorization validator: finds every missing core element, missing required statement, and
 * every defect that makes the form invalid (him-rules.md 1.1-1.2; 45 CFR 164.508).
 */
import type { Citation } from '../tasks/taskTypes';
import { CITE } from './citations';
import type { AuthorizationForm, PatientFacts } from './roiSchema';

export const AUTHORIZATION_PROBLEM_CODES = [
  'AUTH-ID',
  'AUTH-E1',
  'AUTH-E2',
  'AUTH-E3',
  'AUTH-E4',
  'AUTH-E5',
  'AUTH-E6',
  'AUTH-S1',
  'AUTH-S2',
  'AUTH-S3',
  'AUTH-S5',
  'AUTH-D1',
  'AUTH-D3',
  'AUTH-D4',
  'AUTH-D5',
  'AUTH-D6',
] as const;
export type AuthorizationProblemCode = (typeof AUTHORIZATION_PROBLEM_CODES)[number];

/** Short names for the check-list the learner ticks. */
export const AUTHORIZATION_PROBLEM_LABELS: Record<AuthorizationProblemCode, string> = {
  'AUTH-ID': 'Does not identify this patient',
  'AUTH-E1': 'No specific description of the information',
  'AUTH-E2': 'No one named who may disclose',
  'AUTH-E3': 'No recipient named',
  'AUTH-E4': 'No purpose stated',
  'AUTH-E5': 'No valid expiration date or event',
  'AUTH-E6': 'Signature, date or representative’s authority missing',
  'AUTH-S1': 'No right-to-revoke statement',
  'AUTH-S2': 'No statement on conditioning treatment/payment',
  'AUTH-S3': 'No redisclosure statement',
  'AUTH-S5': 'Remuneration not disclosed',
  'AUTH-D1': 'Expired',
  'AUTH-D3': 'Revoked in writing',
  'AUTH-D4': 'Prohibited compound authorization',
  'AUTH-D5': 'Improper conditioning',
  'AUTH-D6': 'Material information known to be false',
};

export interface AuthorizationProblem {
  code: AuthorizationProblemCode;
  /** Field of the form, e.g. "signature.date". */
  field: string;
  message: string;
  citation: Citation;
  /**
   * True when the requester can cure it by sending a corrected form (a blank element or statement):
   * the engine then answers "request more information". False = the form is void: deny.
   */
  curable: boolean;
}

export interface AuthorizationContext {
  /** The date the request is being processed (expiry is judged on it). */
  asOf: string;
  patient: PatientFacts;
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** Name tokens without initials or punctuation, for "is this the same person" checks. */
function nameTokens(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .replace(/[^a-z\s'-]/g, ' ')
      .split(/\s+/)
      .filter((t) => t.length > 1),
  );
}

/**
 * Whether two written names plausibly name the same person: every full-word token of the shorter name
 * appears in the longer one, and at least two do (given + family name). Used for AUTH-ID and AUTH-E6.
 */
export function sameName(a: string, b: string): boolean {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  const [small, big] = ta.size <= tb.size ? [ta, tb] : [tb, ta];
  if (small.size < 2) return false;
  return [...small].every((t) => big.has(t));
}

/**
 * Core elements (45 CFR 164.508(c)(1); him-rules.md AUTH-E1..E6) plus identification of the patient.
 * Each blank element is a separate, curable problem.
 */
export function checkCoreElements(form: AuthorizationForm, context: AuthorizationContext): AuthorizationProblem[] {
  const out: AuthorizationProblem[] = [];
  const add = (code: AuthorizationProblemCode, field: string, message: string) =>
    out.push({ code, field, message, citation: CITE.coreElements, curable: true });

  const patientName = context.patient.name;
  if (blank(form.patientName)) add('AUTH-ID', 'patientName', 'The form does not name the patient.');
  else if (patientName && !sameName(form.patientName!, patientName))
    add('AUTH-ID', 'patientName', `The form names "${form.patientName}", not the patient ${patientName}.`);
  else if (form.patientDob && context.patient.dob && form.patientDob !== context.patient.dob)
    add('AUTH-ID', 'patientDob', `The form gives date of birth ${form.patientDob}; the patient was born ${context.patient.dob}.`);

  const info = form.information;
  const describes = info && (!blank(info.description) || (info.documentTypes?.length ?? 0) > 0 || info.psychotherapyNotes === true);
  if (!describes) add('AUTH-E1', 'information', 'No specific and meaningful description of the information to be disclosed.');
  if (blank(form.disclosingParty)) add('AUTH-E2', 'disclosingParty', 'No person or class of persons is named as authorized to disclose.');
  if (blank(form.recipient)) add('AUTH-E3', 'recipient', 'No recipient (person or class of persons) is named.');
  if (blank(form.purpose)) add('AUTH-E4', 'purpose', 'No purpose is stated ("at the request of the individual" would do).');

  const exp = form.expiration;
  const openEnded = exp?.event !== undefined && /^(none|n\/a|never|end of (the )?study)$/i.test(exp.event.trim());
  if (!exp || (exp.date === undefined && blank(exp.event))) add('AUTH-E5', 'expiration', 'No expiration date or expiration event.');
  else if (exp.date === undefined && openEnded && form.research !== true)
    add('AUTH-E5', 'expiration.event', `"${exp.event}" is allowed as an expiration only for research.`);

  const sig = form.signature;
  if (!sig || blank(sig.signedBy)) add('AUTH-E6', 'signature.signedBy', 'The form is not signed.');
  else {
    if (sig.date === undefined) add('AUTH-E6', 'signature.date', 'The signature is not dated.');
    const byPatient = patientName !== undefined && sameName(sig.signedBy!, patientName);
    if (!byPatient && blank(sig.representativeAuthority))
      add('AUTH-E6', 'signature.representativeAuthority', `Signed by ${sig.signedBy}, not the patient, with no description of their authority to act for the patient.`);
  }
  return out;
}

/** Required statements (45 CFR 164.508(c)(2)-(3), (a)(3)-(4); him-rules.md AUTH-S1..S3, S5). Each is curable. */
export function checkRequiredStatements(form: AuthorizationForm): AuthorizationProblem[] {
  const out: AuthorizationProblem[] = [];
  const s = form.statements ?? {};
  if (s.revocation !== true)
    out.push({ code: 'AUTH-S1', field: 'statements.revocation', message: 'No statement of the right to revoke in writing and how.', citation: CITE.requiredStatements, curable: true });
  if (s.conditioning !== true)
    out.push({ code: 'AUTH-S2', field: 'statements.conditioning', message: 'No statement on whether treatment, payment, enrollment or eligibility may be conditioned on signing.', citation: CITE.requiredStatements, curable: true });
  if (s.redisclosure !== true)
    out.push({ code: 'AUTH-S3', field: 'statements.redisclosure', message: 'No statement that the recipient may redisclose and the information may lose HIPAA protection.', citation: CITE.requiredStatements, curable: true });
  if (form.remunerationInvolved === true && s.remuneration !== true)
    out.push({ code: 'AUTH-S5', field: 'statements.remuneration', message: 'Marketing or a sale of PHI with remuneration, but the form does not say so.', citation: CITE.remuneration, curable: true });
  return out;
}

/** Expired by date or by a known event (45 CFR 164.508(b)(2)(i); AUTH-D1). */
export function checkExpiry(form: AuthorizationForm, context: AuthorizationContext): AuthorizationProblem[] {
  const exp = form.expiration;
  if (exp?.date !== undefined && exp.date < context.asOf)
    return [{ code: 'AUTH-D1', field: 'expiration.date', message: `Expired on ${exp.date}, before the request was processed (${context.asOf}).`, citation: CITE.defective, curable: false }];
  if (exp?.eventOccurred === true)
    return [{ code: 'AUTH-D1', field: 'expiration.event', message: `The expiration event ("${exp.event ?? 'event'}") has occurred.`, citation: CITE.defective, curable: false }];
  return [];
}

/** Revoked in writing (45 CFR 164.508(b)(5); AUTH-D3). Disclosures already made in reliance stand. */
export function checkRevocation(form: AuthorizationForm): AuthorizationProblem[] {
  if (form.revokedOn === undefined) return [];
  return [{ code: 'AUTH-D3', field: 'revokedOn', message: `The patient revoked this authorization in writing on ${form.revokedOn}.`, citation: CITE.revocation, curable: false }];
}

/**
 * Prohibited compound authorizations (45 CFR 164.508(b)(3); AUTH-D4): psychotherapy-note authorizations combine
 * only with other psychotherapy-note authorizations; research authorizations may combine with research consents;
 * nothing combines with a consent to treatment.
 */
export function checkCompound(form: AuthorizationForm): AuthorizationProblem[] {
  const withWhat = form.combinedWith ?? 'none';
  if (withWhat === 'none') return [];
  const forNotes = form.information?.psychotherapyNotes === true;
  let problem: string | undefined;
  if (forNotes && withWhat !== 'psychotherapy-notes-authorization')
    problem = `A psychotherapy-note authorization is combined with a ${withWhat.replace(/-/g, ' ')}.`;
  else if (!forNotes && withWhat === 'psychotherapy-notes-authorization')
    problem = 'An authorization for other records is combined with a psychotherapy-note authorization.';
  else if (withWhat === 'research-consent' && form.research !== true)
    problem = 'Only a research authorization may be combined with a research consent.';
  else if (withWhat === 'treatment-consent' || withWhat === 'other')
    problem = `The authorization is part of a ${withWhat === 'other' ? 'another document' : 'consent to treatment'}.`;
  return problem ? [{ code: 'AUTH-D4', field: 'combinedWith', message: problem, citation: CITE.compound, curable: false }] : [];
}

/**
 * Improper conditioning (45 CFR 164.508(b)(4); AUTH-D5): allowed only for research-related treatment, a health
 * plan's enrollment/underwriting, or care given solely to produce information for a third party, and never for
 * psychotherapy notes.
 */
export function checkConditioning(form: AuthorizationForm): AuthorizationProblem[] {
  const on = form.conditionedOn ?? 'none';
  if (on === 'none') return [];
  const forNotes = form.information?.psychotherapyNotes === true;
  const allowed =
    (on === 'research-treatment' && form.research === true) || ((on === 'plan-underwriting' || on === 'third-party-exam') && !forNotes);
  if (allowed) return [];
  return [{ code: 'AUTH-D5', field: 'conditionedOn', message: `The form conditions ${on.replace(/-/g, ' ')} on signing it.`, citation: CITE.conditioning, curable: false }];
}

/** Material information known to be false (45 CFR 164.508(b)(2)(v); AUTH-D6). */
export function checkKnownFalse(form: AuthorizationForm): AuthorizationProblem[] {
  if (blank(form.knownFalse)) return [];
  return [{ code: 'AUTH-D6', field: 'knownFalse', message: `Known to be false: ${form.knownFalse}.`, citation: CITE.defective, curable: false }];
}

/**
 * Validates an authorization form completely (45 CFR 164.508(b)-(c); him-rules.md 1.1-1.2). Never throws;
 * returns every problem in form order, so the learner's check-list can be scored item by item.
 */
export function validateAuthorization(form: AuthorizationForm, context: AuthorizationContext): AuthorizationProblem[] {
  return [
    ...checkCoreElements(form, context),
    ...checkRequiredStatements(form),
    ...checkExpiry(form, context),
    ...checkRevocation(form),
    ...checkCompound(form),
    ...checkConditioning(form),
    ...checkKnownFalse(form),
  ];
}

/** The distinct problem codes, in check-list order. */
export function problemCodes(problems: readonly AuthorizationProblem[]): AuthorizationProblemCode[] {
  const set = new Set(problems.map((p) => p.code));
  return AUTHORIZATION_PROBLEM_CODES.filter((c) => set.has(c));
}
