/**
 * A seeded generator of release-of-information requests for practice beyond the authored cases. The same
 * seed and kind always give the same request; the key is never stored, it is computed by the rules engine
 * (him-rules.md section 1), so a generated case is exactly as right as the engine.
 */
import { mulberry32 as seededRandom } from '../random';
import type { ChartDocument, DocumentType, Scenario } from '../../content/scenarioSchema';
import { addDays } from './dates';
import type { AuthorizationForm, InventoryItem, PatientFacts, RoiRequest, SensitiveType } from './roiSchema';

export const GENERATED_KINDS = [
  'patient-access',
  'patient-authorization',
  'attorney-subpoena',
  'court-order',
  'insurer',
  'provider-treatment',
  'law-enforcement',
  'parent-of-minor',
  'deceased-representative',
  'employer',
  'researcher',
  'psychotherapy-notes',
  'part2-records',
] as const;
export type GeneratedKind = (typeof GENERATED_KINDS)[number];
export const GENERATED_KIND_LABELS: Record<GeneratedKind, string> = {
  'patient-access': 'Patient’s own right-of-access request',
  'patient-authorization': 'Patient’s authorization to a third party',
  'attorney-subpoena': 'Attorney with a subpoena',
  'court-order': 'Court order',
  insurer: 'Insurer',
  'provider-treatment': 'Another provider, for treatment',
  'law-enforcement': 'Law enforcement',
  'parent-of-minor': 'Parent of a minor',
  'deceased-representative': 'Representative of a deceased patient',
  employer: 'Employer',
  researcher: 'Researcher',
  'psychotherapy-notes': 'Psychotherapy notes',
  'part2-records': 'SUD (42 CFR Part 2) records',
};

/** The seeded source of every generated request (src/domain/random.ts). */
export { seededRandom };

interface Rng {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(list: readonly T[]) => T;
  chance: (p: number) => boolean;
}
function rng(seed: number): Rng {
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: (list) => list[int(0, list.length - 1)]!, chance: (p) => next() < p };
}

const GIVEN_F = ['Maren', 'Odalys', 'Priya', 'Juniper', 'Tamsin', 'Ifeoma', 'Lucia', 'Brenna', 'Hollis', 'Wren', 'Anouk', 'Delphine'];
const GIVEN_M = ['Ansel', 'Caspian', 'Dmitri', 'Idris', 'Lowell', 'Rafael', 'Tobiah', 'Everett', 'Kenji', 'Mateo', 'Soren', 'Declan'];
const FAMILY = ['Vollbrecht', 'Achterberg', 'Quintanilla', 'Oyelaran', 'Haverkamp', 'Szabo-Reyes', 'Lindqvist', 'Marchetti', 'Okafor', 'Trevisan', 'Nakashima', 'Brightwater', 'Castellane', 'Dunmore'];
const FIRMS = ['Okonkwo & Ferris LLP', 'Halvorsen Pike Attorneys', 'Dutta Moreland PC', 'Greaves & Albright LLP'];
const ATTORNEYS = ['Dana Ferris, Esq.', 'Colm Halvorsen, Esq.', 'Ritu Dutta, Esq.', 'Simone Albright, Esq.'];
const HEALTH_PLANS = ['Bluewater Health Plan', 'Cascadia Mutual Health', 'Tri-County Medicaid Managed Care'];
const LIFE_INSURERS = ['Summit Mutual Life', 'Evergreen Disability Assurance'];
const PROVIDERS: [string, string][] = [['Dr. Lena Sato', 'Cedar Hollow Family Clinic'], ['Dr. Omar Haddad', 'Ridgeview Cardiology'], ['Dr. Greta Moss', 'Pinecrest Rehabilitation Hospital']];
const EMPLOYERS = ['Harlow Freight Lines', 'Northgate Unified School District', 'Ardmore County Public Works'];
const OFFICERS = ['Det. Rhea Quist, Ardmore County Sheriff', 'Ofc. Marcus Bell, Larkspur PD', 'Sgt. Ines Carvalho, State Police'];
const RESEARCHERS = ['Dr. Ilse Marr, Larkspur University Dept. of Epidemiology', 'Dr. Tunde Ade, Cascade Health Outcomes Institute'];
const COURTS = ['Ardmore County Superior Court', 'Larkspur Valley District Court'];
const FACILITY = 'Larkspur Valley Medical Center, Health Information Management';

