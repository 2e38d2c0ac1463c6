/**
 * `npm run -s group -- FILE.tsv` (or `-` for stdin): groups every claim of a TSV with the MS-DRG v43
 * grouper (issue 5 item 4). Input columns are found by name (id, grouper_version, pdx, sdx_with_poa,
 * procedures, age_years, sex, discharge_status; others ignored). Output on stdout, one row per input
 * row in order: `id drg mdc med_surg severity return_code`. A malformed row gets its error in
 * return_code (DRG 999) and never stops the run.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimFromRow, parseTsv } from '../src/domain/grouper/claimTsv';
import { groupClaim } from '../src/domain/grouper/group';
import type { GrouperTables } from '../src/domain/grouper/tables';
import { loadGrouperTablesFromDisk } from './grouper/loadTables';

export const OUTPUT_HEADER = ['id', 'drg', 'mdc', 'med_surg', 'severity', 'return_code'] as const;

/** Groups the claims of a TSV text and returns the output TSV text. */
export function groupTsv(tables: GrouperTables, text: string): string {
  const { header, rows } = parseTsv(text.replace(/^\uFEFF/, ''));
  const out: string[] = [OUTPUT_HEADER.join('\t')];
  const noPdx = !header.includes('pdx');
  rows.forEach((row, i) => {
    const parsed = claimFromRow(header, row, i + 1);
    if (noPdx || !parsed.ok) {
      const error = noPdx ? 'MISSING_COLUMN_PDX' : parsed.ok ? 'MALFORMED_ROW' : parsed.error;
      out.push([parsed.id, '999', '0', 'NONE', 'NONE', error].join('\t'));
      return;
    }
    try {
      const r = groupClaim(tables, parsed.claim, { explain: false });
      out.push([parsed.id, String(r.drg), String(r.mdc), r.medSurg, r.severity, r.returnCode].join('\t'));
    } catch (e) {
      // groupClaim is not expected to throw; if it does, report it on this row and go on.
      out.push([parsed.id, '999', '0', 'NONE', 'NONE', `INTERNAL_ERROR: ${e instanceof Error ? e.message : String(e)}`.replace(/\s+/g, ' ')].join('\t'));
    }
  });
  return out.join('\n') + '\n';
}

function main(argv: readonly string[]): number {
  const file = argv[0];
  if (file === undefined || argv.length > 1) {
    process.stderr.write('usage: npm run -s group -- FILE.tsv   (use - for stdin)\n');
    return 2;
  }
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(file), 'utf8');
  } catch (e) {
    process.stderr.write(`group: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const tables = loadGrouperTablesFromDisk();
  process.stdout.write(groupTsv(tables, text));
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
