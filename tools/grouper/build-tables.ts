/**
 * Converter: CMS MS-DRG v43.0/v43.1 grouper tables and the FY2026 Medicare Code Editor tables
 * (read out of CMS's grouper/MCE software, see ../shared/data/SOURCES.md, sections msdrg/ and mce/)
 * into the compact files under public/grouper/ that src/domain/grouper and src/domain/mce parse.
 *
 * Output (all UTF-8, LF, deterministic, gzip-friendly):
 * - meta.json        formulas, DRG/MDC/HAC titles, sex-dependent MDCs, valid discharge statuses,
 *                    interned attribute-set strings (dx and pr lines refer to them by index).
 * - dx.tsv           code, MDC as principal, severity (M/C/blank), attribute-set index, PDX exclusion group.
 * - pr.tsv           code, attribute-set index, versions ("" = both, else the only version it is valid in).
 * - clusters.tsv     version, cluster id, suppression MDCs, attribute-set index, choices (`|` between
 *                    choices, `,` between alternative codes).
 * - exclusions.tsv   exclusion group, runs over the sorted list of CC/MCC codes of dx.tsv
 *                    (base-36 `gap.length` pairs; gap from the end of the previous run).
 * - mce-meta.json, mce-dx.tsv, mce-pr.tsv: MCE edit lists for the two FY2026 periods.
 *
 * Usage: `tsx tools/grouper/build-tables.ts [outDir]` (default public/grouper). Shared data is found at
 * `process.env.HIM_SHARED_DIR ?? ../shared`.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where ../shared is (HIM_SHARED_DIR overrides). */
export function sharedDir(): string {
  return process.env.HIM_SHARED_DIR ?? resolve(repoRoot, '../shared');
}

const VERSIONS = ['43.0', '43.1'] as const;
const MCE_PERIODS = [
  { id: 'fy2026_oct2025', from: '2025-10-01', to: '2026-03-31' },
  { id: 'fy2026_apr2026', from: '2026-04-01', to: '2026-09-30' },
] as const;

function readTsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(1).map((l) => l.replace(/\r$/, '').split('\t'));
}

function cell(row: string[], i: number): string {
  return row[i] ?? '';
}

class Interner {
  readonly list: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);
  id(attrs: string): number {
    const key = attrs
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .sort()
      .join(',');
    let n = this.index.get(key);
    if (n === undefined) {
      n = this.list.length;
      this.list.push(key);
      this.index.set(key, n);
    }
    return n;
  }
}

const byCode = (a: string[], b: string[]): number => (cell(a, 0) < cell(b, 0) ? -1 : cell(a, 0) > cell(b, 0) ? 1 : 0);

function sameFile(a: string, b: string): boolean {
  return readFileSync(a).equals(readFileSync(b));
}

