/**
 * Task type "roi-request": the learner inspects a release-of-information request and its authorization,
 * decides, selects what to release, sets the due date and says whether the disclosure is logged in the
 * accounting of disclosures. The key is computed by the ROI rules engine (him-rules.md section 1); scoring
 * gives partial credit per decision, document, date, log entry and authorization problem (docs/roi.md).
 */
import * as v from 'valibot';
import { date, DOCUMENT_TYPES, type Scenario } from '../../content/scenarioSchema';
import type { AuthoringProblem, Finding, TaskType } from '../tasks/taskTypes';
import { AUTHORIZATION_PROBLEM_CODES, AUTHORIZATION_PROBLEM_LABELS, type AuthorizationProblemCode } from './authorization';
import { CITE } from './citations';
import { decideRelease, type RoiDecision } from './engine';
import { generateRequest, GENERATED_KINDS } from './generateRequest';
import { DECISION_LABELS, DECISIONS, isRequested, buildContext, FEE_LABELS, type Decision, type FeeRule } from './rules';
import {
  authorizationSchema,
  DEFAULT_POLICY,
  inventoryItemSchema,
  patientFactsSchema,
  policySchema,
  requestSchema,
  type InventoryItem,
  type RoiCase,
  type RoiPolicy,
} from './roiSchema';

const generatedRefSchema = v.object({
  seed: v.pipe(v.number('the seed is a whole number'), v.integer('the seed is a whole number')),
  kind: v.optional(v.picklist(GENERATED_KINDS, `unknown generated kind (use one of: ${GENERATED_KINDS.join(', ')})`)),
});

const explicitInputSchema = v.object({
  request: requestSchema,
  authorization: v.optional(authorizationSchema),
  patient: v.optional(patientFactsSchema, {}),
  inventory: v.pipe(v.array(inventoryItemSchema), v.minLength(1, 'list at least one chart document the request touches')),
  policy: v.optional(policySchema),
});
export type RoiTaskInput = v.InferOutput<typeof explicitInputSchema> & { generated?: v.InferOutput<typeof generatedRefSchema> };

/**
 * A step's input: either the request itself, or `generated: { seed, kind }`, which the seeded generator expands
 * into a request (so a scenario or the practice mode can draw unlimited cases).
 */
export const roiInputSchema = v.pipe(
  v.object({
    generated: v.optional(generatedRefSchema),
    request: v.optional(requestSchema),
    authorization: v.optional(authorizationSchema),
    patient: v.optional(patientFactsSchema),
    inventory: v.optional(explicitInputSchema.entries.inventory),
    policy: v.optional(policySchema),
  }),
  v.forward(
    v.check((i) => i.generated !== undefined || i.request !== undefined, 'is required (or give generated: { seed, kind })'),
    ['request'],
  ),
  v.forward(
    v.check((i) => i.generated !== undefined || i.inventory !== undefined, 'is required: the chart documents the request touches'),
    ['inventory'],
  ),
  v.transform((i): RoiTaskInput => {
    if (i.generated) return { ...generateRequest(i.generated.seed, i.generated.kind).input, generated: i.generated };
    return { request: i.request!, authorization: i.authorization, patient: i.patient ?? {}, inventory: i.inventory!, policy: i.policy };
  }),
);

/** The key: the engine's decision, reduced to what the learner answers, plus the full detail for feedback. */
export interface RoiKey {
  decision: Decision;
  release: string[];
  dueDate: string;
  accounting: boolean;
  authorizationProblems: AuthorizationProblemCode[];
  fee?: FeeRule;
  /** Documents the request asks for (computed). */
  requested?: string[];
  detail?: RoiDecision;
}

export const roiKeySchema: v.GenericSchema<unknown, RoiKey> = v.object({
  decision: v.picklist(DECISIONS, `decision is one of: ${DECISIONS.join(', ')}`),
  release: v.optional(v.array(v.string()), []),
  dueDate: date,
  accounting: v.boolean('accounting is true or false'),
  authorizationProblems: v.optional(v.array(v.picklist(AUTHORIZATION_PROBLEM_CODES, `use the codes ${AUTHORIZATION_PROBLEM_CODES.join(', ')}`)), []),
  fee: v.optional(v.picklist(Object.keys(FEE_LABELS) as FeeRule[])),
  requested: v.optional(v.array(v.string())),
  detail: v.optional(v.custom<RoiDecision>((x) => typeof x === 'object' && x !== null)),
});

export const roiResponseSchema = v.object({
  decision: v.optional(v.picklist(DECISIONS)),
  release: v.array(v.string()),
  dueDate: v.optional(v.string()),
  accounting: v.optional(v.boolean()),
  authorizationProblems: v.array(v.string()),
});
export type RoiResponse = v.InferOutput<typeof roiResponseSchema>;

