/**
 * The "completeness-review" task: the learner works the chart like a deficiency analyst (him-rules.md 2.4
 * CMP-3/CMP-4). The key is computed from the chart by the deficiency rules; the author only gives the review date,
 * any bylaw overrides and, for qualitative review, the documentation conflicts with their evidence quotes.
 */
import * as v from 'valibot';
import { dateTime, type DocumentType, type Scenario } from '../../content/scenarioSchema';
import type { AuthoringProblem, Citation, Finding, TaskType } from '../tasks/taskTypes';
import { formatStamp, minutesBetween } from './clock';
import { analyseRecord, STATUS_CITATION } from './deficiencyEngine';
import { CITATIONS, DEFICIENCY_CODES, DEFICIENCY_TYPES, describeTarget, type DeficiencyType, type RecordStatus } from './deficiencyRules';
import { policyOverridesSchema } from './policy';

export const QUALITATIVE_KINDS = {
  conflict: 'Conflicting documentation',
  omission: 'Diagnosis documented elsewhere but missing from the discharge summary',
  unsupported: 'Diagnosis without clinical support',
  'copy-forward': 'Outdated copied-forward text',
} as const;
export type QualitativeKind = keyof typeof QUALITATIVE_KINDS;
const qualitativeKind = v.picklist(Object.keys(QUALITATIVE_KINDS) as QualitativeKind[], `kind is one of: ${Object.keys(QUALITATIVE_KINDS).join(', ')}`);

export const RECORD_STATUSES = ['complete', 'incomplete', 'delinquent'] as const satisfies readonly RecordStatus[];

/** Documents a learner may report as missing (the targets the rules can produce). */
export const MISSING_DOCUMENT_TYPES: readonly DocumentType[] = [
  'history-and-physical',
  'discharge-summary',
  'consent',
  'operative-report',
  'anesthesia-record',
  'procedure-note',
  'delivery-note',
];

const evidenceSchema = v.object({ documentId: v.string(), quote: v.pipe(v.string(), v.minLength(3, 'quote at least a few words')) });

const qualitativeItemSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes')),
  kind: qualitativeKind,
  /** The document the analyst flags (usually the discharge summary). */
  documentId: v.string(),
  /** Other documents where flagging the same issue also counts (the other side of the conflict). */
  relatedDocuments: v.optional(v.array(v.string()), []),
  description: v.pipe(v.string(), v.minLength(1)),
  /** Who would be queried to resolve it. */
  provider: v.optional(v.string()),
  evidence: v.pipe(v.array(evidenceSchema), v.minLength(1, 'give at least one evidence quote')),
});
export type QualitativeItem = v.InferOutput<typeof qualitativeItemSchema>;

export const completenessInputSchema = v.object({
  /** When the analyst reviews the record; everything is judged as of this moment. */
  reviewDate: dateTime,
  policy: v.optional(policyOverridesSchema),
  qualitative: v.optional(v.array(qualitativeItemSchema), []),
});
export type CompletenessInput = v.InferOutput<typeof completenessInputSchema>;

const citationSchema = v.object({ source: v.string(), section: v.string(), text: v.optional(v.string()) });

export const keyDeficiencySchema = v.object({
  target: v.pipe(v.string(), v.minLength(1)),
  type: v.picklist(DEFICIENCY_CODES, `type is one of: ${DEFICIENCY_CODES.join(', ')}`),
  provider: v.pipe(v.string(), v.minLength(1)),
  ruleId: v.optional(v.string()),
  citation: v.optional(citationSchema),
  explanation: v.optional(v.string()),
  kind: v.optional(v.picklist(['open', 'late'])),
  evidence: v.optional(v.object({ documentId: v.string(), quote: v.optional(v.string()) })),
});

export const completenessAnswerSchema = v.object({
  status: v.picklist(RECORD_STATUSES, 'status is complete, incomplete or delinquent'),
  deficiencies: v.optional(v.array(keyDeficiencySchema), []),
  statusExplanation: v.optional(v.string()),
  qualitative: v.optional(v.array(qualitativeItemSchema), []),
});
export type CompletenessAnswer = v.InferOutput<typeof completenessAnswerSchema>;
export type KeyDeficiency = CompletenessAnswer['deficiencies'][number];

export const completenessResponseSchema = v.object({
  flags: v.array(v.object({ target: v.string(), type: v.string(), provider: v.string() })),
  qualitative: v.array(v.object({ documentId: v.string(), kind: v.string() })),
  status: v.string(),
});
export type CompletenessResponse = v.InferOutput<typeof completenessResponseSchema>;
export type DeficiencyFlag = CompletenessResponse['flags'][number];

