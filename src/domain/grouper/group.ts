/**
 * MS-DRG v43.0 / v43.1 grouping logic, driven entirely by CMS's decision tables (see tables.ts).
 * The order of reasoning follows the MS-DRG Definitions Manual v43: validation of the principal
 * diagnosis and discharge status, HAC (hospital-acquired condition) POA logic, pre-MDC assignment,
 * MDC from the principal diagnosis (and sex for sex-dependent codes), the surgical hierarchy, unrelated
 * O.R. procedures (DRGs 981-989), medical DRGs, and the CC/MCC severity split with PDX exclusions.
 */
import { editClaim } from '../mce/editor';
import type { MceTables } from '../mce/tables';
import type { FormulaNode } from './formula';
import { hasAttr, type Cluster, type CompiledFormula, type DxEntry, type GrouperTables, type GrouperVersion, type PrEntry } from './tables';
import type {
  AffectsDrg,
  GroupResult,
  GrouperClaim,
  HacFound,
  ProcedureResult,
  ReturnCode,
  SdxUsage,
  SecondaryResult,
  Severity,
  TraceStep,
} from './types';

const SIG_TRAUMA_SITES = ['sthead', 'stchest', 'stabdom', 'stkidney', 'sturin', 'stpel', 'stuplimb', 'stlolimb'];
const JOINTS = ['lefthip', 'righthip', 'leftknee', 'rightknee', 'leftankle', 'rightankle'];
/** UB-04 statuses that the newborn "died or transferred" DRG 789 treats as a transfer to acute care. */
const NEWBORN_TRANSFER_STATUSES = new Set(['02', '05', '66', '82', '85', '94']);
const DIED_STATUS = '20';
const AMA_STATUS = '07';

interface SdxItem {
  readonly index: number; // position on the claim
  readonly code: string;
  readonly entry: DxEntry;
  readonly poa: string;
  /** Severity after PDX exclusion and discharge status (before HAC and DRG logic). */
  readonly baseSeverity: 0 | 1 | 2;
  readonly excluded: boolean;
  readonly diedDemoted: boolean;
}

interface ProcItem {
  readonly attrs: Uint32Array;
  /** Claim positions of the procedure codes behind this item. */
  readonly members: readonly number[];
  readonly cluster: Cluster | null;
}

interface MdcView {
  readonly items: readonly ProcItem[];
  /** Union of the items' attributes: "is there a procedure with attribute x" in one bit test. */
  readonly union: readonly number[];
}

interface ClaimCode<T> {
  readonly code: string;
  /** Undefined when the code is not valid (for the version). */
  readonly entry: T | undefined;
}

interface ClaimContext {
  readonly tables: GrouperTables;
  /** Every secondary / procedure on the claim, by claim position, normalised. */
  readonly sdxAll: readonly ClaimCode<DxEntry>[];
  readonly procAll: readonly ClaimCode<PrEntry>[];
  /** Union of the valid secondaries' attributes. */
  readonly sdxUnion: readonly number[];
  readonly views: Map<number, MdcView>;
  readonly version: GrouperVersion;
  readonly pdx: DxEntry | undefined;
  readonly pdxCode: string;
  readonly sdx: readonly SdxItem[];
  readonly procs: readonly { readonly index: number; readonly code: string; readonly entry: PrEntry }[];
  readonly clusters: readonly { readonly cluster: Cluster; readonly members: readonly number[] }[];
  readonly status: string;
  readonly statusValid: boolean;
  readonly sex: string;
  readonly pdxMdc: number;
}

interface GroupingPass {
  /** Secondary positions whose CC/MCC status HAC logic removed for this pass. */
  readonly hacDemoted: ReadonlySet<number>;
  /** Severity level per suppression list (formula rows share the same array instance). */
  readonly severityCache: Map<readonly number[], 0 | 1 | 2>;
}

const NO_SUPPRESSION: readonly number[] = [];

function newPass(hacDemoted: ReadonlySet<number>): GroupingPass {
  return { hacDemoted, severityCache: new Map() };
}


/** Upper-cases and trims a code, without allocating when it is already clean. */
function normCode(c: string): string {
  for (let i = 0; i < c.length; i++) {
    const ch = c.charCodeAt(i);
    if (ch <= 32 || (ch >= 97 && ch <= 122)) return c.trim().toUpperCase();
  }
  return c;
}

/** Normalises a UB-04 discharge status to two digits ('1' -> '01'). */
export function normalizeStatus(status: string): string {
  const s = status.trim();
  return /^\d$/.test(s) ? `0${s}` : s;
}

/** Picks the grouper version: explicit, else by discharge date (v43.1 from 2026-04-01), else v43.1. */
export function pickVersion(tables: GrouperTables, claim: Pick<GrouperClaim, 'version' | 'dischargeDate'>): GrouperVersion | null {
  if (claim.version !== undefined) return tables.versions.some((v) => v.id === claim.version) ? claim.version : null;
  const d = claim.dischargeDate;
  if (d) {
    for (const v of tables.versions) if (d >= v.from && d <= v.to) return v.id;
    const first = tables.versions[0];
    const last = tables.versions.at(-1);
    if (first && d < first.from) return first.id;
    if (last) return last.id;
  }
  return tables.versions.at(-1)?.id ?? null;
}

interface RunnableFormula {
  readonly f: CompiledFormula;
  readonly test: Test;
  readonly marker: boolean;
}

/** Per-table data prepared once: compiled formulas, valid statuses per version, attribute ids. */
interface Runtime {
  readonly formulas: ReadonlyMap<number, readonly RunnableFormula[]>;
  readonly validStatuses: ReadonlyMap<GrouperVersion, ReadonlySet<string>>;
  readonly id: (name: string) => number;
}

const runtimes = new WeakMap<GrouperTables, Runtime>();

