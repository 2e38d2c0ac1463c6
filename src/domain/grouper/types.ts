import type { MceEdit } from '../mce/editor';
import type { GrouperVersion } from './tables';

/** Present-on-admission indicator as reported on the claim (UB-04 / CMS POA reporting guidelines). */
export type PoaIndicator = 'Y' | 'N' | 'U' | 'W' | '1' | '';

export interface SecondaryDiagnosis {
  readonly code: string;
  readonly poa: string;
}

/** One inpatient claim as the grouper sees it. Codes are ICD-10-CM / ICD-10-PCS without dots. */
export interface GrouperClaim {
  readonly pdx: string;
  readonly sdx: readonly SecondaryDiagnosis[];
  readonly procedures: readonly string[];
  readonly ageYears: number;
  /** 'M' or 'F' (anything else is unknown sex). */
  readonly sex: string;
  /** UB-04 patient discharge status code, e.g. '01' or '1', '20'. */
  readonly dischargeStatus: string;
  /** ISO date; picks the grouper version when `version` is absent. */
  readonly dischargeDate?: string;
  readonly version?: GrouperVersion;
}

export type ReturnCode =
  | 'OK'
  | 'INVALID_PDX'
  | 'DX_CANNOT_BE_PDX'
  | 'INVALID_DISCHARGE_STATUS'
  | 'INVALID_SEX'
  | 'HAC_MISSING_ONE_POA'
  | 'UNGROUPABLE'
  | 'INVALID_VERSION';

export type MedSurg = 'MEDICAL' | 'SURGICAL' | 'NONE';
export type Severity = 'MCC' | 'CC' | 'NON_CC' | 'NONE';

/** How a secondary diagnosis was used (CMS grouper "severity usage" flags, plus our own "invalid"). */
export type SdxUsage =
  | 'MCC'
  | 'CC'
  | 'NEITHER'
  | 'MCC_EXCLUDED'
  | 'CC_EXCLUDED'
  | 'MCC_EXCLUDED_BY_DRG_LOGIC'
  | 'CC_EXCLUDED_BY_DRG_LOGIC'
  | 'INVALID';

export interface SecondaryResult {
  readonly code: string;
  readonly poa: string;
  readonly valid: boolean;
  /** Severity level in the CC/MCC list, before any exclusion. */
  readonly listedSeverity: 'MCC' | 'CC' | 'NON_CC' | null;
  readonly usage: SdxUsage;
  /** Set when the principal diagnosis's exclusion list removed its CC/MCC status. */
  readonly excludedBy: string | null;
  /** Set when the assigned DRG's own logic does not count it (the list that uses it). */
  readonly drgLogicList: string | null;
  /** HAC categories this code meets on this claim. */
  readonly hacs: readonly number[];
  /** True when a HAC with POA N/U removed its CC/MCC status. */
  readonly hacDemoted: boolean;
  /** True when status-dependent MCC (MCC only if the patient is discharged alive) lost its status. */
  readonly diedDemoted: boolean;
  readonly explanation: string;
}

export type AffectsDrg = 'BOTH' | 'INITIAL' | 'FINAL' | 'NONE';

export interface ProcedureResult {
  readonly code: string;
  readonly valid: boolean;
  /** Operating-room procedure (O.R.) per the MS-DRG O.R. lists. */
  readonly isOR: boolean;
  readonly affects: AffectsDrg;
  readonly explanation: string;
}

export interface HacFound {
  readonly number: number;
  readonly title: string;
  readonly codes: readonly string[];
  /** 'demoted' (POA N/U), 'present' (Y/W, no effect), 'missing-poa' (1/blank: ungroupable). */
  readonly effect: 'demoted' | 'present' | 'missing-poa';
}

export type TraceKind =
  | 'version'
  | 'validation'
  | 'hac'
  | 'mdc'
  | 'pre-mdc'
  | 'reroute'
  | 'surgical'
  | 'medical'
  | 'formula'
  | 'severity'
  | 'secondary'
  | 'procedure'
  | 'result'
  | 'error';

/** One step of the readable reasoning (the "glass box"). */
export interface TraceStep {
  readonly kind: TraceKind;
  readonly text: string;
  /** Codes this step talks about (for highlighting). */
  readonly codes?: readonly string[];
  readonly drg?: number;
  readonly formula?: string;
}

export interface GroupResult {
  readonly version: GrouperVersion | null;
  readonly drg: number;
  readonly drgTitle: string;
  readonly baseDrg: number;
  readonly mdc: number;
  readonly mdcTitle: string;
  readonly medSurg: MedSurg;
  readonly severity: Severity;
  readonly returnCode: ReturnCode;
  /** DRG before HAC demotion (equals drg when no HAC applied). */
  readonly initialDrg: number;
  readonly secondaries: readonly SecondaryResult[];
  readonly procedures: readonly ProcedureResult[];
  readonly hacs: readonly HacFound[];
  /** The formula that assigned the DRG (CMS table text), empty for errors. */
  readonly formula: string;
  /**
   * Medicare Code Editor edits the claim triggers (present when MCE tables were passed to groupClaim;
   * the MCE runs before the grouper in CMS's pipeline, but never stops this grouping).
   */
  readonly mceEdits?: readonly MceEdit[];
  readonly trace: readonly TraceStep[];
}
