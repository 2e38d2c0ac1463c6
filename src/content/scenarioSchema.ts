/**
 * Scenario format v1 (docs/authoring.md): one case per YAML file in scenarios/<module>/NN-slug.yaml.
 *
 * This valibot schema is the single definition of the format; the `Scenario` type is inferred from it.
 * Step answers are validated afterwards by the step's task type (see validateScenario.ts), so that a
 * module can own its answer format.
 */
import * as v from 'valibot';

/** Facility-local date and time, minute precision: "2026-01-14T22:47" (seconds allowed). */
export const DATE_TIME_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** YAML turns unquoted 2026-01-14 into a Date; accept it and normalise back to ISO text. */
function isoFromYamlDate(input: unknown, withTime: boolean): unknown {
  if (input instanceof Date && !Number.isNaN(input.getTime())) {
    const iso = input.toISOString();
    return withTime ? iso.slice(0, 16) : iso.slice(0, 10);
  }
  return input;
}

export const dateTime = v.pipe(
  v.unknown(),
  v.transform((input) => isoFromYamlDate(input, true)),
  v.string('expected a date-time like 2026-01-14T22:47'),
  v.regex(DATE_TIME_PATTERN, 'expected a date-time like 2026-01-14T22:47'),
  v.check((s) => isRealCalendarDate(s.slice(0, 10)), 'is not a real calendar date'),
);

export const date = v.pipe(
  v.unknown(),
  v.transform((input) => isoFromYamlDate(input, false)),
  v.string('expected a date like 2026-01-14'),
  v.regex(DATE_PATTERN, 'expected a date like 2026-01-14'),
  v.check(isRealCalendarDate, 'is not a real calendar date'),
);

function isRealCalendarDate(isoDate: string): boolean {
  const d = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === isoDate;
}

const nonEmpty = (what: string) => v.pipe(v.string(`expected ${what} as text`), v.trim(), v.minLength(1, `${what} is empty`));

export const MODULES = [
  'coding',
  'drg',
  'completeness',
  'query',
  'roi',
  'audit',
  'mpi',
  'adt',
  'abstracting',
  'transcription',
] as const;
export type ModuleId = (typeof MODULES)[number];

export const MODULE_LABELS: Record<ModuleId, string> = {
  coding: 'Coding',
  drg: 'DRG assignment',
  completeness: 'Completeness review',
  query: 'Physician queries',
  roi: 'Release of information',
  audit: 'Access-log audit',
  mpi: 'MPI and record retrieval',
  adt: 'Admission / discharge',
  abstracting: 'Abstracting',
  transcription: 'Transcription',
};

export const personName = v.object({
  family: nonEmpty('family name'),
  given: nonEmpty('given name'),
  middle: v.optional(v.string()),
  suffix: v.optional(v.string()),
});

export const patientSchema = v.object({
  name: personName,
  mrn: v.pipe(nonEmpty('MRN'), v.regex(/^[A-Z0-9-]{4,20}$/, 'an MRN is 4-20 capital letters, digits or dashes')),
  dob: date,
  sex: v.picklist(['F', 'M', 'U'], 'sex is F, M or U'),
  account: v.optional(v.string()),
  address: v.optional(
    v.object({ line: v.string(), city: v.string(), state: v.string(), zip: v.string() }),
  ),
  phone: v.optional(v.string()),
  ssnLast4: v.optional(v.pipe(v.string(), v.regex(/^\d{4}$/, 'four digits'))),
  payer: v.optional(v.string()),
  maritalStatus: v.optional(v.string()),
  language: v.optional(v.string()),
});

export const providerSchema = v.object({
  name: nonEmpty('provider name'),
  credentials: v.optional(v.string()),
  specialty: v.optional(v.string()),
  npi: v.optional(v.pipe(v.string(), v.regex(/^\d{10}$/, 'an NPI is 10 digits'))),
});

/** UB-04 FL14 priority (type) of admission. */
export const ADMISSION_TYPES = { '1': 'Emergency', '2': 'Urgent', '3': 'Elective', '4': 'Newborn', '5': 'Trauma', '9': 'Information not available' } as const;
/** UB-04 FL15 point of origin for admission (the common codes). */
export const ADMISSION_SOURCES = {
  '1': 'Non-health-care facility point of origin',
  '2': 'Clinic or physician office',
  '4': 'Transfer from a hospital (different facility)',
  '5': 'Transfer from a SNF, ICF or assisted living',
  '6': 'Transfer from another health care facility',
  '8': 'Court / law enforcement',
  '9': 'Information not available',
  D: 'Transfer from one unit to another in the same hospital',
  E: 'Transfer from ambulatory surgery center',
  F: 'Transfer from hospice',
} as const;
/** UB-04 FL17 patient discharge status (him-rules.md 3.3). */
export const DISCHARGE_STATUSES = {
  '01': 'Home or self-care',
  '02': 'Short-term general hospital for inpatient care',
  '03': 'Medicare-certified skilled nursing facility',
  '04': 'Custodial or supportive care facility',
  '05': 'Cancer center or children’s hospital',
  '06': 'Home with organized home health service',
  '07': 'Left against medical advice',
  '20': 'Expired',
  '21': 'Court or law enforcement',
  '43': 'Federal health care facility',
  '50': 'Hospice, home',
  '51': 'Hospice, medical facility',
  '61': 'Swing bed',
  '62': 'Inpatient rehabilitation facility',
  '63': 'Long-term care hospital',
  '64': 'Medicaid-only nursing facility',
  '65': 'Psychiatric hospital or unit',
  '66': 'Critical access hospital',
  '70': 'Other institution',
} as const;