function runtimeOf(tables: GrouperTables): Runtime {
  let rt = runtimes.get(tables);
  if (rt) return rt;
  const formulas = new Map<number, RunnableFormula[]>();
  for (const [key, list] of tables.formulas) formulas.set(key, list.map((f) => ({ f, test: compile(f.tree), marker: isMarker(f) })));
  const validStatuses = new Map<GrouperVersion, Set<string>>();
  for (const v of tables.versions) {
    const set = new Set<string>();
    for (const s of tables.dischargeStatuses) if (s.from <= v.from && v.from <= s.to) set.add(s.code.padStart(2, '0'));
    validStatuses.set(v.id, set);
  }
  const ids = new Map<string, number>();
  const id = (name: string): number => {
    let n = ids.get(name);
    if (n === undefined) ids.set(name, (n = tables.attrId.get(name) ?? -1));
    return n;
  };
  rt = { formulas, validStatuses, id };
  runtimes.set(tables, rt);
  return rt;
}

function statusIsValid(tables: GrouperTables, status: string, version: GrouperVersion): boolean {
  return runtimeOf(tables).validStatuses.get(version)?.has(status) ?? false;
}

function buildContext(tables: GrouperTables, claim: GrouperClaim, version: GrouperVersion): ClaimContext {
  const rt = runtimeOf(tables);
  const pdxCode = normCode(claim.pdx);
  const pdx = tables.dx.get(pdxCode);
  const status = normalizeStatus(claim.dischargeStatus);
  const statusValid = statusIsValid(tables, status, version);
  const sex = claim.sex.trim().toUpperCase();
  let pdxMdc = pdx?.mdc ?? 0;
  const sexMdc = tables.sexMdc.get(pdxCode);
  if (sexMdc && sex === 'M') pdxMdc = sexMdc.male;
  else if (sexMdc && sex === 'F') pdxMdc = sexMdc.female;
  const exclusions = pdx && pdx.exclusionGroup > 0 ? tables.exclusionMembers(pdx.exclusionGroup) : null;
  const mccAliveId = rt.id('mccalive');
  const words = tables.hacSdxMask.length;
  const sdxUnion: number[] = new Array<number>(words).fill(0);
  const sdx: SdxItem[] = [];
  const sdxAll: ClaimCode<DxEntry>[] = [];
  for (let index = 0; index < claim.sdx.length; index++) {
    const s = claim.sdx[index];
    if (!s) continue;
    const code = normCode(s.code);
    const entry = tables.dx.get(code);
    sdxAll.push({ code, entry });
    if (!entry) continue;
    const excluded = entry.severity > 0 && exclusions !== null && exclusions.has(entry.ccIndex);
    const diedDemoted = entry.severity > 0 && status === DIED_STATUS && hasAttr(entry.attrs, mccAliveId);
    for (let w = 0; w < words; w++) sdxUnion[w] = ((sdxUnion[w] ?? 0) | (entry.attrs[w] ?? 0)) >>> 0;
    sdx.push({ index, code, entry, poa: normCode(s.poa), baseSeverity: excluded || diedDemoted ? 0 : entry.severity, excluded, diedDemoted });
  }
  const procs: { index: number; code: string; entry: PrEntry }[] = [];
  const procAll: ClaimCode<PrEntry>[] = [];
  const posOf = new Map<string, number>();
  for (let index = 0; index < claim.procedures.length; index++) {
    const code = normCode(claim.procedures[index] ?? '');
    let entry = tables.pr.get(code);
    if (entry && !entry.versions.has(version)) entry = undefined;
    procAll.push({ code, entry });
    if (!entry || posOf.has(code)) continue;
    posOf.set(code, index);
    procs.push({ index, code, entry });
  }
  // Procedure clusters: every choice met by a code on the claim.
  const clusters: { cluster: Cluster; members: number[] }[] = [];
  if (procs.length > 0) {
    const tried = new Set<Cluster>();
    for (const p of procs) {
      for (const c of tables.clustersOf(version, p.code)) {
        if (c.choices.length > procs.length || tried.has(c)) continue;
        tried.add(c);
        const members: number[] = [];
        for (const choice of c.choices) {
          let at = -1;
          for (const code of choice) {
            const i = posOf.get(code);
            if (i !== undefined) {
              at = i;
              break;
            }
          }
          if (at < 0) break;
          members.push(at);
        }
        if (members.length === c.choices.length) clusters.push({ cluster: c, members });
      }
    }
  }
  return { tables, sdxUnion, views: new Map(), version, pdx, pdxCode, sdx, sdxAll, procs, procAll, clusters, status, statusValid, sex, pdxMdc };
}

/** The procedures as seen from one MDC: cluster members lose their own attributes where the cluster says so. */
function mdcView(ctx: ClaimContext, mdc: number): MdcView {
  const cached = ctx.views.get(mdc);
  if (cached) return cached;
  const suppressed = new Set<number>();
  for (const c of ctx.clusters) if (c.cluster.suppressMdcs.has(mdc)) for (const m of c.members) suppressed.add(m);
  const items: ProcItem[] = [];
  for (const p of ctx.procs) if (!suppressed.has(p.index)) items.push({ attrs: p.entry.attrs, members: [p.index], cluster: null });
  for (const c of ctx.clusters) items.push({ attrs: c.cluster.attrs, members: c.members, cluster: c.cluster });
  const union: number[] = new Array<number>(ctx.tables.hacSdxMask.length).fill(0);
  for (const it of items) for (let w = 0; w < union.length; w++) union[w] = ((union[w] ?? 0) | (it.attrs[w] ?? 0)) >>> 0;
  const view = { items, union };
  ctx.views.set(mdc, view);
  return view;
}