export const POINTS = { deficiency: 1, provider: 0.5, status: 2, qualitative: 1, extra: 0.5 } as const;

/** Compares provider names as analysts write them (the responsible provider of a deficiency, him-rules.md 2.3): case, punctuation, "Dr." and trailing credentials ignored. */
export function sameProvider(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/,?\s+(md|do|np|pa-c|pa|cnm|crna|rn|aprn|dnp|mbbs|facs|facog)\b\.?/g, '')
      .replace(/^dr\.?\s+/, '')
      .replace(/[^a-z]/g, '');
  return norm(a) === norm(b);
}

/** Every practitioner named in the chart, for the "responsible provider" picker of the deficiency slip (him-rules.md 2.3; attending first). */
export function chartProviders(scenario: Scenario): string[] {
  const names = new Set<string>([scenario.encounter.attending.name]);
  const skipRoles = new Set(['patient', 'registration', 'him', 'technologist', 'case-manager']);
  for (const d of scenario.chart) {
    if (!skipRoles.has(d.author.role)) names.add(d.author.name);
    if (d.cosigner) names.add(d.cosigner.name);
  }
  for (const p of scenario.encounter.procedures ?? []) {
    names.add(p.performedBy);
    if (p.anesthesiologist) names.add(p.anesthesiologist);
  }
  return [...names];
}

/**
 * The key: every deficiency the rules find as of the review date, the record status (42 CFR 482.24(c);
 * him-rules.md 2.3-2.4), and the author's qualitative conflicts (him-rules.md 2.4 CMP-4).
 */
export function computeCompletenessKey(input: CompletenessInput, scenario: Scenario): CompletenessAnswer {
  const analysis = analyseRecord(scenario, { reviewDate: input.reviewDate, policy: input.policy });
  return {
    status: analysis.status,
    statusExplanation: analysis.statusExplanation,
    deficiencies: analysis.deficiencies.map((d) => ({ ...d })),
    qualitative: input.qualitative,
  };
}

const itemLabel = (d: { target: string; type: string; provider: string }, scenario: Scenario) =>
  `${describeTarget(d.target, scenario.chart)}: ${d.type} (${d.provider})`;

/** Lists each item where an author's stated key and the rules disagree (status, then deficiency lines). */
export function compareCompletenessKeys(stated: CompletenessAnswer, computed: CompletenessAnswer, scenario?: Scenario): AuthoringProblem[] {
  const problems: AuthoringProblem[] = [];
  const label = (d: KeyDeficiency) => (scenario ? itemLabel(d, scenario) : `${d.target} ${d.type} (${d.provider})`);
  if (stated.status !== computed.status) {
    problems.push({ path: 'status', message: `stated "${stated.status}", the rules give "${computed.status}"${computed.statusExplanation ? ` (${computed.statusExplanation})` : ''}` });
  }
  const unmatched = [...computed.deficiencies];
  stated.deficiencies.forEach((s, i) => {
    const at = unmatched.findIndex((c) => c.target === s.target && c.type === s.type && sameProvider(c.provider, s.provider));
    if (at >= 0) {
      unmatched.splice(at, 1);
      return;
    }
    const nearly = unmatched.find((c) => c.target === s.target && c.type === s.type);
    problems.push({
      path: `deficiencies[${i}]`,
      message: nearly
        ? `${label(s)}: the rules make ${nearly.provider} responsible`
        : `${label(s)} is not found by the rules`,
    });
  });
  for (const c of unmatched) {
    problems.push({ path: 'deficiencies', message: `missing from the stated key: ${label(c)} [${c.ruleId ?? 'rule'}: ${c.explanation ?? ''}]` });
  }
  return problems;
}

