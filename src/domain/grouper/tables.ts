/**
 * Parsing of the compiled MS-DRG v43 tables (public/grouper/*, produced by tools/grouper/build-tables.ts
 * from CMS's own grouper data). Pure: takes file contents, never touches the file system, so the browser
 * and Node share it.
 */
import { parseFormula, type FormulaNode } from './formula';

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

export interface GrouperTables {
  readonly attrNames: readonly string[];
  readonly attrId: ReadonlyMap<string, number>;
  readonly dx: ReadonlyMap<string, DxEntry>;
  readonly pr: ReadonlyMap<string, PrEntry>;
  readonly clusters: Readonly<Record<GrouperVersion, readonly Cluster[]>>;
  readonly clustersByCode: Readonly<Record<GrouperVersion, ReadonlyMap<string, readonly Cluster[]>>>;
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

function lines(text: string): string[] {
  const out = text.split('\n');
  if (out.at(-1) === '') out.pop();
  return out.slice(1);
}

/** True when the bitset has attribute id. */
export function hasAttr(bits: Uint32Array, id: number): boolean {
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

  const dx = new Map<string, DxEntry>();
  let ccIndex = 0;
  for (const line of lines(need('dx.tsv'))) {
    const [code = '', mdc, sev, attr, excl] = line.split('\t');
    const severity = sev === 'M' ? 2 : sev === 'C' ? 1 : 0;
    dx.set(code, {
      code,
      mdc: Number(mdc),
      severity,
      attrs: bitsOf(attr),
      exclusionGroup: excl ? Number(excl) : 0,
      ccIndex: severity > 0 ? ccIndex++ : -1,
    });
  }

  const pr = new Map<string, PrEntry>();
  const all = new Set<GrouperVersion>(meta.versions.map((v) => v.id));
  for (const line of lines(need('pr.tsv'))) {
    const [code = '', attr, versions] = line.split('\t');
    pr.set(code, { code, attrs: bitsOf(attr), versions: versions ? new Set(versions.split(',') as GrouperVersion[]) : all });
  }

  const clusters: Record<GrouperVersion, Cluster[]> = { '43.0': [], '43.1': [] };
  const clustersByCode: Record<GrouperVersion, Map<string, Cluster[]>> = { '43.0': new Map(), '43.1': new Map() };
  for (const line of lines(need('clusters.tsv'))) {
    const [version = '', id = '', sup = '', attr, choices = ''] = line.split('\t');
    const v = version as GrouperVersion;
    const list = clusters[v];
    const byCode = clustersByCode[v];
    if (!list || !byCode) continue;
    const c: Cluster = {
      id,
      suppressMdcs: new Set(sup.split(',').map(Number)),
      attrs: bitsOf(attr),
      choices: choices.split('|').map((ch) => ch.split(',')),
    };
    list.push(c);
    for (const code of new Set(c.choices.flat())) {
      let l = byCode.get(code);
      if (!l) byCode.set(code, (l = []));
      l.push(c);
    }
  }

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

  return {
    attrNames,
    attrId,
    dx,
    pr,
    clusters,
    clustersByCode,
    formulas,
    drgs: new Map(meta.drgs.map(([drg, mdc, type, baseDrg, title]) => [drg, { drg, mdc, type: type as DrgInfo['type'], baseDrg, title }])),
    mdcTitles: new Map(meta.mdcs),
    baseDrgTitles: new Map(meta.baseDrgs),
    hacs: meta.hacs.map(([number, title, formula]) => ({ number, title, formula, tree: parseFormula(formula, lookup) })),
    sexMdc: new Map(meta.sexMdc.map(([code, male, female]) => [code, { male, female }])),
    dischargeStatuses: meta.dischargeStatuses.map(([code, from, to]) => ({ code, from, to })),
    versions: meta.versions,
    exclusionMembers,
    exclusionName: (group) => `PDX exclusion list ${String(group).padStart(4, '0')}`,
  };
}