const personName = (s: Scenario) => [s.patient.name.given, s.patient.name.middle, s.patient.name.family].filter(Boolean).join(' ');

/**
 * Resolves a step input against its scenario: inventory items take their type, title and date from the chart
 * document of the same id, the patient's name and date of birth from the scenario (him-rules.md 1.9: the
 * designated record set is the chart).
 */
export function caseFromInput(input: RoiTaskInput, scenario: Scenario | undefined): { roiCase: RoiCase; policy: RoiPolicy } {
  const chart = new Map((scenario?.chart ?? []).map((d) => [d.id, d]));
  const inventory: InventoryItem[] = input.inventory.map((item) => {
    const doc = chart.get(item.documentId);
    const type = item.type ?? doc?.type ?? 'other';
    return {
      documentId: item.documentId,
      type,
      title: item.title ?? doc?.title ?? DOCUMENT_TYPES[type],
      date: item.date ?? doc?.created.slice(0, 10) ?? input.request.receivedOn,
      recordTypes: item.recordTypes,
      minorConsented: item.minorConsented,
      selfPayRestricted: item.selfPayRestricted,
    };
  });
  const patient = {
    ...input.patient,
    name: input.patient.name ?? (scenario ? personName(scenario) : undefined),
    dob: input.patient.dob ?? (input.generated ? undefined : scenario?.patient.dob),
  };
  const policy: RoiPolicy = { ...DEFAULT_POLICY, ...Object.fromEntries(Object.entries(input.policy ?? {}).filter(([, x]) => x !== undefined)) };
  return { roiCase: { request: input.request, authorization: input.authorization, patient, inventory }, policy };
}

/** Computes the key with the ROI rules engine (him-rules.md section 1). */
export function computeRoiKey(input: RoiTaskInput, scenario: Scenario | undefined): RoiKey {
  const { roiCase, policy } = caseFromInput(input, scenario);
  const detail = decideRelease(roiCase, policy);
  const ctx = buildContext(roiCase, policy);
  return {
    decision: detail.decision,
    release: detail.release,
    dueDate: detail.dueDate,
    accounting: detail.accounting,
    authorizationProblems: detail.authorizationProblems,
    fee: detail.fee,
    requested: roiCase.inventory.filter((i) => isRequested(i, ctx)).map((i) => i.documentId),
    detail,
  };
}

/** Lists every item where an author's stated key differs from the engine's (scenario checker). */
export function compareRoiKeys(stated: RoiKey, computed: RoiKey): AuthoringProblem[] {
  const out: AuthoringProblem[] = [];
  if (stated.decision !== computed.decision) out.push({ path: 'decision', message: `stated "${stated.decision}", computed "${computed.decision}"${reasonHint(computed)}` });
  const s = new Set(stated.release);
  const c = new Set(computed.release);
  for (const id of stated.release.filter((x) => !c.has(x))) {
    const why = computed.detail?.withheld.find((w) => w.documentId === id);
    out.push({ path: 'release', message: `stated releases "${id}", computed withholds it${why ? ` (${why.ruleId}: ${why.message})` : ''}` });
  }
  for (const id of computed.release.filter((x) => !s.has(x))) out.push({ path: 'release', message: `computed releases "${id}", stated does not` });
  if (stated.dueDate !== computed.dueDate) out.push({ path: 'dueDate', message: `stated ${stated.dueDate}, computed ${computed.dueDate} (${computed.detail?.deadlineRule ?? 'deadline rule'})` });
  if (stated.accounting !== computed.accounting) out.push({ path: 'accounting', message: `stated ${stated.accounting}, computed ${computed.accounting}` });
  const sa = new Set(stated.authorizationProblems);
  const ca = new Set(computed.authorizationProblems);
  for (const code of AUTHORIZATION_PROBLEM_CODES) {
    if (sa.has(code) && !ca.has(code)) out.push({ path: 'authorizationProblems', message: `stated ${code}, the validator does not find it` });
    if (!sa.has(code) && ca.has(code)) out.push({ path: 'authorizationProblems', message: `the validator finds ${code} (${AUTHORIZATION_PROBLEM_LABELS[code]}), not stated` });
  }
  if (stated.fee !== undefined && stated.fee !== computed.fee) out.push({ path: 'fee', message: `stated "${stated.fee}", computed "${computed.fee}"` });
  return out;
}

function reasonHint(key: RoiKey): string {
  const decisive = decisiveReason(key);
  return decisive ? ` (${decisive.ruleId}: ${decisive.message})` : '';
}

/** The reason that settles the decision, for feedback. */
function decisiveReason(key: RoiKey) {
  const reasons = key.detail?.reasons ?? [];
  const effect = key.decision === 'deny' ? 'denies' : key.decision === 'request-more-information' ? 'needs' : 'permits';
  return reasons.find((r) => r.effect === effect) ?? reasons.find((r) => r.effect === 'withholds');
}

