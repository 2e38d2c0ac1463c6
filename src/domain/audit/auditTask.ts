/**
 * Task type "access-audit": the learner reviews a generated EHR access log (AUD-1 information-system activity
 * review, 45 CFR 164.308(a)(1)(ii)(D)), filters, sorts and flags inappropriate accesses with the red-flag
 * pattern they show (him-rules.md section 7, RF-1..RF-6). The key is the generator's ground truth.
 */
import * as v from 'valibot';
import { date } from '../../content/scenarioSchema';
import type { Finding, TaskType } from '../tasks/taskTypes';
import { AUDIT_CONTROLS, generateAccessLog, PATTERN_CITATIONS, PATTERN_LABELS, VIOLATION_PATTERNS, whyLegitimate, type AccessLog, type AccessLogParams, type Incident } from './accessLog';

const patternSchema = v.picklist(VIOLATION_PATTERNS, `unknown pattern (use one of: ${VIOLATION_PATTERNS.join(', ')})`);

export const auditInputSchema = v.object({
  seed: v.pipe(v.number('the seed is a whole number'), v.integer('the seed is a whole number')),
  rows: v.optional(v.pipe(v.number(), v.integer(), v.minValue(200, 'at least 200 rows'), v.maxValue(20_000, 'at most 20,000 rows')), 10_000),
  days: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(31, 'at most 31 days')), 7),
  start: v.optional(date as v.GenericSchema<unknown, string>, '2026-03-02'),
  incidents: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(40, 'at most 40 incidents')), 10),
  patterns: v.optional(v.array(patternSchema)),
});
export type AuditInput = v.InferOutput<typeof auditInputSchema>;

export interface AuditKey {
  incidents: Incident[];
}
export const auditKeySchema: v.GenericSchema<unknown, AuditKey> = v.object({
  incidents: v.array(
    v.object({
      id: v.string(),
      pattern: patternSchema,
      rowIds: v.array(v.number()),
      userId: v.string(),
      userName: v.string(),
      mrn: v.string(),
      patientName: v.string(),
      explanation: v.string(),
    }),
  ),
});

export const auditResponseSchema = v.object({ flags: v.array(v.object({ rowId: v.number(), pattern: patternSchema })) });
export type AuditResponse = v.InferOutput<typeof auditResponseSchema>;

const cache = new Map<string, AccessLog>();
/** The log for a step's input, memoised (the player, the key and the scorer all need the same 10,000 rows). */
export function accessLogFor(input: AuditInput): AccessLog {
  const params: AccessLogParams = { seed: input.seed, rows: input.rows, days: input.days, start: input.start, incidents: input.incidents, patterns: input.patterns };
  const k = JSON.stringify(params);
  let log = cache.get(k);
  if (!log) {
    log = generateAccessLog(params);
    if (cache.size > 8) cache.delete(cache.keys().next().value!);
    cache.set(k, log);
  }
  return log;
}

/**
 * Scores flags against the ground truth: per incident 1 point for flagging any of its rows and 1 for naming
 * its pattern; each false-positive user/patient pair costs a point of possible credit (docs/roi.md "Audit").
 */
export function scoreAudit(response: AuditResponse, key: AuditKey, input: AuditInput): { score: number; maxScore: number; findings: Finding[] } {
  const findings: Finding[] = [];
  const flagged = new Map(response.flags.map((f) => [f.rowId, f.pattern]));
  const incidentRows = new Set(key.incidents.flatMap((i) => i.rowIds));
  for (const inc of key.incidents) {
    const hits = inc.rowIds.filter((id) => flagged.has(id));
    const found = hits.length > 0;
    const patternOk = hits.some((id) => flagged.get(id) === inc.pattern);
    const given = hits.length > 0 ? flagged.get(hits[0]!) : undefined;
    findings.push({
      outcome: found && patternOk ? 'correct' : found ? 'partial' : 'missed',
      errorType: found && patternOk ? undefined : found ? `audit.pattern.${inc.pattern}` : `audit.missed.${inc.pattern}`,
      subject: `${PATTERN_LABELS[inc.pattern]}: ${inc.userName} → ${inc.patientName} (row${inc.rowIds.length > 1 ? 's' : ''} ${inc.rowIds.join(', ')})`,
      message: `${found ? (patternOk ? 'Found.' : `Found, but flagged as "${given ? PATTERN_LABELS[given] : '?'}".`) : 'Missed.'} ${inc.explanation}`,
      points: (found ? 1 : 0) + (patternOk ? 1 : 0),
      maxPoints: 2,
      citation: PATTERN_CITATIONS[inc.pattern],
    });
  }
  const extras = response.flags.filter((f) => !incidentRows.has(f.rowId));
  if (extras.length > 0) {
    const log = accessLogFor(input);
    const byPair = new Map<string, number[]>();
    for (const f of extras) {
      const row = log.rows[f.rowId - 1];
      if (!row) continue;
      const k = `${row.userId}|${row.mrn}`;
      byPair.set(k, [...(byPair.get(k) ?? []), f.rowId]);
    }
    for (const ids of byPair.values()) {
      const row = log.rows[ids[0]! - 1]!;
      findings.push({
        outcome: 'extra',
        errorType: 'audit.false-positive',
        subject: `${row.userName} → ${row.patientName} (row${ids.length > 1 ? 's' : ''} ${ids.join(', ')})`,
        message: `Not an inappropriate access: ${whyLegitimate(row)} A red flag is a lead, not proof.`,
        points: 0,
        maxPoints: 1,
        citation: AUDIT_CONTROLS,
      });
    }
  }
  findings.push({
    outcome: 'info',
    subject: 'Next steps',
    message: 'Each confirmed case is an impermissible use: document it, run the four-factor breach risk assessment (BR-3) and apply sanctions (164.530(e)).',
    points: 0,
    maxPoints: 0,
    citation: { source: '45 CFR', section: '164.402, 164.530(e)', text: 'Breach risk assessment; sanctions [AUD-2, BR-3]' },
  });
  return { score: findings.reduce((s, f) => s + f.points, 0), maxScore: findings.reduce((s, f) => s + f.maxPoints, 0), findings };
}

export const accessAuditTask: TaskType<AuditInput, AuditKey, AuditResponse> = {
  id: 'access-audit',
  module: 'audit',
  label: 'Review an EHR access log',
  inputSchema: auditInputSchema,
  answerSchema: auditKeySchema,
  responseSchema: auditResponseSchema,
  computeKey: (input) => ({ incidents: accessLogFor(input).incidents }),
  emptyResponse: () => ({ flags: [] }),
  isResponseComplete: (r) => r.flags.length > 0,
  score: (response, key, _scenario, _services, input) => scoreAudit(response, key, input),
};
