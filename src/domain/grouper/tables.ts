/**
 * Parsing of the compiled MS-DRG v43 tables (public/grouper/*, produced by tools/grouper/build-tables.ts
 * from CMS's own grouper data). Pure: takes file contents, never touches the file system, so the browser
 * and Node share it.
 */
import { formulaOperands, parseFormula, type FormulaNode } from './formula';

export type GrouperVersion = '43.0' | '43.1';
export const GROUPER_VERSIONS: readonly GrouperVersion[] = ['43.0', '43.1'];

/** Names of the files parseGrouperTables needs (relative to public/grouper/). */
export const GROUPER_TABLE_FILES = ['meta.json', 'dx.tsv', 'pr.tsv', 'clusters.tsv', 'exclusions.tsv'] as const;
export type GrouperTableFile = (typeof GROUPER_TABLE_FILES)[number];

export interface DxEntry {
  readonly code: string;
  /** MDC when the code is the principal diagnosis. */
  readonly mdc: number;
  /** 2 = MCC, 1 = CC, 0 = neither (as a secondary diagnosis). */
  readonly severity: 0 | 1 | 2;
  /** Attribute bitset (drg logic lists, HAC lists, principal-dx categories). */
  readonly attrs: Uint32Array;
  /** PDX exclusion group applying when this code is principal (0 = none). */
  readonly exclusionGroup: number;
  /** Index among CC/MCC codes (-1 if not CC/MCC), the key of the exclusion lists. */
  readonly ccIndex: number;
}

export interface PrEntry {
  readonly code: string;
  readonly attrs: Uint32Array;
  /** Versions the code is valid in. */
  readonly versions: ReadonlySet<GrouperVersion>;
}

export interface Cluster {
  readonly id: string;
  /** MDCs in which the member codes lose their own attributes while the cluster is formed. */
  readonly suppressMdcs: ReadonlySet<number>;
  readonly attrs: Uint32Array;
  /** Every choice must be met by one of its alternative codes. */
  readonly choices: readonly (readonly string[])[];
}

export interface CompiledFormula {
  readonly mdcKey: number;
  readonly drg: number;
  readonly baseDrg: number;
  readonly surgical: 'SURGICAL' | 'MEDICAL' | 'NA';
  readonly drgSeverity: number;
  readonly rank: number;
  readonly rerouteMdc: number;
  /** Lists whose secondary codes do not count as CC/MCC for this formula ("excluded by DRG logic"). */
  readonly suppression: readonly string[];
  readonly suppressionIds: readonly number[];
  readonly text: string;
  readonly tree: FormulaNode;
}

export interface DrgInfo {
  readonly drg: number;
  readonly mdc: number | null;
  readonly type: 'M' | 'P' | '';
  readonly baseDrg: number;
  readonly title: string;
}

export interface HacInfo {
  readonly number: number;
  readonly title: string;
  readonly formula: string;
  readonly tree: FormulaNode;
}

/** Read-only lookup by code (entries are decoded on first use). */
export interface CodeTable<T> {
  get(code: string): T | undefined;
  has(code: string): boolean;
  readonly size: number;
  /** Every code, in sorted order. */
  codes(): IterableIterator<string>;
}

export interface GrouperTables {
  readonly attrNames: readonly string[];
  readonly attrId: ReadonlyMap<string, number>;
  readonly dx: CodeTable<DxEntry>;
  readonly pr: CodeTable<PrEntry>;
  /** Clusters that a procedure code takes part in, for one version. */
  clustersOf(version: GrouperVersion, code: string): readonly Cluster[];
  /** Attribute ids used by SDX operands of the HAC formulas (a claim without them has no HAC). */
  readonly hacSdxMask: Uint32Array;
  /** Formulas per MDC key (0 = pre-MDC, 29 = unrelated O.R., 99 = error), in evaluation order. */
  readonly formulas: ReadonlyMap<number, readonly CompiledFormula[]>;
  readonly drgs: ReadonlyMap<number, DrgInfo>;
  readonly mdcTitles: ReadonlyMap<number, string>;
  readonly baseDrgTitles: ReadonlyMap<number, string>;
  readonly hacs: readonly HacInfo[];
  readonly sexMdc: ReadonlyMap<string, { readonly male: number; readonly female: number }>;
  readonly dischargeStatuses: readonly { readonly code: string; readonly from: string; readonly to: string }[];
  readonly versions: readonly { readonly id: GrouperVersion; readonly from: string; readonly to: string }[];
  /** Decodes (once) the members of an exclusion group as a set of CC indexes. */
  exclusionMembers(group: number): ReadonlySet<number>;
  /** Name of the exclusion list, for explanations. */
  exclusionName(group: number): string;
}

interface MetaJson {
  format: string;
  versions: { id: GrouperVersion; from: string; to: string }[];
  formulas: [number, number, number, string, number, number, number, string, string][];
  drgs: [number, number | null, string, number, string][];
  mdcs: [number, string][];
  baseDrgs: [number, string][];
  hacs: [number, string, string][];
  sexMdc: [string, number, number][];
  dischargeStatuses: [string, string, string][];
  attrSets: string[];
}

