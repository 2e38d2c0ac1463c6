/**
 * Discharge assembly: the facility's standard order of a closed inpatient record and the documents a
 * complete record must hold (42 CFR 482.24(c)(4), him-rules.md 2.1 DOC-3, DOC-6, DOC-7, DOC-9..DOC-11).
 */
import { DOCUMENT_TYPES, type ChartDocument, type DocumentType, type Scenario } from '../../content/scenarioSchema';

/**
 * Larkspur Valley Medical Center discharge order (facility policy HIM-ASM-01, modelled on the common
 * "discharge order" of HIM textbooks): identification, summary, admission, physician documentation,
 * surgical section, results, nursing, then legal/correspondence. Within a type: oldest first.
 */
export const STANDARD_ORDER: readonly DocumentType[] = [
  'face-sheet',
  'discharge-summary',
  'ed-note',
  'history-and-physical',
  'hp-update',
  'consult',
  'progress-note',
  'query-response',
  'order',
  'consent',
  'anesthesia-record',
  'operative-report',
  'brief-op-note',
  'procedure-note',
  'delivery-note',
  'pathology',
  'lab',
  'radiology',
  'nursing-note',
  'mar',
  'authorization',
  'correspondence',
  'other',
];

/** Orders a chart by the standard discharge order (facility policy HIM-ASM-01); stable within a type by creation time. */
export function assembleInStandardOrder(chart: readonly ChartDocument[]): string[] {
  const rank = (t: DocumentType) => STANDARD_ORDER.indexOf(t);
  return [...chart]
    .sort((a, b) => rank(a.type) - rank(b.type) || a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
    .map((d) => d.id);
}

export interface MissingDocument {
  type: DocumentType;
  reason: string;
  rule: string;
  /** The document that shows the record needs it. */
  evidence?: { documentId: string; quote: string };
}

function firstMatch(chart: readonly ChartDocument[], types: readonly DocumentType[] | 'any', pattern: RegExp): { documentId: string; quote: string } | undefined {
  for (const d of chart) {
    if (types !== 'any' && !types.includes(d.type)) continue;
    const m = pattern.exec(d.text);
    if (m) return { documentId: d.id, quote: m[0] };
  }
  return undefined;
}

function lengthOfStayHours(s: Scenario): number {
  return (Date.parse(`${s.encounter.discharged}:00Z`) - Date.parse(`${s.encounter.admitted}:00Z`)) / 3_600_000;
}

/**
 * Lists the document types a complete inpatient record lacks (quantitative analysis, CMP-3): face sheet,
 * admission order and H&P (DOC-3), discharge summary (DOC-7; for stays under 48 hours a final progress note
 * with outcome, disposition and follow-up may replace it), progress notes, nursing notes and MAR (DOC-6),
 * consultation reports that were ordered (DOC-6), lab and imaging reports that were ordered (DOC-6), and
 * for surgery: consent (DOC-9), anesthesia record (DOC-11), operative report (DOC-10) and pathology when
 * a specimen was sent. `extra`/`exempt` let an author add or waive a type for a case.
 */
export function findMissingDocuments(scenario: Scenario, extra: readonly DocumentType[] = [], exempt: readonly DocumentType[] = []): MissingDocument[] {
  const chart = scenario.chart;
  const has = (t: DocumentType) => chart.some((d) => d.type === t);
  const needs: MissingDocument[] = [];
  const need = (type: DocumentType, reason: string, rule: string, evidence?: { documentId: string; quote: string }) => {
    if (!has(type) && !exempt.includes(type) && !needs.some((n) => n.type === type)) needs.push({ type, reason, rule, ...(evidence ? { evidence } : {}) });
  };
  need('face-sheet', 'every record opens with the identification (face) sheet', 'MPI-1 / facility policy HIM-ASM-01');
  need('order', 'inpatient status begins with a written admission order', 'ADT-2 (42 CFR 412.3(a)); DOC-2');
  need('history-and-physical', 'an H&P is required within 24 hours after admission', 'DOC-3 (482.22(c)(5)(i))');
  const shortStay = lengthOfStayHours(scenario) < 48;
  const finalNote = chart.find((d) => d.type === 'progress-note' && /\b(discharg\w*)\b/i.test(d.text) && /\b(follow[- ]?up|f\/u)\b/i.test(d.text));
  if (!(shortStay && finalNote)) need('discharge-summary', 'a discharge summary with outcome, disposition and follow-up is required', 'DOC-7 (482.24(c)(4)(vii))');
  if (lengthOfStayHours(scenario) >= 24) need('progress-note', 'a stay over a day needs physician progress notes', 'DOC-6 (482.24(c)(4))');
  need('nursing-note', 'nursing notes are part of every inpatient record', 'DOC-6 (482.24(c)(4)(vi))');
  need('mar', 'the medication administration record is part of every inpatient record', 'DOC-6 (482.24(c)(4)(vi))');
  const consult = firstMatch(chart, ['order', 'progress-note', 'history-and-physical', 'discharge-summary'], /\b[A-Z][a-z]+(ology|ery|iatry|ics)?\s+consult(ation|ed)?\b|\bconsult(ation)? (to|with|by) [A-Za-z]+/);
  if (consult) need('consult', `a consultation was requested ("${consult.quote}") but its report is not filed`, 'DOC-6 (482.24(c)(4)(iii))', consult);
  const labs = firstMatch(chart, ['order'], /\b(CBC|BMP|CMP|troponin|lactate|culture|urinalysis|UA|A1c|INR|PT\/INR|lipase|BNP|panel)\b/);
  if (labs) need('lab', `laboratory tests were ordered ("${labs.quote}")`, 'DOC-6 (482.24(c)(4)(vi))', labs);
  const imaging = firstMatch(chart, ['order'], /\b(CXR|chest x-?ray|X-?ray|CT|MRI|ultrasound|US|echo(cardiogram)?|TTE|duplex)\b/);
  if (imaging) need('radiology', `imaging was ordered ("${imaging.quote}")`, 'DOC-6 (482.24(c)(4)(vi))', imaging);
  const surgical = chart.find((d) => d.procedure && ['operative-report', 'brief-op-note', 'consent', 'anesthesia-record'].includes(d.type));
  const surgeryText = firstMatch(chart, ['order', 'progress-note', 'discharge-summary', 'consent', 'anesthesia-record', 'brief-op-note'], /\b(POD ?#?\d|post-?op(erative)? day \d)/i);
  const evidence = surgical ? { documentId: surgical.id, quote: surgical.procedure?.name && surgical.text.includes(surgical.procedure.name) ? surgical.procedure.name : (surgical.text.split('\n')[0] ?? '') } : surgeryText;
  if (surgical || surgeryText) {
    need('operative-report', 'surgery was performed; the operative report must be written and signed by the surgeon', 'DOC-10 (482.51(b)(6))', evidence);
    need('consent', 'a signed surgical consent must be in the record', 'DOC-9 (482.51(b)(2))', evidence);
    need('anesthesia-record', 'surgery under anesthesia needs the anesthesia record with pre- and post-anesthesia evaluations', 'DOC-11 (482.52(b))', evidence);
    const specimen = firstMatch(chart, ['operative-report', 'brief-op-note'], /\bspecimens?:?\s*(?!none\b|n\/a\b)[A-Za-z][^\n]*/i);
    if (specimen) need('pathology', `tissue was sent to pathology ("${specimen.quote.trim()}")`, 'DOC-10 (tissue removed); facility policy', specimen);
  }
  for (const t of extra) need(t, 'required for this case by the author', 'case requirement');
  return needs;
}

export const DOCUMENT_LABELS = DOCUMENT_TYPES;
