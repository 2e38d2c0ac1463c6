/**
 * The MS-DRG grouper as a task service: a thin adapter over src/domain/grouper (owned by the grouper
 * module) plus the claim a scenario implies (age at admission, sex, UB-04 discharge status, discharge
 * date -> grouper version), per the MS-DRG Definitions Manual v43 inputs.
 */
import { groupClaim } from '../grouper/group';
import type { GrouperTables } from '../grouper/tables';
import type { GroupResult, GrouperClaim } from '../grouper/types';
import type { Scenario } from '../../content/scenarioSchema';
import { normaliseCode } from '../coding/codeFormat';

export interface DrgDescription {
  drg: number;
  title: string;
  mdc: number | null;
  mdcTitle?: string;
  /** First DRG of the family (the base DRG the severity split belongs to). */
  baseDrg: number;
  baseTitle?: string;
  medSurg: 'MEDICAL' | 'SURGICAL' | 'OTHER';
}

export interface GrouperService {
  group(claim: GrouperClaim): GroupResult;
  /** What a DRG number stands for in the tables (undefined when there is no such DRG). */
  describe(drg: number): DrgDescription | undefined;
}

/** Wraps parsed grouper tables as the `grouper` task service (MS-DRG v43.0/v43.1). */
export function createGrouperService(tables: GrouperTables): GrouperService {
  return {
    group: (claim) => groupClaim(tables, claim),
    describe(drg) {
      const info = tables.drgs.get(drg);
      if (!info) return undefined;
      const d: DrgDescription = {
        drg,
        title: info.title,
        mdc: info.mdc,
        baseDrg: info.baseDrg,
        medSurg: info.type === 'P' ? 'SURGICAL' : info.type === 'M' ? 'MEDICAL' : 'OTHER',
      };
      const mdcTitle = info.mdc === null ? undefined : tables.mdcTitles.get(info.mdc);
      if (mdcTitle) d.mdcTitle = mdcTitle;
      const baseTitle = tables.baseDrgTitles.get(info.baseDrg);
      if (baseTitle) d.baseTitle = baseTitle;
      return d;
    },
  };
}

/** Completed years of age on the admission date (UHDDS age; MS-DRG age input). */
export function ageOnAdmission(dob: string, admitted: string): number {
  const [by, bm, bd] = dob.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = admitted.slice(0, 10).split('-').map(Number) as [number, number, number];
  let age = ay - by;
  if (am < bm || (am === bm && ad < bd)) age -= 1;
  return Math.max(0, age);
}

export interface ClaimCodes {
  pdx: string;
  sdx: readonly { code: string; poa: string }[];
  procedures: readonly { code: string }[];
}

/**
 * The grouper claim for a scenario's encounter and a set of codes: age on admission, sex, UB-04
 * discharge status (FL17) and discharge date (which picks v43.0 or v43.1). Blank codes are dropped.
 */
export function claimForScenario(scenario: Scenario, codes: ClaimCodes): GrouperClaim {
  return {
    pdx: normaliseCode(codes.pdx),
    sdx: codes.sdx.filter((s) => s.code.trim()).map((s) => ({ code: normaliseCode(s.code), poa: s.poa.trim().toUpperCase() })),
    procedures: codes.procedures.map((p) => normaliseCode(p.code)).filter((c) => c.length > 0),
    ageYears: ageOnAdmission(scenario.patient.dob, scenario.encounter.admitted),
    sex: scenario.patient.sex === 'U' ? '' : scenario.patient.sex,
    dischargeStatus: scenario.encounter.dischargeDisposition,
    dischargeDate: scenario.encounter.discharged.slice(0, 10),
  };
}

/** A DRG number as the three digits shown on a claim ("194", "065"). */
export function formatDrg(drg: number): string {
  return String(drg).padStart(3, '0');
}
