/**
 * Quantitative deficiency analysis (him-rules.md 2.4 CMP-3): each rule is a small pure function that reads the
 * chart as it stood on the review date and returns the deficiencies it finds, each with its rule id, citation
 * (him-rules.md 2.1), the deficiency code of the analyst's slip (him-rules.md 2.3) and the responsible provider.
 */
import type { ChartDocument, DocumentType, Scenario } from '../../content/scenarioSchema';
import { DOCUMENT_TYPES } from '../../content/scenarioSchema';
import type { Citation, Evidence } from '../tasks/taskTypes';
import { describeMinutes, formatStamp, minutesBetween, MINUTES_PER_DAY, MINUTES_PER_HOUR } from './clock';
import type { CompletenessPolicy } from './policy';

/** Deficiency codes of a deficiency slip (him-rules.md 2.3). */
export const DEFICIENCY_TYPES = {
  SIG: 'Missing signature / authentication',
  COSIG: 'Missing co-signature',
  DICT: 'Report not dictated / written',
  DT: 'Missing date and/or time',
  VO: 'Verbal order not authenticated in time',
  'HP-AGE': 'H&P out of date, late, or update missing',
  CONS: 'Missing or incomplete informed consent',
  DX: 'Missing final diagnosis',
  ANES: 'Missing pre/post-anesthesia evaluation',
} as const;
export type DeficiencyType = keyof typeof DEFICIENCY_TYPES;
export const DEFICIENCY_CODES = Object.keys(DEFICIENCY_TYPES) as DeficiencyType[];

/** Where the deficiency sits: a chart document, or a document type that should exist and does not. */
export type DeficiencyTarget = string;

/** The target of a missing document ("missing:discharge-summary"): a DICT/CONS/ANES line for a report that was never written (him-rules.md 2.3). */
export function missingTarget(type: DocumentType): DeficiencyTarget {
  return `missing:${type}`;
}

/** Human label of a deficiency-slip target (him-rules.md 2.3): the document's title, or "Missing: Discharge summary". */
export function describeTarget(target: DeficiencyTarget, chart: readonly ChartDocument[]): string {
  if (target.startsWith('missing:')) {
    const type = target.slice('missing:'.length) as DocumentType;
    return `Missing: ${DOCUMENT_TYPES[type] ?? type}`;
  }
  const doc = chart.find((d) => d.id === target);
  return doc ? documentLabel(doc) : target;
}

/** "Progress note (01/15/2026 10:42)" or the document's own title: an entry identified by type, date and time (42 CFR 482.24(c)(1)). */
export function documentLabel(doc: ChartDocument): string {
  return doc.title ?? `${DOCUMENT_TYPES[doc.type]} (${formatStamp(doc.created)})`;
}

export interface Deficiency {
  /** A chart document id, or `missing:<document type>`. */
  target: DeficiencyTarget;
  type: DeficiencyType;
  /** Name of the provider who must fix it (as written in the chart). */
  provider: string;
  ruleId: string;
  citation: Citation;
  /** Plain-language reason, with the arithmetic. */
  explanation: string;
  /** open = still missing at review (keeps the record incomplete); late = done, but outside the window. */
  kind: 'open' | 'late';
  evidence?: Evidence;
}

export type RecordStatus = 'complete' | 'incomplete' | 'delinquent';

export interface EncounterProcedure {
  id: string;
  name: string;
  kind: 'surgical' | 'invasive' | 'delivery';
  start: string;
  end: string;
  performedBy: string;
  anesthesia: 'general' | 'regional' | 'mac' | 'moderate-sedation' | 'local' | 'none';
  anesthesiologist?: string;
  emergency: boolean;
}

/** What every rule reads: the chart as it stood on the review date, and the policy. */
export interface RuleContext {
  scenario: Scenario;
  /** Documents that existed at the review date; signatures dated after it are removed. */
  chart: ChartDocument[];
  policy: CompletenessPolicy;
  reviewDate: string;
  procedures: EncounterProcedure[];
}

