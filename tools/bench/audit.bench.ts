/**
 * Access-log audit filtering at 10,000 rows (issue 8: < 50 ms per filter). Each filter's median is printed
 * next to a baseline measured in the same run (one plain pass over the rows reading two fields), so figures
 * read as ratios on a loaded or fast machine alike.
 */
import { generateAccessLog } from '../../src/domain/audit/accessLog';
import { buildSearchIndex, createSortIndex, filterRows, sortRows, sortRowsIndexed, type AuditFilter } from '../../src/domain/audit/filters';

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function time(fn: () => unknown, repeats = 25): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export async function run(): Promise<void> {
  const t0 = performance.now();
  const log = generateAccessLog({ seed: 42, rows: 10_000 });
  const generateMs = performance.now() - t0;
  const rows = log.rows;
  const t1 = performance.now();
  const index = buildSearchIndex(rows);
  const indexMs = performance.now() - t1;

  let sink = 0;
  const baseline = time(() => {
    let n = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r.department === 'ICU' || r.breakTheGlass) n++;
    }
    sink += n;
  });
  const cases: [string, AuditFilter][] = [
    ['department', { department: 'ICU' }],
    ['flag VIP', { flag: 'VIP' }],
    ['break-the-glass', { breakTheGlassOnly: true }],
    ['outside own unit', { outsideOwnUnit: true }],
    ['off-hours 19-06', { hourFrom: 19, hourTo: 6 }],
    ['text "yilmaz"', { text: 'yilmaz' }],
    ['combined', { department: 'ICU', hourFrom: 19, hourTo: 6, text: 'a' }],
  ];
  console.log(`rows ${rows.length}; generate ${generateMs.toFixed(1)} ms; search index ${indexMs.toFixed(1)} ms`);
  console.log(`baseline (one pass, two fields): ${baseline.toFixed(3)} ms`);
  let worst = 0;
  let worstSort = 0;
  for (const [name, filter] of cases) {
    const ms = time(() => (sink += filterRows(rows, filter, index).length));
    worst = Math.max(worst, ms);
    console.log(`filter ${name.padEnd(18)} ${ms.toFixed(3).padStart(8)} ms  (${(ms / baseline).toFixed(1)}x baseline)`);
  }
  const all = rows.map((_, i) => i);
  for (const key of ['time', 'userName', 'patientUnit'] as const) {
    const ms = time(() => (sink += sortRows(rows, all, key, 'desc').length), 9);
    console.log(`sort ${key.padEnd(20)} ${ms.toFixed(3).padStart(8)} ms  (${(ms / baseline).toFixed(1)}x baseline)`);
  }
  const cache = createSortIndex();
  const vip = filterRows(rows, { flag: 'VIP' });
  for (const key of ['time', 'userName', 'patientUnit'] as const) {
    const ms = time(() => (sink += sortRowsIndexed(rows, all, key, 'desc', cache).length));
    const msVip = time(() => (sink += sortRowsIndexed(rows, vip, key, 'asc', cache).length));
    worstSort = Math.max(worstSort, ms);
    console.log(`cached sort ${key.padEnd(13)} ${ms.toFixed(3).padStart(8)} ms  (${(ms / baseline).toFixed(1)}x baseline); VIP subset ${msVip.toFixed(3)} ms`);
  }
  console.log(`slowest filter ${worst.toFixed(2)} ms: ${worst < 50 ? 'under' : 'OVER'} the 50 ms target; slowest cached sort ${worstSort.toFixed(2)} ms (sink ${sink % 7})`);
  await Promise.resolve();
}