/** Sorted TSV lines searched by binary search on the code column; entries decoded on demand. */
class LazyCodeTable<T> implements CodeTable<T> {
  private readonly cache = new Map<string, T | null>();
  /** The code column, flat strings (native comparison is much faster than walking sliced lines). */
  private readonly keys: string[];
  constructor(
    private readonly rows: readonly string[],
    private readonly decode: (line: string, index: number) => T,
  ) {
    this.keys = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] ?? '';
      this.keys[i] = r.slice(0, r.indexOf('\t'));
    }
  }
  get size(): number {
    return this.rows.length;
  }
  private find(code: string): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid] as string;
      if (k === code) return mid;
      if (k < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
  get(code: string): T | undefined {
    const hit = this.cache.get(code);
    if (hit !== undefined) return hit ?? undefined;
    const i = code.length === 0 || code.length > 7 ? -1 : this.find(code);
    const entry = i < 0 ? null : this.decode(this.rows[i] ?? '', i);
    if (this.cache.size > 20_000) this.cache.clear(); // bound memory under fuzzing
    this.cache.set(code, entry);
    return entry ?? undefined;
  }
  has(code: string): boolean {
    return this.get(code) !== undefined;
  }
  codes(): IterableIterator<string> {
    return this.keys.values();
  }
}

/**
 * Binary search of sorted TSV lines (code in the first column, UTF-16 order as the converter sorts):
 * index of the line for `code`, or -1.
 */
export function findSortedLine(rows: readonly string[], code: string): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareCode(rows[mid] ?? '', code);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Compares the code column of a TSV line with a code (UTF-16 order, as the converter sorts). */
function compareCode(line: string, code: string): number {
  const n = code.length;
  for (let i = 0; ; i++) {
    const a = line.charCodeAt(i);
    const lineEnded = a === 9 || Number.isNaN(a);
    if (i === n) return lineEnded ? 0 : 1;
    if (lineEnded) return -1;
    const b = code.charCodeAt(i);
    if (a !== b) return a - b;
  }
}

function lines(text: string): string[] {
  const out = text.split('\n');
  if (out.at(-1) === '') out.pop();
  return out.slice(1);
}

/** True when the bitset has attribute id. */
export function hasAttr(bits: ArrayLike<number>, id: number): boolean {
  return id >= 0 && ((bits[id >>> 5] ?? 0) >>> (id & 31)) % 2 === 1;
}

/** Names of the attributes in a bitset. */
export function attrList(tables: GrouperTables, bits: Uint32Array): string[] {
  const out: string[] = [];
  tables.attrNames.forEach((n, i) => {
    if (hasAttr(bits, i)) out.push(n);
  });
  return out;
}

/**
 * Parses the compiled CMS MS-DRG v43 tables from file contents (MS-DRG Definitions Manual v43 logic as
 * shipped in CMS's grouper data). `files` maps each name in {@link GROUPER_TABLE_FILES} to its text.
 * Throws when a file is missing or malformed (a deployment fault, not a learner error).
 */
