/**
 * The data an ROI (release of information) request carries: who asks, why, for what, under which legal
 * instrument or authorization, about which patient, and the chart inventory it touches.
 *
 * Everything a request *might* leave out is optional on purpose: an incomplete request is a teaching case
 * (the rules engine answers "request more information" and names the missing items, him-rules.md 1.1-1.5),
 * while a *malformed* one (an unknown requester kind, a date that is not a date) fails scenario validation
 * with the field path.
 */
import * as v from 'valibot';
import { date, DOCUMENT_TYPES, type DocumentType } from '../../content/scenarioSchema';

/** Record classes that carry extra protection (him-rules.md 1.7, 1.8; state law via 45 CFR 160.203). */
export const SENSITIVE_TYPES = ['psychotherapy-notes', 'sud-part2', 'hiv', 'mental-health'] as const;
export type SensitiveType = (typeof SENSITIVE_TYPES)[number];
export const SENSITIVE_LABELS: Record<SensitiveType, string> = {
  'psychotherapy-notes': 'Psychotherapy notes',
  'sud-part2': 'SUD program records (42 CFR Part 2)',
  hiv: 'HIV/AIDS information',
  'mental-health': 'Mental health information',
};

export const REQUESTER_KINDS = [
  'patient',
  'personal-representative',
  'attorney',
  'court',
  'insurer',
  'provider',
  'law-enforcement',
  'employer',
  'researcher',
  'public-health-authority',
  'other',
] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];
export const REQUESTER_LABELS: Record<RequesterKind, string> = {
  patient: 'Patient',
  'personal-representative': 'Personal representative',
  attorney: 'Attorney',
  court: 'Court',
  insurer: 'Insurer',
  provider: 'Health care provider',
  'law-enforcement': 'Law enforcement',
  employer: 'Employer',
  researcher: 'Researcher',
  'public-health-authority': 'Public health authority',
  other: 'Other',
};

/** Authority a personal representative claims (45 CFR 164.502(g)). */
export const REPRESENTATIVE_AUTHORITIES = ['parent', 'guardian', 'health-care-poa', 'executor', 'administrator', 'next-of-kin'] as const;
export type RepresentativeAuthority = (typeof REPRESENTATIVE_AUTHORITIES)[number];

export const PURPOSES = [
  'right-of-access',
  'personal',
  'treatment',
  'payment',
  'operations',
  'litigation',
  'law-enforcement',
  'locate-suspect',
  'public-health',
  'research',
  'employment',
  'underwriting',
  'other',
] as const;
export type Purpose = (typeof PURPOSES)[number];
export const PURPOSE_LABELS: Record<Purpose, string> = {
  'right-of-access': 'Copy for the patient (right of access)',
  personal: 'At the request of the individual',
  treatment: 'Treatment / continuity of care',
  payment: 'Payment of a claim',
  operations: 'Health care operations',
  litigation: 'Litigation',
  'law-enforcement': 'Law-enforcement investigation',
  'locate-suspect': 'Identify or locate a suspect, fugitive, witness or missing person',
  'public-health': 'Public health reporting',
  research: 'Research',
  employment: 'Employment',
  underwriting: 'Insurance underwriting / eligibility',
  other: 'Other',
};

export const LEGAL_INSTRUMENTS = ['subpoena', 'court-order', 'warrant', 'grand-jury-subpoena', 'administrative-request'] as const;
export type LegalInstrument = (typeof LEGAL_INSTRUMENTS)[number];

const text = v.pipe(v.string('expected text'), v.trim());
const documentType = v.picklist(
  Object.keys(DOCUMENT_TYPES) as DocumentType[],
  `unknown document type (use one of: ${Object.keys(DOCUMENT_TYPES).join(', ')})`,
);
const sensitiveType = v.picklist(SENSITIVE_TYPES, `unknown record type (use one of: ${SENSITIVE_TYPES.join(', ')})`);

/** What a request, an authorization or an order covers. Absent documentTypes = every type. */
export const scopeSchema = v.object({
  documentTypes: v.optional(v.array(documentType)),
  from: v.optional(date),
  to: v.optional(date),
  /** Sensitive classes named expressly (authorization check-boxes/initials, an order's wording). */
  sensitive: v.optional(v.array(sensitiveType)),
  /** Psychotherapy notes are kept apart from the record (164.501) and are only in scope when named. */
  psychotherapyNotes: v.optional(v.boolean()),
  description: v.optional(text),
});
export type Scope = v.InferOutput<typeof scopeSchema>;