/** Authoring checks: qualitative items point at real documents and quote them verbatim; the review follows discharge. */
export function checkCompletenessAnswer(key: CompletenessAnswer, scenario: Scenario, input: CompletenessInput): AuthoringProblem[] {
  const problems: AuthoringProblem[] = [];
  const byId = new Map(scenario.chart.map((d) => [d.id, d]));
  if (minutesBetween(scenario.encounter.discharged, input.reviewDate) < 0) {
    problems.push({ path: 'status', message: `the review date ${formatStamp(input.reviewDate)} (input.reviewDate) is before the discharge ${formatStamp(scenario.encounter.discharged)}: deficiency analysis here is retrospective` });
  }
  scenario.chart.forEach((d, i) => {
    for (const [field, stamp] of [['signed', d.signed], ['cosigned', d.cosigned]] as const) {
      if (stamp !== undefined && minutesBetween(stamp, input.reviewDate) < 0) {
        problems.push({ path: 'status', message: `chart[${i}].${field} (${formatStamp(stamp)}) is after the review date; the learner would see a signature that did not exist yet` });
      }
    }
  });
  key.qualitative.forEach((q, i) => {
    for (const id of [q.documentId, ...q.relatedDocuments]) {
      if (!byId.has(id)) problems.push({ path: `qualitative[${i}]`, message: `input.qualitative[${i}] names document "${id}", which is not in the chart` });
    }
    q.evidence.forEach((e, j) => {
      const doc = byId.get(e.documentId);
      if (!doc) problems.push({ path: `qualitative[${i}].evidence[${j}]`, message: `evidence names document "${e.documentId}", which is not in the chart` });
      else if (!doc.text.includes(e.quote)) problems.push({ path: `qualitative[${i}].evidence[${j}].quote`, message: `"${e.quote}" is not a verbatim excerpt of ${e.documentId}` });
    });
  });
  return problems;
}

const errorTypeFor = (type: string) => `completeness.missed-${type.toLowerCase()}`;

/**
 * Partial-credit scoring against the computed key (docs/completeness.md "Scoring"): per deficiency 1 point for the
 * right document and code and 0.5 for the right responsible provider; 2 for the record status; 1 per qualitative
 * issue; each unsupported flag costs 0.5. Never below 0.
 */
export function scoreCompleteness(
  response: CompletenessResponse,
  key: CompletenessAnswer,
  scenario: Scenario,
  reviewDate?: string,
): { score: number; maxScore: number; findings: Finding[] } {
  const findings: Finding[] = [];
  const flags = response.flags.filter((f) => f.target && f.type);
  const used = new Set<number>();
  const pick = (predicate: (f: DeficiencyFlag) => boolean) => {
    const at = flags.findIndex((f, i) => !used.has(i) && predicate(f));
    if (at >= 0) used.add(at);
    return at >= 0 ? flags[at] : undefined;
  };
  const max = POINTS.deficiency + POINTS.provider;
  // Exact matches first, so a second line on the same document is not stolen by a looser match.
  const matched = new Map<number, DeficiencyFlag>();
  key.deficiencies.forEach((d, i) => {
    const flag = pick((f) => f.target === d.target && f.type === d.type && sameProvider(f.provider, d.provider));
    if (flag) matched.set(i, flag);
  });
  key.deficiencies.forEach((d, i) => {
    if (matched.has(i)) return;
    const flag = pick((f) => f.target === d.target && f.type === d.type);
    if (flag) matched.set(i, flag);
  });
  key.deficiencies.forEach((d, i) => {
    const flag = matched.get(i);
    const subject = `${describeTarget(d.target, scenario.chart)}: ${d.type}`;
    const why = d.explanation ?? DEFICIENCY_TYPES[d.type];
    const citation: Citation | undefined = d.citation;
    const evidence = d.evidence ?? (d.target.startsWith('missing:') ? undefined : { documentId: d.target });
    if (!flag) {
      findings.push({ outcome: 'missed', errorType: errorTypeFor(d.type), subject, message: `Missed: ${DEFICIENCY_TYPES[d.type]} for ${d.provider}. ${why} (rule ${d.ruleId ?? d.type})`, points: 0, maxPoints: max, citation, evidence });
      return;
    }
    const providerOk = sameProvider(flag.provider, d.provider);
    findings.push({
      outcome: providerOk ? 'correct' : 'partial',
      errorType: providerOk ? undefined : 'completeness.wrong-provider',
      subject,
      message: providerOk
        ? `Right: ${why} (rule ${d.ruleId ?? d.type})`
        : `Right deficiency, but it belongs to ${d.provider}, not ${flag.provider || '(no provider)'}. ${why} (rule ${d.ruleId ?? d.type})`,
      points: POINTS.deficiency + (providerOk ? POINTS.provider : 0),
      maxPoints: max,
      citation,
      evidence,
    });
  });
  flags.forEach((f, i) => {
    if (used.has(i)) return;
    const sameDocument = key.deficiencies.filter((d) => d.target === f.target);
    const known = (DEFICIENCY_TYPES as Record<string, string>)[f.type];
    findings.push({
      outcome: 'extra',
      errorType: 'completeness.extra-flag',
      subject: `${describeTarget(f.target, scenario.chart)}: ${f.type}`,
      message:
        `No rule finds ${known ? `a "${known}" (${f.type})` : `a ${f.type}`} deficiency here${reviewDate ? ` as of the review (${formatStamp(reviewDate)})` : ''}` +
        (sameDocument.length ? `; this document's deficiency is ${sameDocument.map((d) => d.type).join(', ')}.` : '.') +
        (f.type === 'VO' ? ' A verbal order is a VO deficiency only when its authentication window has passed.' : ''),
      points: -POINTS.extra,
      maxPoints: 0,
      citation: citationForType(f.type),
      evidence: f.target.startsWith('missing:') ? undefined : { documentId: f.target },
    });
  });

  const statusOk = response.status === key.status;
  findings.push({
    outcome: statusOk ? 'correct' : response.status ? 'incorrect' : 'missed',
    errorType: statusOk ? undefined : 'completeness.status-wrong',
    subject: 'Record status',
    message: `${statusOk ? 'Right' : `The record is ${key.status}${response.status ? `, not ${response.status}` : ''}`}. ${key.statusExplanation ?? ''}`.trim(),
    points: statusOk ? POINTS.status : 0,
    maxPoints: POINTS.status,
    citation: STATUS_CITATION,
  });

  const qualitativeUsed = new Set<number>();
  for (const item of key.qualitative) {
    const docs = [item.documentId, ...item.relatedDocuments];
    const at = response.qualitative.findIndex((q, i) => !qualitativeUsed.has(i) && q.kind === item.kind && docs.includes(q.documentId));
    if (at >= 0) qualitativeUsed.add(at);
    findings.push({
      outcome: at >= 0 ? 'correct' : 'missed',
      errorType: at >= 0 ? undefined : `completeness.missed-qualitative-${item.kind}`,
      subject: `${QUALITATIVE_KINDS[item.kind]}: ${describeTarget(item.documentId, scenario.chart)}`,
      message: `${at >= 0 ? 'Right' : 'Missed'}: ${item.description}${item.provider ? ` A query to ${item.provider} would resolve it.` : ''}`,
      points: at >= 0 ? POINTS.qualitative : 0,
      maxPoints: POINTS.qualitative,
      citation: { source: 'him-rules.md', section: '2.4 CMP-4; 5 Q-WHEN-1', text: 'Qualitative analysis checks consistency; conflicts lead to a query, not a deficiency slip' },
      evidence: item.evidence[0],
    });
  }
  response.qualitative.forEach((q, i) => {
    if (qualitativeUsed.has(i) || !q.documentId) return;
    findings.push({
      outcome: 'extra',
      errorType: 'completeness.extra-qualitative',
      subject: `${(QUALITATIVE_KINDS as Record<string, string>)[q.kind] ?? q.kind}: ${describeTarget(q.documentId, scenario.chart)}`,
      message: 'This record does not show that problem in that document.',
      points: -POINTS.extra,
      maxPoints: 0,
      evidence: { documentId: q.documentId },
    });
  });

  const maxScore = findings.reduce((s, f) => s + f.maxPoints, 0);
  const raw = findings.reduce((s, f) => s + f.points, 0);
  return { score: Math.max(0, Math.min(maxScore, raw)), maxScore, findings };
}

