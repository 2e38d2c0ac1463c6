/**
 * The task types of the adt module, registered in src/domain/tasks/registry.ts:
 * - "adt-admission": review a registration face sheet (him-rules.md 3.1, 3.2, 6);
 * - "adt-discharge": assign the UB-04 discharge status from the narrative, assemble the record in the
 *   standard order and flag missing documents (him-rules.md 3.3, 2.1).
 */
import * as v from 'valibot';
import { DOCUMENT_TYPES, type DocumentType, type Scenario } from '../../content/scenarioSchema';
import type { AnyTaskType, AuthoringProblem, Citation, Finding, TaskType } from '../tasks/taskTypes';
import { admissionFactsSchema, expectedAdmissionSource, expectedAdmissionType, FACE_SHEET_LABELS, faceSheetSchema, reviewFaceSheet, type FaceSheetField, type FieldStatus } from './admission';
import { isKnownStatus, statusFamily, statusFromNarrative, STATUS_EXPLANATIONS } from './dischargeStatus';
import { assembleInStandardOrder, findMissingDocuments } from './recordOrder';

const RULES = 'him-rules.md';
const cite = (section: string, text?: string): Citation => ({ source: RULES, section, ...(text ? { text } : {}) });

// ---------------------------------------------------------------------------------------------------
// adt-admission

export const admissionInputSchema = v.object({ faceSheet: faceSheetSchema, facts: admissionFactsSchema });
export type AdmissionInput = v.InferOutput<typeof admissionInputSchema>;

const evidence = v.optional(v.object({ documentId: v.string(), quote: v.string() }));
const fieldStatus = v.picklist(['ok', 'missing', 'conflict', 'wrong-code'] as const, 'a field status is ok, missing, conflict or wrong-code');

export const admissionAnswerSchema = v.object({
  admissionType: v.string(),
  admissionSource: v.string(),
  issues: v.array(
    v.object({
      field: v.picklist(Object.keys(FACE_SHEET_LABELS) as FaceSheetField[]),
      status: v.picklist(['missing', 'conflict', 'wrong-code'] as const),
      expected: v.optional(v.string()),
      reason: v.string(),
      rule: v.string(),
      evidence,
    }),
  ),
});
export type AdmissionAnswer = v.InferOutput<typeof admissionAnswerSchema>;

export const admissionResponseSchema = v.object({
  fields: v.record(v.string(), v.object({ status: fieldStatus, correction: v.optional(v.string()) })),
});
export type AdmissionResponse = v.InferOutput<typeof admissionResponseSchema>;

/** Key of "adt-admission": every face-sheet problem the rules find (UHDDS, MPI-1, ADT-2, ADT-4). */
export function computeAdmissionKey(input: AdmissionInput, scenario: Scenario): AdmissionAnswer {
  return {
    admissionType: expectedAdmissionType(input.facts),
    admissionSource: expectedAdmissionSource(input.facts),
    issues: reviewFaceSheet(input.faceSheet, input.facts, scenario),
  };
}

/** Author checks: the facts' evidence quotes exist verbatim, and FL14/FL15 agree with the encounter. */
export function checkAdmissionKey(key: AdmissionAnswer, scenario: Scenario, input: AdmissionInput): AuthoringProblem[] {
  const problems: AuthoringProblem[] = [];
  if (key.admissionType !== scenario.encounter.admissionType) problems.push({ path: 'admissionType', message: `the facts give FL14 ${key.admissionType} but encounter.admissionType is ${scenario.encounter.admissionType}` });
  if (key.admissionSource !== scenario.encounter.admissionSource) problems.push({ path: 'admissionSource', message: `the facts give FL15 ${key.admissionSource} but encounter.admissionSource is ${scenario.encounter.admissionSource}` });
  for (const [name, e] of Object.entries(input.facts.evidence)) {
    const doc = scenario.chart.find((d) => d.id === e.documentId);
    if (!doc) problems.push({ path: `(input.facts.evidence.${name})`, message: `no chart document "${e.documentId}"` });
    else if (!doc.text.includes(e.quote)) problems.push({ path: `(input.facts.evidence.${name})`, message: `the quote is not in "${e.documentId}" verbatim: "${e.quote}"` });
  }
  return problems;
}

const STATUS_WORDS: Record<FieldStatus, string> = { ok: 'OK', missing: 'missing', conflict: 'conflicting', 'wrong-code': 'wrong code' };

/**
 * Scores a face-sheet review: each real problem is worth 1 point for the right status (+1 for the right
 * FL14/FL15 correction); each correct field flagged as a problem costs 0.5 (UHDDS, ADT-4, MPI-1).
 */
