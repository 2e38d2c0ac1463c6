import { describe, expect, test } from 'vitest';
import { generateAccessLog, isOnShift, VIOLATION_PATTERNS, whyLegitimate, type ViolationPattern } from './accessLog';
import { filterRows } from './filters';

const log = generateAccessLog({ seed: 7, rows: 3000, incidents: 14 });
const incidentRows = new Set(log.incidents.flatMap((i) => i.rowIds));

describe('generateAccessLog (him-rules.md section 7)', () => {
  test('is deterministic and has the size asked for, numbered by time', () => {
    expect(generateAccessLog({ seed: 7, rows: 3000, incidents: 14 })).toEqual(log);
    expect(log.rows.length).toBeGreaterThanOrEqual(3000);
    expect(log.rows.length).toBeLessThan(3100);
    log.rows.forEach((r, i) => expect(r.id).toBe(i + 1));
    for (let i = 1; i < log.rows.length; i++) expect(log.rows[i]!.time >= log.rows[i - 1]!.time).toBe(true);
  });

  test('hides the requested number of incidents, every pattern represented', () => {
    expect(log.incidents).toHaveLength(14);
    expect(new Set(log.incidents.map((i) => i.pattern))).toEqual(new Set(VIOLATION_PATTERNS));
    for (const inc of log.incidents) for (const id of inc.rowIds) expect(log.rows[id - 1]!.userId).toBe(inc.userId);
  });

  test.each<[ViolationPattern, (flags: string[]) => boolean]>([
    ['family', (f) => f.includes('surname') && f.includes('address') && !f.includes('employee')],
    ['self', (f) => f.includes('employee') && f.includes('address')],
    ['coworker', (f) => f.includes('employee')],
    ['vip', (f) => f.includes('VIP')],
    ['after-hours', (f) => f.includes('off-shift')],
    ['btg-no-emergency', (f) => f.includes('BTG')],
  ])('%s incidents carry the red flag an audit tool reports', (pattern, hasFlag) => {
    for (const inc of log.incidents.filter((i) => i.pattern === pattern)) for (const id of inc.rowIds) expect(hasFlag(log.rows[id - 1]!.flags)).toBe(true);
  });

  test('no-relationship incidents are care staff outside their unit with no work reason', () => {
    for (const inc of log.incidents.filter((i) => i.pattern === 'no-relationship')) {
      const row = log.rows[inc.rowIds[0]! - 1]!;
      expect(row.department).not.toBe(row.patientUnit);
      expect(row.reason).toBe('');
    }
  });

  test.each(['surname', 'VIP', 'employee', 'BTG', 'off-shift'])('the %s report also returns legitimate decoys', (flag) => {
    const hits = filterRows(log.rows, { flag });
    expect(hits.filter((i) => !incidentRows.has(i + 1)).length).toBeGreaterThan(0);
  });

  test('ordinary rows are on shift or documented, and each has a plain-words reason it is fine', () => {
    for (const row of log.rows.filter((r) => !incidentRows.has(r.id))) {
      expect(isOnShift(row.shift, Number(row.time.slice(11, 13))) || row.reason === 'Late documentation').toBe(true);
      expect(row.reason.length).toBeGreaterThan(0);
      expect(whyLegitimate(row).length).toBeGreaterThan(10);
    }
  });

  test('a pattern subset hides only those patterns', () => {
    const only = generateAccessLog({ seed: 3, rows: 1000, incidents: 4, patterns: ['vip', 'self'] });
    expect(new Set(only.incidents.map((i) => i.pattern))).toEqual(new Set(['vip', 'self']));
  });
});