interface EvalState {
  readonly ctx: ClaimContext;
  readonly pass: GroupingPass;
  readonly items: readonly ProcItem[];
  readonly union: readonly number[];
  formula: CompiledFormula | null;
  /** Collects marks when set. */
  readonly marks: Set<number> | null;
  /** Collects secondary positions matched by SDX/ANY operands when set (HAC logic). */
  readonly sdxMarks?: Set<number> | null;
}

/** Highest CC/MCC level among secondaries, leaving out those in the formula's suppression lists. */
function severityLevel(st: EvalState, suppressionIds: readonly number[]): 0 | 1 | 2 {
  const cached = st.pass.severityCache.get(suppressionIds);
  if (cached !== undefined) return cached;
  let level: 0 | 1 | 2 = 0;
  for (const s of st.ctx.sdx) {
    if (s.baseSeverity <= level || st.pass.hacDemoted.has(s.index)) continue;
    if (suppressionIds.some((id) => hasAttr(s.entry.attrs, id))) continue;
    level = s.baseSeverity;
    if (level === 2) break;
  }
  st.pass.severityCache.set(suppressionIds, level);
  return level;
}

function countProcs(items: readonly ProcItem[], tables: GrouperTables, name: string): number {
  const id = runtimeOf(tables).id(name);
  let n = 0;
  for (const it of items) if (it.cluster === null && hasAttr(it.attrs, id)) n++;
  return n;
}

/**
 * Tie-breaker when several procedures satisfy the same operand (CMS "clinical significance"):
 * negative when a ranks before b.
 */
function significance(ctx: ClaimContext, a: ProcItem, b: ProcItem): number {
  const t = ctx.tables;
  void t;
  // A single code is preferred to a cluster (combination) that also qualifies.
  const ca = a.cluster ? 1 : 0;
  const cb = b.cluster ? 1 : 0;
  if (ca !== cb) return ca - cb;
  return (a.members[0] ?? 0) - (b.members[0] ?? 0);
}

function markProcs(st: EvalState, id: number): void {
  if (!st.marks) return;
  for (const it of st.items) if (hasAttr(it.attrs, id)) for (const m of it.members) st.marks.add(m);
}

function markCounted(st: EvalState, names: readonly string[]): void {
  for (const n of names) markProcs(st, st.ctx.tables.attrId.get(n) ?? -1);
}

function special(st: EvalState, name: string): boolean {
  const { ctx } = st;
  const t = ctx.tables;
  switch (name) {
    case 'MCC':
      return severityLevel(st, st.formula?.suppressionIds ?? NO_SUPPRESSION) === 2;
    case 'CC':
      return severityLevel(st, st.formula?.suppressionIds ?? NO_SUPPRESSION) >= 1;
    case 'ALIVE':
      return ctx.status !== DIED_STATUS;
    case 'DIED':
      return ctx.status === DIED_STATUS;
    case 'XFRNBA':
      return NEWBORN_TRANSFER_STATUSES.has(ctx.status);
    case 'AMA':
      return ctx.status === AMA_STATUS;
    case 'INVALID_PDX':
      return ctx.pdx === undefined;
    case 'PDX_ECODE':
      return ctx.pdx !== undefined && hasAttr(ctx.pdx.attrs, runtimeOf(t).id('ecode'));
    case 'INVALID_DSTAT':
      return !ctx.statusValid;
    case 'INVALID_SEX':
      return t.sexMdc.has(ctx.pdxCode) && ctx.sex !== 'M' && ctx.sex !== 'F';
    case 'ANYDX':
      return true;
    case 'ERRORDRG':
      return true;
    case 'MULTST': {
      const rt = runtimeOf(t);
      const ids = SIG_TRAUMA_SITES.map((s) => rt.id(s));
      const codes: Uint32Array[] = [];
      if (ctx.pdx) codes.push(ctx.pdx.attrs);
      for (const s of ctx.sdx) codes.push(s.entry.attrs);
      const sitesOf = codes.map((a) => ids.filter((id) => hasAttr(a, id))).filter((x) => x.length > 0);
      for (let i = 0; i < sitesOf.length; i++)
        for (let j = i + 1; j < sitesOf.length; j++)
          if ((sitesOf[i] ?? []).some((x) => (sitesOf[j] ?? []).some((y) => x !== y))) return true;
      return false;
    }
    case 'FOUR_STENTS':
    case 'FOUR_VESSELS': {
      const base = name === 'FOUR_STENTS' ? 'stent' : 'vessel';
      let total = 0;
      for (let k = 1; k <= 4; k++) total += k * countProcs(st.items, t, `${base}${k}`);
      if (total >= 4) markCounted(st, [1, 2, 3, 4].map((k) => `${base}${k}`));
      return total >= 4;
    }
    case 'BILATERAL': {
      const present = JOINTS.filter((j) => countProcs(st.items, t, j) > 0);
      if (present.length >= 2) markCounted(st, present);
      return present.length >= 2;
    }
    case 'SGLANTCTR':
      return counter(st, 'sglantfuse');
    case 'SGLPOST1CTR':
      return counter(st, 'sglpostfuse1');
    case 'SGLANTSECTXCTR':
      return counter(st, 'sglantsectXfuse');
    case 'SGLPOSTFUSECTR':
      return counter(st, 'sglpostfuse');
    case 'SINGLEFUSIONCTR': {
      // Counter over the single-level fusion list (singlefusionA = single-level anterior without the
      // X codes + single-level posterior): three or more single-level fusions with both an anterior
      // and a posterior one make a multiple-level combined fusion (one of each is DRG 402).
      const ant = countProcs(st.items, t, 'sglantfuse_noX');
      const post = countProcs(st.items, t, 'sglpostfuse1');
      const hit = (ant >= 2 && post >= 1) || (post >= 2 && ant >= 1);
      if (hit) markCounted(st, ['sglantfuse_noX', 'sglpostfuse1']);
      return hit;
    }
    default:
      return false; // MDCnn markers and unknown tokens never match
  }
}

