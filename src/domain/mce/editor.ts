/**
 * Medicare Code Editor (MCE) logic: per-code flags and claim-level edits, from CMS's MCE edit lists
 * (Definitions of Medicare Code Edits, MCE v43.0/v43.1, FY2026) as compiled into MceTables.
 */
import type { MceTables } from './tables';

export type MceCategory = 'validity' | 'age' | 'sex' | 'principal' | 'admission' | 'coverage' | 'consistency' | 'documentation';

/** One MCE attribute of a code, with a machine id and a plain-English label. */
export interface MceFlag {
  /** Stable machine id (upper snake case), e.g. 'AGE_PEDIATRIC', 'MANIFESTATION_NOT_PDX'. */
  readonly id: string;
  /** The CMS MCE list the flag comes from (e.g. 'PEDIATRIC', 'MANIF'); '' for our computed flags. */
  readonly list: string;
  readonly label: string;
  readonly category: MceCategory;
  /** Age limits for age-edit flags (inclusive years). */
  readonly ages?: { readonly min: number; readonly max: number };
}

interface FlagDef {
  readonly id: string;
  readonly label: string;
  readonly category: MceCategory;
}

/** Diagnosis lists of the MCE and what they mean (MCE edits 2, 4, 6, 8, 9, 10, 17, 20, 23...). */
const DX_FLAGS: Readonly<Record<string, FlagDef>> = {
  NEWBORN: { id: 'AGE_NEWBORN', label: 'Newborn diagnosis: expected only at age 0', category: 'age' },
  PEDIATRIC: { id: 'AGE_PEDIATRIC', label: 'Pediatric diagnosis: expected only at ages 0-17', category: 'age' },
  MATERNITY: { id: 'AGE_MATERNITY', label: 'Maternity diagnosis: expected only at ages 9-64', category: 'age' },
  ADULT: { id: 'AGE_ADULT', label: 'Adult diagnosis: expected only at ages 15-124', category: 'age' },
  ECODEPDX: { id: 'EXTERNAL_CAUSE_NOT_PDX', label: 'External cause code: cannot be the principal diagnosis', category: 'principal' },
  MANIF: { id: 'MANIFESTATION_NOT_PDX', label: 'Manifestation code: cannot be the principal diagnosis (code the underlying condition first)', category: 'principal' },
  UNACCEPTABLE: { id: 'UNACCEPTABLE_PDX', label: 'Unacceptable as principal diagnosis for an inpatient admission', category: 'principal' },
  QADM: { id: 'QUESTIONABLE_ADMISSION', label: 'Questionable admission when principal: rarely a reason for inpatient admission', category: 'admission' },
  REQSDX: { id: 'REQUIRES_SDX', label: 'As principal diagnosis, requires a secondary diagnosis', category: 'principal' },
  UNSPECIFIED: { id: 'UNSPECIFIED_CODE', label: 'Unspecified code: a more specific code (e.g. laterality) is expected', category: 'documentation' },
  WRNGPROC: { id: 'WRONG_PROCEDURE_PERFORMED', label: 'Wrong procedure performed (the claim needs review)', category: 'coverage' },
  DELOUT: { id: 'OUTCOME_OF_DELIVERY', label: 'Outcome-of-delivery code (Z37.-): goes with a delivery on the mother\'s record', category: 'consistency' },
  CLINTRIAL: { id: 'CLINICAL_TRIAL', label: 'Clinical research encounter code', category: 'coverage' },
  NCOV_B: { id: 'PANCREAS_TRANSPLANT_DX', label: 'Diagnosis that makes a pancreas transplant covered (type 1 diabetes)', category: 'coverage' },
  NCOV_D: { id: 'STEM_CELL_DX', label: 'Diagnosis that makes a stem-cell transplant covered', category: 'coverage' },
  NCOV_G: { id: 'STERILIZATION_DX', label: 'Encounter for sterilization: sterilization procedures are then non-covered', category: 'coverage' },
};