/** Builds every output file in memory: file name -> contents. */
export function buildTables(shared: string = sharedDir()): Map<string, string> {
  const msdrg = join(shared, 'data/msdrg');
  const v0 = join(msdrg, 'v43.0');
  const v1 = join(msdrg, 'v43.1');
  // Tables that the sources say are identical between versions: check, then store once.
  for (const f of [
    'dx_codes.tsv',
    'drg_formulas.tsv',
    'exclusion_groups.tsv',
    'pdx_exclusion_group.tsv',
    'code_sex_mdc.tsv',
    'hac_formulas.tsv',
    'hac_descriptions.tsv',
    'mdc_descriptions.tsv',
    'base_drg_descriptions.tsv',
    'drg_descriptions.tsv',
  ]) {
    if (!sameFile(join(v0, f), join(v1, f))) throw new Error(`${f} differs between v43.0 and v43.1; format needs a version column`);
  }
  const out = new Map<string, string>();
  const interner = new Interner();

  // ---- diagnoses
  const pdxGroup = new Map(readTsv(join(v0, 'pdx_exclusion_group.tsv')).map((r) => [cell(r, 0), cell(r, 1)]));
  const dxRows = readTsv(join(v0, 'dx_codes.tsv')).sort(byCode);
  const sevOf = new Map<string, string>();
  const dxLines: string[] = ['code\tmdc\tsev\tattr\texcl'];
  for (const r of dxRows) {
    const code = cell(r, 0);
    const sev = cell(r, 2) === 'MCC' ? 'M' : cell(r, 2) === 'CC' ? 'C' : '';
    if (sev === '' && cell(r, 2) !== 'NCC') throw new Error(`unknown severity ${cell(r, 2)} for ${code}`);
    sevOf.set(code, sev);
    const attrs = [cell(r, 3), cell(r, 4), cell(r, 5)].filter((s) => s !== '').join(',');
    const a = interner.id(attrs);
    dxLines.push(`${code}\t${cell(r, 1)}\t${sev}\t${a === 0 ? '' : a}\t${pdxGroup.get(code) ?? ''}`);
  }
  out.set('dx.tsv', dxLines.join('\n') + '\n');

  // ---- exclusion groups, as runs over the CC/MCC code list (non-CC members cannot lose a status)
  const ccCodes = dxRows.map((r) => cell(r, 0)).filter((c) => sevOf.get(c) !== '');
  const ccIndex = new Map(ccCodes.map((c, i) => [c, i]));
  const groups = new Map<number, number[]>();
  for (const r of readTsv(join(v0, 'exclusion_groups.tsv'))) {
    const g = Number(cell(r, 0));
    const i = ccIndex.get(cell(r, 1));
    if (i === undefined) continue;
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(i);
  }
  const exLines: string[] = ['group\truns'];
  for (const g of [...groups.keys()].sort((a, b) => a - b)) {
    const idx = [...new Set(groups.get(g))].sort((a, b) => a - b);
    const runs: string[] = [];
    let prevEnd = 0;
    for (let k = 0; k < idx.length; ) {
      const start = idx[k] ?? 0;
      let len = 1;
      while (k + len < idx.length && idx[k + len] === start + len) len++;
      runs.push(`${(start - prevEnd).toString(36)}.${len.toString(36)}`);
      prevEnd = start + len;
      k += len;
    }
    exLines.push(`${g}\t${runs.join(',')}`);
  }
  out.set('exclusions.tsv', exLines.join('\n') + '\n');

  // ---- procedures (both versions in one file)
  const prByVersion = VERSIONS.map((v) => new Map(readTsv(join(msdrg, `v${v}`, 'pr_codes.tsv')).map((r) => [cell(r, 0), cell(r, 1)])));
  const allPr = [...new Set([...(prByVersion[0]?.keys() ?? []), ...(prByVersion[1]?.keys() ?? [])])]
    .filter((c) => !c.startsWith('Z@'))
    .sort();
  const prLines: string[] = ['code\tattr\tversions'];
  for (const code of allPr) {
    const inV = VERSIONS.filter((_, i) => prByVersion[i]?.has(code));
    const attrSets = new Set(inV.map((_, i) => prByVersion[VERSIONS.indexOf(inV[i] ?? '43.0')]?.get(code) ?? ''));
    if (attrSets.size !== 1) throw new Error(`procedure ${code} has different attributes per version`);
    const a = interner.id([...attrSets][0] ?? '');
    prLines.push(`${code}\t${a === 0 ? '' : a}\t${inV.length === VERSIONS.length ? '' : inV.join(',')}`);
  }
  out.set('pr.tsv', prLines.join('\n') + '\n');

  // ---- clusters (per version: cluster ids are renumbered between versions)
  const clLines: string[] = ['version\tid\tsuppress\tattr\tchoices'];
  VERSIONS.forEach((v, vi) => {
    const byId = new Map<string, { sup: string; choices: Map<number, string> }>();
    for (const r of readTsv(join(msdrg, `v${v}`, 'clusters.tsv'))) {
      const id = cell(r, 0);
      let c = byId.get(id);
      if (!c) byId.set(id, (c = { sup: cell(r, 1).replace(/[[\]\s]/g, ''), choices: new Map() }));
      c.choices.set(Number(cell(r, 2)), cell(r, 3).split(',').sort().join(','));
    }
    const ids = [...byId.keys()].sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
    for (const id of ids) {
      const c = byId.get(id);
      if (!c) continue;
      const choices = [...c.choices.keys()].sort((a, b) => a - b).map((k) => c.choices.get(k) ?? '');
      const attr = prByVersion[vi]?.get(id);
      if (attr === undefined) throw new Error(`cluster ${id} (v${v}) has no attributes`);
      clLines.push(`${v}\t${id}\t${c.sup}\t${interner.id(attr)}\t${choices.join('|')}`);
    }
  });
  out.set('clusters.tsv', clLines.join('\n') + '\n');

  // ---- meta
  const formulas = readTsv(join(v0, 'drg_formulas.tsv')).map((r, i) => ({ r, i }));
  formulas.sort((a, b) => {
    const ka = Number(cell(a.r, 0)) - Number(cell(b.r, 0));
    if (ka !== 0) return ka;
    const ra = Number(cell(a.r, 6)) - Number(cell(b.r, 6));
    if (ra !== 0) return ra;
    // Equal rank: a row that assigns a DRG is tried before a reroute/marker row of that rank.
    const da = (cell(a.r, 2) === '0' ? 1 : 0) - (cell(b.r, 2) === '0' ? 1 : 0);
    return da !== 0 ? da : a.i - b.i;
  });
  const drgList = readTsv(join(msdrg, 'drg_list_v43.tsv')).map((r) => [Number(cell(r, 0)), cell(r, 1) === '' ? null : Number(cell(r, 1)), cell(r, 2), Number(cell(r, 3)), cell(r, 4)]);
  const meta = {
    format: 'him-grouper/1',
    source: 'CMS MS-DRG v43.0/v43.1 grouper tables (see ../shared/data/SOURCES.md, msdrg/)',
    versions: [
      { id: '43.0', from: '2025-10-01', to: '2026-03-31' },
      { id: '43.1', from: '2026-04-01', to: '2026-09-30' },
    ],
    formulaColumns: ['mdcKey', 'drg', 'baseDrg', 'surgical', 'drgSeverity', 'rank', 'rerouteMdc', 'suppression', 'formula'],
    formulas: formulas.map(({ r }) => [Number(cell(r, 0)), Number(cell(r, 2)), Number(cell(r, 3)), cell(r, 4), Number(cell(r, 5)), Number(cell(r, 6)), Number(cell(r, 7)), cell(r, 9), cell(r, 10)]),
    drgColumns: ['drg', 'mdc', 'type', 'baseDrg', 'title'],
    drgs: drgList,
    mdcs: readTsv(join(v0, 'mdc_descriptions.tsv')).map((r) => [Number(cell(r, 0)), cell(r, 1)]),
    baseDrgs: readTsv(join(v0, 'base_drg_descriptions.tsv')).map((r) => [Number(cell(r, 0)), cell(r, 1)]),
    hacs: (() => {
      const f = new Map(readTsv(join(v0, 'hac_formulas.tsv')).map((r) => [cell(r, 1), cell(r, 2)]));
      return readTsv(join(v0, 'hac_descriptions.tsv')).map((r) => [Number(cell(r, 0)), cell(r, 1), f.get(cell(r, 0)) ?? '']);
    })(),
    sexMdc: readTsv(join(v0, 'code_sex_mdc.tsv')).map((r) => {
      const m = /1=(\d+), 2=(\d+)/.exec(cell(r, 1));
      if (!m) throw new Error(`bad sex_to_mdc ${cell(r, 1)}`);
      return [cell(r, 0), Number(m[1]), Number(m[2])];
    }),
    dischargeStatuses: readTsv(join(shared, 'data/mce', MCE_PERIODS[1].id, 'mce_discharge_status.tsv'))
      .map((r) => [cell(r, 1), cell(r, 2), cell(r, 3)])
      .sort((a, b) => Number(a[0]) - Number(b[0]) || (a[1] ?? '').localeCompare(b[1] ?? '')),
    attrSets: interner.list,
  };
  out.set('meta.json', JSON.stringify(meta) + '\n');

  // ---- MCE
  const mceInterner = new Interner();
  for (const kind of ['dx', 'pr'] as const) {
    const per = MCE_PERIODS.map((p) => new Map(readTsv(join(shared, 'data/mce', p.id, `mce_${kind}_edits.tsv`)).map((r) => [cell(r, 0), cell(r, 1)])));
    const codes = [...new Set(per.flatMap((m) => [...m.keys()]))].sort();
    const lines = [`code\t${MCE_PERIODS.map((p) => p.id).join('\t')}`];
    for (const code of codes) {
      const cols = per.map((m) => {
        const a = m.get(code);
        return a === undefined ? '-' : String(mceInterner.id(a) || '');
      });
      const trimmed = cols[1] === cols[0] ? [cols[0] ?? '', '='] : cols;
      lines.push(`${code}\t${trimmed.join('\t')}`);
    }
    out.set(`mce-${kind}.tsv`, lines.join('\n') + '\n');
  }
  const mceMeta = {
    format: 'him-mce/1',
    source: 'CMS Medicare Code Editor FY2026 tables (see ../shared/data/SOURCES.md, mce/)',
    periods: MCE_PERIODS,
    attrSets: mceInterner.list,
    ageRanges: readTsv(join(shared, 'data/mce', MCE_PERIODS[1].id, 'mce_age_ranges.tsv')).map((r) => [cell(r, 0), Number(cell(r, 1)), Number(cell(r, 2)), cell(r, 3), cell(r, 4)]),
    dischargeStatuses: meta.dischargeStatuses,
  };
  out.set('mce-meta.json', JSON.stringify(mceMeta) + '\n');
  return out;
}

/** Writes the built files to outDir. */
export function writeTables(outDir: string, files: Map<string, string>): void {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(outDir, name), text);
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const shared = sharedDir();
  if (!existsSync(join(shared, 'data/msdrg'))) {
    console.error(`build-tables: ${shared}/data/msdrg not found; set HIM_SHARED_DIR`);
    process.exit(1);
  }
  const outDir = resolve(process.argv[2] ?? join(repoRoot, 'public/grouper'));
  const t0 = performance.now();
  const files = buildTables(shared);
  writeTables(outDir, files);
  const total = [...files.values()].reduce((n, s) => n + Buffer.byteLength(s), 0);
  console.log(`build-tables: wrote ${files.size} files (${total} bytes) to ${outDir} in ${Math.round(performance.now() - t0)} ms`);
}
