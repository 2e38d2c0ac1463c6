/**
 * The "glass box" around the grouper for the DRG step: a plain summary of one grouping (MDC, medical or
 * surgical path, which secondary counted as CC/MCC, which the principal diagnosis excluded, HAC effect) and
 * what-if variants of a claim (leave a secondary or procedure out, change a POA). Logic per the CMS MS-DRG
 * Definitions Manual v43 (MDC assignment, surgical hierarchy, CC/MCC with PDX exclusions, HAC POA logic).
 */
import type { GroupResult, SdxUsage } from '../grouper/types';
import type { ClaimCodes } from './grouperService';
import { formatDrg } from './grouperService';
import { formatDiagnosisCode, normaliseCode } from '../coding/codeFormat';

export interface WhatIf {
  /** Secondary codes (dotless) left out. */
  omitSdx: ReadonlySet<string>;
  /** Procedure codes left out. */
  omitProcedures: ReadonlySet<string>;
  /** POA overrides by secondary code (dotless). */
  poa: ReadonlyMap<string, string>;
}

export const NO_WHAT_IF: WhatIf = { omitSdx: new Set(), omitProcedures: new Set(), poa: new Map() };

/** The claim codes with a what-if applied. */
export function applyWhatIf(codes: ClaimCodes, whatIf: WhatIf): ClaimCodes {
  return {
    pdx: codes.pdx,
    sdx: codes.sdx
      .filter((s) => !whatIf.omitSdx.has(normaliseCode(s.code)))
      .map((s) => ({ code: s.code, poa: whatIf.poa.get(normaliseCode(s.code)) ?? s.poa })),
    procedures: codes.procedures.filter((p) => !whatIf.omitProcedures.has(normaliseCode(p.code))),
  };
}

const USAGE_TEXT: Record<SdxUsage, string> = {
  MCC: 'counts as MCC',
  CC: 'counts as CC',
  NEITHER: 'not a CC or MCC',
  MCC_EXCLUDED: 'MCC, but excluded by the principal diagnosis',
  CC_EXCLUDED: 'CC, but excluded by the principal diagnosis',
  MCC_EXCLUDED_BY_DRG_LOGIC: 'MCC, not counted by this DRG’s logic',
  CC_EXCLUDED_BY_DRG_LOGIC: 'CC, not counted by this DRG’s logic',
  INVALID: 'not a valid code: ignored',
};

export interface SecondaryLine {
  code: string;
  poa: string;
  usage: SdxUsage;
  text: string;
  hacDemoted: boolean;
}

export interface GroupingSummary {
  drg: string;
  title: string;
  mdc: string;
  medSurg: string;
  severity: string;
  /** The secondary that set the severity, if any. */
  decidedBy?: string;
  secondaries: SecondaryLine[];
  procedures: { code: string; text: string }[];
  hacs: string[];
  ok: boolean;
}

function severityText(s: GroupResult['severity']): string {
  return s === 'MCC' ? 'with MCC' : s === 'CC' ? 'with CC' : 'without CC/MCC';
}

/** A plain-words summary of one grouping (MS-DRG v43 grouping steps). */
export function summariseGrouping(result: GroupResult): GroupingSummary {
  const decider = result.secondaries.find((s) => s.usage === 'MCC') ?? result.secondaries.find((s) => s.usage === 'CC');
  const summary: GroupingSummary = {
    drg: formatDrg(result.drg),
    title: result.drgTitle,
    mdc: result.mdc > 0 ? `MDC ${String(result.mdc).padStart(2, '0')} ${result.mdcTitle}` : result.mdcTitle || 'no MDC',
    medSurg: result.medSurg === 'SURGICAL' ? 'surgical (an O.R. procedure)' : result.medSurg === 'MEDICAL' ? 'medical (no O.R. procedure that groups here)' : 'not assigned',
    severity: severityText(result.severity),
    secondaries: result.secondaries.map((s) => ({
      code: formatDiagnosisCode(s.code),
      poa: s.poa,
      usage: s.usage,
      text: `${USAGE_TEXT[s.usage]}${s.excludedBy ? ` (${s.excludedBy})` : ''}${s.hacDemoted ? ' (hospital-acquired condition with POA N/U: does not count)' : ''}`,
      hacDemoted: s.hacDemoted,
    })),
    procedures: result.procedures.map((p) => ({ code: p.code, text: `${p.isOR ? 'O.R. procedure' : 'non-O.R. procedure'}${p.affects === 'NONE' ? ', does not affect the DRG' : ', affects the DRG'}` })),
    hacs: result.hacs.map((h) => `HAC ${h.number} ${h.title}: ${h.codes.map(formatDiagnosisCode).join(', ')} ${h.effect === 'demoted' ? '(POA N/U: its CC/MCC does not count)' : h.effect === 'present' ? '(POA Y/W: no effect)' : '(POA missing: the claim cannot be grouped)'}`),
    ok: result.returnCode === 'OK',
  };
  if (decider) summary.decidedBy = formatDiagnosisCode(decider.code);
  return summary;
}

/** What changed between two groupings, in plain words (empty when the DRG is the same). */
export function describeChange(before: GroupResult, after: GroupResult): string {
  if (before.drg === after.drg) return `Still MS-DRG ${formatDrg(after.drg)}.`;
  const parts: string[] = [];
  if (before.mdc !== after.mdc) parts.push(`MDC ${before.mdc} -> ${after.mdc}`);
  if (before.medSurg !== after.medSurg) parts.push(`${before.medSurg.toLowerCase()} -> ${after.medSurg.toLowerCase()}`);
  if (before.severity !== after.severity) parts.push(`${severityText(before.severity)} -> ${severityText(after.severity)}`);
  return `MS-DRG ${formatDrg(before.drg)} -> ${formatDrg(after.drg)} ${after.drgTitle}${parts.length ? ` (${parts.join('; ')})` : ''}.`;
}