export type DeficiencyRule = (context: RuleContext) => Deficiency[];

const CFR = '42 CFR';
const cite = (section: string, text: string): Citation => ({ source: CFR, section, text });

export const CITATIONS = {
  authentication: cite('482.24(c)(1)', 'Every entry legible, complete, dated, timed and authenticated by its author (him-rules.md DOC-1)'),
  cosign: { source: 'Medical staff bylaws', section: 'co-signature policy (42 CFR 482.22(c); 482.24(c)(1))', text: 'Entries by residents and others named in the bylaws are co-signed by the supervising practitioner' },
  verbalOrder: cite('482.24(c)(2); 482.23(c)(3)(i)', 'Verbal orders dated, timed and authenticated promptly by the ordering practitioner, within the state/bylaw window (him-rules.md DOC-2)'),
  hpTiming: cite('482.22(c)(5)(i); 482.24(c)(4)(i)', 'H&P no more than 30 days before or 24 hours after admission (him-rules.md DOC-3)'),
  hpUpdate: cite('482.22(c)(5)(ii)', 'An H&P done before admission needs an update note within 24 hours after admission and before surgery (him-rules.md DOC-4)'),
  hpBeforeSurgery: cite('482.51(b)(1)', 'H&P (and its update) in the chart before surgery, except in emergencies (him-rules.md DOC-9)'),
  consent: cite('482.51(b)(2); 482.24(c)(4)(v)', 'A properly executed informed consent in the chart before surgery, except in emergencies (him-rules.md DOC-9)'),
  operativeReport: cite('482.51(b)(6)', 'Operative report written or dictated immediately after surgery and signed by the surgeon; else an immediate post-op note (him-rules.md DOC-10)'),
  anesthesia: cite('482.52(b)(1), (3)', 'Pre-anesthesia evaluation within 48 h before, post-anesthesia evaluation within 48 h after surgery (him-rules.md DOC-11)'),
  procedureNote: cite('482.24(c)(4)', 'The record contains the reports of procedures performed (him-rules.md DOC-6)'),
  dischargeSummary: cite('482.24(c)(4)(vii)', 'Discharge summary with outcome, disposition and follow-up (him-rules.md DOC-7)'),
  finalDiagnosis: cite('482.24(c)(4)(viii)', 'Final diagnosis recorded (him-rules.md DOC-8)'),
  completion: cite('482.24(c)(4)(viii)', 'Record completed within 30 days after discharge (him-rules.md DOC-8, CMP-1)'),
} as const satisfies Record<string, Citation>;

// ---------------------------------------------------------------- helpers

function documentsOfType(context: RuleContext, ...types: DocumentType[]): ChartDocument[] {
  return context.chart.filter((d) => types.includes(d.type)).sort((a, b) => minutesBetween(b.created, a.created));
}

/** Documents about one procedure: linked by `procedure.ref`, or (older files) by the same procedure name. */
function documentsFor(context: RuleContext, procedure: EncounterProcedure, ...types: DocumentType[]): ChartDocument[] {
  const sameName = (name: string) => name.trim().toLowerCase() === procedure.name.trim().toLowerCase();
  return documentsOfType(context, ...types).filter((d) =>
    d.procedure?.ref !== undefined ? d.procedure.ref === procedure.id : d.procedure !== undefined && sameName(d.procedure.name),
  );
}

function attendingName(context: RuleContext): string {
  return context.scenario.encounter.attending.name;
}

const hoursText = (h: number) => `${h} h`;

function isSignatureExempt(doc: ChartDocument, policy: CompletenessPolicy): boolean {
  return policy.signatureExemptTypes.includes(doc.type) || policy.signatureExemptRoles.includes(doc.author.role);
}

function isVerbalOrder(doc: ChartDocument): boolean {
  return doc.type === 'order' && (doc.order?.mode === 'verbal' || doc.order?.mode === 'telephone');
}