export interface GeneratedRequest {
  seed: number;
  kind: GeneratedKind;
  title: string;
  input: { request: RoiRequest; authorization?: AuthorizationForm; patient: PatientFacts; inventory: InventoryItem[] };
  /** The chart the request touches (documents with text), for the practice scenario. */
  documents: ChartDocument[];
  patient: { given: string; family: string; sex: 'F' | 'M'; dob: string; mrn: string };
  admitted: string;
  discharged: string;
}

interface DocSpec {
  id: string;
  type: DocumentType;
  title: string;
  date: string;
  recordTypes?: SensitiveType[];
  author: string;
  role: ChartDocument['author']['role'];
  text: string;
  minorConsented?: boolean;
  selfPayRestricted?: boolean;
}

function isoDate(base: string, days: number): string {
  return addDays(base, days);
}

/** Builds the base chart: one inpatient stay with the usual documents. */
function baseChart(r: Rng, admitted: string, los: number, pronoun: string): DocSpec[] {
  const dc = isoDate(admitted, los);
  const dx = r.pick([
    ['community-acquired pneumonia, RLL', 'CAP RLL, improved on ceftriaxone/azithro, transitioned to PO'],
    ['cellulitis L lower leg', 'L LE cellulitis, resolved erythema on cefazolin, d/c on cephalexin'],
    ['acute pancreatitis', 'acute pancreatitis, lipase 1,840 -> normalised, tolerating low-fat diet'],
    ['closed fx R distal radius s/p fall', 'R distal radius fx s/p ORIF POD#1, NV intact'],
  ] as const);
  return [
    { id: 'face-sheet', type: 'face-sheet', title: 'Face sheet', date: admitted, author: 'Registration', role: 'registration', text: `Admit ${admitted}. Inpatient, Med/Surg 4W. Emergency contact on file. Payer on file.` },
    { id: 'hp', type: 'history-and-physical', title: 'History and physical', date: admitted, author: 'Nadia Brandt-Osei, MD', role: 'attending', text: `CC: ${dx[0]}. ${pronoun} presents via ED. PMH reviewed. A/P: ${dx[0]}; admit, IV abx/supportive care, PT/OT eval.` },
    { id: 'lab-panel', type: 'lab', title: 'Laboratory results', date: isoDate(admitted, 1), author: 'LVMC Laboratory', role: 'technologist', text: 'CBC: WBC 13.8 (H), Hgb 12.9, Plt 241. BMP: Na 137, K 3.9, Cr 0.94. Lactate 1.6.' },
    { id: 'progress-day2', type: 'progress-note', title: 'Progress note, hospital day 2', date: isoDate(admitted, 1), author: 'Nadia Brandt-Osei, MD', role: 'attending', text: `S: feels better, tol PO. O: afebrile x 24h. A/P: ${dx[0]}, improving; cont tx, PT today.` },
    { id: 'discharge-summary', type: 'discharge-summary', title: 'Discharge summary', date: dc, author: 'Nadia Brandt-Osei, MD', role: 'attending', text: `Dx: ${dx[1]}. Dispo home, f/u PCP 1 wk. Meds reconciled.` },
  ];
}

