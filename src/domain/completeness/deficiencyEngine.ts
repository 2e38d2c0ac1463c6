/**
 * Runs the deficiency rules over a chart as of a review date and derives the record status
 * (him-rules.md 2.4 CMP-1: incomplete while deficiencies remain before the deadline, delinquent after it).
 */
import type { ChartDocument, Scenario } from '../../content/scenarioSchema';
import { describeMinutes, formatStamp, minutesBetween, MINUTES_PER_DAY } from './clock';
import {
  CITATIONS,
  DEFICIENCY_RULES,
  type Deficiency,
  type DeficiencyRule,
  type EncounterProcedure,
  type RecordStatus,
  type RuleContext,
} from './deficiencyRules';
import { resolvePolicy, type CompletenessPolicy, type PolicyOverrides } from './policy';

export interface RecordAnalysis {
  deficiencies: Deficiency[];
  status: RecordStatus;
  /** Why the status is what it is, with the 30-day arithmetic. */
  statusExplanation: string;
  policy: CompletenessPolicy;
}

/**
 * The chart as the analyst sees it on the review date: entries created later are not there yet, and a
 * signature or co-signature dated after the review date had not happened (42 CFR 482.24(c)(1)).
 */
export function chartAsOf(chart: readonly ChartDocument[], reviewDate: string): ChartDocument[] {
  return chart
    .filter((d) => minutesBetween(d.created, reviewDate) >= 0)
    .map((d) => {
      const signedLater = d.signed !== undefined && minutesBetween(d.signed, reviewDate) < 0;
      const cosignedLater = d.cosigned !== undefined && minutesBetween(d.cosigned, reviewDate) < 0;
      if (!signedLater && !cosignedLater) return d;
      return { ...d, signed: signedLater ? undefined : d.signed, cosigned: cosignedLater ? undefined : d.cosigned };
    });
}

/** The OR / procedure log of the encounter (optional scenario metadata, with its defaults applied). */
export function encounterProcedures(scenario: Scenario): EncounterProcedure[] {
  return (scenario.encounter.procedures ?? []).map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    start: p.start,
    end: p.end,
    performedBy: p.performedBy,
    anesthesia: p.anesthesia,
    anesthesiologist: p.anesthesiologist,
    emergency: p.emergency,
  }));
}

/** One deficiency per (target, type) — the slip has one line per document and code; reasons are joined. */
export function mergeDuplicates(deficiencies: readonly Deficiency[]): Deficiency[] {
  const out: Deficiency[] = [];
  for (const d of deficiencies) {
    const same = out.find((o) => o.target === d.target && o.type === d.type);
    if (!same) {
      out.push({ ...d });
      continue;
    }
    if (!same.explanation.includes(d.explanation)) same.explanation = `${same.explanation} ${d.explanation}`;
    if (d.kind === 'open') same.kind = 'open';
  }
  return out;
}

/**
 * Record status (42 CFR 482.24(c)(4)(viii); him-rules.md 2.4 CMP-1): complete when nothing is left open; delinquent
 * when something is still open more than `completionDays` after discharge; otherwise incomplete. Deficiencies that
 * were completed late are reported but no longer keep the record open.
 */
export function recordStatus(deficiencies: readonly Deficiency[], scenario: Scenario, reviewDate: string, policy: CompletenessPolicy): { status: RecordStatus; explanation: string } {
  const open = deficiencies.filter((d) => d.kind === 'open');
  const since = minutesBetween(scenario.encounter.discharged, reviewDate);
  const deadline = policy.completionDays * MINUTES_PER_DAY;
  const when = `Reviewed ${formatStamp(reviewDate)}, ${describeMinutes(since)} after discharge (${formatStamp(scenario.encounter.discharged)}); the limit is ${policy.completionDays} days.`;
  if (open.length === 0) {
    return { status: 'complete', explanation: `Nothing is left open${deficiencies.length ? ' (the timeliness deficiencies are already completed)' : ''}. ${when}` };
  }
  if (since > deadline) return { status: 'delinquent', explanation: `${open.length} deficienc${open.length === 1 ? 'y is' : 'ies are'} still open past the deadline. ${when}` };
  return { status: 'incomplete', explanation: `${open.length} deficienc${open.length === 1 ? 'y is' : 'ies are'} still open, within the deadline. ${when}` };
}

export const STATUS_CITATION = CITATIONS.completion;

/**
 * Quantitative analysis of one record (him-rules.md 2.4 CMP-3; 42 CFR 482.24(c), 482.22(c)(5), 482.51(b), 482.52(b)):
 * every rule over the chart as of the review date, duplicates merged, and the record status.
 */
export function analyseRecord(
  scenario: Scenario,
  options: { reviewDate: string; policy?: PolicyOverrides; rules?: readonly DeficiencyRule[] },
): RecordAnalysis {
  const policy = resolvePolicy(options.policy);
  const context: RuleContext = {
    scenario,
    chart: chartAsOf(scenario.chart, options.reviewDate),
    policy,
    reviewDate: options.reviewDate,
    procedures: encounterProcedures(scenario),
  };
  const deficiencies = mergeDuplicates((options.rules ?? DEFICIENCY_RULES).flatMap((rule) => rule(context)));
  const { status, explanation } = recordStatus(deficiencies, scenario, options.reviewDate, policy);
  return { deficiencies, status, statusExplanation: explanation, policy };
}