export const requesterSchema = v.object({
  kind: v.optional(v.picklist(REQUESTER_KINDS, `unknown requester kind (use one of: ${REQUESTER_KINDS.join(', ')})`)),
  name: v.optional(text),
  organization: v.optional(text),
  address: v.optional(text),
  /** For personal representatives. */
  authority: v.optional(v.picklist(REPRESENTATIVE_AUTHORITIES, `unknown authority (use one of: ${REPRESENTATIVE_AUTHORITIES.join(', ')})`)),
  /** Letters testamentary, guardianship papers, POA document, birth certificate... received. */
  authorityDocumented: v.optional(v.boolean()),
  /** For insurers: the patient's health plan paying this facility's claim, or another insurer (life, disability). */
  insurerType: v.optional(v.picklist(['health-plan', 'life-disability'])),
});

export const legalProcessSchema = v.object({
  instrument: v.picklist(LEGAL_INSTRUMENTS, `unknown legal instrument (use one of: ${LEGAL_INSTRUMENTS.join(', ')})`),
  issuedBy: v.optional(v.picklist(['attorney', 'clerk', 'judge', 'grand-jury', 'agency'])),
  caseCaption: v.optional(text),
  /** The date the records are due (subpoena return date, order deadline). */
  complianceDate: v.optional(date),
  /** Subpoenas: satisfactory assurance received (164.512(e)(1)(ii)). */
  assurance: v.optional(v.picklist(['notice', 'protective-order', 'none'])),
  /** What an order or warrant expressly covers (164.512(e)(1)(i)). */
  covers: v.optional(scopeSchema),
  /** An order issued with the findings 42 CFR 2.64/2.65 require. */
  part2CourtOrder: v.optional(v.boolean()),
  /** Administrative requests: the three-part written statement (164.512(f)(1)(ii)(C)). */
  administrativeStatement: v.optional(v.boolean()),
});
export type LegalProcess = v.InferOutput<typeof legalProcessSchema>;

export const requestSchema = v.object({
  receivedOn: date,
  requester: v.optional(requesterSchema, {}),
  purpose: v.optional(v.picklist(PURPOSES, `unknown purpose (use one of: ${PURPOSES.join(', ')})`)),
  records: v.optional(scopeSchema),
  format: v.optional(v.picklist(['paper', 'electronic'])),
  /** Identity and authority verified (164.514(h)). */
  identityVerified: v.optional(v.boolean()),
  /** A bona fide medical emergency (42 CFR 2.51). */
  emergency: v.optional(v.boolean()),
  legal: v.optional(legalProcessSchema),
  /** Research: an IRB or privacy-board waiver of authorization (164.512(i)). */
  researchWaiver: v.optional(v.picklist(['irb', 'privacy-board', 'none'])),
  /** Right of access: written notice of the one 30-day extension, sent on this date (164.524(b)(2)(ii)). */
  extensionNoticeSent: v.optional(date),
  /** The letter or form as the requester wrote it (shown to the learner). */
  letter: v.optional(text),
});
export type RoiRequest = v.InferOutput<typeof requestSchema>;