function counter(st: EvalState, list: string): boolean {
  const n = countProcs(st.items, st.ctx.tables, list);
  if (n >= 2) markCounted(st, [list]);
  return n >= 2;
}

function evalNode(st: EvalState, node: FormulaNode): boolean {
  switch (node.kind) {
    case 'and': {
      if (st.marks || st.sdxMarks) {
        // Test without marks first so a false conjunction leaves no marks.
        if (!compile(node)(st)) return false;
        for (const n of node.items) evalNode(st, n);
        return true;
      }
      for (const n of node.items) if (!evalNode(st, n)) return false;
      return true;
    }
    case 'or': {
      // Short-circuit: only the first true alternative is credited with the DRG (CMS marking logic).
      if (!st.marks && !st.sdxMarks) {
        for (const n of node.items) if (evalNode(st, n)) return true;
        return false;
      }
      let any = false;
      for (const n of node.items) {
        if (compile(n)(st)) {
          evalNode(st, n);
          any = true;
          // HAC logic credits every secondary that meets the HAC (e.g. the UTI with the catheter code).
          if (!st.sdxMarks) return true;
        }
      }
      return any;
    }
    case 'not':
      return !compile(node.item)(st);
    case 'dx': {
      const { ctx } = st;
      const pdxHas = ctx.pdx !== undefined && hasAttr(ctx.pdx.attrs, node.id);
      if (node.where === 'PDX') return pdxHas;
      let sdxHas = false;
      for (const s of ctx.sdx) {
        if (hasAttr(s.entry.attrs, node.id)) {
          sdxHas = true;
          if (!st.sdxMarks) break;
          st.sdxMarks.add(s.index);
        }
      }
      if (node.where === 'SDX') return sdxHas;
      if (node.where === 'ANY') return pdxHas || sdxHas;
      return pdxHas && ctx.sdx.every((s) => hasAttr(s.entry.attrs, node.id));
    }
    case 'proc': {
      if (node.id < 0) return false;
      let best: ProcItem | null = null;
      for (const it of st.items) {
        if (hasAttr(it.attrs, node.id)) {
          if (!st.marks) return true;
          if (best === null || significance(st.ctx, it, best) < 0) best = it;
        }
      }
      if (best && st.marks) {
        for (const m of best.members) st.marks.add(m);
      }
      return best !== null;
    }
    case 'special':
      return special(st, node.name);
  }
}

type Test = (st: EvalState) => boolean;

function cost(node: FormulaNode): number {
  if (node.kind === 'dx' || node.kind === 'proc') return node.kind === 'dx' && node.where === 'ONLY' ? 2 : 0;
  if (node.kind === 'special') return node.name === 'MCC' || node.name === 'CC' ? 1 : 2;
  return 1;
}
const compiled = new WeakMap<FormulaNode, Test>();

/** Compiles a formula tree into a closure for the fast (no marking) evaluation. */
function compile(node: FormulaNode): Test {
  const hit = compiled.get(node);
  if (hit) return hit;
  let t: Test;
  switch (node.kind) {
    case 'and': {
      // Cheap bit tests first (the fast path has no side effects, so order does not matter).
      const fs = [...node.items].sort((a, b) => cost(a) - cost(b)).map(compile);
      t = (st) => {
        for (const f of fs) if (!f(st)) return false;
        return true;
      };
      break;
    }
    case 'or': {
      const fs = node.items.map(compile);
      t = (st) => {
        for (const f of fs) if (f(st)) return true;
        return false;
      };
      break;
    }
    case 'not': {
      const f = compile(node.item);
      t = (st) => !f(st);
      break;
    }
    case 'dx': {
      const id = node.id;
      if (id < 0) t = () => false;
      else if (node.where === 'PDX') t = (st) => st.ctx.pdx !== undefined && hasAttr(st.ctx.pdx.attrs, id);
      else if (node.where === 'SDX') t = (st) => hasAttr(st.ctx.sdxUnion, id);
      else if (node.where === 'ANY') t = (st) => hasAttr(st.ctx.sdxUnion, id) || (st.ctx.pdx !== undefined && hasAttr(st.ctx.pdx.attrs, id));
      else t = (st) => evalNode(st, node);
      break;
    }
    case 'proc': {
      const id = node.id;
      t = id < 0 ? () => false : (st) => hasAttr(st.union, id);
      break;
    }
    case 'special': {
      const name = node.name;
      if (name === 'MCC') t = (st) => severityLevel(st, st.formula?.suppressionIds ?? NO_SUPPRESSION) === 2;
      else if (name === 'CC') t = (st) => severityLevel(st, st.formula?.suppressionIds ?? NO_SUPPRESSION) >= 1;
      else t = (st) => special(st, name);
      break;
    }
  }
  compiled.set(node, t);
  return t;
}

function errorCodeFor(f: CompiledFormula): ReturnCode {
  if (f.text.includes('INVALID_PDX')) return 'INVALID_PDX';
  if (f.text.includes('PDX_ECODE')) return 'DX_CANNOT_BE_PDX';
  if (f.text.includes('INVALID_DSTAT')) return 'INVALID_DISCHARGE_STATUS';
  if (f.text.includes('INVALID_SEX')) return 'INVALID_SEX';
  return 'UNGROUPABLE';
}

function isMarker(f: CompiledFormula): boolean {
  return f.drg === 0 && f.rerouteMdc === 0 && (/^MDC\d\d$/.test(f.text) || /^\d+$/.test(f.text));
}

function drgLabel(tables: GrouperTables, drg: number): string {
  return `DRG ${String(drg).padStart(3, '0')} ${tables.drgs.get(drg)?.title ?? ''}`.trim();
}