function sensitiveDocs(r: Rng, admitted: string, which: SensitiveType[], minorConsented = false): DocSpec[] {
  const out: DocSpec[] = [];
  if (which.includes('hiv'))
    out.push({ id: 'lab-hiv', type: 'lab', title: 'HIV-1/2 Ag/Ab 4th gen screen', date: isoDate(admitted, 1), recordTypes: ['hiv'], author: 'LVMC Laboratory', role: 'technologist', text: 'HIV-1/2 antigen/antibody combination assay: NONREACTIVE. Opt-out screening per ED protocol.', minorConsented });
  if (which.includes('mental-health'))
    out.push({ id: 'psych-consult', type: 'consult', title: 'Psychiatry consultation', date: isoDate(admitted, 2), recordTypes: ['mental-health'], author: 'Corinne Vaszary, MD (Psychiatry)', role: 'consultant', text: 'Reason: low mood, poor sleep x 3 mo. Dx: MDD, single episode, moderate (F32.1). Plan: sertraline 50 mg daily, outpatient therapy referral.', minorConsented });
  if (which.includes('sud-part2'))
    out.push({ id: 'sud-intake', type: 'other', title: 'Cedar Bridge Recovery Program intake (Part 2)', date: isoDate(admitted, -r.int(40, 120)), recordTypes: ['sud-part2'], author: 'Jonah Pell, LCADC', role: 'other', text: 'Federally assisted SUD program. Intake: alcohol use disorder, moderate. Plan: IOP 3x/wk, naltrexone eval. 42 CFR Part 2 protected.', minorConsented });
  if (which.includes('psychotherapy-notes'))
    out.push({ id: 'therapy-notes', type: 'other', title: 'Psychotherapy notes (kept separately), Dr. Ames', date: isoDate(admitted, -r.int(20, 60)), recordTypes: ['psychotherapy-notes'], author: 'Hal Ames, PhD', role: 'other', text: 'Process notes, session 6: explored grief re: father; transference themes; plan to revisit next session. Kept separate from the medical record.' });
  return out;
}

function validAuth(patientName: string, dob: string, recipient: string, signed: string, info: AuthorizationForm['information'], purpose: string): AuthorizationForm {
  return {
    patientName,
    patientDob: dob,
    disclosingParty: 'Larkspur Valley Medical Center',
    recipient,
    information: info,
    purpose,
    expiration: { date: addDays(signed, 180) },
    signature: { signedBy: patientName, date: signed },
    statements: { revocation: true, conditioning: true, redisclosure: true },
    combinedWith: 'none',
    conditionedOn: 'none',
  };
}

/** Breaks an authorization in one of the ways 164.508(b)(2) makes it defective. */
function breakAuthorization(r: Rng, auth: AuthorizationForm, receivedOn: string): AuthorizationForm {
  const defect = r.int(0, 6);
  switch (defect) {
    case 0:
      return { ...auth, signature: { ...auth.signature, date: undefined } };
    case 1:
      return { ...auth, statements: { ...auth.statements, revocation: false } };
    case 2:
      return { ...auth, expiration: { date: addDays(receivedOn, -r.int(3, 40)) } };
    case 3:
      return { ...auth, revokedOn: addDays(receivedOn, -r.int(1, 10)) };
    case 4:
      return { ...auth, purpose: undefined };
    case 5:
      return { ...auth, statements: { ...auth.statements, redisclosure: false }, recipient: undefined };
    default:
      return { ...auth, conditionedOn: 'treatment' };
  }
}

/**
 * Generates one ROI request (45 CFR 164.502-164.528, 42 CFR Part 2 situations, him-rules.md section 1).
 * `kind` absent = drawn from the seed. Deterministic for a given (seed, kind).
 */