function needsAnesthesiaEvaluation(procedure: EncounterProcedure): boolean {
  return procedure.anesthesia === 'general' || procedure.anesthesia === 'regional' || procedure.anesthesia === 'mac';
}

function needsPreProcedureHp(procedure: EncounterProcedure): boolean {
  return !procedure.emergency && (procedure.kind === 'surgical' || needsAnesthesiaEvaluation(procedure));
}

// ---------------------------------------------------------------- authentication

/**
 * SIG: every entry must be authenticated by its author (42 CFR 482.24(c)(1); TJC RC.01.02.01). Verbal orders
 * still inside their window are chased here too; past the window the VO rule takes over. Exempt: forms that are
 * not provider entries (policy `signatureExemptTypes` / `signatureExemptRoles`); consents (see the CONS rule).
 */
export const unsignedEntryRule: DeficiencyRule = (context) => {
  const out: Deficiency[] = [];
  for (const doc of context.chart) {
    if (doc.signed !== undefined || isSignatureExempt(doc, context.policy)) continue;
    if (isVerbalOrder(doc) && minutesBetween(doc.created, context.reviewDate) > context.policy.verbalOrderHours * MINUTES_PER_HOUR) continue;
    out.push({
      target: doc.id,
      type: 'SIG',
      provider: doc.author.name,
      ruleId: 'AUTH-SIG',
      citation: CITATIONS.authentication,
      kind: 'open',
      explanation: `${documentLabel(doc)} by ${doc.author.name} is not authenticated: no signature on the review date (${formatStamp(context.reviewDate)}).`,
      evidence: { documentId: doc.id },
    });
  }
  return out;
};

/** DT: a signature without its date or time does not authenticate the entry (42 CFR 482.24(c)(1)). */
export const undatedSignatureRule: DeficiencyRule = (context) =>
  context.chart
    .filter((doc) => doc.signed !== undefined && !isSignatureExempt(doc, context.policy))
    .filter((doc) => doc.authentication && (!doc.authentication.dated || !doc.authentication.timed))
    .map((doc) => {
      const missing = !doc.authentication?.dated && !doc.authentication?.timed ? 'date and time' : !doc.authentication?.dated ? 'date' : 'time';
      return {
        target: doc.id,
        type: 'DT' as const,
        provider: doc.author.name,
        ruleId: 'AUTH-DT',
        citation: CITATIONS.authentication,
        kind: 'open' as const,
        explanation: `${documentLabel(doc)} is signed by ${doc.author.name} but the signature has no ${missing}; every entry must be dated and timed.`,
        evidence: { documentId: doc.id },
      };
    });

/**
 * COSIG: entries by the roles the bylaws name (default: residents) need the supervising practitioner's
 * co-signature (medical staff bylaws; 42 CFR 482.22(c), 482.24(c)(1)). A document may override with `cosignRequired`.
 */
export const missingCosignatureRule: DeficiencyRule = (context) => {
  const out: Deficiency[] = [];
  for (const doc of context.chart) {
    const required =
      doc.cosignRequired ?? (context.policy.cosignRoles.includes(doc.author.role) && context.policy.cosignDocumentTypes.includes(doc.type));
    if (!required || doc.cosigned !== undefined) continue;
    const provider = doc.cosigner?.name ?? attendingName(context);
    out.push({
      target: doc.id,
      type: 'COSIG',
      provider,
      ruleId: 'AUTH-COSIG',
      citation: CITATIONS.cosign,
      kind: 'open',
      explanation: `${documentLabel(doc)} was written by ${doc.author.name} (${doc.author.role}); the bylaws require a co-signature, and ${provider} has not co-signed it.`,
      evidence: { documentId: doc.id },
    });
  }
  return out;
};

/**
 * VO: verbal and telephone orders must be authenticated by the ordering practitioner within the policy window
 * (default 48 h; 42 CFR 482.24(c)(2), 482.23(c)(3)(i)). Signed late = a timeliness deficiency; unsigned after the
 * window = open.
 */
