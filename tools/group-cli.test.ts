import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GrouperTables } from '../src/domain/grouper/tables';
import { groupTsv, OUTPUT_HEADER } from './group-cli';
import { loadGrouperTablesFromDisk } from './grouper/loadTables';

const repo = resolve(import.meta.dirname, '..');

describe('group CLI', () => {
  let tables: GrouperTables;
  beforeAll(() => {
    tables = loadGrouperTablesFromDisk();
  });

  it('finds columns by name, ignores others and keeps row order', () => {
    const input = [
      'note\tdischarge_status\tsex\tage_years\tprocedures\tsdx_with_poa\tpdx\tgrouper_version\tid',
      'sepsis\t01\tF\t70\t\tR6521:Y;N179:Y\tA419\t43.0\tS1',
      'sepsis no mcc\t1\tF\t70\t\tN390:Y\tA419\t43.1\tS2',
    ].join('\n');
    const out = groupTsv(tables, input).trimEnd().split('\n');
    expect(out[0]).toBe(OUTPUT_HEADER.join('\t'));
    expect(out[1]).toBe('S1\t871\t18\tMEDICAL\tMCC\tOK');
    expect(out[2]).toBe('S2\t872\t18\tMEDICAL\tCC\tOK');
  });

  it('reports malformed rows in return_code and goes on', () => {
    const input = [
      'id\tgrouper_version\tpdx\tsdx_with_poa\tprocedures\tage_years\tsex\tdischarge_status',
      'bad-version\t42.0\tA419\t\t\t70\tF\t1',
      'bad-age\t43.0\tA419\t\t\tabc\tF\t1',
      'bad-sdx\t43.0\tA419\tR65 21:Y\t\t70\tF\t1',
      'bad-pdx\t43.0\tXXXX\t\t\t70\tF\t1',
      'short',
      'ok\t43.0\tI5023\t\t\t70\tM\t1',
    ].join('\r\n');
    const rows = groupTsv(tables, input)
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows.map((r) => r[0])).toEqual(['id', 'bad-version', 'bad-age', 'bad-sdx', 'bad-pdx', 'short', 'ok']);
    expect(rows[1]?.[5]).toBe('INVALID_VERSION');
    expect(rows[2]?.[5]).toBe('INVALID_AGE');
    expect(rows[3]?.[5]).toBe('MALFORMED_SDX');
    expect(rows[4]?.slice(1)).toEqual(['999', '0', 'NONE', 'NONE', 'INVALID_PDX']);
    expect(rows[5]?.[5]).toBe('INVALID_PDX');
    expect(rows[6]?.slice(1)).toEqual(['293', '5', 'MEDICAL', 'NON_CC', 'OK']);
  });

  it('reports a missing pdx column on every row', () => {
    const out = groupTsv(tables, 'id\tcode\nA\tA419\n').trimEnd().split('\n');
    expect(out[1]).toBe('A\t999\t0\tNONE\tNONE\tMISSING_COLUMN_PDX');
  });

  it('reproduces the CMS dev-case columns when run as a script on stdin', () => {
    const fixture = readFileSync(resolve(repo, 'tests/fixtures/msdrg/cms_grouper_dev_cases_v43.tsv'), 'utf8');
    const first = fixture.split('\n').slice(0, 41).join('\n') + '\n';
    const res = spawnSync(process.execPath, ['--import', 'tsx', resolve(repo, 'tools/group-cli.ts'), '-'], { input: first, encoding: 'utf8', cwd: repo });
    expect(res.status).toBe(0);
    const out = res.stdout.trimEnd().split('\n').slice(1);
    const expected = first
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
      .map((c) => [c[0], String(Number(c[10])), c[11], c[12], c[13], c[15]].join('\t'));
    expect(out).toEqual(expected);
  }, 60_000);
});
