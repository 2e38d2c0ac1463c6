import { describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { accessAuditTask, accessLogFor, auditInputSchema, scoreAudit } from './auditTask';

const input = v.parse(auditInputSchema, { seed: 11, rows: 2000, incidents: 7 });
const key = accessAuditTask.computeKey!(input, {} as never, {});
const log = accessLogFor(input);

describe('access-audit task', () => {
  test('input defaults to a 10,000-row week and rejects bad parameters with the field', () => {
    expect(v.parse(auditInputSchema, { seed: 1 })).toMatchObject({ rows: 10_000, days: 7, incidents: 10 });
    const bad = v.safeParse(auditInputSchema, { seed: 1, rows: 50, patterns: ['snooping'] });
    expect(bad.issues?.map((i) => v.getDotPath(i))).toEqual(['rows', 'patterns.0']);
  });

  test('the key is the generator ground truth', () => {
    expect(key.incidents).toEqual(log.incidents);
    expect(key.incidents).toHaveLength(7);
  });

  test('flagging every incident with its pattern earns full marks', () => {
    const flags = key.incidents.flatMap((i) => i.rowIds.map((rowId) => ({ rowId, pattern: i.pattern })));
    const result = scoreAudit({ flags }, key, input);
    expect(result.score).toBe(result.maxScore);
    expect(result.maxScore).toBe(14);
  });

  test('partial credit: found with the wrong pattern, missed, and a false positive explained', () => {
    const [first, second] = key.incidents;
    const wrongPattern = first!.pattern === 'vip' ? 'family' : 'vip';
    const incidentRows = new Set(key.incidents.flatMap((i) => i.rowIds));
    const innocent = log.rows.find((r) => !incidentRows.has(r.id) && r.flags.includes('BTG'))!;
    const result = scoreAudit({ flags: [{ rowId: first!.rowIds[0]!, pattern: wrongPattern }, { rowId: innocent.id, pattern: 'btg-no-emergency' }] }, key, input);
    const byOutcome = (o: string) => result.findings.filter((f) => f.outcome === o);
    expect(byOutcome('partial')).toHaveLength(1);
    expect(byOutcome('missed')).toHaveLength(6);
    expect(byOutcome('extra')[0]!.message).toMatch(/documented emergency/);
    expect(result.findings.find((f) => f.subject.includes(second!.patientName))!.citation?.section).toMatch(/^RF-/);
    expect(result.score).toBe(1);
    expect(result.maxScore).toBe(15);
  });

  test('isResponseComplete needs at least one flag', () => {
    expect(accessAuditTask.isResponseComplete({ flags: [] }, input)).toBe(false);
  });
});