export const verbalOrderRule: DeficiencyRule = (context) => {
  const windowMinutes = context.policy.verbalOrderHours * MINUTES_PER_HOUR;
  const out: Deficiency[] = [];
  for (const doc of context.chart.filter(isVerbalOrder)) {
    const mode = doc.order?.mode ?? 'verbal';
    const base = { target: doc.id, type: 'VO' as const, provider: doc.author.name, ruleId: 'VO-AUTH', citation: CITATIONS.verbalOrder, evidence: { documentId: doc.id } };
    if (doc.signed !== undefined) {
      const took = minutesBetween(doc.created, doc.signed);
      if (took > windowMinutes) {
        out.push({
          ...base,
          kind: 'late',
          explanation: `The ${mode} order of ${formatStamp(doc.created)} was authenticated ${formatStamp(doc.signed)}, ${describeMinutes(took)} later; the policy allows ${hoursText(context.policy.verbalOrderHours)}.`,
        });
      }
    } else {
      const open = minutesBetween(doc.created, context.reviewDate);
      if (open > windowMinutes) {
        out.push({
          ...base,
          kind: 'open',
          explanation: `The ${mode} order of ${formatStamp(doc.created)} is still unauthenticated ${describeMinutes(open)} later at review; the policy allows ${hoursText(context.policy.verbalOrderHours)}.`,
        });
      }
    }
  }
  return out;
};

// ---------------------------------------------------------------- history and physical

/**
 * H&P timing (42 CFR 482.22(c)(5)(i)-(ii); 482.24(c)(4)(i)): an H&P documented no more than 30 days before or
 * 24 hours after admission; one done before admission needs an update note within 24 hours after admission.
 * Missing entirely = DICT (for the attending); late, stale or not updated = HP-AGE.
 */
export const historyAndPhysicalRule: DeficiencyRule = (context) => {
  const { policy, scenario } = context;
  const admitted = scenario.encounter.admitted;
  const surgical = context.procedures.some(needsPreProcedureHp);
  if (!policy.hpRequiredClasses.includes(scenario.encounter.class) && !surgical) return [];
  const hps = documentsOfType(context, 'history-and-physical');
  const attending = attendingName(context);
  if (hps.length === 0) {
    return [
      {
        target: missingTarget('history-and-physical'),
        type: 'DICT',
        provider: attending,
        ruleId: 'HP-PRESENT',
        citation: CITATIONS.hpTiming,
        kind: 'open',
        explanation: `There is no history and physical for this ${scenario.encounter.class} stay; one is required within ${hoursText(policy.hpMaxHoursAfter)} of admission.`,
      },
    ];
  }
  const afterLimit = policy.hpMaxHoursAfter * MINUTES_PER_HOUR;
  const beforeLimit = policy.hpMaxDaysBefore * MINUTES_PER_DAY;
  const offset = (doc: ChartDocument) => minutesBetween(admitted, doc.created);
  // An H&P written during the stay, in time, settles it.
  if (hps.some((hp) => offset(hp) >= 0 && offset(hp) <= afterLimit)) return [];
  const prior = hps.filter((hp) => offset(hp) < 0 && -offset(hp) <= beforeLimit);
  if (prior.length > 0) {
    const hp = prior.at(-1)!;
    const updateLimit = policy.hpUpdateMaxHoursAfter * MINUTES_PER_HOUR;
    const updates = documentsOfType(context, 'hp-update').filter((u) => offset(u) >= 0 && offset(u) <= updateLimit);
    if (updates.length > 0) return [];
    const lateUpdate = documentsOfType(context, 'hp-update').find((u) => offset(u) > updateLimit);
    return [
      {
        target: hp.id,
        type: 'HP-AGE',
        provider: attending,
        ruleId: 'HP-UPDATE',
        citation: CITATIONS.hpUpdate,
        kind: lateUpdate ? 'late' : 'open',
        explanation: lateUpdate
          ? `The H&P of ${formatStamp(hp.created)} predates admission (${formatStamp(admitted)}); its update note was written ${formatStamp(lateUpdate.created)}, ${describeMinutes(offset(lateUpdate))} after admission, past the ${hoursText(policy.hpUpdateMaxHoursAfter)} limit.`
          : `The H&P of ${formatStamp(hp.created)} was done ${describeMinutes(-offset(hp))} before admission (${formatStamp(admitted)}) and has no update note within ${hoursText(policy.hpUpdateMaxHoursAfter)} after admission.`,
        evidence: { documentId: hp.id },
      },
    ];
  }
  const late = hps.filter((hp) => offset(hp) > afterLimit);
  if (late.length > 0) {
    const hp = late.at(-1)!;
    return [
      {
        target: hp.id,
        type: 'HP-AGE',
        provider: attending,
        ruleId: 'HP-TIMING',
        citation: CITATIONS.hpTiming,
        kind: 'late',
        explanation: `The H&P was documented ${formatStamp(hp.created)}, ${describeMinutes(offset(hp))} after admission (${formatStamp(admitted)}); the limit is ${hoursText(policy.hpMaxHoursAfter)}.`,
        evidence: { documentId: hp.id },
      },
    ];
  }
  const stale = hps.at(-1)!;
  return [
    {
      target: stale.id,
      type: 'HP-AGE',
      provider: attending,
      ruleId: 'HP-TIMING',
      citation: CITATIONS.hpTiming,
      kind: 'open',
      explanation: `The only H&P (${formatStamp(stale.created)}) is ${describeMinutes(-offset(stale))} older than the admission (${formatStamp(admitted)}): more than ${policy.hpMaxDaysBefore} days, so it must be redone.`,
      evidence: { documentId: stale.id },
    },
  ];
};

