/**
 * The UHDDS discharge abstract (him-rules.md 3.1, items U1-U17): what the abstractor enters, the key
 * computed from the chart, the field edits an abstracting system runs, and field-by-field scoring.
 */
import * as v from 'valibot';
import { ADMISSION_SOURCES, ADMISSION_TYPES, type ChartDocument, type Scenario } from '../../content/scenarioSchema';
import { formatDiagnosisCode, ICD10CM_SHAPE, ICD10PCS_SHAPE, normaliseCode, POA_VALUES } from '../coding/codeFormat';
import { isKnownStatus, STATUS_EXPLANATIONS } from '../adt/dischargeStatus';
import type { Citation, Finding, TaskServices } from '../tasks/taskTypes';
import { builtInAgeSexEditor, type AgeSexEditor } from './ageSexEdits';

const codedDx = v.object({ code: v.pipe(v.string(), v.transform(normaliseCode), v.regex(ICD10CM_SHAPE, 'expected an ICD-10-CM code')), poa: v.optional(v.picklist(POA_VALUES, 'POA is Y, N, U, W or 1'), 'Y') });

/** Step input: the final coded data (as on the coding summary) and where each procedure is documented. */
export const abstractInputSchema = v.object({
  codes: v.object({
    pdx: codedDx,
    sdx: v.optional(v.array(codedDx), []),
    procedures: v.optional(
      v.array(v.object({ code: v.pipe(v.string(), v.transform(normaliseCode), v.regex(ICD10PCS_SHAPE, 'expected an ICD-10-PCS code')), documentId: v.string() })),
      [],
    ),
  }),
  /** The chart document holding the coding summary, if the learner abstracts codes from it. */
  codingSummaryDocumentId: v.optional(v.string()),
  /** Expected payer when the patient record has none. */
  payer: v.optional(v.string()),
});
export type AbstractInput = v.InferOutput<typeof abstractInputSchema>;

const text = v.optional(v.string(), '');
export const abstractResponseSchema = v.object({
  mrn: text,
  family: text,
  given: text,
  dob: text,
  sex: text,
  zip: text,
  admitDate: text,
  admitHour: text,
  admissionType: text,
  admissionSource: text,
  dischargeDate: text,
  dischargeHour: text,
  disposition: text,
  attending: text,
  payer: text,
  pdx: text,
  pdxPoa: text,
  sdx: v.optional(v.array(v.object({ code: text, poa: text })), []),
  procedures: v.optional(v.array(v.object({ code: text, date: text, surgeon: text })), []),
});
export type AbstractResponse = v.InferOutput<typeof abstractResponseSchema>;

export const abstractAnswerSchema = v.object({
  mrn: v.string(),
  family: v.string(),
  given: v.string(),
  dob: v.string(),
  sex: v.string(),
  zip: v.string(),
  admitDate: v.string(),
  admitHour: v.string(),
  admissionType: v.string(),
  admissionSource: v.string(),
  dischargeDate: v.string(),
  dischargeHour: v.string(),
  disposition: v.string(),
  attending: v.string(),
  payer: v.string(),
  pdx: v.string(),
  pdxPoa: v.string(),
  sdx: v.array(v.object({ code: v.string(), poa: v.string() })),
  procedures: v.array(v.object({ code: v.string(), date: v.string(), surgeon: v.string(), documentId: v.string() })),
  operating: v.array(v.string()),
});
export type AbstractAnswer = v.InferOutput<typeof abstractAnswerSchema>;

export function emptyAbstract(): AbstractResponse {
  return { mrn: '', family: '', given: '', dob: '', sex: '', zip: '', admitDate: '', admitHour: '', admissionType: '', admissionSource: '', dischargeDate: '', dischargeHour: '', disposition: '', attending: '', payer: '', pdx: '', pdxPoa: '', sdx: [], procedures: [] };
}

function procedureDate(doc: ChartDocument): string {
  return (doc.procedure?.start ?? doc.created).slice(0, 10);
}