/** Procedure lists of the MCE (edits 10 non-covered, 17 limited coverage, 18 length of stay, maternity). */
const PR_FLAGS: Readonly<Record<string, FlagDef>> = {
  NCOV_A: { id: 'NON_COVERED', label: 'Non-covered procedure under Medicare', category: 'coverage' },
  NCOV_B_PXP: { id: 'PANCREAS_TRANSPLANT', label: 'Pancreas transplant: covered only with a kidney transplant or type 1 diabetes', category: 'coverage' },
  NCOV_B_KXP: { id: 'KIDNEY_TRANSPLANT', label: 'Kidney transplant: makes a simultaneous pancreas transplant covered', category: 'coverage' },
  NCOV_D: { id: 'STEM_CELL_TRANSPLANT', label: 'Stem-cell transfusion: covered only with certain leukemia diagnoses', category: 'coverage' },
  NCOV_F: { id: 'NON_COVERED_OVER_60', label: 'Non-covered for beneficiaries over age 60 (lumbar artificial disc)', category: 'coverage' },
  NCOV_G: { id: 'STERILIZATION', label: 'Sterilization procedure: non-covered when the principal diagnosis is an encounter for sterilization', category: 'coverage' },
  LCOV: { id: 'LIMITED_COVERAGE', label: 'Limited coverage procedure (Medicare covers it only under set conditions)', category: 'coverage' },
  LOS: { id: 'LENGTH_OF_STAY', label: 'Needs a stay of at least 4 days (mechanical ventilation >96 consecutive hours)', category: 'consistency' },
  CSECT: { id: 'CESAREAN_DELIVERY', label: 'Cesarean delivery procedure', category: 'consistency' },
  VAGDEL: { id: 'VAGINAL_DELIVERY', label: 'Vaginal delivery procedure', category: 'consistency' },
};

const AGE_LISTS = new Set(['NEWBORN', 'PEDIATRIC', 'MATERNITY', 'ADULT']);

function ageRange(tables: MceTables, list: string, date: string): { min: number; max: number } | undefined {
  const r = tables.ageRanges.find((a) => a.edit === list && a.from <= date && date <= a.to) ?? tables.ageRanges.filter((a) => a.edit === list).at(-1);
  return r ? { min: r.min, max: r.max } : undefined;
}

function toFlags(tables: MceTables, lists: readonly string[] | undefined, defs: Readonly<Record<string, FlagDef>>, date: string, kind: string): MceFlag[] {
  if (lists === undefined) return [{ id: 'INVALID_CODE', list: '', label: `Not a valid ${kind} code for this discharge date`, category: 'validity' }];
  return lists.map((list) => {
    const def = defs[list] ?? { id: list, label: `MCE list ${list}`, category: 'documentation' as const };
    const ages = AGE_LISTS.has(list) ? ageRange(tables, list, date) : undefined;
    const label = ages ? def.label.replace(/ages? [\d-]+$/, ages.min === ages.max ? `age ${ages.min}` : `ages ${ages.min}-${ages.max}`) : def.label;
    return { id: def.id, list, label, category: def.category, ...(ages ? { ages } : {}) };
  });
}

function cleanCode(code: string): string {
  return code.replace(/\./g, '').trim().toUpperCase();
}

/**
 * MCE flags of an ICD-10-CM code on a discharge date (CMS Definitions of Medicare Code Edits v43: age
 * edits newborn/pediatric/maternity/adult, external cause and manifestation not as principal,
 * unacceptable principal diagnosis, questionable admission, unspecified code, non-covered lists).
 * An unknown code yields the single flag INVALID_CODE. Dots in the code are ignored.
 */
export function mceFlagsForDiagnosis(tables: MceTables, code: string, dischargeDate: string): readonly MceFlag[] {
  return toFlags(tables, tables.dxEdits(cleanCode(code), dischargeDate), DX_FLAGS, dischargeDate, 'ICD-10-CM');
}

/**
 * MCE flags of an ICD-10-PCS code on a discharge date (CMS Definitions of Medicare Code Edits v43:
 * non-covered and limited-coverage procedures, length-of-stay and delivery procedure lists).
 * An unknown code yields the single flag INVALID_CODE.
 */
export function mceFlagsForProcedure(tables: MceTables, code: string, dischargeDate: string): readonly MceFlag[] {
  return toFlags(tables, tables.prEdits(cleanCode(code), dischargeDate), PR_FLAGS, dischargeDate, 'ICD-10-PCS');
}