export function scoreAdmission(response: AdmissionResponse, key: AdmissionAnswer): { score: number; maxScore: number; findings: Finding[] } {
  const findings: Finding[] = [];
  for (const issue of key.issues) {
    const label = FACE_SHEET_LABELS[issue.field];
    const given = response.fields[issue.field];
    const isCode = issue.field === 'admissionType' || issue.field === 'admissionSource';
    const max = isCode && issue.expected ? 2 : 1;
    const citation = cite(issue.rule);
    const ev = issue.evidence;
    if (!given || given.status === 'ok') {
      findings.push({ outcome: 'missed', errorType: `adt.${issue.status}-missed`, subject: label, message: `Not flagged. ${issue.reason}${issue.expected ? ` Correct value: ${issue.expected}.` : ''}`, points: 0, maxPoints: max, citation, ...(ev ? { evidence: ev } : {}) });
      continue;
    }
    let points = given.status === issue.status ? 1 : 0.5;
    let msg = given.status === issue.status ? `Right: ${STATUS_WORDS[issue.status]}. ${issue.reason}` : `Flagged, but it is ${STATUS_WORDS[issue.status]} rather than ${STATUS_WORDS[given.status]}. ${issue.reason}`;
    if (isCode && issue.expected) {
      const correction = (given.correction ?? '').trim().toUpperCase();
      if (correction === issue.expected) {
        points += 1;
        msg += ` Your correction ${issue.expected} is right.`;
      } else msg += ` The correct code is ${issue.expected}${correction ? `, not ${correction}` : ''}.`;
    }
    findings.push({ outcome: points === max ? 'correct' : 'partial', errorType: points === max ? undefined : isCode ? 'adt.wrong-code-correction' : 'adt.wrong-status', subject: label, message: msg, points, maxPoints: max, citation, ...(ev ? { evidence: ev } : {}) });
  }
  for (const [field, given] of Object.entries(response.fields)) {
    if (given.status === 'ok' || key.issues.some((i) => i.field === field)) continue;
    const label = FACE_SHEET_LABELS[field as FaceSheetField] ?? field;
    findings.push({ outcome: 'extra', errorType: 'adt.false-flag', subject: label, message: `${label} is complete and consistent with the MPI and the chart; flagging it sends a needless correction back to registration.`, points: -0.5, maxPoints: 0, citation: cite('3.1', 'UHDDS elements') });
  }
  if (key.issues.length === 0) findings.push({ outcome: 'info', subject: 'Face sheet', message: 'The face sheet is complete and consistent.', points: 0, maxPoints: 0 });
  const maxScore = findings.reduce((s, f) => s + f.maxPoints, 0);
  const raw = findings.reduce((s, f) => s + f.points, 0);
  return { score: Math.max(0, Math.min(maxScore, raw)), maxScore, findings };
}

export const adtAdmissionTask: TaskType<AdmissionInput, AdmissionAnswer, AdmissionResponse> = {
  id: 'adt-admission',
  module: 'adt',
  label: 'Review the admission face sheet',
  inputSchema: admissionInputSchema,
  answerSchema: admissionAnswerSchema,
  responseSchema: admissionResponseSchema,
  computeKey: (input, scenario) => computeAdmissionKey(input, scenario),
  checkAnswer: (key, scenario, _services, input) => checkAdmissionKey(key, scenario, input),
  emptyResponse: () => ({ fields: {} }),
  isResponseComplete: () => true,
  score: (response, key) => {
    const parsed = v.safeParse(admissionResponseSchema, response);
    return parsed.success ? scoreAdmission(parsed.output, key) : malformed('adt-admission');
  },
};

// ---------------------------------------------------------------------------------------------------
// adt-discharge

const documentType = v.picklist(Object.keys(DOCUMENT_TYPES) as DocumentType[], 'unknown document type');

export const dischargeInputSchema = v.optional(
  v.object({
    /** Document types this case requires beyond the general rules. */
    alsoRequired: v.optional(v.array(documentType), []),
    /** Document types this case does not require (e.g. no nursing notes filed for a 6-hour stay). */
    exempt: v.optional(v.array(documentType), []),
  }),
  {},
);
export type DischargeInput = v.InferOutput<typeof dischargeInputSchema>;

export const dischargeAnswerSchema = v.object({
  status: v.pipe(v.string(), v.check(isKnownStatus, 'is not a UB-04 discharge status code')),
  statusEvidence: v.optional(v.object({ documentId: v.string(), quote: v.string() })),
  statusExplanation: v.optional(v.string(), ''),
  order: v.array(v.string()),
  missing: v.array(v.object({ type: documentType, reason: v.optional(v.string(), ''), rule: v.optional(v.string(), ''), evidence })),
});
export type DischargeAnswer = v.InferOutput<typeof dischargeAnswerSchema>;