function mdcLabel(tables: GrouperTables, mdc: number): string {
  return `MDC ${String(mdc).padStart(2, '0')} (${tables.mdcTitles.get(mdc) ?? 'unknown'})`;
}

/** One step of the path through the tables (turned into readable text only when explaining). */
type PathStep =
  | { readonly kind: 'pre-mdc'; readonly formula: CompiledFormula | null }
  | { readonly kind: 'mdc'; readonly mdc: number }
  | { readonly kind: 'reroute'; readonly formula: CompiledFormula; readonly from: number; readonly to: number }
  | { readonly kind: 'error'; readonly formula: CompiledFormula | null; readonly code: ReturnCode };

interface Outcome {
  readonly drg: number;
  readonly mdc: number;
  readonly formula: CompiledFormula | null;
  readonly returnCode: ReturnCode;
  readonly procMarks: ReadonlySet<number>;
  readonly path: readonly PathStep[];
}

const NO_MARKS: ReadonlySet<number> = new Set();

/** Runs the formula tables once (one pass: initial or final DRG). */
function runFormulas(ctx: ClaimContext, pass: GroupingPass): Outcome {
  const t = ctx.tables;
  const rt = runtimeOf(t);
  const path: PathStep[] = [];
  let mdc = ctx.pdxMdc;
  const evalIn = (key: number, itemsMdc: number): { f: CompiledFormula; marks: Set<number> } | null => {
    const view = mdcView(ctx, itemsMdc);
    const st: EvalState = { ctx, pass, items: view.items, union: view.union, formula: null, marks: null };
    for (const { f, test, marker } of rt.formulas.get(key) ?? []) {
      if (marker) continue;
      st.formula = f;
      if (test(st)) {
        const marks = new Set<number>();
        evalNode({ ctx, pass, items: view.items, union: view.union, formula: f, marks }, f.tree);
        return { f, marks };
      }
    }
    return null;
  };
  const error = (f: CompiledFormula | null, code: ReturnCode): Outcome => {
    path.push({ kind: 'error', formula: f, code });
    return { drg: 999, mdc: 0, formula: f, returnCode: code, procMarks: NO_MARKS, path };
  };

  // Pre-MDC (MDC key 0): validation rows, transplants/ECMO/tracheostomy, reroutes to MDC 24/25/11.
  const pre = evalIn(0, 0);
  const marks = new Set<number>();
  if (pre) {
    const f = pre.f;
    if (f.drg > 0) {
      path.push({ kind: 'pre-mdc', formula: f });
      return { drg: f.drg, mdc: ctx.pdxMdc, formula: f, returnCode: 'OK', procMarks: pre.marks, path };
    }
    if (f.rerouteMdc <= 0) return error(f, errorCodeFor(f));
    path.push({ kind: 'pre-mdc', formula: null });
    path.push({ kind: 'reroute', formula: f, from: mdc, to: f.rerouteMdc });
    mdc = f.rerouteMdc;
    for (const m of pre.marks) marks.add(m);
  } else {
    path.push({ kind: 'pre-mdc', formula: null });
    path.push({ kind: 'mdc', mdc });
  }

  let hit = evalIn(mdc, mdc);
  const from = mdc;
  if (hit && hit.f.drg === 0 && hit.f.rerouteMdc > 0) {
    path.push({ kind: 'reroute', formula: hit.f, from: mdc, to: hit.f.rerouteMdc });
    mdc = hit.f.rerouteMdc;
    for (const m of hit.marks) marks.add(m);
    hit = evalIn(mdc, mdc);
  }
  if (!hit) return error((t.formulas.get(99) ?? []).find((f) => f.drg === 999) ?? null, 'UNGROUPABLE');
  if (hit.f.drg === 0) return error(hit.f, errorCodeFor(hit.f));
  for (const m of hit.marks) marks.add(m);
  const reportedMdc = hit.f.mdcKey === 29 ? from : mdc;
  return { drg: hit.f.drg, mdc: reportedMdc, formula: hit.f, returnCode: 'OK', procMarks: hit.f.mdcKey === 29 ? hit.marks : marks, path };
}

function pathText(ctx: ClaimContext, step: PathStep, prefix: string): TraceStep {
  const t = ctx.tables;
  switch (step.kind) {
    case 'pre-mdc':
      return step.formula
        ? { kind: 'pre-mdc', text: `${prefix}Pre-MDC rule matched (${step.formula.text}): the case goes to ${drgLabel(t, step.formula.drg)} before any MDC is considered.`, drg: step.formula.drg, formula: step.formula.text }
        : { kind: 'pre-mdc', text: `${prefix}Pre-MDC checks (transplants, ECMO, tracheostomy, CAR-T, bone-marrow transplant, multiple significant trauma, HIV): no pre-MDC DRG applies.` };
    case 'mdc':
      return {
        kind: 'mdc',
        text: `${prefix}The principal diagnosis ${ctx.pdxCode} places the case in ${mdcLabel(t, step.mdc)}${t.sexMdc.has(ctx.pdxCode) ? ` (this code's MDC depends on the patient's sex: ${ctx.sex || 'unknown'})` : ''}.`,
        codes: [ctx.pdxCode],
      };
    case 'reroute':
      return step.to === 29
        ? { kind: 'reroute', text: `${prefix}No surgical DRG of ${mdcLabel(t, step.from)} uses the O.R. procedure(s) on the claim, so the case goes to the DRGs for O.R. procedures unrelated to the principal diagnosis (981-989).`, formula: step.formula.text }
        : { kind: 'reroute', text: `${prefix}Pre-MDC rule "${step.formula.text}" sends the case to ${mdcLabel(t, step.to)} instead of the principal diagnosis's MDC.`, formula: step.formula.text };
    case 'error':
      return { kind: 'error', text: `${prefix}${errorText(step.code)}`, drg: 999, ...(step.formula ? { formula: step.formula.text } : {}) };
  }
}

