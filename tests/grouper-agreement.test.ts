/**
 * Agreement with the official CMS MS-DRG v43 grouper (issue 5 item 3): every row of the CMS development
 * cases (tests/fixtures/msdrg/cms_grouper_dev_cases_v43.tsv, a copy of
 * ../shared/data/msdrg/cases/cms_grouper_dev_cases_v43.tsv) must get the same DRG, MDC,
 * medical/surgical, severity, return code and per-secondary usage. Procedure flags are compared too.
 * Every disagreement is printed with the grouper's trace.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimFromRow, parseTsv } from '../src/domain/grouper/claimTsv';
import { groupClaim } from '../src/domain/grouper/group';
import type { GrouperTables } from '../src/domain/grouper/tables';
import type { GroupResult } from '../src/domain/grouper/types';
import { loadGrouperTablesFromDisk } from '../tools/grouper/loadTables';

const fixture = resolve(import.meta.dirname, 'fixtures/msdrg/cms_grouper_dev_cases_v43.tsv');
const CORE = ['drg', 'mdc', 'med_surg', 'severity', 'return_code', 'sdx_usage'] as const;
type Column = (typeof CORE)[number] | 'procedure_flags';

function actual(res: GroupResult): Record<Column, string> {
  return {
    drg: String(res.drg),
    mdc: String(res.mdc),
    med_surg: res.medSurg,
    severity: res.severity,
    return_code: res.returnCode,
    sdx_usage: res.secondaries.map((s) => `${s.code}=${s.usage === 'INVALID' ? 'NEITHER' : s.usage}`).join('|'),
    procedure_flags: res.procedures.map((p) => `${p.code}=${p.isOR ? 'OR' : 'NONOR'}/${p.affects}`).join('|'),
  };
}

describe('CMS MS-DRG v43 development cases', () => {
  let tables: GrouperTables;
  const { header, rows } = parseTsv(readFileSync(fixture, 'utf8'));
  const col = (r: readonly string[], name: string): string => r[header.indexOf(name)] ?? '';
  const mismatches: Record<Column, string[]> = { drg: [], mdc: [], med_surg: [], severity: [], return_code: [], sdx_usage: [], procedure_flags: [] };

  beforeAll(() => {
    tables = loadGrouperTablesFromDisk();
    rows.forEach((r, i) => {
      const parsed = claimFromRow(header, r, i + 1);
      if (!parsed.ok) throw new Error(`fixture row ${i + 1} unreadable: ${parsed.error}`);
      const res = groupClaim(tables, parsed.claim);
      const expected: Record<Column, string> = {
        drg: String(Number(col(r, 'expected_drg'))),
        mdc: col(r, 'expected_mdc'),
        med_surg: col(r, 'expected_med_surg'),
        severity: col(r, 'expected_severity'),
        return_code: col(r, 'grouper_return_code'),
        sdx_usage: col(r, 'sdx_severity_usage'),
        procedure_flags: col(r, 'procedure_flags'),
      };
      const got = actual(res);
      const diffs = (Object.keys(expected) as Column[]).filter((k) => expected[k] !== got[k]);
      if (diffs.length === 0) return;
      const report = [
        `${col(r, 'id')} (v${col(r, 'grouper_version')}, ${col(r, 'note')}): pdx ${col(r, 'pdx')} sdx ${col(r, 'sdx_with_poa')} procs ${col(r, 'procedures')} sex ${col(r, 'sex')} status ${col(r, 'discharge_status')}`,
        ...diffs.map((d) => `  ${d}: expected ${expected[d]} | got ${got[d]}`),
        ...res.trace.map((s) => `    [${s.kind}] ${s.text}`),
      ].join('\n');
      for (const d of diffs) mismatches[d].push(report);
    });
  });

  it('has all 3,240 rows', () => {
    expect(rows.length).toBe(3240);
  });

  it.each(CORE)('agrees on %s for every row', (column) => {
    if (mismatches[column].length) console.log(mismatches[column].join('\n\n'));
    expect(mismatches[column].length).toBe(0);
  });

  it('agrees on procedure flags (O.R. and affects-DRG) for at least 99.5% of rows', () => {
    // Known gap: when two procedures satisfy the same operand, CMS credits one of them with a
    // "clinical significance" tie-breaker whose ranking is not in the published tables; we credit
    // the first one listed on the claim.
    if (mismatches.procedure_flags.length) console.log(`procedure-flag disagreements: ${mismatches.procedure_flags.length}\n${mismatches.procedure_flags.join('\n\n')}`);
    expect(mismatches.procedure_flags.length).toBeLessThanOrEqual(Math.floor(rows.length * 0.005));
  });
});