export function generateRequest(seed: number, kind?: GeneratedKind): GeneratedRequest {
  const r = rng(seed * 7919 + 17);
  const k: GeneratedKind = kind ?? r.pick(GENERATED_KINDS);
  const sex = r.chance(0.5) ? 'F' : 'M';
  const given = r.pick(sex === 'F' ? GIVEN_F : GIVEN_M);
  const family = r.pick(FAMILY);
  const patientName = `${given} ${family}`;
  const receivedOn = `2026-${String(r.int(1, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const admitted = addDays(receivedOn, -r.int(20, 200));
  const los = r.int(2, 6);
  const discharged = addDays(admitted, los);
  let age = r.int(24, 82);
  if (k === 'parent-of-minor') age = r.int(12, 17);
  const dob = `${Number(receivedOn.slice(0, 4)) - age - 1}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const pronoun = sex === 'F' ? 'She' : 'He';
  const patient: PatientFacts = { name: patientName, dob };
  const mrn = `SIM-${String(r.int(1_000_000, 9_999_999))}`;
  const stay = { from: admitted, to: discharged };
  let docs = baseChart(r, admitted, los, pronoun);
  let request: RoiRequest = { receivedOn, requester: {}, records: {} };
  let authorization: AuthorizationForm | undefined;
  let letter = '';
  const signed = addDays(receivedOn, -r.int(2, 20));

  switch (k) {
    case 'patient-access': {
      docs = [...docs, ...sensitiveDocs(r, admitted, r.chance(0.5) ? ['psychotherapy-notes', 'mental-health'] : ['hiv'])];
      const variant = r.int(0, 3);
      request = {
        receivedOn,
        requester: { kind: 'patient', name: patientName },
        purpose: 'right-of-access',
        records: variant === 2 ? { psychotherapyNotes: true } : { from: admitted },
        format: r.chance(0.5) ? 'electronic' : 'paper',
        identityVerified: variant !== 1,
        extensionNoticeSent: variant === 3 ? addDays(receivedOn, r.int(10, 40)) : undefined,
      };
      letter = `Written request from ${patientName} for a copy of ${variant === 2 ? 'my entire record including my therapy notes' : `my records since ${admitted}`}, ${request.format === 'electronic' ? 'sent to my patient portal' : 'mailed to my home'}.${variant === 1 ? ' Submitted by mail; no copy of ID enclosed.' : ' Photo ID checked at the HIM window.'}${variant === 3 ? ` HIM sent a written extension notice on ${request.extensionNoticeSent} (records in off-site storage).` : ''}`;
      break;
    }
    case 'patient-authorization': {
      const recipient = r.pick(['Grace Vollmer (sister)', 'Dr. Ivo Stern, Stern Family Dentistry', 'Greaves & Albright LLP']);
      request = { receivedOn, requester: { kind: 'other', name: recipient }, purpose: 'personal', records: { documentTypes: ['discharge-summary', 'history-and-physical'], ...stay } };
      authorization = validAuth(patientName, dob, recipient, signed, { documentTypes: ['discharge-summary', 'history-and-physical'], ...stay, description: 'Discharge summary and H&P from my hospital stay' }, 'At the request of the individual');
      if (r.chance(0.5)) authorization = breakAuthorization(r, authorization, receivedOn);
      letter = `${recipient} encloses an authorization signed by ${patientName} and asks for the discharge summary and H&P.`;
      break;
    }
    case 'attorney-subpoena': {
      docs = [...docs, ...sensitiveDocs(r, admitted, ['hiv', 'sud-part2'])];
      const i = r.int(0, FIRMS.length - 1);
      const variant = r.int(0, 3);
      request = {
        receivedOn,
        requester: { kind: 'attorney', name: ATTORNEYS[i], organization: FIRMS[i] },
        purpose: 'litigation',
        records: { from: addDays(admitted, -200) },
        legal: {
          instrument: 'subpoena',
          issuedBy: variant === 3 ? 'judge' : 'attorney',
          caseCaption: `${family} v. ${r.pick(['Ridgeline Transit Co.', 'Marlowe Properties LLC', 'Haskett'])}`,
          complianceDate: addDays(receivedOn, r.int(10, 20)),
          assurance: variant === 0 ? undefined : variant === 1 ? 'notice' : variant === 2 ? 'protective-order' : undefined,
        },
      };
      letter = `Subpoena duces tecum (${request.legal!.issuedBy === 'judge' ? 'signed by Judge A. Whitcombe' : `signed by ${ATTORNEYS[i]}`}) for all records of ${patientName}. ${variant === 1 ? 'Enclosed: copy of the notice mailed to the patient and a statement that the 14-day objection period ran with no objection.' : variant === 2 ? 'Enclosed: stipulated qualified protective order filed with the court.' : 'No other documents enclosed.'}`;
      break;
    }
    case 'court-order': {
      docs = [...docs, ...sensitiveDocs(r, admitted, ['sud-part2', 'mental-health'])];
      const part2 = r.chance(0.4);
      const covers = r.chance(0.5) ? { documentTypes: ['discharge-summary', 'progress-note', 'other'] as DocumentType[] } : { ...stay };
      request = {
        receivedOn,
        requester: { kind: 'court', name: `Clerk, ${r.pick(COURTS)}` },
        purpose: 'litigation',
        // Half the time the clerk's cover letter asks for exactly what the order covers, half the time for "all records".
        records: r.chance(0.5) ? covers : {},
        legal: { instrument: 'court-order', issuedBy: 'judge', complianceDate: addDays(receivedOn, r.int(7, 21)), covers, part2CourtOrder: part2 },
      };
      letter = `Order signed by Judge M. Oduya directing production of ${covers.documentTypes ? 'discharge summaries, progress notes and program records' : `records from ${stay.from} to ${stay.to}`} for ${patientName}.${part2 ? ' The order recites the findings required by 42 CFR 2.64 for substance-use program records.' : ''}`;
      break;
    }
    case 'insurer': {
      if (r.chance(0.5)) {
        docs = [...docs.map((d) => (d.id === 'lab-panel' && r.chance(0.5) ? { ...d, selfPayRestricted: true } : d)), ...sensitiveDocs(r, admitted, ['hiv'])];
        request = { receivedOn, requester: { kind: 'insurer', name: r.pick(HEALTH_PLANS), insurerType: 'health-plan' }, purpose: 'payment', records: { ...stay } };
        letter = `Claim review: the patient's health plan requests records for dates of service ${stay.from} to ${stay.to} to adjudicate the inpatient claim.`;
      } else {
        const insurer = r.pick(LIFE_INSURERS);
        request = { receivedOn, requester: { kind: 'insurer', name: insurer, insurerType: 'life-disability' }, purpose: 'underwriting', records: { documentTypes: ['history-and-physical', 'discharge-summary'] } };
        if (r.chance(0.7)) {
          authorization = validAuth(patientName, dob, insurer, signed, { documentTypes: ['history-and-physical', 'discharge-summary'], description: 'H&P and discharge summaries, last 5 years' }, 'Life insurance application underwriting');
          if (r.chance(0.5)) authorization = breakAuthorization(r, authorization, receivedOn);
        }
        letter = `${insurer} requests the H&P and discharge summary for a policy application${authorization ? ', authorization enclosed' : ''}.`;
      }
      break;
    }
    case 'provider-treatment': {
      docs = [...docs, ...sensitiveDocs(r, admitted, ['sud-part2', 'hiv'])];
      const [doctor, clinic] = r.pick(PROVIDERS);
      const variant = r.int(0, 2);
      request = { receivedOn, requester: { kind: 'provider', name: doctor, organization: clinic }, purpose: 'treatment', records: {}, emergency: variant === 1 };
      if (variant === 2) authorization = validAuth(patientName, dob, clinic, signed, { description: 'All records including substance use treatment records', sensitive: ['sud-part2'] }, 'Continuity of care');
      letter = `${doctor} (${clinic}) requests the patient's records for ${variant === 1 ? 'an emergency: the patient is in their ED, unresponsive' : 'a follow-up visit'}.${variant === 2 ? ' A Part 2 consent signed by the patient is enclosed.' : ''}`;
      break;
    }
    case 'law-enforcement': {
      docs = [...docs, ...sensitiveDocs(r, admitted, ['hiv'])];
      const variant = r.int(0, 3);
      const officer = r.pick(OFFICERS);
      request = {
        receivedOn,
        requester: { kind: 'law-enforcement', name: officer },
        purpose: variant === 2 ? 'locate-suspect' : 'law-enforcement',
        records: { ...stay },
        identityVerified: r.chance(0.85),
        legal:
          variant === 0
            ? { instrument: 'warrant', issuedBy: 'judge', covers: { documentTypes: ['discharge-summary', 'lab', 'history-and-physical'], ...stay } }
            : variant === 3
              ? { instrument: 'administrative-request', issuedBy: 'agency', administrativeStatement: r.chance(0.5) }
              : undefined,
      };
      letter = `${officer} ${variant === 0 ? 'presents a search warrant signed by Judge P. Navarro' : variant === 2 ? 'asks for identifying information to locate a suspect treated here' : variant === 3 ? 'sends an administrative request' : 'asks by phone for the records, no paperwork'}.${request.identityVerified ? ' Badge verified.' : ' Identity not yet verified.'}`;
      break;
    }
    case 'parent-of-minor': {
      docs = [...docs, ...sensitiveDocs(r, admitted, ['mental-health', 'sud-part2'], true)];
      const emancipated = r.chance(0.2);
      patient.emancipated = emancipated;
      const parent = `${r.pick(sex === 'F' ? GIVEN_M : GIVEN_F)} ${family}`;
      request = { receivedOn, requester: { kind: 'personal-representative', name: parent, authority: 'parent', authorityDocumented: r.chance(0.8) }, purpose: 'right-of-access', records: {}, identityVerified: true };
      letter = `${parent}, parent of ${patientName} (age ${age}), requests a copy of the child's records. ${request.requester.authorityDocumented ? 'Birth certificate copy enclosed.' : 'No proof of relationship enclosed.'}${emancipated ? ' HIM note: court emancipation decree on file.' : ''}`;
      break;
    }
    case 'deceased-representative': {
      docs = [...docs, ...sensitiveDocs(r, admitted, ['psychotherapy-notes'])];
      patient.deceasedOn = discharged;
      const authority = r.pick(['executor', 'administrator', 'next-of-kin'] as const);
      const rep = `${r.pick(GIVEN_F)} ${family}`;
      request = { receivedOn, requester: { kind: 'personal-representative', name: rep, authority, authorityDocumented: authority !== 'next-of-kin' && r.chance(0.75) }, purpose: 'right-of-access', records: { psychotherapyNotes: r.chance(0.5) }, identityVerified: true };
      letter = `${rep}, ${authority === 'next-of-kin' ? 'the patient’s daughter' : `${authority} of the estate`} of ${patientName} (died ${patient.deceasedOn}), requests the complete record. ${request.requester.authorityDocumented ? `Letters ${authority === 'executor' ? 'testamentary' : 'of administration'} enclosed.` : 'No court papers enclosed.'}`;
      break;
    }
    case 'employer': {
      const employer = r.pick(EMPLOYERS);
      request = { receivedOn, requester: { kind: 'employer', name: employer }, purpose: 'employment', records: { documentTypes: ['history-and-physical', 'discharge-summary'], ...stay } };
      const variant = r.int(0, 2);
      if (variant > 0) {
        authorization = validAuth(patientName, dob, employer, signed, { documentTypes: ['discharge-summary'], ...stay, description: 'Discharge summary (return-to-work clearance)' }, 'Return to work');
        if (variant === 2) authorization = breakAuthorization(r, authorization, receivedOn);
      }
      letter = `${employer} HR asks for the employee's H&P and discharge summary for a return-to-work decision.${authorization ? ' Authorization enclosed.' : ''}`;
      break;
    }
    case 'researcher': {
      docs = [...docs, ...sensitiveDocs(r, admitted, ['sud-part2'])];
      const variant = r.int(0, 2);
      request = { receivedOn, requester: { kind: 'researcher', name: r.pick(RESEARCHERS) }, purpose: 'research', records: { documentTypes: ['discharge-summary', 'lab', 'other'] }, researchWaiver: variant === 0 ? 'irb' : 'none' };
      if (variant === 2) authorization = { ...validAuth(patientName, dob, request.requester.name!, signed, { documentTypes: ['discharge-summary', 'lab'], description: 'Discharge summaries and lab results for the study' }, 'Research study LU-2026-044'), research: true, expiration: { event: 'End of study' } };
      letter = `Study LU-2026-044 requests discharge summaries, labs and program records. ${variant === 0 ? 'IRB waiver of authorization (45 CFR 164.512(i)) approved and documented.' : variant === 2 ? 'Signed research authorization enclosed.' : 'No waiver or authorization enclosed.'}`;
      break;
    }
    case 'psychotherapy-notes': {
      docs = [...docs, ...sensitiveDocs(r, admitted, ['psychotherapy-notes', 'mental-health'])];
      const i = r.int(0, FIRMS.length - 1);
      const variant = r.int(0, 2);
      request = { receivedOn, requester: { kind: 'attorney', name: ATTORNEYS[i], organization: FIRMS[i] }, purpose: 'litigation', records: { psychotherapyNotes: true, documentTypes: ['other', 'consult'] } };
      const info = variant === 0 ? { psychotherapyNotes: true, description: 'Psychotherapy notes of Hal Ames, PhD' } : { psychotherapyNotes: variant === 1, documentTypes: ['consult'] as DocumentType[], description: 'All mental health records including therapy notes' };
      authorization = { ...validAuth(patientName, dob, FIRMS[i]!, signed, info, 'Personal injury claim'), combinedWith: variant === 1 ? 'general-authorization' : 'none' };
      letter = `${FIRMS[i]} requests the psychiatry consultation and Dr. Ames's psychotherapy notes; authorization enclosed${variant === 1 ? ' (one form covering the general record and the therapy notes)' : ''}.`;
      break;
    }
    case 'part2-records': {
      docs = [...docs, ...sensitiveDocs(r, admitted, ['sud-part2'])];
      const variant = r.int(0, 2);
      if (variant === 0) {
        const i = r.int(0, FIRMS.length - 1);
        request = { receivedOn, requester: { kind: 'attorney', name: ATTORNEYS[i], organization: FIRMS[i] }, purpose: 'litigation', records: { documentTypes: ['other', 'discharge-summary'] }, legal: { instrument: 'subpoena', issuedBy: 'attorney', assurance: 'notice', complianceDate: addDays(receivedOn, 14) } };
        letter = `Subpoena from ${FIRMS[i]} for the discharge summary and the Cedar Bridge program records; notice to the patient documented, no objection.`;
      } else if (variant === 1) {
        request = { receivedOn, requester: { kind: 'court', name: `Clerk, ${r.pick(COURTS)}` }, purpose: 'litigation', records: { documentTypes: ['other'] }, legal: { instrument: 'court-order', issuedBy: 'judge', part2CourtOrder: true, covers: { documentTypes: ['other'] }, complianceDate: addDays(receivedOn, 10) } };
        letter = 'Court order under 42 CFR 2.64 (good cause found after notice and hearing) for the Cedar Bridge program records.';
      } else {
        const [doctor, clinic] = r.pick(PROVIDERS);
        request = { receivedOn, requester: { kind: 'provider', name: doctor, organization: clinic }, purpose: 'treatment', records: { documentTypes: ['other', 'discharge-summary'] } };
        letter = `${doctor} (${clinic}) requests the discharge summary and SUD program records for continuing care; no consent enclosed.`;
      }
      break;
    }
  }
  request.letter = letter;
  const inventory: InventoryItem[] = docs.map((d) => ({
    documentId: d.id,
    type: d.type,
    title: d.title,
    date: d.date,
    recordTypes: d.recordTypes ?? [],
    ...(d.minorConsented ? { minorConsented: true } : {}),
    ...(d.selfPayRestricted ? { selfPayRestricted: true } : {}),
  }));
  const documents: ChartDocument[] = docs.map((d) => ({
    id: d.id,
    type: d.type,
    title: d.title,
    author: { name: d.author, role: d.role },
    created: `${d.date}T${String(r.int(7, 20)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`,
    text: d.text,
  }));
  return {
    seed,
    kind: k,
    title: `${GENERATED_KIND_LABELS[k]}: ${patientName}`,
    input: { request, authorization, patient, inventory },
    documents,
    patient: { given, family, sex, dob, mrn },
    admitted,
    discharged,
  };
}

