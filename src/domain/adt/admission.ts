/**
 * Admission face-sheet review: registration completeness (UHDDS U1-U17, MPI-1 core elements) and
 * consistency with the verified MPI entry and the chart (him-rules.md 3.1, 3.2, 6), plus the UB-04
 * FL14 priority (type) and FL15 point of origin (ADT-4; NUBC UB-04 manual).
 */
import * as v from 'valibot';
import { ADMISSION_SOURCES, ADMISSION_TYPES, dateTime, type Scenario } from '../../content/scenarioSchema';

export const ARRIVALS = {
  'emergency-department': 'Came in through the emergency department from home or a non-health-care setting',
  'direct-from-clinic': 'Sent in directly by a clinic or physician office',
  scheduled: 'Scheduled (booked) admission',
  'transfer-from-hospital': 'Transfer from another acute-care hospital',
  'transfer-from-snf': 'Transfer from a SNF, ICF or assisted living facility',
  'transfer-from-other-facility': 'Transfer from another health care facility (e.g. an IRF, LTCH or psychiatric hospital)',
  'law-enforcement': 'Brought in by police or from a correctional facility',
  'ambulatory-surgery-center': 'Transfer from an ambulatory surgery center',
  hospice: 'Transfer from a hospice',
  'same-hospital-unit': 'Transfer from another unit of this hospital with a separate claim (e.g. SNF distinct part)',
} as const;
export type Arrival = keyof typeof ARRIVALS;

const optionalText = v.optional(v.string());

/** What registration typed into the ADT system (the face sheet the learner reviews). */
export const faceSheetSchema = v.object({
  family: optionalText,
  given: optionalText,
  middle: optionalText,
  suffix: optionalText,
  mrn: optionalText,
  dob: optionalText,
  sex: optionalText,
  addressLine: optionalText,
  city: optionalText,
  state: optionalText,
  zip: optionalText,
  phone: optionalText,
  ssnLast4: optionalText,
  race: optionalText,
  ethnicity: optionalText,
  maritalStatus: optionalText,
  language: optionalText,
  emergencyContact: optionalText,
  payer: optionalText,
  subscriberId: optionalText,
  guarantor: optionalText,
  admitted: optionalText,
  admissionType: optionalText,
  admissionSource: optionalText,
  attending: optionalText,
  admittingDiagnosis: optionalText,
});
export type FaceSheet = v.InferOutput<typeof faceSheetSchema>;
export type FaceSheetField = keyof FaceSheet;

export const FACE_SHEET_LABELS: Record<FaceSheetField, string> = {
  family: 'Family name',
  given: 'Given name',
  middle: 'Middle name',
  suffix: 'Suffix',
  mrn: 'MRN',
  dob: 'Date of birth',
  sex: 'Sex',
  addressLine: 'Street address',
  city: 'City',
  state: 'State',
  zip: 'ZIP',
  phone: 'Phone',
  ssnLast4: 'SSN last four',
  race: 'Race',
  ethnicity: 'Ethnicity',
  maritalStatus: 'Marital status',
  language: 'Preferred language',
  emergencyContact: 'Emergency contact',
  payer: 'Primary payer',
  subscriberId: 'Subscriber / member ID',
  guarantor: 'Guarantor',
  admitted: 'Admission date/time',
  admissionType: 'Type of admission (FL14)',
  admissionSource: 'Point of origin (FL15)',
  attending: 'Attending physician',
  admittingDiagnosis: 'Admitting diagnosis',
};

const evidenceSchema = v.object({ documentId: v.string(), quote: v.string() });