function errorText(code: ReturnCode): string {
  switch (code) {
    case 'INVALID_PDX':
      return 'The principal diagnosis is not a valid ICD-10-CM code for this grouper version: DRG 999 (ungroupable).';
    case 'DX_CANNOT_BE_PDX':
      return 'An external-cause code cannot be the principal diagnosis: DRG 999 (ungroupable).';
    case 'INVALID_DISCHARGE_STATUS':
      return 'The discharge status is not a valid UB-04 patient status and this case needs it: DRG 999 (ungroupable).';
    case 'INVALID_SEX':
      return 'The principal diagnosis needs the patient\'s sex to pick its MDC, and sex is unknown: DRG 999 (ungroupable).';
    case 'HAC_MISSING_ONE_POA':
      return 'A secondary diagnosis on a HAC list was reported with POA "1"/blank (exempt) although it is not exempt: DRG 999 (ungroupable).';
    case 'INVALID_VERSION':
      return 'No grouper version applies to this claim: DRG 999.';
    default:
      return 'No DRG rule of the MDC matched: DRG 999 (ungroupable).';
  }
}

/** Secondary position -> HAC numbers met on this claim; procMarks collects the procedures HAC formulas use. */
function hacsOfClaim(ctx: ClaimContext, procMarks: Map<number, Set<number>>): Map<number, number[]> {
  const t = ctx.tables;
  const out = new Map<number, number[]>();
  let any = false;
  for (let w = 0; w < t.hacSdxMask.length; w++) if (((t.hacSdxMask[w] ?? 0) & (ctx.sdxUnion[w] ?? 0)) !== 0) any = true;
  if (!any) return out;
  const { items, union } = mdcView(ctx, ctx.pdxMdc);
  const pass = newPass(new Set());
  for (const h of t.hacs) {
    const sdxMarks = new Set<number>();
    if (evalNode({ ctx, pass, items, union, formula: null, marks: null }, h.tree)) {
      const marks = new Set<number>();
      evalNode({ ctx, pass, items, union, formula: null, marks, sdxMarks }, h.tree);
      for (const i of sdxMarks) {
        let pm = procMarks.get(i);
        if (!pm) procMarks.set(i, (pm = new Set()));
        for (const m of marks) pm.add(m);
        let l = out.get(i);
        if (!l) out.set(i, (l = []));
        l.push(h.number);
      }
    }
  }
  return out;
}

function levelName(l: 0 | 1 | 2): Severity {
  return l === 2 ? 'MCC' : l === 1 ? 'CC' : 'NON_CC';
}

/** Options for {@link groupClaim}. */
export interface GroupOptions {
  /** MCE tables: when given, the result lists the Medicare Code Editor edits of the claim. */
  readonly mce?: MceTables;
  /**
   * Build the readable trace and the per-code explanations (default true). Batch callers (CLI,
   * benchmark) turn it off; every other output field is identical.
   */
  readonly explain?: boolean;
}

function listedSeverity(entry: DxEntry): 'MCC' | 'CC' | 'NON_CC' {
  return entry.severity === 2 ? 'MCC' : entry.severity === 1 ? 'CC' : 'NON_CC';
}

/**
 * Groups one claim with the CMS MS-DRG v43 logic (MS-DRG Definitions Manual v43.0/v43.1; HAC logic per
 * Deficit Reduction Act 2005 §5001(c) and the CMS POA reporting rules; CC/MCC levels and principal-
 * diagnosis exclusions per IPPS FY2026 Tables 6I-6K). Never throws for learner input: bad input yields
 * DRG 999 with a return code.
 */
export function groupClaim(tables: GrouperTables, claim: GrouperClaim, options: GroupOptions = {}): GroupResult {
  const result = groupWithTables(tables, claim, options.explain !== false);
  if (!options.mce) return result;
  const version = tables.versions.find((v) => v.id === result.version);
  const dischargeDate = claim.dischargeDate ?? version?.from ?? '';
  return { ...result, mceEdits: editClaim(options.mce, { ...claim, dischargeDate }) };
}