/**
 * Wraps a generated request as a one-step practice scenario for the player (the game's "draw a practice
 * request"). The step input is the expanded request marked `generated: { seed, kind }` (re-validating it regenerates the
 * same request), and the key is computed, never stored.
 */
export function generatePracticeScenario(seed: number, kind?: GeneratedKind): Scenario {
  const g = generateRequest(seed, kind);
  return {
    format: 'him-sim/scenario@1',
    id: `roi-practice-${g.kind}-${seed}`,
    module: 'roi',
    title: `Practice: ${g.title}`,
    summary: `Generated request (seed ${seed}).`,
    difficulty: 2,
    estimatedMinutes: 6,
    tags: ['generated', g.kind],
    patient: { name: { given: g.patient.given, family: g.patient.family }, mrn: g.patient.mrn, dob: g.patient.dob, sex: g.patient.sex },
    encounter: {
      facility: FACILITY.split(',')[0]!,
      class: 'inpatient',
      admitted: `${g.admitted}T10:15`,
      discharged: `${g.discharged}T13:40`,
      admissionType: '1',
      admissionSource: '1',
      attending: { name: 'Nadia Brandt-Osei', credentials: 'MD' },
      dischargeDisposition: '01',
    },
    chart: g.documents,
    steps: [{ id: 'roi', type: 'roi-request', title: 'Process the request', prompt: 'Inspect the request and any authorization, decide, select what to release, set the due date and log the disclosure.', input: { ...g.input, generated: { seed, kind: g.kind } } }],
  };
}