/** A claim as the MCE sees it. */
export interface MceClaim {
  readonly pdx: string;
  readonly sdx: readonly { readonly code: string; readonly poa?: string }[];
  readonly procedures: readonly string[];
  readonly ageYears: number;
  readonly sex: string;
  readonly dischargeStatus: string;
  /** ISO date (YYYY-MM-DD): selects the MCE period (Oct 2025 or Apr 2026 tables). */
  readonly dischargeDate: string;
  /** Length of stay in days, when known (for the ventilation >96 hours edit). */
  readonly lengthOfStayDays?: number;
}

/** One edit a claim triggers. */
export interface MceEdit {
  readonly id: string;
  readonly label: string;
  readonly category: MceCategory;
  /** 'pdx', 'sdx', 'procedure' or 'claim'. */
  readonly on: 'pdx' | 'sdx' | 'procedure' | 'claim';
  readonly code?: string;
  /** Prepayment edits stop a claim (it is returned to the hospital); the others are informational. */
  readonly severity: 'error' | 'warning';
}

/**
 * Runs the MCE claim edits (CMS Definitions of Medicare Code Edits v43, edits 1-6, 8-10, 17-18 and the
 * validation edits for age, sex and discharge status) and lists every edit the claim triggers, in
 * claim order.
 */