/**
 * Key of "abstract": demographics and dates from the registration and encounter (U1-U9), the attending
 * (U10), the coded diagnoses (U12-U13), each procedure with the date and surgeon of the document that
 * records it (U11, U14-U15), disposition (U16) and expected payer (U17).
 */
export function computeAbstractKey(input: AbstractInput, scenario: Scenario): AbstractAnswer {
  const e = scenario.encounter;
  const p = scenario.patient;
  const procedures = input.codes.procedures.map((pr) => {
    const doc = scenario.chart.find((d) => d.id === pr.documentId);
    if (!doc) throw new Error(`procedure ${pr.code}: no chart document "${pr.documentId}"`);
    return { code: pr.code, date: procedureDate(doc), surgeon: doc.author.name, documentId: doc.id };
  });
  return {
    mrn: p.mrn,
    family: p.name.family,
    given: p.name.given,
    dob: p.dob,
    sex: p.sex,
    zip: p.address?.zip ?? '',
    admitDate: e.admitted.slice(0, 10),
    admitHour: e.admitted.slice(11, 13),
    admissionType: e.admissionType,
    admissionSource: e.admissionSource,
    dischargeDate: e.discharged.slice(0, 10),
    dischargeHour: e.discharged.slice(11, 13),
    disposition: e.dischargeDisposition,
    attending: e.attending.name,
    payer: p.payer ?? input.payer ?? '',
    pdx: input.codes.pdx.code,
    pdxPoa: input.codes.pdx.poa,
    sdx: input.codes.sdx.map((s) => ({ code: s.code, poa: s.poa })),
    procedures,
    operating: [...new Set(procedures.map((x) => x.surgeon))],
  };
}

export interface AbstractEdit {
  /** Field path in the abstract, e.g. "dischargeDate", "sdx[2].code", "procedures[0].date". */
  field: string;
  severity: 'error' | 'warning';
  message: string;
  /** Machine id, e.g. "abstract.edit-date-order". */
  errorType: string;
}

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function ageAt(dob: string, on: string): number {
  const [y, m, d] = dob.split('-').map(Number) as [number, number, number];
  const [Y, M, D] = on.split('-').map(Number) as [number, number, number];
  return Y - y - (M < m || (M === m && D < d) ? 1 : 0);
}

/**
 * The edits an abstracting system runs before it accepts an abstract (UHDDS U2, U7, U9, U12-U16; MCE-style
 * age/sex edits): real calendar dates and hours; discharge on/after admission; birth before admission;
 * procedure dates inside the stay; code shapes, duplicates and the PDx repeated as a secondary; POA values;
 * known FL14/FL15/FL17 codes; codes valid on the discharge date (when code sets are loaded); age and sex
 * consistency of each code. Never throws: every problem is a field-level message.
 */