/**
 * H&P before surgery (42 CFR 482.51(b)(1); 482.22(c)(5)): for every non-emergency surgery or anesthesia case,
 * an H&P (and, if it predates admission, its update) must be in the chart before the procedure starts.
 */
export const historyAndPhysicalBeforeSurgeryRule: DeficiencyRule = (context) => {
  const hps = documentsOfType(context, 'history-and-physical');
  if (hps.length === 0) return [];
  const admitted = context.scenario.encounter.admitted;
  const out: Deficiency[] = [];
  for (const procedure of context.procedures.filter(needsPreProcedureHp)) {
    const before = (doc: ChartDocument) => minutesBetween(doc.created, procedure.start) >= 0;
    const hpBefore = hps.filter(before);
    const hp = hpBefore.at(-1);
    if (!hp) {
      const first = hps[0]!;
      out.push({
        target: first.id,
        type: 'HP-AGE',
        provider: attendingName(context),
        ruleId: 'HP-BEFORE-SURGERY',
        citation: CITATIONS.hpBeforeSurgery,
        kind: 'late',
        explanation: `${procedure.name} started ${formatStamp(procedure.start)} but the H&P was not documented until ${formatStamp(first.created)}, ${describeMinutes(minutesBetween(procedure.start, first.created))} later.`,
        evidence: { documentId: first.id },
      });
      continue;
    }
    const predatesAdmission = minutesBetween(admitted, hp.created) < 0;
    if (predatesAdmission && !documentsOfType(context, 'hp-update').some((u) => before(u) && minutesBetween(admitted, u.created) >= 0)) {
      out.push({
        target: hp.id,
        type: 'HP-AGE',
        provider: attendingName(context),
        ruleId: 'HP-BEFORE-SURGERY',
        citation: CITATIONS.hpBeforeSurgery,
        kind: 'late',
        explanation: `${procedure.name} started ${formatStamp(procedure.start)} with only the pre-admission H&P of ${formatStamp(hp.created)}: no update note was in the chart before surgery.`,
        evidence: { documentId: hp.id },
      });
    }
  }
  return out;
};

// ---------------------------------------------------------------- procedures

/**
 * Informed consent (42 CFR 482.51(b)(2); 482.24(c)(4)(v)): a signed consent for each non-emergency surgery or
 * invasive procedure, in the chart before it starts. The performing practitioner obtains it.
 */