/** Facts the author reads from the chart (ED note, orders, referral, insurance card), each with evidence. */
export const admissionFactsSchema = v.object({
  arrival: v.picklist(Object.keys(ARRIVALS) as Arrival[], `arrival is one of: ${Object.keys(ARRIVALS).join(', ')}`),
  /** For scheduled admissions: how long before admission it was booked (UHDDS U8: >= 24 h = scheduled). */
  bookedHoursAhead: v.optional(v.number()),
  /** Trauma team activated (UB-04 FL14 type 5). */
  traumaActivation: v.optional(v.boolean(), false),
  /** The condition needed prompt but not immediate attention (FL14 type 2 urgent). */
  urgent: v.optional(v.boolean(), false),
  newborn: v.optional(v.boolean(), false),
  /** When the inpatient admission order was written (UHDDS U7, ADT-2). */
  inpatientOrder: dateTime,
  /** The attending named in the admission order. */
  attendingPerOrder: v.optional(v.string()),
  /** Payer on the insurance card / eligibility check. */
  payerVerified: v.optional(v.string()),
  /** Why a patient under 65 may carry Medicare (ESRD, disability); otherwise Medicare primary conflicts with age. */
  medicareEntitlement: v.optional(v.picklist(['age', 'disability', 'esrd'])),
  evidence: v.optional(v.record(v.string(), evidenceSchema), {}),
});
export type AdmissionFacts = v.InferOutput<typeof admissionFactsSchema>;

export type FieldStatus = 'ok' | 'missing' | 'conflict' | 'wrong-code';

export interface FieldFinding {
  field: FaceSheetField;
  status: Exclude<FieldStatus, 'ok'>;
  /** The correct value, where the chart or the MPI gives it. */
  expected?: string;
  reason: string;
  rule: string;
  evidence?: { documentId: string; quote: string };
}

/** Fields registration must complete for an inpatient (UHDDS U1-U17, MPI-1); SSN, middle, suffix, language are optional. */
export const REQUIRED_FIELDS: readonly FaceSheetField[] = [
  'family', 'given', 'mrn', 'dob', 'sex', 'addressLine', 'city', 'state', 'zip', 'phone', 'race', 'ethnicity',
  'emergencyContact', 'payer', 'subscriberId', 'guarantor', 'admitted', 'admissionType', 'admissionSource', 'attending', 'admittingDiagnosis',
];

const REQUIRED_RULE: Partial<Record<FaceSheetField, string>> = {
  mrn: 'UHDDS U1', dob: 'UHDDS U2', sex: 'UHDDS U3', race: 'UHDDS U4', ethnicity: 'UHDDS U4', zip: 'UHDDS U5', addressLine: 'UHDDS U5 / MPI-1',
  admitted: 'UHDDS U7', admissionType: 'UHDDS U8 / UB-04 FL14', admissionSource: 'UB-04 FL15', attending: 'UHDDS U10', payer: 'UHDDS U17',
};

/**
 * Expected UB-04 FL14 priority of admission (ADT-4; UHDDS U8): 4 newborn, 5 trauma-team activation,
 * 3 elective when booked >= 24 h ahead, 2 urgent when booked < 24 h ahead or flagged urgent, 1 emergency
 * for unscheduled arrivals needing immediate care.
 */
export function expectedAdmissionType(f: AdmissionFacts): keyof typeof ADMISSION_TYPES {
  if (f.newborn) return '4';
  if (f.traumaActivation) return '5';
  if (f.arrival === 'scheduled') return (f.bookedHoursAhead ?? 24) >= 24 ? '3' : '2';
  if (f.urgent) return '2';
  if (f.arrival === 'direct-from-clinic') return '2';
  return '1';
}

/** Expected UB-04 FL15 point of origin (NUBC): where the patient came from (home, clinic, another facility), not the door they used. */
export function expectedAdmissionSource(f: AdmissionFacts): keyof typeof ADMISSION_SOURCES {
  switch (f.arrival) {
    case 'emergency-department':
      return '1';
    case 'direct-from-clinic':
      return '2';
    case 'scheduled':
      // A booked admission from home is a non-health-care point of origin; the booking physician's office
      // does not make it a clinic referral (NUBC FL15 usage; facilities differ, see docs/records.md).
      return '1';
    case 'transfer-from-hospital':
      return '4';
    case 'transfer-from-snf':
      return '5';
    case 'transfer-from-other-facility':
      return '6';
    case 'law-enforcement':
      return '8';
    case 'ambulatory-surgery-center':
      return 'E';
    case 'hospice':
      return 'F';
    case 'same-hospital-unit':
      return 'D';
  }
}

