/**
 * "What if" and DRG-family helpers for the glass-box workbench: regroup a claim with one code removed
 * or added, and list the other DRGs of the case's base-DRG family with what would move the case there.
 * Every suggestion is checked by regrouping with the real tables (MS-DRG Definitions Manual v43: a base
 * DRG is split by CC/MCC severity or by another criterion named in the family's formulas).
 */
import { formulaOperands, type FormulaNode } from './formula';
import { groupClaim } from './group';
import type { GrouperTables } from './tables';
import type { GroupResult, GrouperClaim } from './types';

export type ClaimChange =
  | { readonly kind: 'remove-sdx'; readonly index: number }
  | { readonly kind: 'remove-procedure'; readonly index: number }
  | { readonly kind: 'add-sdx'; readonly code: string; readonly poa?: string }
  | { readonly kind: 'add-procedure'; readonly code: string }
  | { readonly kind: 'set-status'; readonly status: string };

/** Applies one change to a claim (pure: returns a new claim). */
export function applyChange(claim: GrouperClaim, change: ClaimChange): GrouperClaim {
  switch (change.kind) {
    case 'remove-sdx':
      return { ...claim, sdx: claim.sdx.filter((_, i) => i !== change.index) };
    case 'remove-procedure':
      return { ...claim, procedures: claim.procedures.filter((_, i) => i !== change.index) };
    case 'add-sdx':
      return { ...claim, sdx: [...claim.sdx, { code: change.code, poa: change.poa ?? 'Y' }] };
    case 'add-procedure':
      return { ...claim, procedures: [...claim.procedures, change.code] };
    case 'set-status':
      return { ...claim, dischargeStatus: change.status };
  }
}

export function describeChange(claim: GrouperClaim, change: ClaimChange): string {
  switch (change.kind) {
    case 'remove-sdx':
      return `without secondary ${claim.sdx[change.index]?.code ?? '?'}`;
    case 'remove-procedure':
      return `without procedure ${claim.procedures[change.index] ?? '?'}`;
    case 'add-sdx':
      return `adding secondary ${change.code} (POA ${change.poa ?? 'Y'})`;
    case 'add-procedure':
      return `adding procedure ${change.code}`;
    case 'set-status':
      return `with discharge status ${change.status}`;
  }
}

export interface WhatIf {
  readonly change: ClaimChange;
  readonly description: string;
  readonly claim: GrouperClaim;
  readonly before: GroupResult;
  readonly after: GroupResult;
  /** True when the DRG (or return code) differs. */
  readonly drgChanged: boolean;
  readonly summary: string;
}

/**
 * Regroups a claim after one change and compares with the original grouping (MS-DRG v43 logic via
 * {@link groupClaim}). `before` may be passed to avoid regrouping the original claim.
 */
export function whatIf(tables: GrouperTables, claim: GrouperClaim, change: ClaimChange, before: GroupResult = groupClaim(tables, claim)): WhatIf {
  const next = applyChange(claim, change);
  const after = groupClaim(tables, next);
  const description = describeChange(claim, change);
  const drgChanged = after.drg !== before.drg || after.returnCode !== before.returnCode;
  const label = (r: GroupResult): string => `DRG ${String(r.drg).padStart(3, '0')}${r.returnCode === 'OK' ? '' : ` (${r.returnCode})`}`;
  const summary = drgChanged ? `${description[0]?.toUpperCase() ?? ''}${description.slice(1)}: ${label(before)} -> ${label(after)} ${after.drgTitle}.` : `${description[0]?.toUpperCase() ?? ''}${description.slice(1)}: still ${label(before)}.`;
  return { change, description, claim: next, before, after, drgChanged, summary };
}