export const informedConsentRule: DeficiencyRule = (context) => {
  const out: Deficiency[] = [];
  for (const procedure of context.procedures) {
    if (procedure.emergency || !context.policy.consentKinds.includes(procedure.kind)) continue;
    const consents = documentsFor(context, procedure, 'consent');
    const base = { type: 'CONS' as const, provider: procedure.performedBy, citation: CITATIONS.consent };
    if (consents.length === 0) {
      out.push({
        ...base,
        target: missingTarget('consent'),
        ruleId: 'CONSENT-PRESENT',
        kind: 'open',
        explanation: `No informed consent is on the chart for ${procedure.name} (${formatStamp(procedure.start)}).`,
      });
      continue;
    }
    const signedBefore = consents.find((c) => c.signed !== undefined && minutesBetween(c.signed, procedure.start) >= 0);
    if (signedBefore) continue;
    const consent = consents[0]!;
    out.push({
      ...base,
      target: consent.id,
      ruleId: 'CONSENT-BEFORE',
      kind: consent.signed === undefined ? 'open' : 'late',
      explanation:
        consent.signed === undefined
          ? `The consent for ${procedure.name} is not signed.`
          : `The consent for ${procedure.name} was signed ${formatStamp(consent.signed)}, ${describeMinutes(minutesBetween(procedure.start, consent.signed))} after the procedure started (${formatStamp(procedure.start)}).`,
      evidence: { documentId: consent.id },
    });
  }
  return out;
};

/**
 * Operative report (42 CFR 482.51(b)(6); TJC RC.02.01.03): for each surgery, an operative report written
 * immediately after it (policy minutes) or else a brief operative note then and the full report within the policy
 * hours. Missing or late = DICT for the surgeon.
 */
export const operativeReportRule: DeficiencyRule = (context) => {
  const { policy } = context;
  const out: Deficiency[] = [];
  for (const procedure of context.procedures.filter((p) => p.kind === 'surgical')) {
    const reports = documentsFor(context, procedure, 'operative-report');
    const base = { type: 'DICT' as const, provider: procedure.performedBy, citation: CITATIONS.operativeReport };
    if (reports.length === 0) {
      out.push({
        ...base,
        target: missingTarget('operative-report'),
        ruleId: 'OP-REPORT-PRESENT',
        kind: 'open',
        explanation: `No operative report is on the chart for ${procedure.name} (ended ${formatStamp(procedure.end)}).`,
      });
      continue;
    }
    const report = reports[0]!;
    const reportDelay = minutesBetween(procedure.end, report.created);
    if (reportDelay <= policy.immediatePostOpMinutes) continue;
    const briefNote = documentsFor(context, procedure, 'brief-op-note').find(
      (n) => minutesBetween(procedure.end, n.created) <= policy.immediatePostOpMinutes,
    );
    if (!briefNote) {
      out.push({
        ...base,
        target: report.id,
        ruleId: 'OP-REPORT-IMMEDIATE',
        kind: 'late',
        explanation: `${procedure.name} ended ${formatStamp(procedure.end)}; the operative report was written ${formatStamp(report.created)} (${describeMinutes(reportDelay)} later) and no brief operative note was written within ${policy.immediatePostOpMinutes} min.`,
        evidence: { documentId: report.id },
      });
    } else if (reportDelay > policy.operativeReportHours * MINUTES_PER_HOUR) {
      out.push({
        ...base,
        target: report.id,
        ruleId: 'OP-REPORT-DICTATION',
        kind: 'late',
        explanation: `A brief op note bridged the gap, but the full operative report was dictated ${describeMinutes(reportDelay)} after the end of surgery; the bylaws allow ${hoursText(policy.operativeReportHours)}.`,
        evidence: { documentId: report.id },
      });
    }
  }
  return out;
};

/**
 * Procedure and delivery reports (42 CFR 482.24(c)(4)): each bedside invasive procedure needs a procedure note
 * and each delivery a delivery note, by the practitioner who performed it.
 */