export function validateAbstract(r: AbstractResponse, services: TaskServices = {}, editor: AgeSexEditor = builtInAgeSexEditor): AbstractEdit[] {
  const edits: AbstractEdit[] = [];
  const err = (field: string, message: string, errorType: string, severity: 'error' | 'warning' = 'error') => edits.push({ field, message, errorType, severity });
  for (const [field, label] of [['dob', 'Date of birth'], ['admitDate', 'Admission date'], ['dischargeDate', 'Discharge date']] as const) {
    const value = r[field].trim();
    if (!value) err(field, `${label} is required.`, 'abstract.edit-required');
    else if (!isRealDate(value)) err(field, `${label} "${value}" is not a real calendar date (YYYY-MM-DD).`, 'abstract.edit-impossible-date');
  }
  for (const [field, label] of [['admitHour', 'Admission hour'], ['dischargeHour', 'Discharge hour']] as const) {
    const value = r[field].trim();
    if (value && !/^([01]\d|2[0-3])$/.test(value)) err(field, `${label} "${value}" must be 00-23.`, 'abstract.edit-impossible-hour');
  }
  const admit = isRealDate(r.admitDate.trim()) ? r.admitDate.trim() : '';
  const discharge = isRealDate(r.dischargeDate.trim()) ? r.dischargeDate.trim() : '';
  const dob = isRealDate(r.dob.trim()) ? r.dob.trim() : '';
  if (admit && discharge && discharge < admit) err('dischargeDate', `Discharge ${discharge} is before admission ${admit}.`, 'abstract.edit-date-order');
  if (dob && admit && dob > admit) err('dob', `Date of birth ${dob} is after the admission ${admit}.`, 'abstract.edit-date-order');
  if (dob && admit && ageAt(dob, admit) > 124) err('dob', `Age ${ageAt(dob, admit)} at admission is not plausible (MCE age range 0-124).`, 'abstract.edit-age-range');
  if (r.sex.trim() && !['F', 'M', 'U'].includes(r.sex.trim().toUpperCase())) err('sex', `Sex "${r.sex}" must be F, M or U.`, 'abstract.edit-invalid-value');
  if (r.admissionType.trim() && !(r.admissionType.trim() in ADMISSION_TYPES)) err('admissionType', `"${r.admissionType}" is not a UB-04 FL14 type of admission (1, 2, 3, 4, 5, 9).`, 'abstract.edit-invalid-value');
  if (r.admissionSource.trim() && !(r.admissionSource.trim().toUpperCase() in ADMISSION_SOURCES)) err('admissionSource', `"${r.admissionSource}" is not a UB-04 FL15 point-of-origin code.`, 'abstract.edit-invalid-value');
  const disp = r.disposition.trim();
  if (!disp) err('disposition', 'Discharge disposition is required (UHDDS U16).', 'abstract.edit-required');
  else if (!isKnownStatus(disp.padStart(2, '0'))) err('disposition', `"${disp}" is not a UB-04 discharge status code.`, 'abstract.edit-unknown-status');
  if (!r.attending.trim()) err('attending', 'Attending physician is required (UHDDS U10).', 'abstract.edit-required');
  const age = dob && admit ? ageAt(dob, admit) : undefined;
  const sex = r.sex.trim().toUpperCase();
  const date = discharge || admit;
  const checkDx = (raw: string, field: string) => {
    const code = normaliseCode(raw);
    if (!code) return;
    if (!ICD10CM_SHAPE.test(code)) return err(field, `"${raw}" is not shaped like an ICD-10-CM code.`, 'abstract.edit-code-format');
    const info = services.codeInfo && date ? services.codeInfo(code, 'dx', date) : undefined;
    if (info && info.status !== 'reportable') err(field, `${formatDiagnosisCode(code)}: ${info.hint ?? `not a reportable code on ${date}`}.`, 'abstract.edit-invalid-code');
    if (age !== undefined) {
      const c = editor(code, 'dx', age, sex);
      if (c) err(field, c.message, `abstract.edit-${c.kind}-conflict`);
    }
  };
  if (!r.pdx.trim()) err('pdx', 'Principal diagnosis is required (UHDDS U12).', 'abstract.edit-required');
  checkDx(r.pdx, 'pdx');
  if (r.pdxPoa.trim() && !(POA_VALUES as readonly string[]).includes(r.pdxPoa.trim().toUpperCase())) err('pdxPoa', `POA "${r.pdxPoa}" must be Y, N, U, W or 1.`, 'abstract.edit-invalid-value');
  const seen = new Set<string>([normaliseCode(r.pdx)]);
  r.sdx.forEach((s, i) => {
    const code = normaliseCode(s.code);
    if (!code) return;
    if (seen.has(code)) err(`sdx[${i}].code`, code === normaliseCode(r.pdx) ? `${formatDiagnosisCode(code)} repeats the principal diagnosis.` : `${formatDiagnosisCode(code)} is listed twice.`, 'abstract.edit-duplicate-code');
    seen.add(code);
    checkDx(s.code, `sdx[${i}].code`);
    if (s.poa.trim() && !(POA_VALUES as readonly string[]).includes(s.poa.trim().toUpperCase())) err(`sdx[${i}].poa`, `POA "${s.poa}" must be Y, N, U, W or 1.`, 'abstract.edit-invalid-value');
  });
  r.procedures.forEach((p, i) => {
    const code = normaliseCode(p.code);
    if (code && !ICD10PCS_SHAPE.test(code)) err(`procedures[${i}].code`, `"${p.code}" is not shaped like an ICD-10-PCS code (7 characters, no I or O).`, 'abstract.edit-code-format');
    else if (code) {
      const info = services.codeInfo && date ? services.codeInfo(code, 'pcs', date) : undefined;
      if (info && info.status !== 'reportable') err(`procedures[${i}].code`, `${code}: ${info.hint ?? `not a valid code on ${date}`}.`, 'abstract.edit-invalid-code');
      if (age !== undefined) {
        const c = editor(code, 'pcs', age, sex);
        if (c) err(`procedures[${i}].code`, c.message, `abstract.edit-${c.kind}-conflict`);
      }
    }
    const d = p.date.trim();
    if (!d) err(`procedures[${i}].date`, 'Procedure date is required (UHDDS U14).', 'abstract.edit-required');
    else if (!isRealDate(d)) err(`procedures[${i}].date`, `"${d}" is not a real calendar date.`, 'abstract.edit-impossible-date');
    else if ((admit && d < admit) || (discharge && d > discharge)) err(`procedures[${i}].date`, `Procedure date ${d} is outside the stay (${admit || '?'} to ${discharge || '?'}).`, 'abstract.edit-date-order');
    if (!p.surgeon.trim()) err(`procedures[${i}].surgeon`, 'Operating physician is required for each procedure (UHDDS U11).', 'abstract.edit-required');
  });
  return edits;
}