/** One what-if per code on the claim: the effect of removing it (what the workbench's toggles show). */
export function removalImpacts(tables: GrouperTables, claim: GrouperClaim, before: GroupResult = groupClaim(tables, claim)): { sdx: WhatIf[]; procedures: WhatIf[] } {
  return {
    sdx: claim.sdx.map((_, index) => whatIf(tables, claim, { kind: 'remove-sdx', index }, before)),
    procedures: claim.procedures.map((_, index) => whatIf(tables, claim, { kind: 'remove-procedure', index }, before)),
  };
}

/** Plain-English reading of a formula operand (CMS list names are kept, in quotes). */
export function describeOperand(node: FormulaNode): string {
  switch (node.kind) {
    case 'dx':
      return node.where === 'PDX'
        ? `principal diagnosis in CMS list "${node.list}"`
        : node.where === 'SDX'
          ? `a secondary diagnosis in CMS list "${node.list}"`
          : node.where === 'ANY'
            ? `a diagnosis (principal or secondary) in CMS list "${node.list}"`
            : `every diagnosis in CMS list "${node.list}"`;
    case 'proc':
      return node.list.startsWith('NOR') ? `a non-O.R. procedure in CMS list "${node.list.slice(3)}"` : `a procedure in CMS list "${node.list}"`;
    case 'special': {
      const words: Record<string, string> = {
        MCC: 'a secondary diagnosis that counts as an MCC',
        CC: 'a secondary diagnosis that counts as a CC (or MCC)',
        ALIVE: 'the patient discharged alive',
        DIED: 'the patient expired (status 20)',
        XFRNBA: 'the newborn transferred to another acute-care hospital',
        AMA: 'the patient left against medical advice (status 07)',
        MULTST: 'two or more significant trauma diagnoses of different body sites',
        FOUR_STENTS: 'four or more stents',
        FOUR_VESSELS: 'four or more arteries treated',
        BILATERAL: 'procedures on two or more major lower-limb joints',
      };
      return words[node.name] ?? node.name;
    }
    default:
      return '';
  }
}

/** Plain-English reading of a whole formula: "A and (B or C)". */
export function describeFormula(node: FormulaNode): string {
  switch (node.kind) {
    case 'and':
      return node.items.map((n) => (n.kind === 'or' ? `(${describeFormula(n)})` : describeFormula(n))).join(' and ');
    case 'or':
      return node.items.map((n) => (n.kind === 'and' ? `(${describeFormula(n)})` : describeFormula(n))).join(' or ');
    case 'not':
      return `not ${describeFormula(node.item)}`;
    default:
      return describeOperand(node);
  }
}

/** Well-known CC/MCC secondaries tried when looking for what would raise the severity. */
const SEVERITY_CANDIDATES: readonly { code: string; level: 'MCC' | 'CC' }[] = [
  { code: 'J9601', level: 'MCC' },
  { code: 'E43', level: 'MCC' },
  { code: 'N170', level: 'MCC' },
  { code: 'I5021', level: 'MCC' },
  { code: 'G9341', level: 'MCC' },
  { code: 'R6521', level: 'MCC' },
  { code: 'N179', level: 'CC' },
  { code: 'E871', level: 'CC' },
  { code: 'D62', level: 'CC' },
  { code: 'I4891', level: 'CC' },
  { code: 'J441', level: 'CC' },
  { code: 'F05', level: 'CC' },
];

export interface FamilyMember {
  readonly drg: number;
  readonly title: string;
  readonly isCurrent: boolean;
  /** The CMS formula(s) that assign this DRG, raw and in words. */
  readonly formulas: readonly { readonly text: string; readonly words: string }[];
  /** A verified change that moves this claim to the DRG, when one was found. */
  readonly move: WhatIf | null;
  /** What would move the case there, in words (verified change, else the formula's requirement). */
  readonly howTo: string;
}

/**
 * The other DRGs of the case's base-DRG family (MS-DRG Definitions Manual v43 family splits: with MCC,
 * with CC, without CC/MCC, or another criterion) and, for each, a change that moves the claim there,
 * found by regrouping: removing the secondaries that count as CC/MCC, adding a typical CC or MCC
 * secondary, or changing the discharge status.
 */