export const procedureReportRule: DeficiencyRule = (context) => {
  const out: Deficiency[] = [];
  for (const procedure of context.procedures) {
    const needed: DocumentType | undefined =
      procedure.kind === 'invasive' ? 'procedure-note' : procedure.kind === 'delivery' ? 'delivery-note' : undefined;
    if (!needed || documentsFor(context, procedure, needed).length > 0) continue;
    out.push({
      target: missingTarget(needed),
      type: 'DICT',
      provider: procedure.performedBy,
      ruleId: 'PROC-NOTE-PRESENT',
      citation: CITATIONS.procedureNote,
      kind: 'open',
      explanation: `No ${DOCUMENT_TYPES[needed].toLowerCase()} is on the chart for ${procedure.name} (${formatStamp(procedure.start)}).`,
    });
  }
  return out;
};

/**
 * Anesthesia evaluations (42 CFR 482.52(b)(1), (3)): for general, regional and MAC anesthesia, a pre-anesthesia
 * evaluation within 48 h before the procedure and a post-anesthesia evaluation within 48 h after it.
 */
export const anesthesiaEvaluationRule: DeficiencyRule = (context) => {
  const limit = context.policy.anesthesiaEvaluationHours * MINUTES_PER_HOUR;
  const out: Deficiency[] = [];
  for (const procedure of context.procedures.filter(needsAnesthesiaEvaluation)) {
    const provider = procedure.anesthesiologist ?? procedure.performedBy;
    const base = { type: 'ANES' as const, provider, citation: CITATIONS.anesthesia };
    const record = documentsFor(context, procedure, 'anesthesia-record')[0];
    if (!record) {
      out.push({
        ...base,
        target: missingTarget('anesthesia-record'),
        ruleId: 'ANES-PRESENT',
        kind: 'open',
        explanation: `${procedure.name} was done under ${procedure.anesthesia} anesthesia but there is no anesthesia record with pre- and post-anesthesia evaluations.`,
      });
      continue;
    }
    const problems: string[] = [];
    let kind: 'open' | 'late' = 'late';
    const pre = record.anesthesia?.preEvaluation;
    const post = record.anesthesia?.postEvaluation;
    if (pre === undefined) {
      problems.push('no pre-anesthesia evaluation');
      kind = 'open';
    } else {
      const lead = minutesBetween(pre, procedure.start);
      if (lead < 0 || lead > limit) problems.push(`the pre-anesthesia evaluation (${formatStamp(pre)}) is ${lead < 0 ? 'after the start' : `${describeMinutes(lead)} before the start`}`);
    }
    if (post === undefined) {
      problems.push('no post-anesthesia evaluation');
      kind = 'open';
    } else {
      const lag = minutesBetween(procedure.end, post);
      if (lag < 0 || lag > limit) problems.push(`the post-anesthesia evaluation (${formatStamp(post)}) is ${lag < 0 ? 'before the end of the procedure' : `${describeMinutes(lag)} after it`}`);
    }
    if (problems.length === 0) continue;
    out.push({
      ...base,
      target: record.id,
      ruleId: 'ANES-EVAL',
      kind,
      explanation: `${procedure.name} (${formatStamp(procedure.start)}-${formatStamp(procedure.end)}): ${problems.join('; ')}; the limit is ${hoursText(context.policy.anesthesiaEvaluationHours)}.`,
      evidence: { documentId: record.id },
    });
  }
  return out;
};

// ---------------------------------------------------------------- discharge

const FINAL_PROGRESS_NOTE = /\b(final|discharge)\s+progress\s+note\b/i;

/** The document that closes the stay: the discharge summary, or for a short stay a final progress note. */
export function closingDocument(context: RuleContext): ChartDocument | undefined {
  const summary = documentsOfType(context, 'discharge-summary').at(-1);
  if (summary) return summary;
  if (!isShortStay(context)) return undefined;
  return documentsOfType(context, 'progress-note')
    .filter((d) => FINAL_PROGRESS_NOTE.test(`${d.title ?? ''}\n${d.text}`))
    .at(-1);
}