const UHDDS = (item: string, text: string): Citation => ({ source: 'UHDDS (him-rules.md 3.1)', section: item, text });

function sameName(a: string, b: string): boolean {
  const clean = (s: string) =>
    s
      .toUpperCase()
      .replace(/^\s*DR\.?\s+/, '')
      .replace(/,?\s*\b(MD|DO|NP|PA-C|DPM|APRN|PHD)\b\.?/g, '')
      .replace(/[^A-Z ,]/g, '')
      .trim();
  const tokens = (s: string) => {
    const c = clean(s);
    if (c.includes(',')) {
      const [fam = '', giv = ''] = c.split(',', 2);
      return `${giv.trim().split(/\s+/)[0] ?? ''} ${fam.trim()}`;
    }
    const parts = c.split(/\s+/).filter(Boolean);
    return `${parts[0] ?? ''} ${parts.at(-1) ?? ''}`;
  };
  return tokens(a) === tokens(b);
}

/**
 * Scores an abstract field by field against the chart (UHDDS U1-U17), with partial credit: each simple
 * field, the PDx (2) and its POA, each required secondary (1 + 0.5 POA), each procedure (code 1, date and
 * surgeon 0.5 each); unsupported extra codes cost 0.5. Edit failures are reported as 0-point findings so
 * the learner sees every field-level message.
 */