function norm(s: string | undefined): string {
  return (s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A clinician's name without title or credentials, for comparison ("Dr. Ann Lee, MD" = "Ann Lee"). */
function personName(s: string): string {
  return norm(s.replace(/^\s*dr\.?\s+/i, '').replace(/,?\s*\b(MD|DO|NP|PA-C|DPM|APRN)\b\.?/gi, ''));
}

function ageOn(dob: string, isoDate: string): number {
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const [Y, M, D] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Y - y - (M < m || (M === m && D < d) ? 1 : 0);
}

function isRealDateTime(s: string): boolean {
  return v.safeParse(dateTime, s).success;
}

/**
 * Reviews a face sheet against the verified MPI entry (scenario.patient) and chart facts: blank required
 * fields (UHDDS, MPI-1), identifiers that conflict with the MPI (MPI-C1..C3), an admission date that is not
 * the inpatient order date (UHDDS U7, ADT-2), FL14/FL15 codes that contradict the arrival (ADT-4), payer
 * and guarantor inconsistencies. Returns one finding per problem field, in face-sheet order.
 */
export function reviewFaceSheet(sheet: FaceSheet, facts: AdmissionFacts, scenario: Scenario): FieldFinding[] {
  const out = new Map<FaceSheetField, FieldFinding>();
  const p = scenario.patient;
  const ev = (name: string) => facts.evidence[name];
  const add = (f: FieldFinding) => {
    if (!out.has(f.field)) out.set(f.field, f);
  };
  for (const field of REQUIRED_FIELDS) {
    if (!(sheet[field] ?? '').trim()) add({ field, status: 'missing', reason: `${FACE_SHEET_LABELS[field]} is blank; registration must complete it before the account can be billed or abstracted.`, rule: REQUIRED_RULE[field] ?? 'MPI-1 core elements' });
  }
  const conflict = (field: FaceSheetField, expected: string, reason: string, rule: string, evidence?: { documentId: string; quote: string }) =>
    add({ field, status: 'conflict', expected, reason, rule, ...(evidence ? { evidence } : {}) });
  if (sheet.family?.trim() && norm(sheet.family) !== norm(p.name.family)) conflict('family', p.name.family, `The MPI's verified legal family name is ${p.name.family}; "${sheet.family}" would create a duplicate or overlay.`, 'MPI-C3 / MPI-D1');
  if (sheet.given?.trim() && norm(sheet.given) !== norm(p.name.given)) conflict('given', p.name.given, `The legal given name is ${p.name.given}; register the legal name and keep a nickname as an alias (MPI-C2).`, 'MPI-C2');
  if (sheet.mrn?.trim() && norm(sheet.mrn) !== norm(p.mrn)) conflict('mrn', p.mrn, `The patient's MRN is ${p.mrn}; a wrong MRN files this encounter in another person's record (overlay).`, 'MPI-D2');
  if (sheet.dob?.trim()) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(sheet.dob) || !isRealDateTime(`${sheet.dob}T00:00`)) conflict('dob', p.dob, `"${sheet.dob}" is not a real date.`, 'UHDDS U2');
    else if (sheet.dob !== p.dob) conflict('dob', p.dob, `The MPI and the ID show ${p.dob}; "${sheet.dob}" looks like a transposition (MPI-C1).`, 'UHDDS U2 / MPI-C1');
  }
  if (sheet.sex?.trim() && sheet.sex.trim().toUpperCase() !== p.sex) conflict('sex', p.sex, `The MPI records sex ${p.sex}.`, 'UHDDS U3');
  if (sheet.ssnLast4?.trim() && p.ssnLast4 && sheet.ssnLast4.trim() !== p.ssnLast4) conflict('ssnLast4', p.ssnLast4, `The MPI has SSN ending ${p.ssnLast4}.`, 'MPI-C1');
  if (sheet.zip?.trim() && !/^\d{5}(-\d{4})?$/.test(sheet.zip.trim())) conflict('zip', p.address?.zip ?? '', `"${sheet.zip}" is not a ZIP code.`, 'UHDDS U5');
  if (sheet.admitted?.trim()) {
    const order = facts.inpatientOrder;
    if (!isRealDateTime(sheet.admitted.trim())) conflict('admitted', order, `"${sheet.admitted}" is not a real date and time.`, 'UHDDS U7');
    else if (sheet.admitted.trim().slice(0, 16) !== order.slice(0, 16))
      conflict('admitted', order, `Inpatient admission starts with the inpatient order (${order.replace('T', ' ')}), not ED arrival or bed assignment.`, 'UHDDS U7; ADT-2 (42 CFR 412.3(a))', ev('inpatientOrder'));
  }
  const type = expectedAdmissionType(facts);
  if (sheet.admissionType?.trim()) {
    const given = sheet.admissionType.trim();
    if (!(given in ADMISSION_TYPES)) add({ field: 'admissionType', status: 'wrong-code', expected: type, reason: `"${given}" is not a UB-04 FL14 code (1, 2, 3, 4, 5, 9).`, rule: 'ADT-4' });
    else if (given !== type) add({ field: 'admissionType', status: 'wrong-code', expected: type, reason: `FL14 should be ${type} (${ADMISSION_TYPES[type]}), not ${given} (${ADMISSION_TYPES[given as keyof typeof ADMISSION_TYPES]}): ${typeReason(facts)}`, rule: 'ADT-4; UHDDS U8', ...(ev('arrival') ? { evidence: ev('arrival') } : {}) });
  }
  const source = expectedAdmissionSource(facts);
  if (sheet.admissionSource?.trim()) {
    const given = sheet.admissionSource.trim().toUpperCase();
    if (!(given in ADMISSION_SOURCES)) add({ field: 'admissionSource', status: 'wrong-code', expected: source, reason: `"${given}" is not a UB-04 FL15 code.`, rule: 'UB-04 FL15' });
    else if (given !== source) add({ field: 'admissionSource', status: 'wrong-code', expected: source, reason: `FL15 should be ${source} (${ADMISSION_SOURCES[source]}), not ${given} (${ADMISSION_SOURCES[given as keyof typeof ADMISSION_SOURCES]}): the point of origin is where the patient came from (${ARRIVALS[facts.arrival].toLowerCase()}); arriving through the ED does not change it.`, rule: 'UB-04 FL15 (NUBC)', ...(ev('arrival') ? { evidence: ev('arrival') } : {}) });
  }
  if (facts.attendingPerOrder && sheet.attending?.trim() && personName(sheet.attending) !== personName(facts.attendingPerOrder))
    conflict('attending', facts.attendingPerOrder, `The admission order names ${facts.attendingPerOrder} as attending.`, 'UHDDS U10', ev('attendingPerOrder'));
  if (facts.payerVerified && sheet.payer?.trim() && norm(sheet.payer) !== norm(facts.payerVerified))
    conflict('payer', facts.payerVerified, `Eligibility/insurance card shows ${facts.payerVerified} as primary.`, 'UHDDS U17', ev('payerVerified'));
  const age = ageOn(p.dob, facts.inpatientOrder);
  if (sheet.payer && /medicare/i.test(sheet.payer) && !/advantage|secondary/i.test(sheet.payer) && age < 65 && !facts.medicareEntitlement)
    conflict('payer', facts.payerVerified ?? '', `Medicare as primary for a ${age}-year-old needs disability or ESRD entitlement, and none is documented: verify eligibility.`, 'UHDDS U17');
  if (sheet.guarantor?.trim() && age < 18 && /^(self|patient)$/i.test(sheet.guarantor.trim()))
    conflict('guarantor', 'parent or legal guardian', `The patient is ${age}: a minor cannot be their own guarantor.`, 'Registration policy (guarantor)');
  const order = Object.keys(FACE_SHEET_LABELS) as FaceSheetField[];
  return [...out.values()].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

function typeReason(f: AdmissionFacts): string {
  if (f.newborn) return 'the patient is a newborn born in this hospital.';
  if (f.traumaActivation) return 'the trauma team was activated.';
  if (f.arrival === 'scheduled') return (f.bookedHoursAhead ?? 24) >= 24 ? `the admission was booked ${f.bookedHoursAhead ?? 'at least 24'} hours ahead (scheduled = booked >= 24 h before, UHDDS U8).` : `it was booked only ${f.bookedHoursAhead} hours ahead, so it is not elective (UHDDS U8).`;
  if (f.urgent || f.arrival === 'direct-from-clinic') return 'the condition needed prompt attention but was not an emergency.';
  return 'the patient arrived unscheduled with symptoms needing immediate care.';
}