/** The fields of a HIPAA authorization form (45 CFR 164.508(c)); each may be left blank. */
export const authorizationSchema = v.object({
  patientName: v.optional(text),
  patientDob: v.optional(date),
  /** AUTH-E2: who may disclose. */
  disclosingParty: v.optional(text),
  /** AUTH-E3: who may receive. */
  recipient: v.optional(text),
  recipientAddress: v.optional(text),
  /** AUTH-E1: the information (description, boxes, dates, sensitive initials). */
  information: v.optional(scopeSchema),
  /** AUTH-E4 */
  purpose: v.optional(text),
  /** AUTH-E5 */
  expiration: v.optional(
    v.object({ date: v.optional(date), event: v.optional(text), eventOccurred: v.optional(v.boolean()) }),
  ),
  /** AUTH-E6 */
  signature: v.optional(
    v.object({
      signedBy: v.optional(text),
      date: v.optional(date),
      /** When a representative signs: the description of their authority. */
      representativeAuthority: v.optional(text),
    }),
  ),
  /** AUTH-S1..S3, S5: the required statements printed on the form. */
  statements: v.optional(
    v.object({
      revocation: v.optional(v.boolean()),
      conditioning: v.optional(v.boolean()),
      redisclosure: v.optional(v.boolean()),
      remuneration: v.optional(v.boolean()),
    }),
  ),
  /** Marketing with remuneration or a sale of PHI (164.508(a)(3)-(4)). */
  remunerationInvolved: v.optional(v.boolean()),
  research: v.optional(v.boolean()),
  /** What else the same document authorizes or consents to (164.508(b)(3)). */
  combinedWith: v.optional(
    v.picklist(['none', 'research-consent', 'psychotherapy-notes-authorization', 'general-authorization', 'treatment-consent', 'other']),
  ),
  /** What the form says is conditioned on signing it (164.508(b)(4)). */
  conditionedOn: v.optional(
    v.picklist(['none', 'treatment', 'payment', 'enrollment', 'eligibility', 'research-treatment', 'third-party-exam', 'plan-underwriting']),
  ),
  /** A written revocation received on this date (164.508(b)(5)). */
  revokedOn: v.optional(date),
  /** Material information in it is known to be false (164.508(b)(2)(v)). */
  knownFalse: v.optional(text),
});
export type AuthorizationForm = v.InferOutput<typeof authorizationSchema>;

export const patientFactsSchema = v.object({
  name: v.optional(text),
  dob: v.optional(date),
  emancipated: v.optional(v.boolean()),
  deceasedOn: v.optional(date),
  /** A reasonable belief the representative abused or endangers the patient (164.502(g)(5)). */
  representativeAbuseSuspected: v.optional(v.boolean()),
});
export type PatientFacts = v.InferOutput<typeof patientFactsSchema>;

export const inventoryItemSchema = v.object({
  documentId: v.pipe(v.string('expected a document id'), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes')),
  /** Defaults from the chart document of that id. */
  type: v.optional(documentType),
  title: v.optional(text),
  date: v.optional(date),
  recordTypes: v.optional(v.array(sensitiveType), []),
  /** Care the minor lawfully consented to on their own (164.502(g)(3)(i)). */
  minorConsented: v.optional(v.boolean()),
  /** Paid in full out of pocket with a restriction to the health plan (164.522(a)(1)(vi)). */
  selfPayRestricted: v.optional(v.boolean()),
});

/** A chart document as the ROI engine sees it: resolved title, type, date and record classes. */
export interface InventoryItem {
  documentId: string;
  type: DocumentType;
  title: string;
  date: string;
  recordTypes: SensitiveType[];
  minorConsented?: boolean;
  selfPayRestricted?: boolean;
}

/** Pluggable facility and state policy (more-protective state law, 45 CFR 160.203). */
export interface RoiPolicy {
  ageOfMajority: number;
  /** State law: HIV information needs specific authorization (or an order naming it) outside treatment. */
  hivSpecificConsent: boolean;
  /** State law: mental health information needs specific authorization (HIPAA alone does not require it). */
  mentalHealthSpecificConsent: boolean;
  /** Facility policy: days to answer a provider's treatment request. */
  treatmentResponseDays: number;
  /** Facility policy: days to answer other third-party requests without a compliance date. */
  thirdPartyResponseDays: number;
}

export const DEFAULT_POLICY: RoiPolicy = {
  ageOfMajority: 18,
  hivSpecificConsent: true,
  mentalHealthSpecificConsent: false,
  treatmentResponseDays: 1,
  thirdPartyResponseDays: 30,
};

export const policySchema = v.object({
  ageOfMajority: v.optional(v.pipe(v.number(), v.integer(), v.minValue(14), v.maxValue(21))),
  hivSpecificConsent: v.optional(v.boolean()),
  mentalHealthSpecificConsent: v.optional(v.boolean()),
  treatmentResponseDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  thirdPartyResponseDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** Everything the engine decides from. */
export interface RoiCase {
  request: RoiRequest;
  authorization?: AuthorizationForm;
  patient: PatientFacts;
  inventory: InventoryItem[];
}