export function drgFamily(tables: GrouperTables, claim: GrouperClaim, before: GroupResult = groupClaim(tables, claim)): FamilyMember[] {
  const base = tables.drgs.get(before.drg)?.baseDrg ?? before.baseDrg;
  if (before.drg === 999 || before.drg === 998) return [];
  const members = [...tables.drgs.values()].filter((d) => d.baseDrg === base).sort((a, b) => a.drg - b.drg);
  const formulasOf = (drg: number): { text: string; words: string; tree: FormulaNode }[] => {
    const out: { text: string; words: string; tree: FormulaNode }[] = [];
    for (const list of tables.formulas.values()) for (const f of list) if (f.drg === drg) out.push({ text: f.text, words: describeFormula(f.tree), tree: f.tree });
    return out;
  };
  // Candidate changes, tried in this order; the first that lands on a sibling is its "move".
  const candidates: ClaimChange[] = [];
  const counting = before.secondaries.map((s, i) => ({ s, i })).filter(({ s }) => s.usage === 'MCC' || s.usage === 'CC');
  for (const { i } of counting) candidates.push({ kind: 'remove-sdx', index: i });
  const present = new Set(claim.sdx.map((s) => s.code.toUpperCase()));
  for (const c of SEVERITY_CANDIDATES) if (!present.has(c.code)) candidates.push({ kind: 'add-sdx', code: c.code, poa: 'Y' });
  const usesStatus = members.some((m) => formulasOf(m.drg).some((f) => formulaOperands(f.tree).some((o) => o.kind === 'special' && ['ALIVE', 'DIED', 'XFRNBA', 'AMA'].includes(o.name))));
  if (usesStatus) for (const status of ['01', '20', '07', '02']) if (status !== claim.dischargeStatus) candidates.push({ kind: 'set-status', status });

  const found = new Map<number, WhatIf>();
  const wanted = new Set(members.map((m) => m.drg).filter((d) => d !== before.drg));
  for (const change of candidates) {
    if (found.size === wanted.size) break;
    const w = whatIf(tables, claim, change, before);
    if (wanted.has(w.after.drg) && !found.has(w.after.drg)) found.set(w.after.drg, w);
  }
  // Removing several counting secondaries at once: every MCC, then every CC and MCC.
  const mccs = counting.filter(({ s }) => s.usage === 'MCC');
  for (const group of [mccs, counting]) {
    if (group.length < 2 || found.size === wanted.size) continue;
    const drop = new Set(group.map((c) => c.i));
    const without: GrouperClaim = { ...claim, sdx: claim.sdx.filter((_, i) => !drop.has(i)) };
    const after = groupClaim(tables, without);
    if (wanted.has(after.drg) && !found.has(after.drg)) {
      const codes = group.map(({ s }) => s.code).join(', ');
      found.set(after.drg, { change: { kind: 'remove-sdx', index: group[0]?.i ?? 0 }, description: `without ${codes}`, claim: without, before, after, drgChanged: true, summary: `Without ${codes}: DRG ${String(before.drg).padStart(3, '0')} -> DRG ${String(after.drg).padStart(3, '0')} ${after.drgTitle}.` });
    }
  }
  return members.map((m) => {
    const formulas = formulasOf(m.drg).map(({ text, words }) => ({ text, words }));
    const move = found.get(m.drg) ?? null;
    const howTo =
      m.drg === before.drg
        ? 'This is the DRG of the claim.'
        : move
          ? `${move.description[0]?.toUpperCase() ?? ''}${move.description.slice(1)} moves the case here.`
          : `Needs ${formulas.map((f) => f.words).join('; or ') || 'a different principal diagnosis or procedure'}.`;
    return { drg: m.drg, title: m.title, isCurrent: m.drg === before.drg, formulas, move, howTo };
  });
}