const codeKey = <T extends Record<string, string>>(table: T, what: string) =>
  v.pipe(
    v.union([v.string(), v.number()], `expected a ${what} code`),
    v.transform((x) => String(x)),
    v.check((x) => x in table, `is not a ${what} code (${Object.keys(table).join(', ')})`),
  );

/** A procedure from the OR/procedure log (optional metadata for the completeness rules). */
export const encounterProcedureSchema = v.pipe(
  v.object({
    id: v.pipe(nonEmpty('procedure id'), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes')),
    name: nonEmpty('procedure name'),
    /** surgical = OR case (operative report); invasive = bedside procedure (procedure note); delivery = birth (delivery note). */
    kind: v.picklist(['surgical', 'invasive', 'delivery']),
    start: dateTime,
    end: dateTime,
    /** Name of the surgeon / performing practitioner, as written on the documents. */
    performedBy: nonEmpty('performing practitioner'),
    anesthesia: v.optional(v.picklist(['general', 'regional', 'mac', 'moderate-sedation', 'local', 'none']), 'none'),
    anesthesiologist: v.optional(v.string()),
    /** Emergency: H&P and consent may follow the procedure (42 CFR 482.51(b)(1)-(2)). */
    emergency: v.optional(v.boolean(), false),
  }),
  v.forward(
    v.check((p) => p.end >= p.start, 'procedure ends before it starts'),
    ['end'],
  ),
);

export const encounterSchema = v.pipe(
  v.object({
    facility: v.optional(v.string(), 'Larkspur Valley Medical Center'),
    class: v.optional(v.picklist(['inpatient', 'observation', 'outpatient', 'emergency', 'newborn']), 'inpatient'),
    account: v.optional(v.string()),
    admitted: dateTime,
    discharged: dateTime,
    admissionType: codeKey(ADMISSION_TYPES, 'UB-04 admission type'),
    admissionSource: codeKey(ADMISSION_SOURCES, 'UB-04 point-of-origin'),
    attending: providerSchema,
    dischargeDisposition: v.pipe(
      v.union([v.string(), v.number()], 'expected a discharge status code'),
      v.transform((x) => String(x).padStart(2, '0')),
      v.check((x) => x in DISCHARGE_STATUSES, 'is not a UB-04 discharge status code'),
    ),
    service: v.optional(v.string()),
    unit: v.optional(v.string()),
    /**
     * Optional (completeness rules, him-rules.md 2.1 DOC-9..11): the procedures performed in this encounter, as the
     * OR/procedure log lists them. Documents refer to one through `procedure.ref`.
     */
    procedures: v.optional(v.array(encounterProcedureSchema)),
  }),
  v.forward(
    v.check((e) => e.discharged >= e.admitted, 'discharge is before admission'),
    ['discharged'],
  ),
);

export const DOCUMENT_TYPES = {
  'face-sheet': 'Face sheet',
  'ed-note': 'ED provider note',
  'history-and-physical': 'History and physical',
  'hp-update': 'H&P update note',
  'progress-note': 'Progress note',
  consult: 'Consultation',
  order: 'Order',
  'operative-report': 'Operative report',
  'brief-op-note': 'Brief operative note',
  'procedure-note': 'Procedure note',
  'anesthesia-record': 'Anesthesia record',
  consent: 'Consent',
  'discharge-summary': 'Discharge summary',
  lab: 'Laboratory',
  radiology: 'Radiology',
  pathology: 'Pathology',
  'nursing-note': 'Nursing note',
  mar: 'Medication administration record',
  'delivery-note': 'Delivery note',
  'query-response': 'Query response',
  correspondence: 'Correspondence',
  authorization: 'Authorization',
  other: 'Other',
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

export const AUTHOR_ROLES = [
  'attending',
  'resident',
  'consultant',
  'surgeon',
  'anesthesiologist',
  'nurse-practitioner',
  'physician-assistant',
  'midwife',
  'nurse',
  'technologist',
  'pharmacist',
  'dietitian',
  'case-manager',
  'registration',
  'him',
  'patient',
  'other',
] as const;

export const documentSchema = v.pipe(
  v.object({
    id: v.pipe(nonEmpty('document id'), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes')),
    type: v.picklist(Object.keys(DOCUMENT_TYPES) as DocumentType[], `unknown document type (use one of: ${Object.keys(DOCUMENT_TYPES).join(', ')})`),
    title: v.optional(v.string()),
    author: v.object({
      name: nonEmpty('author name'),
      credentials: v.optional(v.string()),
      role: v.picklist(AUTHOR_ROLES, `unknown role (use one of: ${AUTHOR_ROLES.join(', ')})`),
    }),
    created: dateTime,
    /** When the author authenticated it; absent = unsigned. */
    signed: v.optional(dateTime),
    cosigner: v.optional(v.object({ name: nonEmpty('co-signer name'), credentials: v.optional(v.string()), role: v.picklist(AUTHOR_ROLES) })),
    cosigned: v.optional(dateTime),
    /** Orders: how it was given and whether it was read back. */
    order: v.optional(
      v.object({
        mode: v.picklist(['written', 'electronic', 'verbal', 'telephone']),
        readBack: v.optional(v.boolean()),
        receivedBy: v.optional(v.string()),
      }),
    ),
    /** Procedures (operative reports, procedure notes, consents): when it started and ended. */
    procedure: v.optional(
      v.object({
        name: nonEmpty('procedure name'),
        start: v.optional(dateTime),
        end: v.optional(dateTime),
        /** Optional: the id of the `encounter.procedures` entry this document belongs to. */
        ref: v.optional(v.string()),
      }),
    ),
    /**
     * Optional authentication detail (42 CFR 482.24(c)(1)): a signature present but without its date or time.
     * Absent = the signature (if any) is dated and timed.
     */
    authentication: v.optional(
      v.object({ dated: v.optional(v.boolean(), true), timed: v.optional(v.boolean(), true) }),
    ),
    /** Optional override of the bylaws co-signature policy for this document (true = needs a co-signature). */
    cosignRequired: v.optional(v.boolean()),
    /** Optional, anesthesia records: when the pre- and post-anesthesia evaluations were documented (42 CFR 482.52(b)). */
    anesthesia: v.optional(v.object({ preEvaluation: v.optional(dateTime), postEvaluation: v.optional(dateTime) })),
    text: nonEmpty('document text'),
  }),
  v.forward(
    v.check((d) => d.signed === undefined || d.signed >= d.created, 'signed before it was created'),
    ['signed'],
  ),
  v.forward(
    v.check((d) => d.cosigned === undefined || d.signed === undefined || d.cosigned >= d.signed, 'co-signed before it was signed'),
    ['cosigned'],
  ),
  v.forward(
    v.check((d) => !d.procedure?.start || !d.procedure.end || d.procedure.end >= d.procedure.start, 'procedure ends before it starts'),
    ['procedure', 'end'],
  ),
);
export type ChartDocument = v.InferOutput<typeof documentSchema>;

export const stepSchema = v.object({
  id: v.pipe(nonEmpty('step id'), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes')),
  type: nonEmpty('task type'),
  title: v.optional(v.string()),
  prompt: v.optional(v.string()),
  /** What the learner is given beyond the chart (a request, a log seed...). Its shape belongs to the task type. */
  input: v.optional(v.unknown()),
  /** The key. Its shape belongs to the task type. Optional where the task type computes the key by rules. */
  answer: v.optional(v.unknown()),
});
export type ScenarioStep = v.InferOutput<typeof stepSchema>;

export const scenarioSchema = v.pipe(
  v.object({
    format: v.literal('him-sim/scenario@1', 'format must be "him-sim/scenario@1"'),
    id: v.pipe(nonEmpty('scenario id'), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes')),
    module: v.picklist(MODULES, `unknown module (use one of: ${MODULES.join(', ')})`),
    title: nonEmpty('title'),
    summary: v.optional(v.string()),
    difficulty: v.optional(v.pipe(v.number('difficulty is a number 1-5'), v.integer(), v.minValue(1), v.maxValue(5)), 2),
    estimatedMinutes: v.optional(v.pipe(v.number(), v.minValue(1)), 10),
    tags: v.optional(v.array(v.string()), []),
    patient: patientSchema,
    encounter: encounterSchema,
    chart: v.pipe(v.array(documentSchema), v.minLength(1, 'a chart needs at least one document')),
    steps: v.pipe(v.array(stepSchema), v.minLength(1, 'a case needs at least one step')),
    /** Free-form data a module needs beyond the chart (e.g. an ROI request, an access log seed). */
    data: v.optional(v.record(v.string(), v.unknown())),
  }),
  v.forward(
    v.check((s) => s.patient.dob <= s.encounter.admitted.slice(0, 10), 'date of birth is after the admission'),
    ['patient', 'dob'],
  ),
);

export type Scenario = v.InferOutput<typeof scenarioSchema>;
