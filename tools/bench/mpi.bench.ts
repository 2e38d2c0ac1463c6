/**
 * MPI search benchmark (issue 9: search over 5,000 patients must answer in < 50 ms).
 * Baseline, measured in the same run: a linear scan that scores every row with the same
 * Fellegi-Sunter comparison. Figures are printed as times and as the ratio indexed / linear.
 */
import { generateMpi } from '../../src/domain/mpi/generator';
import { linearSearch, MpiIndex, type SearchQuery } from '../../src/domain/mpi/search';
import { seededRandom } from '../../src/domain/random';

function stats(ms: number[]): { mean: number; p50: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { mean: s.reduce((x, y) => x + y, 0) / s.length, p50: at(0.5), p95: at(0.95), max: s.at(-1) ?? 0 };
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function run(): Promise<void> {
  await Promise.resolve();
  const size = 5000;
  let mpi = generateMpi(20260114, size);
  const genMs = time(() => (mpi = generateMpi(20260114, size)));
  let index = new MpiIndex(mpi.records);
  const buildMs = time(() => (index = new MpiIndex(mpi.records)));

  const rng = seededRandom(99);
  const queries: SearchQuery[] = [];
  for (const c of mpi.retrievals) queries.push({ name: c.given.name, dob: c.given.dob, address: c.given.addressLine, phone: c.given.phone, ssnLast4: c.given.ssnLast4 });
  while (queries.length < 300) {
    const r = rng.pick(mpi.records);
    const kind = queries.length % 5;
    if (kind === 0) queries.push({ name: `${r.family}, ${r.given}`, dob: r.dob });
    else if (kind === 1) queries.push({ name: `${r.given} ${r.family}` });
    else if (kind === 2) queries.push({ mrn: r.mrn });
    else if (kind === 3) queries.push({ name: r.family, sex: r.sex, address: r.address?.line });
    else queries.push({ dob: r.dob, ssnLast4: r.ssnLast4 });
  }

  for (const q of queries.slice(0, 20)) index.search(q); // warm-up
  const indexed = queries.map((q) => time(() => index.search(q)));
  const linearQueries = queries.slice(0, 60);
  for (const q of linearQueries.slice(0, 5)) linearSearch(mpi.records, q);
  const linear = linearQueries.map((q) => time(() => linearSearch(mpi.records, q)));

  const si = stats(indexed);
  const sl = stats(linear);
  const f = (n: number) => n.toFixed(2).padStart(8);
  console.log(`MPI of ${mpi.records.length} rows: generate ${genMs.toFixed(0)} ms, build index ${buildMs.toFixed(0)} ms`);
  console.log(`                      mean      p50      p95      max   (ms per search)`);
  console.log(`indexed (${indexed.length} q) ${f(si.mean)} ${f(si.p50)} ${f(si.p95)} ${f(si.max)}`);
  console.log(`linear   (${linear.length} q)  ${f(sl.mean)} ${f(sl.p50)} ${f(sl.p95)} ${f(sl.max)}   baseline: score every row`);
  console.log(`ratio indexed/linear (mean): ${(si.mean / sl.mean).toFixed(3)}  (${(sl.mean / si.mean).toFixed(0)}x faster)`);
  console.log(`requirement < 50 ms per search: ${si.max < 50 ? 'met' : 'NOT met'} (worst ${si.max.toFixed(2)} ms)`);
}