export function parseGrouperTables(files: Readonly<Record<string, string>>): GrouperTables {
  const need = (name: GrouperTableFile): string => {
    const t = files[name];
    if (t === undefined) throw new Error(`grouper table file missing: ${name}`);
    return t;
  };
  const meta = JSON.parse(need('meta.json')) as MetaJson;
  if (meta.format !== 'him-grouper/1') throw new Error(`unknown grouper table format ${meta.format}`);

  const attrNames: string[] = [];
  const attrId = new Map<string, number>();
  for (const set of meta.attrSets) {
    for (const n of set.split(',')) {
      if (n !== '' && !attrId.has(n)) {
        attrId.set(n, attrNames.length);
        attrNames.push(n);
      }
    }
  }
  const words = Math.ceil(attrNames.length / 32) || 1;
  const empty = new Uint32Array(words);
  const setBits = meta.attrSets.map((set) => {
    const bits = new Uint32Array(words);
    for (const n of set.split(',')) {
      const id = attrId.get(n);
      if (id !== undefined) bits[id >>> 5] = ((bits[id >>> 5] ?? 0) | (1 << (id & 31))) >>> 0;
    }
    return bits;
  });
  const bitsOf = (field: string | undefined): Uint32Array => (field ? (setBits[Number(field)] ?? empty) : empty);

  const dxLines = lines(need('dx.tsv'));
  // ccIndex (position among CC/MCC codes) is needed only for exclusion lookups: computed once, lazily.
  let ccPrefix: Int32Array | null = null;
  const ccIndexOf = (line: number): number => {
    if (!ccPrefix) {
      ccPrefix = new Int32Array(dxLines.length);
      let n = 0;
      dxLines.forEach((l, i) => {
        const t1 = l.indexOf('\t');
        const t2 = l.indexOf('\t', t1 + 1);
        const sev = l.charCodeAt(t2 + 1);
        const isCc = sev === 77 || sev === 67; // 'M' | 'C'
        (ccPrefix as Int32Array)[i] = isCc ? n++ : -1;
      });
    }
    return ccPrefix[line] ?? -1;
  };
  const dx = new LazyCodeTable<DxEntry>(dxLines, (line, i) => {
    const [code = '', mdc, sev, attr, excl] = line.split('\t');
    const severity = sev === 'M' ? 2 : sev === 'C' ? 1 : 0;
    return { code, mdc: Number(mdc), severity, attrs: bitsOf(attr), exclusionGroup: excl ? Number(excl) : 0, ccIndex: severity > 0 ? ccIndexOf(i) : -1 };
  });

  const all = new Set<GrouperVersion>(meta.versions.map((v) => v.id));
  const versionSets = new Map<string, ReadonlySet<GrouperVersion>>();
  const pr = new LazyCodeTable<PrEntry>(lines(need('pr.tsv')), (line) => {
    const [code = '', attr, versions = ''] = line.split('\t');
    let vs = versions ? versionSets.get(versions) : all;
    if (!vs) versionSets.set(versions, (vs = new Set(versions.split(',') as GrouperVersion[])));
    return { code, attrs: bitsOf(attr), versions: vs };
  });

  const clusterLines = lines(need('clusters.tsv'));
  const clusterIndex = new Map<GrouperVersion, Map<string, Cluster[]>>();
  const clustersOf = (version: GrouperVersion, code: string): readonly Cluster[] => {
    let byCode = clusterIndex.get(version);
    if (!byCode) {
      byCode = new Map();
      clusterIndex.set(version, byCode);
      const prefix = `${version}\t`;
      for (const line of clusterLines) {
        if (!line.startsWith(prefix)) continue;
        const [, id = '', sup = '', attr, choices = ''] = line.split('\t');
        const c: Cluster = {
          id,
          suppressMdcs: new Set(sup.split(',').map(Number)),
          attrs: bitsOf(attr),
          choices: choices.split('|').map((ch) => ch.split(',')),
        };
        for (const member of new Set(c.choices.flat())) {
          let l = byCode.get(member);
          if (!l) byCode.set(member, (l = []));
          l.push(c);
        }
      }
    }
    return byCode.get(code) ?? [];
  };

  const exclusionText = new Map<number, string>();
  for (const line of lines(need('exclusions.tsv'))) {
    const tab = line.indexOf('\t');
    exclusionText.set(Number(line.slice(0, tab)), line.slice(tab + 1));
  }
  const exclusionCache = new Map<number, Set<number>>();
  const exclusionMembers = (group: number): ReadonlySet<number> => {
    let s = exclusionCache.get(group);
    if (s) return s;
    s = new Set<number>();
    const text = exclusionText.get(group);
    if (text) {
      let pos = 0;
      for (const run of text.split(',')) {
        const dot = run.indexOf('.');
        const start = pos + parseInt(run.slice(0, dot), 36);
        const len = parseInt(run.slice(dot + 1), 36);
        for (let i = 0; i < len; i++) s.add(start + i);
        pos = start + len;
      }
    }
    exclusionCache.set(group, s);
    return s;
  };

  const lookup = (name: string): number => attrId.get(name) ?? -1;
  const formulas = new Map<number, CompiledFormula[]>();
  for (const [mdcKey, drg, baseDrg, surgical, drgSeverity, rank, rerouteMdc, suppression, text] of meta.formulas) {
    const supp = suppression ? suppression.split(',') : [];
    const f: CompiledFormula = {
      mdcKey,
      drg,
      baseDrg,
      surgical: surgical as CompiledFormula['surgical'],
      drgSeverity,
      rank,
      rerouteMdc,
      suppression: supp,
      suppressionIds: supp.map(lookup),
      text,
      tree: parseFormula(text, lookup),
    };
    let l = formulas.get(mdcKey);
    if (!l) formulas.set(mdcKey, (l = []));
    l.push(f);
  }

  const hacs = meta.hacs.map(([number, title, formula]) => ({ number, title, formula, tree: parseFormula(formula, lookup) }));
  const hacSdxMask = new Uint32Array(words);
  for (const h of hacs) {
    for (const op of formulaOperands(h.tree)) {
      if (op.kind === 'dx' && op.where !== 'PDX' && op.id >= 0) hacSdxMask[op.id >>> 5] = ((hacSdxMask[op.id >>> 5] ?? 0) | (1 << (op.id & 31))) >>> 0;
    }
  }

  return {
    attrNames,
    attrId,
    dx,
    pr,
    clustersOf,
    hacSdxMask,
    formulas,
    drgs: new Map(meta.drgs.map(([drg, mdc, type, baseDrg, title]) => [drg, { drg, mdc, type: type as DrgInfo['type'], baseDrg, title }])),
    mdcTitles: new Map(meta.mdcs),
    baseDrgTitles: new Map(meta.baseDrgs),
    hacs,
    sexMdc: new Map(meta.sexMdc.map(([code, male, female]) => [code, { male, female }])),
    dischargeStatuses: meta.dischargeStatuses.map(([code, from, to]) => ({ code, from, to })),
    versions: meta.versions,
    exclusionMembers,
    exclusionName: (group) => `PDX exclusion list ${String(group).padStart(4, '0')}`,
  };
}