export function editClaim(tables: MceTables, claim: MceClaim): readonly MceEdit[] {
  const out: MceEdit[] = [];
  const date = claim.dischargeDate;
  const period = tables.periodOf(date);
  if (!period) {
    out.push({ id: 'DATE_OUT_OF_RANGE', label: `Discharge date ${date || '(none)'} is outside the FY2026 MCE tables (2025-10-01 to 2026-09-30)`, category: 'validity', on: 'claim', severity: 'error' });
    return out;
  }
  const age = claim.ageYears;
  const ageValid = Number.isInteger(age) && age >= 0 && age <= 124;
  if (!ageValid) out.push({ id: 'INVALID_AGE', label: `Age ${String(age)} is not between 0 and 124`, category: 'validity', on: 'claim', severity: 'error' });
  const sex = claim.sex.trim().toUpperCase();
  if (sex !== 'M' && sex !== 'F' && sex !== 'U') out.push({ id: 'INVALID_SEX', label: `Sex "${claim.sex}" is not M, F or U`, category: 'validity', on: 'claim', severity: 'error' });
  const status = String(Number(claim.dischargeStatus.trim()));
  const statusOk = /^\d{1,2}$/.test(claim.dischargeStatus.trim()) && tables.dischargeStatuses.some((s) => s.code === status && s.from <= date && date <= s.to);
  if (!statusOk) out.push({ id: 'INVALID_DISCHARGE_STATUS', label: `Discharge status "${claim.dischargeStatus}" is not a valid UB-04 patient status`, category: 'validity', on: 'claim', severity: 'error' });

  const pdx = cleanCode(claim.pdx);
  const pdxLists = tables.dxEdits(pdx, date);
  const allDx: { code: string; on: 'pdx' | 'sdx'; lists: readonly string[] | undefined }[] = [{ code: pdx, on: 'pdx', lists: pdxLists }];
  for (const s of claim.sdx) {
    const code = cleanCode(s.code);
    if (code === '') continue;
    allDx.push({ code, on: 'sdx', lists: tables.dxEdits(code, date) });
  }
  const dxLists = new Set<string>();
  for (const d of allDx) for (const l of d.lists ?? []) dxLists.add(l);
  const prs = claim.procedures.map(cleanCode).filter((c) => c !== '').map((code) => ({ code, lists: tables.prEdits(code, date) }));
  const prLists = new Set<string>();
  for (const p of prs) for (const l of p.lists ?? []) prLists.add(l);

  for (const d of allDx) {
    if (d.lists === undefined) {
      out.push({ id: 'INVALID_CODE', label: `${d.code || '(blank)'} is not a valid ICD-10-CM code on ${date}`, category: 'validity', on: d.on, code: d.code, severity: 'error' });
      continue;
    }
    if (d.on === 'sdx' && d.code === pdx) out.push({ id: 'DUPLICATE_OF_PDX', label: `${d.code} repeats the principal diagnosis`, category: 'consistency', on: 'sdx', code: d.code, severity: 'error' });
    for (const list of d.lists) {
      if (AGE_LISTS.has(list)) {
        const r = ageRange(tables, list, date);
        if (ageValid && r && (age < r.min || age > r.max)) {
          out.push({ id: 'AGE_CONFLICT', label: `${d.code}: ${(DX_FLAGS[list]?.label ?? list).replace(/ages? [\d-]+$/, r.min === r.max ? `age ${r.min}` : `ages ${r.min}-${r.max}`)}, but the patient is ${age}`, category: 'age', on: d.on, code: d.code, severity: 'error' });
        }
      }
      if (d.on === 'pdx') {
        // A code on both the unacceptable and the requires-a-secondary lists (Z51.89) is acceptable
        // as principal once a secondary diagnosis is reported; REQUIRES_SDX explains the other case.
        if (list === 'UNACCEPTABLE' && d.lists.includes('REQSDX')) continue;
        if (list === 'ECODEPDX' || list === 'MANIF' || list === 'UNACCEPTABLE' || list === 'QADM') {
          const def = DX_FLAGS[list];
          if (def) out.push({ id: def.id, label: `${d.code}: ${def.label}`, category: def.category, on: 'pdx', code: d.code, severity: 'error' });
        }
        if (list === 'REQSDX' && claim.sdx.length === 0) out.push({ id: 'REQUIRES_SDX', label: `${d.code} as principal diagnosis requires a secondary diagnosis`, category: 'principal', on: 'pdx', code: d.code, severity: 'error' });
      }
      if (list === 'UNSPECIFIED') out.push({ id: 'UNSPECIFIED_CODE', label: `${d.code}: ${DX_FLAGS.UNSPECIFIED?.label ?? ''}`, category: 'documentation', on: d.on, code: d.code, severity: 'warning' });
      if (list === 'WRNGPROC') out.push({ id: 'WRONG_PROCEDURE_PERFORMED', label: `${d.code}: ${DX_FLAGS.WRNGPROC?.label ?? ''}`, category: 'coverage', on: d.on, code: d.code, severity: 'error' });
    }
  }

  for (const p of prs) {
    if (p.lists === undefined) {
      out.push({ id: 'INVALID_CODE', label: `${p.code} is not a valid ICD-10-PCS code on ${date}`, category: 'validity', on: 'procedure', code: p.code, severity: 'error' });
      continue;
    }
    const add = (id: string, label: string, severity: 'error' | 'warning' = 'error', category: MceCategory = 'coverage'): void => {
      out.push({ id, label: `${p.code}: ${label}`, category, on: 'procedure', code: p.code, severity });
    };
    for (const list of p.lists) {
      if (list === 'NCOV_A') add('NON_COVERED', 'non-covered procedure');
      else if (list === 'NCOV_B_PXP' && !prLists.has('NCOV_B_KXP') && !dxLists.has('NCOV_B')) add('NON_COVERED', 'pancreas transplant without a kidney transplant or a type 1 diabetes diagnosis is non-covered');
      else if (list === 'NCOV_D' && !dxLists.has('NCOV_D')) add('NON_COVERED', 'stem-cell transfusion without a qualifying leukemia diagnosis is non-covered');
      else if (list === 'NCOV_F' && ageValid && age > 60) add('NON_COVERED', 'non-covered for a patient over age 60');
      else if (list === 'NCOV_G' && (pdxLists ?? []).includes('NCOV_G')) add('NON_COVERED', 'sterilization is non-covered when the principal diagnosis is an encounter for sterilization');
      else if (list === 'LCOV') add('LIMITED_COVERAGE', 'limited coverage procedure', 'warning');
      else if (list === 'LOS' && claim.lengthOfStayDays !== undefined && claim.lengthOfStayDays < 4) add('LENGTH_OF_STAY', `ventilation >96 consecutive hours is inconsistent with a ${claim.lengthOfStayDays}-day stay`, 'error', 'consistency');
    }
  }
  return out;
}