/** Authoring checks: inventory items that name no chart document must describe themselves. */
export function checkRoiAnswer(_key: RoiKey, scenario: Scenario, input: RoiTaskInput): AuthoringProblem[] {
  if (input.generated) return [];
  const ids = new Set(scenario.chart.map((d) => d.id));
  const out: AuthoringProblem[] = [];
  input.inventory.forEach((item, i) => {
    if (!ids.has(item.documentId) && (item.type === undefined || item.title === undefined || item.date === undefined))
      out.push({ path: '', message: `input.inventory[${i}].documentId: "${item.documentId}" is not a chart document; give its type, title and date or add it to the chart` });
  });
  return out;
}

const DECISION_POINTS = 4;

/** Partial credit for a decision near the right one (docs/roi.md "Scoring"). */
export function decisionCredit(given: Decision, right: Decision): number {
  if (given === right) return DECISION_POINTS;
  const releasing = (d: Decision) => d === 'release' || d === 'release-in-part';
  if (releasing(given) && releasing(right)) return 2;
  if (!releasing(given) && !releasing(right)) return 1;
  return 0;
}

/**
 * Scores a learner's ROI answer against the computed key: decision (4), each requested document (1), due date (2),
 * accounting log (1), each authorization problem (1). Feedback names the rule and citation of every wrong item.
 */