export const dischargeResponseSchema = v.object({
  status: v.string(),
  order: v.array(v.string()),
  missing: v.array(v.string()),
});
export type DischargeResponse = v.InferOutput<typeof dischargeResponseSchema>;

/** Key of "adt-discharge": status from the narrative (3.3), standard order (HIM-ASM-01), missing documents (2.1). */
export function computeDischargeKey(input: DischargeInput, scenario: Scenario): DischargeAnswer {
  const status = statusFromNarrative(scenario.chart);
  return {
    status: status.status,
    ...(status.quote ? { statusEvidence: { documentId: status.documentId, quote: status.quote } } : {}),
    statusExplanation: status.explanation,
    order: assembleInStandardOrder(scenario.chart),
    missing: findMissingDocuments(scenario, input.alsoRequired, input.exempt),
  };
}

/** Compares an author's stated key with the computed one on what matters: status and the set of missing types. */
export function compareDischargeKeys(stated: DischargeAnswer, computed: DischargeAnswer): AuthoringProblem[] {
  const problems: AuthoringProblem[] = [];
  if (stated.status !== computed.status) problems.push({ path: 'status', message: `stated ${stated.status}, computed ${computed.status || '(none)'} from "${computed.statusEvidence?.quote ?? ''}"` });
  const s = new Set(stated.missing.map((m) => m.type));
  const c = new Set(computed.missing.map((m) => m.type));
  for (const t of s) if (!c.has(t)) problems.push({ path: 'missing', message: `stated ${t} as missing, but the rules do not require it or it is present` });
  for (const t of c) if (!s.has(t)) problems.push({ path: 'missing', message: `the rules find ${t} missing, the stated key does not` });
  if (stated.order.length > 0 && stated.order.join() !== computed.order.join()) problems.push({ path: 'order', message: `stated ${stated.order.join(', ')}, computed ${computed.order.join(', ')}` });
  return problems;
}

/** The computed status must match encounter.dischargeDisposition (DISP-1: the chart and the claim agree). */
export function checkDischargeKey(key: DischargeAnswer, scenario: Scenario): AuthoringProblem[] {
  if (!key.status) return [{ path: 'status', message: 'no discharge status could be read from the discharge summary narrative (add a "Disposition:" line)' }];
  if (key.status !== scenario.encounter.dischargeDisposition) return [{ path: 'status', message: `the narrative gives ${key.status} but encounter.dischargeDisposition is ${scenario.encounter.dischargeDisposition}` }];
  return [];
}

/** Length of the longest common subsequence: how many documents are already in the right relative order. */
export function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  const dp: number[] = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = x === b[j - 1] ? prev + 1 : Math.max(dp[j]!, dp[j - 1]!);
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/**
 * Scores discharge processing: status 4 points (2 for a code in the same destination family, e.g. 50/51,
 * 03/64), assembly 3 points x the share of documents in the right relative order (LCS), and 1 point per
 * missing document type found (-0.5 per type flagged that is present or not required).
 */