export function scoreAbstract(r: AbstractResponse, key: AbstractAnswer, services: TaskServices = {}, editor?: AgeSexEditor): { score: number; maxScore: number; findings: Finding[] } {
  const findings: Finding[] = [];
  const simple = (subject: string, given: string, expected: string, points: number, citation: Citation, equal: (a: string, b: string) => boolean = (a, b) => a.trim().toUpperCase() === b.trim().toUpperCase(), explain = '') => {
    if (!expected) return;
    const ok = equal(given, expected);
    findings.push({ outcome: ok ? 'correct' : given.trim() ? 'incorrect' : 'missed', errorType: ok ? undefined : `abstract.${subject.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '')}`, subject, message: ok ? `${expected} is right.` : `Expected ${expected}${given.trim() ? `, not ${given.trim()}` : ''}.${explain ? ` ${explain}` : ''}`, points: ok ? points : 0, maxPoints: points, citation });
  };
  const two = (a: string, b: string) => a.trim().padStart(2, '0') === b.trim().padStart(2, '0');
  simple('MRN', r.mrn, key.mrn, 0.5, UHDDS('U1', 'Personal identifier'));
  simple('Family name', r.family, key.family, 0.5, UHDDS('U1', 'Personal identifier'));
  simple('Given name', r.given, key.given, 0.5, UHDDS('U1', 'Personal identifier'));
  simple('Date of birth', r.dob, key.dob, 0.5, UHDDS('U2', 'Month, day and 4-digit year'));
  simple('Sex', r.sex, key.sex, 0.5, UHDDS('U3', 'M/F/unknown'));
  simple('ZIP of residence', r.zip, key.zip, 0.5, UHDDS('U5', 'Usual residence, ZIP'));
  simple('Admission date', r.admitDate, key.admitDate, 1, UHDDS('U7', 'For ED/observation patients, the date of the inpatient order'), undefined, 'The admission date is the date of the inpatient order, not ED arrival (ADT-2).');
  simple('Admission hour', r.admitHour, key.admitHour, 0.5, UHDDS('U7', 'Admission date and hour'), two);
  simple('Type of admission', r.admissionType, key.admissionType, 1, UHDDS('U8', 'UB-04 FL14'), undefined, 'FL14: 1 emergency, 2 urgent, 3 elective (booked >= 24 h ahead), 4 newborn, 5 trauma.');
  simple('Point of origin', r.admissionSource, key.admissionSource, 1, UHDDS('U8', 'UB-04 FL15 point of origin'));
  simple('Discharge date', r.dischargeDate, key.dischargeDate, 1, UHDDS('U9', 'Discharge date'));
  simple('Discharge hour', r.dischargeHour, key.dischargeHour, 0.5, UHDDS('U9', 'Discharge date and hour'), two);
  simple('Disposition', r.disposition, key.disposition, 1, UHDDS('U16', 'Disposition (UB-04 FL17)'), two, `${key.disposition} = ${STATUS_EXPLANATIONS[key.disposition] ?? ''}.`);
  simple('Attending physician', r.attending, key.attending, 1, UHDDS('U10', 'Attending physician'), sameName, 'The attending of record is on the encounter (the physician responsible at discharge).');
  simple('Expected payer', r.payer, key.payer, 1, UHDDS('U17', 'Expected principal source of payment'), (a, b) => a.trim().toUpperCase().replace(/[^A-Z0-9]/g, '') === b.trim().toUpperCase().replace(/[^A-Z0-9]/g, ''));
  const pdxOk = normaliseCode(r.pdx) === key.pdx;
  findings.push({ outcome: pdxOk ? 'correct' : r.pdx.trim() ? 'incorrect' : 'missed', errorType: pdxOk ? undefined : 'abstract.pdx', subject: 'Principal diagnosis', message: pdxOk ? `${formatDiagnosisCode(key.pdx)} is right.` : `Expected ${formatDiagnosisCode(key.pdx)} from the coding summary${r.pdx.trim() ? `, not ${formatDiagnosisCode(normaliseCode(r.pdx))}` : ''}.`, points: pdxOk ? 2 : 0, maxPoints: 2, citation: UHDDS('U12', 'Principal diagnosis') });
  const poaOk = pdxOk && r.pdxPoa.trim().toUpperCase() === key.pdxPoa;
  findings.push({ outcome: poaOk ? 'correct' : 'incorrect', errorType: poaOk ? undefined : 'abstract.poa', subject: 'Principal diagnosis POA', message: poaOk ? `POA ${key.pdxPoa} is right.` : `POA for ${formatDiagnosisCode(key.pdx)} is ${key.pdxPoa}.`, points: poaOk ? 0.5 : 0, maxPoints: 0.5, citation: { source: 'ICD-10-CM Official Guidelines FY2026', section: 'Appendix I', text: 'Present on admission reporting' } });
  const used = new Set<number>();
  for (const s of key.sdx) {
    const i = r.sdx.findIndex((x, j) => !used.has(j) && normaliseCode(x.code) === s.code);
    if (i < 0) {
      findings.push({ outcome: 'missed', errorType: 'abstract.sdx-missed', subject: `Other diagnosis ${formatDiagnosisCode(s.code)}`, message: `${formatDiagnosisCode(s.code)} (POA ${s.poa}) is on the coding summary but not on the abstract.`, points: 0, maxPoints: 1.5, citation: UHDDS('U13', 'Other diagnoses') });
      continue;
    }
    used.add(i);
    const ok = r.sdx[i]!.poa.trim().toUpperCase() === s.poa;
    findings.push({ outcome: ok ? 'correct' : 'partial', errorType: ok ? undefined : 'abstract.poa', subject: `Other diagnosis ${formatDiagnosisCode(s.code)}`, message: ok ? `${formatDiagnosisCode(s.code)} with POA ${s.poa} is right.` : `${formatDiagnosisCode(s.code)} is right but its POA is ${s.poa}, not ${r.sdx[i]!.poa || '(blank)'}.`, points: ok ? 1.5 : 1, maxPoints: 1.5, citation: UHDDS('U13', 'Other diagnoses') });
  }
  r.sdx.forEach((x, j) => {
    if (used.has(j) || !x.code.trim()) return;
    findings.push({ outcome: 'extra', errorType: 'abstract.sdx-extra', subject: `Other diagnosis ${x.code.trim()}`, message: `${x.code.trim()} is not on the coding summary for this discharge.`, points: -0.5, maxPoints: 0, citation: UHDDS('U13', 'Other diagnoses') });
  });
  const usedP = new Set<number>();
  for (const p of key.procedures) {
    const i = r.procedures.findIndex((x, j) => !usedP.has(j) && normaliseCode(x.code) === p.code);
    const evidence = { documentId: p.documentId };
    if (i < 0) {
      findings.push({ outcome: 'missed', errorType: 'abstract.procedure-missed', subject: `Procedure ${p.code}`, message: `${p.code} on ${p.date} by ${p.surgeon} is missing from the abstract.`, points: 0, maxPoints: 2, citation: UHDDS('U14', 'Significant procedures with dates'), evidence });
      continue;
    }
    usedP.add(i);
    const given = r.procedures[i]!;
    const dateOk = given.date.trim() === p.date;
    const surgeonOk = sameName(given.surgeon, p.surgeon);
    const pts = 1 + (dateOk ? 0.5 : 0) + (surgeonOk ? 0.5 : 0);
    const problems = [dateOk ? '' : `the date is ${p.date} (from the procedure documentation), not ${given.date || '(blank)'}`, surgeonOk ? '' : `the operating physician is ${p.surgeon}, not ${given.surgeon || '(blank)'}`].filter(Boolean);
    findings.push({ outcome: pts === 2 ? 'correct' : 'partial', errorType: dateOk ? (surgeonOk ? undefined : 'abstract.surgeon') : 'abstract.procedure-date', subject: `Procedure ${p.code}`, message: pts === 2 ? `${p.code} on ${p.date} by ${p.surgeon} is right.` : `${p.code} is right, but ${problems.join(' and ')}.`, points: pts, maxPoints: 2, citation: UHDDS(surgeonOk ? 'U14' : 'U11', surgeonOk ? 'Significant procedures with dates' : 'Operating physician'), evidence });
  }
  r.procedures.forEach((x, j) => {
    if (usedP.has(j) || !x.code.trim()) return;
    findings.push({ outcome: 'extra', errorType: 'abstract.procedure-extra', subject: `Procedure ${x.code.trim()}`, message: `${x.code.trim()} is not a procedure coded for this stay.`, points: -0.5, maxPoints: 0, citation: UHDDS('U14', 'Significant procedures') });
  });
  for (const e of validateAbstract(r, services, editor)) {
    findings.push({ outcome: 'info', errorType: e.errorType, subject: `Edit: ${e.field}`, message: e.message, points: 0, maxPoints: 0, citation: { source: 'Abstracting edits (UHDDS; CMS MCE categories)', section: e.field } });
  }
  const maxScore = findings.reduce((s, f) => s + f.maxPoints, 0);
  const raw = findings.reduce((s, f) => s + f.points, 0);
  return { score: Math.max(0, Math.min(maxScore, raw)), maxScore, findings };
}