function isShortStay(context: RuleContext): boolean {
  const { admitted, discharged } = context.scenario.encounter;
  return context.policy.shortStayFinalProgressNote && minutesBetween(admitted, discharged) < context.policy.shortStayHours * MINUTES_PER_HOUR;
}

/**
 * Discharge summary (42 CFR 482.24(c)(4)(vii); TJC RC.02.04.01): required for inpatient stays; a stay shorter
 * than the policy's short-stay hours (default 48) may close with a final progress note instead.
 */
export const dischargeSummaryRule: DeficiencyRule = (context) => {
  const { encounter } = context.scenario;
  if (!context.policy.dischargeSummaryClasses.includes(encounter.class)) return [];
  if (closingDocument(context)) return [];
  const stay = minutesBetween(encounter.admitted, encounter.discharged);
  return [
    {
      target: missingTarget('discharge-summary'),
      type: 'DICT',
      provider: encounter.attending.name,
      ruleId: 'DS-PRESENT',
      citation: CITATIONS.dischargeSummary,
      kind: 'open',
      explanation: isShortStay(context)
        ? `Short stay (${describeMinutes(stay)}): neither a discharge summary nor a final progress note is on the chart.`
        : `The stay lasted ${describeMinutes(stay)} (${formatStamp(encounter.admitted)} to ${formatStamp(encounter.discharged)}), so a discharge summary is required and none is on the chart.`,
    },
  ];
};

const DIAGNOSIS_HEADING = /(?:final|discharge|principal|primary)\s+(?:diagnos[ie]s|dx)\b\s*:?/i;
const PLACEHOLDER = /^(?:pending|tbd|to follow|see (?:above|h&p|hp)|n\/a|none|-+|\.+)\b/i;

/**
 * Whether a closing document states its final diagnoses: a "Final/Discharge/Principal diagnosis" heading followed
 * by real text, not "pending" or "see H&P" (42 CFR 482.24(c)(4)(viii)).
 */
export function statesFinalDiagnoses(text: string): boolean {
  const match = DIAGNOSIS_HEADING.exec(text);
  if (!match) return false;
  const after = text.slice(match.index + match[0].length);
  const block = after.split(/\n\s*\n|\n\*\*[A-Z]|\n[A-Z][A-Za-z /&]{2,30}:/)[0] ?? '';
  const content = block.replace(/^[\s:*-]+/, '').trim();
  return content.length >= 3 && !PLACEHOLDER.test(content);
}

/** DX: the closing document must record the final diagnoses (42 CFR 482.24(c)(4)(viii)). */
export const finalDiagnosisRule: DeficiencyRule = (context) => {
  const closing = closingDocument(context);
  if (!closing || statesFinalDiagnoses(closing.text)) return [];
  const heading = DIAGNOSIS_HEADING.exec(closing.text);
  return [
    {
      target: closing.id,
      type: 'DX',
      provider: closing.author.name,
      ruleId: 'FINAL-DX',
      citation: CITATIONS.finalDiagnosis,
      kind: 'open',
      explanation: `${documentLabel(closing)} does not state the final diagnoses${heading ? ` (the "${heading[0].replace(/:$/, '').trim()}" section is blank or deferred)` : ''}.`,
      evidence: heading ? { documentId: closing.id, quote: heading[0] } : { documentId: closing.id },
    },
  ];
};

/** All rules, in the order a deficiency slip lists them. */
export const DEFICIENCY_RULES: readonly DeficiencyRule[] = [
  historyAndPhysicalRule,
  historyAndPhysicalBeforeSurgeryRule,
  informedConsentRule,
  anesthesiaEvaluationRule,
  operativeReportRule,
  procedureReportRule,
  dischargeSummaryRule,
  finalDiagnosisRule,
  verbalOrderRule,
  unsignedEntryRule,
  undatedSignatureRule,
  missingCosignatureRule,
];