export function scoreRoi(response: RoiResponse, key: RoiKey, scenario: Scenario | undefined, input: RoiTaskInput): { score: number; maxScore: number; findings: Finding[] } {
  const findings: Finding[] = [];
  const detail = key.detail;
  const titles = new Map(caseFromInput(input, scenario).roiCase.inventory.map((i) => [i.documentId, i.title]));
  const title = (id: string) => `${titles.get(id) ?? id}`;
  const chartIds = new Set((scenario?.chart ?? []).map((d) => d.id));
  const evidenceFor = (id: string) => (chartIds.has(id) ? { documentId: id } : undefined);

  // Decision
  const decisive = decisiveReason(key);
  const given = response.decision;
  const credit = given ? decisionCredit(given, key.decision) : 0;
  const why = [
    decisive?.message,
    key.decision === 'request-more-information' && detail ? `Ask for: ${detail.missing.join(' ')}` : undefined,
    key.decision === 'release-in-part' && detail ? `Withhold: ${detail.withheld.map((w) => `${title(w.documentId)} (${w.message})`).join('; ')}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  findings.push({
    outcome: credit === DECISION_POINTS ? 'correct' : credit > 0 ? 'partial' : 'incorrect',
    errorType: credit === DECISION_POINTS ? undefined : `roi.decision.${key.decision}`,
    subject: 'Decision',
    message:
      credit === DECISION_POINTS
        ? `${DECISION_LABELS[key.decision]} is right. ${why}`
        : `You chose "${given ? DECISION_LABELS[given] : 'nothing'}"; the right decision is "${DECISION_LABELS[key.decision]}". ${why}`,
    points: credit,
    maxPoints: DECISION_POINTS,
    citation: decisive?.citation,
  });

  // Documents
  const selected = new Set(response.release);
  const releasing = key.decision === 'release' || key.decision === 'release-in-part';
  if (releasing) {
    const requested = key.requested ?? [...key.release, ...(detail?.withheld.map((w) => w.documentId) ?? [])];
    const releaseSet = new Set(key.release);
    for (const id of requested) {
      const should = releaseSet.has(id);
      const ok = selected.has(id) === should;
      const withheld = detail?.withheld.find((w) => w.documentId === id);
      const permit = detail?.reasons.find((r) => r.documentId === id && r.effect === 'permits');
      findings.push({
        outcome: ok ? 'correct' : should ? 'missed' : 'extra',
        errorType: ok ? undefined : should ? 'roi.document-not-released' : `roi.document-released.${withheld?.ruleId ?? 'not-requested'}`,
        subject: title(id),
        message: should
          ? `${ok ? 'Released' : 'Should be released'}: it was requested and ${permit ? permit.message.charAt(0).toLowerCase() + permit.message.slice(1) : 'the basis for the disclosure covers it.'}`
          : `${ok ? 'Withheld' : 'Must not be released'}: ${withheld?.message ?? 'it was not requested.'}`,
        points: ok ? 1 : 0,
        maxPoints: 1,
        citation: should ? (permit?.citation ?? decisive?.citation) : withheld?.citation,
        evidence: evidenceFor(id),
      });
    }
    for (const id of [...selected].filter((x) => !requested.includes(x))) {
      findings.push({
        outcome: 'extra',
        errorType: 'roi.document-not-requested',
        subject: title(id),
        message: 'Not requested: release only what the request asks for (minimum necessary).',
        points: 0,
        maxPoints: 1,
        citation: CITE.minimumNecessary,
        evidence: evidenceFor(id),
      });
    }
  } else {
    const ok = selected.size === 0;
    findings.push({
      outcome: ok ? 'correct' : 'extra',
      errorType: ok ? undefined : 'roi.released-without-basis',
      subject: 'Documents',
      message: ok ? 'Nothing selected for release: right, nothing may go out yet.' : `Nothing may be released (${DECISION_LABELS[key.decision].toLowerCase()}), but you selected ${selected.size} document(s).`,
      points: ok ? 1 : 0,
      maxPoints: 1,
      citation: decisive?.citation,
    });
  }

  // Due date
  const dueOk = response.dueDate === key.dueDate;
  findings.push({
    outcome: dueOk ? 'correct' : 'incorrect',
    errorType: dueOk ? undefined : 'roi.due-date',
    subject: 'Response due date',
    message: `${dueOk ? 'Right' : `You set ${response.dueDate || 'no date'}; it is ${key.dueDate}`}: ${detail?.deadlineRule ?? 'deadline rule'}.`,
    points: dueOk ? 2 : 0,
    maxPoints: 2,
    citation: detail?.deadlineCitation ?? CITE.accessTimeliness,
  });

  // Accounting of disclosures
  const acctOk = response.accounting === key.accounting;
  findings.push({
    outcome: acctOk ? 'correct' : 'incorrect',
    errorType: acctOk ? undefined : key.accounting ? 'roi.accounting-missed' : 'roi.accounting-extra',
    subject: 'Accounting of disclosures',
    message: `${acctOk ? 'Right.' : key.accounting ? 'This disclosure must be logged.' : 'This disclosure is not logged.'} ${detail?.accountingReason ?? ''}`.trim(),
    points: acctOk ? 1 : 0,
    maxPoints: 1,
    citation: detail?.accountingCitation ?? CITE.accounting,
  });

  // Authorization check-list
  if (input.authorization) {
    const keyCodes = new Set<string>(key.authorizationProblems);
    const given = new Set(response.authorizationProblems);
    const problems = detail ? buildContext(caseFromInput(input, scenario).roiCase, DEFAULT_POLICY).authorizationProblems : [];
    if (keyCodes.size === 0 && given.size === 0) {
      findings.push({ outcome: 'correct', subject: 'Authorization', message: 'The authorization has every core element and statement and is current.', points: 1, maxPoints: 1, citation: CITE.coreElements });
    }
    for (const code of AUTHORIZATION_PROBLEM_CODES) {
      const inKey = keyCodes.has(code);
      if (!inKey && !given.has(code)) continue;
      const ok = inKey === given.has(code);
      const problem = problems.find((p) => p.code === code);
      findings.push({
        outcome: ok ? 'correct' : inKey ? 'missed' : 'extra',
        errorType: ok ? undefined : `roi.authorization.${code}`,
        subject: `Authorization: ${AUTHORIZATION_PROBLEM_LABELS[code]}`,
        message: inKey ? `${ok ? 'Found' : 'Missed'}: ${problem?.message ?? AUTHORIZATION_PROBLEM_LABELS[code]}` : 'The form does not have this problem.',
        points: ok ? 1 : 0,
        maxPoints: 1,
        citation: problem?.citation ?? CITE.coreElements,
      });
    }
  }

  if (detail) {
    findings.push({
      outcome: 'info',
      subject: 'Fee',
      message: FEE_LABELS[detail.fee],
      points: 0,
      maxPoints: 0,
      citation: detail.feeCitation,
    });
    for (const notice of detail.notices) findings.push({ outcome: 'info', subject: 'Send with the release', message: notice, points: 0, maxPoints: 0, citation: CITE.part2Redisclosure });
  }
  return { score: findings.reduce((s, f) => s + f.points, 0), maxScore: findings.reduce((s, f) => s + f.maxPoints, 0), findings };
}

export const roiRequestTask: TaskType<RoiTaskInput, RoiKey, RoiResponse> = {
  id: 'roi-request',
  module: 'roi',
  label: 'Process a release-of-information request',
  inputSchema: roiInputSchema,
  answerSchema: roiKeySchema,
  responseSchema: roiResponseSchema,
  computeKey: (input, scenario) => computeRoiKey(input, scenario),
  compareKeys: compareRoiKeys,
  checkAnswer: (key, scenario, _services, input) => checkRoiAnswer(key, scenario, input),
  emptyResponse: () => ({ release: [], authorizationProblems: [] }),
  isResponseComplete: (r) => r.decision !== undefined && r.dueDate !== undefined && r.dueDate !== '' && r.accounting !== undefined,
  score: (response, key, scenario, _services, input) => scoreRoi(response, key, scenario, input),
};