export function scoreDischarge(response: DischargeResponse, key: DischargeAnswer, scenario: Scenario): { score: number; maxScore: number; findings: Finding[] } {
  const findings: Finding[] = [];
  const given = response.status.trim().padStart(response.status.trim() ? 2 : 0, '0');
  const ev = key.statusEvidence;
  const citation = cite('3.3', 'UB-04 FL17 patient discharge status');
  const why = STATUS_EXPLANATIONS[key.status] ?? key.statusExplanation;
  if (given === key.status) findings.push({ outcome: 'correct', subject: 'Discharge status (FL17)', message: `${key.status} is right: ${why}.`, points: 4, maxPoints: 4, citation, ...(ev ? { evidence: ev } : {}) });
  else if (!given) findings.push({ outcome: 'missed', errorType: 'adt.status-missing', subject: 'Discharge status (FL17)', message: `No status given. It is ${key.status}: ${why}.`, points: 0, maxPoints: 4, citation, ...(ev ? { evidence: ev } : {}) });
  else if (!isKnownStatus(given)) findings.push({ outcome: 'incorrect', errorType: 'adt.status-unknown-code', subject: 'Discharge status (FL17)', message: `"${response.status}" is not a UB-04 discharge status code. It is ${key.status}: ${why}.`, points: 0, maxPoints: 4, citation, ...(ev ? { evidence: ev } : {}) });
  else {
    const partial = statusFamily(given) === statusFamily(key.status);
    const givenWhy = STATUS_EXPLANATIONS[given] ?? given;
    const transfer = ['02', '03', '05', '06', '62', '63', '65', '66'].includes(key.status) && given === '01' ? ' Coding 01 for a post-acute transfer also misstates the transfer for DRG payment (DISP-2).' : '';
    findings.push({ outcome: partial ? 'partial' : 'incorrect', errorType: 'adt.status-wrong', subject: 'Discharge status (FL17)', message: `${given} means ${givenWhy}. The narrative says "${ev?.quote ?? ''}", which is ${key.status}: ${why}.${transfer}`, points: partial ? 2 : 0, maxPoints: 4, citation, ...(ev ? { evidence: ev } : {}) });
  }
  const ids = new Set(scenario.chart.map((d) => d.id));
  const order = response.order.filter((id) => ids.has(id));
  const lcs = longestCommonSubsequence(order, key.order);
  const ratio = key.order.length > 0 ? lcs / key.order.length : 1;
  const pts = Math.round(3 * ratio * 100) / 100;
  const title = (id: string) => {
    const d = scenario.chart.find((x) => x.id === id);
    return d ? (d.title ?? DOCUMENT_TYPES[d.type]) : id;
  };
  findings.push({
    outcome: ratio === 1 ? 'correct' : ratio >= 0.5 ? 'partial' : 'incorrect',
    errorType: ratio === 1 ? undefined : 'adt.assembly-order',
    subject: 'Record assembly',
    message: ratio === 1 ? 'The record is in the standard discharge order.' : `${lcs} of ${key.order.length} documents are in the right relative order. The standard order is: ${key.order.map(title).join(' → ')}.`,
    points: pts,
    maxPoints: 3,
    citation: { source: 'Facility policy HIM-ASM-01', section: 'Discharge record order', text: 'Face sheet, discharge summary, ED record, H&P, consults, progress notes, orders, surgical section, results, nursing, MAR, correspondence; oldest first within a section' },
  });
  const flagged = new Set(response.missing);
  for (const m of key.missing) {
    const ok = flagged.has(m.type);
    findings.push({ outcome: ok ? 'correct' : 'missed', errorType: ok ? undefined : 'adt.missing-document-missed', subject: `Missing: ${DOCUMENT_TYPES[m.type]}`, message: `${ok ? 'Right: ' : 'Not flagged: '}${m.reason}.`, points: ok ? 1 : 0, maxPoints: 1, citation: cite(`2.1 ${m.rule}`), ...(m.evidence ? { evidence: m.evidence } : {}) });
  }
  for (const t of flagged) {
    if (key.missing.some((m) => m.type === t)) continue;
    const present = scenario.chart.some((d) => d.type === t);
    findings.push({ outcome: 'extra', errorType: 'adt.missing-document-false', subject: `Missing: ${DOCUMENT_TYPES[t as DocumentType] ?? t}`, message: present ? 'This document is in the record.' : 'This document is not required for this stay.', points: -0.5, maxPoints: 0, citation: cite('2.4 CMP-3', 'Quantitative analysis checks presence of required documents') });
  }
  const maxScore = findings.reduce((s, f) => s + f.maxPoints, 0);
  const raw = findings.reduce((s, f) => s + f.points, 0);
  return { score: Math.max(0, Math.min(maxScore, Math.round(raw * 100) / 100)), maxScore, findings };
}

export const adtDischargeTask: TaskType<DischargeInput, DischargeAnswer, DischargeResponse> = {
  id: 'adt-discharge',
  module: 'adt',
  label: 'Process the discharge',
  inputSchema: dischargeInputSchema,
  answerSchema: dischargeAnswerSchema,
  responseSchema: dischargeResponseSchema,
  computeKey: (input, scenario) => computeDischargeKey(input, scenario),
  compareKeys: compareDischargeKeys,
  checkAnswer: (key, scenario) => checkDischargeKey(key, scenario),
  emptyResponse: (_input, scenario) => ({ status: '', order: scenario.chart.map((d) => d.id), missing: [] }),
  isResponseComplete: (r) => r.status.trim() !== '',
  score: (response, key, scenario) => {
    const parsed = v.safeParse(dischargeResponseSchema, response);
    return parsed.success ? scoreDischarge(parsed.output, key, scenario) : malformed('adt-discharge');
  },
};

function malformed(task: string): { score: number; maxScore: number; findings: Finding[] } {
  return { score: 0, maxScore: 1, findings: [{ outcome: 'incorrect', errorType: 'response.malformed', subject: 'Response', message: `The saved ${task} response could not be read; start the step again.`, points: 0, maxPoints: 1 }] };
}

export const adtTaskTypes: AnyTaskType[] = [adtAdmissionTask, adtDischargeTask];
