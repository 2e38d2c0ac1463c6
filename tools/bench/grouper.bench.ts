/**
 * Grouper benchmark (issue 5 item 5): claims per second grouping the 3,240 CMS dev cases in Node (warm,
 * one thread), table-load time, resident memory, gzip bytes of public/grouper. Printed beside the
 * official CMS Java grouper's figures from the issue, and beside a trivial baseline loop over the same
 * claims measured in the same run, so the figures read as ratios on any machine.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { claimFromRow, parseTsv } from '../../src/domain/grouper/claimTsv';
import { groupClaim } from '../../src/domain/grouper/group';
import { GROUPER_TABLE_FILES, parseGrouperTables, type GrouperTables } from '../../src/domain/grouper/tables';
import type { GrouperClaim } from '../../src/domain/grouper/types';
import { MCE_TABLE_FILES } from '../../src/domain/mce/tables';
import { grouperDir, readGrouperFiles } from '../grouper/loadTables';

const CMS = { claimsPerSecond: 4200, loadSeconds: 1.16, rssMb: 358 };
const fixture = resolve(import.meta.dirname, '../../tests/fixtures/msdrg/cms_grouper_dev_cases_v43.tsv');

function timeLoop(claims: readonly GrouperClaim[], minMs: number, body: (c: GrouperClaim) => number): { perSecond: number; cpuPerSecond: number } {
  let n = 0;
  let sink = 0;
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - wall0 < minMs) {
    for (const c of claims) sink += body(c);
    n += claims.length;
  }
  const wall = (performance.now() - wall0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (sink === -1) console.log(''); // keep the work observable
  return { perSecond: n / wall, cpuPerSecond: n / ((cpu.user + cpu.system) / 1e6) };
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function run(): Promise<void> {
  const rssBeforeMb = process.memoryUsage().rss / 1e6;
  // Table loading: reading the files and parsing them (what the browser does after fetch).
  const read0 = performance.now();
  const files = readGrouperFiles();
  const readMs = performance.now() - read0;
  const parse0 = performance.now();
  const tables: GrouperTables = parseGrouperTables(files);
  const parseMs = performance.now() - parse0;
  const loadSeconds = (readMs + parseMs) / 1000;

  const { header, rows } = parseTsv(readFileSync(fixture, 'utf8'));
  const claims = rows.map((r, i) => {
    const c = claimFromRow(header, r, i + 1);
    if (!c.ok) throw new Error(`fixture row ${i + 1}: ${c.error}`);
    return c.claim;
  });

  // Same-run baseline: a trivial loop touching every code of every claim.
  const baseline = timeLoop(claims, 1000, (c) => {
    let h = c.pdx.length;
    for (const s of c.sdx) h += s.code.charCodeAt(0);
    for (const p of c.procedures) h += p.charCodeAt(0);
    return h;
  });
  // Warm-up, then measure batch grouping (as the CLI does) and full explanation (as the workbench does).
  for (let k = 0; k < 3; k++) for (const c of claims) groupClaim(tables, c, { explain: false });
  const batch = timeLoop(claims, 3000, (c) => groupClaim(tables, c, { explain: false }).drg);
  const explained = timeLoop(claims, 2000, (c) => groupClaim(tables, c).trace.length);
  const rssMb = process.memoryUsage().rss / 1e6;

  const gz = (names: readonly string[]): number => names.reduce((n, f) => n + gzipSync(readFileSync(join(grouperDir, f)), { level: 9 }).length, 0);
  const grouperGzip = gz(GROUPER_TABLE_FILES);
  const mceGzip = gz(MCE_TABLE_FILES);
  const allGzip = gz(readdirSync(grouperDir));

  const line = (label: string, ours: string, cms: string, ratio: string): void => console.log(`${label.padEnd(34)}${ours.padStart(18)}${cms.padStart(16)}${ratio.padStart(14)}`);
  console.log(`grouper: ${claims.length} CMS dev cases, Node ${process.version}, one thread, warm`);
  line('', 'ours', 'CMS Java', 'ratio');
  line('claims/s, batch (explain off)', fmt(batch.perSecond), fmt(CMS.claimsPerSecond), `${fmt(batch.perSecond / CMS.claimsPerSecond, 1)}x`);
  line('claims/s, with trace', fmt(explained.perSecond), fmt(CMS.claimsPerSecond), `${fmt(explained.perSecond / CMS.claimsPerSecond, 1)}x`);
  line('table load (read + parse), s', fmt(loadSeconds, 3), fmt(CMS.loadSeconds, 2), `${fmt(CMS.loadSeconds / loadSeconds, 1)}x faster`);
  line('resident memory, MB', fmt(rssMb), fmt(CMS.rssMb), `${fmt(CMS.rssMb / rssMb, 1)}x less`);
  console.log(`  targets (issue 5): >= 42,000 claims/s, load < 0.3 s, < 150 MB, grouping tables <= 1.5 MB gzip`);
  console.log(`  resident memory before loading the tables (Node + tsx runtime alone): ${fmt(rssBeforeMb)} MB; the grouper adds ${fmt(rssMb - rssBeforeMb)} MB`);
  console.log(`  load split: read ${fmt(readMs, 1)} ms, parse ${fmt(parseMs, 1)} ms`);
  console.log(`  claims per CPU-second (less sensitive to other load on the machine): batch ${fmt(batch.cpuPerSecond)}, with trace ${fmt(explained.cpuPerSecond)}`);
  console.log(`  same-run baseline (trivial loop over the same claims): ${fmt(baseline.perSecond)} claims/s; grouping costs ${fmt(baseline.perSecond / batch.perSecond)}x the baseline per claim`);
  console.log(`  gzip -9 bytes: grouping tables ${fmt(grouperGzip)} (${fmt(grouperGzip / 1048576, 2)} MB), MCE tables ${fmt(mceGzip)}, all of public/grouper ${fmt(allGzip)}`);
  await Promise.resolve();
}