/** The regulation behind a deficiency code, for feedback on a wrong flag. */
export function citationForType(type: string): Citation | undefined {
  const map: Partial<Record<DeficiencyType, Citation>> = {
    SIG: CITATIONS.authentication,
    DT: CITATIONS.authentication,
    COSIG: CITATIONS.cosign,
    VO: CITATIONS.verbalOrder,
    'HP-AGE': CITATIONS.hpTiming,
    CONS: CITATIONS.consent,
    DICT: CITATIONS.dischargeSummary,
    DX: CITATIONS.finalDiagnosis,
    ANES: CITATIONS.anesthesia,
  };
  return map[type as DeficiencyType];
}

export const completenessReviewTask: TaskType<CompletenessInput, CompletenessAnswer, CompletenessResponse> = {
  id: 'completeness-review',
  module: 'completeness',
  label: 'Deficiency analysis (completeness review)',
  inputSchema: completenessInputSchema,
  answerSchema: completenessAnswerSchema,
  responseSchema: completenessResponseSchema,
  computeKey: (input, scenario) => computeCompletenessKey(input, scenario),
  compareKeys: (stated, computed) => compareCompletenessKeys(stated, computed),
  checkAnswer: (key, scenario, _services, input) => checkCompletenessAnswer(key, scenario, input),
  emptyResponse: () => ({ flags: [], qualitative: [], status: '' }),
  isResponseComplete: (r) => (RECORD_STATUSES as readonly string[]).includes(r.status),
  score: (response, key, scenario, _services, input) => scoreCompleteness(response, key, scenario, input?.reviewDate),
};