function groupWithTables(tables: GrouperTables, claim: GrouperClaim, explain: boolean): GroupResult {
  const version = pickVersion(tables, claim);
  if (version === null) return versionError(tables, claim);
  const ctx = buildContext(tables, claim, version);
  const trace: TraceStep[] = [];

  // HAC: a secondary on a HAC list whose conditions hold. POA N/U removes its CC/MCC status for the
  // final DRG; POA 1/blank on a (non-exempt) HAC code makes the claim ungroupable.
  const hacBySdx = new Map<number, number[]>();
  const demoted = new Set<number>();
  const hacProcMarks = new Map<number, Set<number>>();
  let missingPoa = false;
  if (ctx.pdx) {
    const byClaim = hacsOfClaim(ctx, hacProcMarks);
    if (byClaim.size > 0) {
      for (const s of ctx.sdx) {
        const hs = byClaim.get(s.index);
        if (!hs) continue;
        hacBySdx.set(s.index, hs);
        if (s.poa === 'N' || s.poa === 'U') demoted.add(s.index);
        else if (s.poa !== 'Y' && s.poa !== 'W') {
          missingPoa = true;
          demoted.add(s.index);
        }
      }
    }
  }
  const hacsFound: HacFound[] = [];
  for (const s of ctx.sdx) {
    for (const h of hacBySdx.get(s.index) ?? []) {
      const effect = s.poa === 'N' || s.poa === 'U' ? 'demoted' : s.poa === 'Y' || s.poa === 'W' ? 'present' : 'missing-poa';
      const title = tables.hacs.find((x) => x.number === h)?.title ?? '';
      const found = hacsFound.find((x) => x.number === h && x.effect === effect);
      if (found) (found.codes as string[]).push(s.code);
      else hacsFound.push({ number: h, title, codes: [s.code], effect });
    }
  }

  const initial = runFormulas(ctx, newPass(new Set()));
  const final = demoted.size > 0 ? runFormulas(ctx, newPass(demoted)) : initial;
  let returnCode = final.returnCode;
  let drg = final.drg;
  if (missingPoa && initial.returnCode === 'OK') {
    returnCode = 'HAC_MISSING_ONE_POA';
    drg = 999;
  }
  const f = returnCode === 'OK' ? final.formula : null;
  const isError = f === null || drg === 999;
  // When grouping stopped before any DRG logic (invalid PDX, external-cause PDX...), no secondary is used.
  const noUsage = isError && returnCode !== 'HAC_MISSING_ONE_POA';
  const suppressionIds = f && !isError ? f.suppressionIds : NO_SUPPRESSION;

  const secondaries: SecondaryResult[] = [];
  let level: 0 | 1 | 2 = 0;
  let decider: string | null = null;
  let k = 0; // walks ctx.sdx (valid secondaries, in claim order)
  for (let index = 0; index < ctx.sdxAll.length; index++) {
    const { code, entry } = ctx.sdxAll[index] as ClaimCode<DxEntry>;
    const poa = claim.sdx[index]?.poa ?? '';
    const item = ctx.sdx[k]?.index === index ? ctx.sdx[k++] : undefined;
    if (!entry || !item) {
      secondaries.push({ code, poa, valid: false, listedSeverity: null, usage: 'INVALID', excludedBy: null, drgLogicList: null, hacs: [], hacDemoted: false, diedDemoted: false, explanation: explain ? `${code} is not a valid ICD-10-CM code; the grouper ignores it.` : '' });
      continue;
    }
    const hacs = hacBySdx.get(index) ?? [];
    const hacDemoted = demoted.has(index);
    const listed = listedSeverity(entry);
    let usage: SdxUsage = 'NEITHER';
    let drgLogicList: string | null = null;
    let why = 'not on the CC or MCC list';
    if (noUsage) {
      why = 'the claim could not be grouped, so no secondary diagnosis was evaluated';
    } else if (entry.severity > 0) {
      const suppIdx = suppressionIds.findIndex((id) => hasAttr(entry.attrs, id));
      if (item.diedDemoted) why = `a ${listed} only when the patient is discharged alive (status 20 = expired)`;
      else if (item.excluded) {
        usage = entry.severity === 2 ? 'MCC_EXCLUDED' : 'CC_EXCLUDED';
        why = `a ${listed}, but the principal diagnosis ${ctx.pdxCode} excludes it (${tables.exclusionName(ctx.pdx?.exclusionGroup ?? 0)})`;
      } else if (suppIdx >= 0 && f) {
        usage = entry.severity === 2 ? 'MCC_EXCLUDED_BY_DRG_LOGIC' : 'CC_EXCLUDED_BY_DRG_LOGIC';
        drgLogicList = f.suppression[suppIdx] ?? null;
        why = `a ${listed}, but DRG ${f.drg} already uses it through the "${drgLogicList ?? ''}" list, so it cannot also raise the severity`;
      } else if (hacDemoted) {
        why = `a ${listed}, but as a hospital-acquired condition (HAC) not present on admission it cannot raise the DRG`;
      } else {
        usage = entry.severity === 2 ? 'MCC' : 'CC';
        why = `counts as ${listed}`;
        const l = entry.severity;
        if (l > level) {
          level = l;
          decider = code;
        }
      }
    }
    secondaries.push({
      code,
      poa,
      valid: true,
      listedSeverity: listed,
      usage,
      excludedBy: item.excluded ? tables.exclusionName(ctx.pdx?.exclusionGroup ?? 0) : null,
      drgLogicList,
      hacs,
      hacDemoted,
      diedDemoted: item.diedDemoted,
      explanation: explain ? `${code} (POA ${poa || 'blank'}): ${why}.` : '',
    });
  }

  const rt = runtimeOf(tables);
  const orIds = [rt.id('d468'), rt.id('d477'), rt.id('ornec')];
  const demotedChangedDrg = demoted.size > 0 && initial.drg !== final.drg;
  const procedures: ProcedureResult[] = [];
  for (let index = 0; index < ctx.procAll.length; index++) {
    const { code, entry } = ctx.procAll[index] as ClaimCode<PrEntry>;
    const valid = entry !== undefined;
    const isOR = valid && (hasAttr(entry.attrs, orIds[0] ?? -1) || hasAttr(entry.attrs, orIds[1] ?? -1) || hasAttr(entry.attrs, orIds[2] ?? -1));
    const inI = initial.returnCode === 'OK' && initial.procMarks.has(index);
    // A procedure that made a HAC apply affected the final DRG when the HAC changed it.
    let inHac = false;
    if (demotedChangedDrg) for (const d of demoted) if (hacProcMarks.get(d)?.has(index)) inHac = true;
    const inF = !isError && (final.procMarks.has(index) || inHac);
    const affects: AffectsDrg = inI && inF ? 'BOTH' : inI ? 'INITIAL' : inF ? 'FINAL' : 'NONE';
    procedures.push({
      code,
      valid,
      isOR,
      affects,
      explanation: !explain
        ? ''
        : !valid
          ? `${code} is not a valid ICD-10-PCS code for v${version}; ignored.`
          : `${isOR ? 'O.R.' : 'Non-O.R.'} procedure; ${affects === 'NONE' ? 'did not affect the DRG' : affects === 'BOTH' ? 'affected the DRG' : affects === 'INITIAL' ? 'affected the DRG before HAC logic only' : 'affected the DRG after HAC logic only'}.`,
    });
  }

  if (explain) {
    trace.push({ kind: 'version', text: `Grouper MS-DRG v${version} (${version === '43.0' ? 'discharges 2025-10-01 to 2026-03-31' : 'discharges from 2026-04-01'}).` });
    const invalidSdx = secondaries.filter((s) => !s.valid).map((s) => s.code);
    if (invalidSdx.length) trace.push({ kind: 'validation', text: `Ignored secondary code(s) that are not valid ICD-10-CM FY2026 codes: ${invalidSdx.join(', ')}.`, codes: invalidSdx });
    const invalidPr = procedures.filter((p) => !p.valid).map((p) => p.code);
    if (invalidPr.length) trace.push({ kind: 'validation', text: `Ignored procedure code(s) that are not valid ICD-10-PCS codes for v${version}: ${invalidPr.join(', ')}.`, codes: invalidPr });
    if (ctx.pdx === undefined) trace.push({ kind: 'validation', text: `The principal diagnosis "${ctx.pdxCode}" is not a valid ICD-10-CM FY2026 code.`, codes: [ctx.pdxCode] });
    for (const h of hacsFound) {
      trace.push({
        kind: 'hac',
        text: `HAC ${String(h.number).padStart(2, '0')} (${h.title}): ${h.codes.join(', ')} ${h.effect === 'demoted' ? 'not present on admission (POA N/U): cannot raise the DRG' : h.effect === 'present' ? 'present on admission (POA Y/W): no effect' : 'reported with POA 1/blank although the code is not POA-exempt'}.`,
        codes: h.codes,
      });
    }
    if (demotedChangedDrg) {
      for (const step of initial.path) trace.push(pathText(ctx, step, '(before HAC) '));
      trace.push({ kind: 'hac', text: `Before HAC logic the claim grouped to ${drgLabel(tables, initial.drg)}; without the HAC's CC/MCC it regroups as follows.`, drg: initial.drg });
    }
    for (const step of final.path) trace.push(pathText(ctx, step, ''));
    if (returnCode === 'HAC_MISSING_ONE_POA') trace.push({ kind: 'error', text: errorText(returnCode), drg: 999 });
    if (!isError && f) {
      const kind = f.surgical === 'SURGICAL' ? 'surgical' : 'medical';
      const drivers = procedures.filter((p) => p.affects === 'BOTH' || p.affects === 'FINAL').map((p) => p.code);
      trace.push({
        kind,
        text: `${kind === 'surgical' ? 'Surgical hierarchy' : 'Medical DRGs'} of the MDC: the first rule that holds is "${f.text}" -> ${drgLabel(tables, f.drg)}${drivers.length ? `; procedure(s) that drove it: ${drivers.join(', ')}` : ''}.`,
        formula: f.text,
        drg: f.drg,
        codes: drivers,
      });
      trace.push({
        kind: 'severity',
        text: level === 0 ? 'Severity: no secondary diagnosis counts as a CC or MCC.' : `Severity: ${levelName(level)}, decided by ${decider ?? '?'}.`,
        codes: decider ? [decider] : [],
      });
      for (const s of secondaries) if (s.valid && (s.usage !== 'NEITHER' || s.hacDemoted || s.diedDemoted)) trace.push({ kind: 'secondary', text: s.explanation, codes: [s.code] });
      trace.push({ kind: 'result', text: `Result: ${drgLabel(tables, f.drg)}; ${mdcLabel(tables, final.mdc)}; ${kind}; severity ${levelName(level)}.`, drg: f.drg });
    }
  }

  if (isError) {
    const errDrg = drg === 998 ? 998 : 999;
    return {
      version,
      drg: errDrg,
      drgTitle: tables.drgs.get(errDrg)?.title ?? '',
      baseDrg: errDrg,
      mdc: 0,
      mdcTitle: '',
      medSurg: 'NONE',
      severity: 'NONE',
      returnCode,
      initialDrg: initial.drg,
      secondaries,
      procedures,
      hacs: hacsFound,
      formula: final.formula?.text ?? '',
      trace,
    };
  }
  const is998 = f.drg === 998;
  return {
    version,
    drg: f.drg,
    drgTitle: tables.drgs.get(f.drg)?.title ?? '',
    baseDrg: f.baseDrg,
    mdc: final.mdc,
    mdcTitle: tables.mdcTitles.get(final.mdc) ?? '',
    medSurg: is998 ? 'NONE' : f.surgical === 'SURGICAL' ? 'SURGICAL' : f.surgical === 'MEDICAL' ? 'MEDICAL' : 'NONE',
    severity: is998 ? 'NONE' : levelName(level),
    returnCode,
    initialDrg: initial.drg,
    secondaries,
    procedures,
    hacs: hacsFound,
    formula: f.text,
    trace,
  };
}

function versionError(tables: GrouperTables, claim: GrouperClaim): GroupResult {
  return {
    version: null,
    drg: 999,
    drgTitle: tables.drgs.get(999)?.title ?? '',
    baseDrg: 999,
    mdc: 0,
    mdcTitle: '',
    medSurg: 'NONE',
    severity: 'NONE',
    returnCode: 'INVALID_VERSION',
    initialDrg: 999,
    secondaries: claim.sdx.map((s) => ({ code: s.code, poa: s.poa, valid: false, listedSeverity: null, usage: 'INVALID', excludedBy: null, drgLogicList: null, hacs: [], hacDemoted: false, diedDemoted: false, explanation: '' })),
    procedures: claim.procedures.map((p) => ({ code: p, valid: false, isOR: false, affects: 'NONE', explanation: '' })),
    hacs: [],
    formula: '',
    trace: [{ kind: 'error', text: errorText('INVALID_VERSION') }],
  };
}
