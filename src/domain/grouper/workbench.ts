/**
 * Pure helpers for the DRG workbench UI (src/ui/drg): the editable claim form, its conversion to a
 * grouper claim, option lists with plain-English labels (UB-04 patient discharge status codes; CMS POA
 * indicators per the ICD-10-CM Official Guidelines, Appendix I), and display formatting.
 */
import type { GrouperVersion } from './tables';
import type { GrouperClaim, GroupResult, SdxUsage } from './types';

/** One code row of the form (mutable: the UI binds to it). */
export interface WorkbenchCode {
  code: string;
  /** POA indicator (secondaries only). */
  poa: string;
  /** Unticked = left out of the grouping ("what if" without it), but kept on the form. */
  included: boolean;
}

export interface WorkbenchForm {
  pdx: string;
  sdx: WorkbenchCode[];
  procedures: WorkbenchCode[];
  /** Svelte's bind:value on a number input yields a number, or null when the field is empty. */
  age: string | number | null;
  sex: string;
  dischargeStatus: string;
  /** 'date' = choose the version by discharge date; otherwise an explicit version. */
  versionMode: 'date' | GrouperVersion;
  dischargeDate: string;
}

/** A fresh, independent copy of a form (the constants below must not be mutated). */
export function copyForm(form: Readonly<WorkbenchForm>): WorkbenchForm {
  return { ...form, sdx: form.sdx.map((s) => ({ ...s })), procedures: form.procedures.map((p) => ({ ...p })) };
}

/** Discharge date the MCE should use: the form's date, or the first day of the chosen version. */
export function mceDateOf(form: Readonly<WorkbenchForm>): string {
  if (form.versionMode === '43.0') return '2025-10-01';
  if (form.versionMode === '43.1') return '2026-04-01';
  return form.dischargeDate;
}

export const EMPTY_FORM: Readonly<WorkbenchForm> = {
  pdx: '',
  sdx: [],
  procedures: [],
  age: '65',
  sex: 'F',
  dischargeStatus: '01',
  versionMode: 'date',
  dischargeDate: '2026-01-15',
};

/** A ready-made sepsis example (severe sepsis with acute respiratory failure). */
export const SAMPLE_FORM: Readonly<WorkbenchForm> = {
  ...EMPTY_FORM,
  pdx: 'A419',
  sdx: [
    { code: 'R6520', poa: 'Y', included: true },
    { code: 'J9601', poa: 'Y', included: true },
    { code: 'N179', poa: 'Y', included: true },
  ],
  age: '72',
};

/** Upper-cases a typed code and drops dots and spaces ("j96.01 " -> "J9601"). */
export function normalizeCodeInput(text: string): string {
  return text.replace(/[.\s]/g, '').toUpperCase();
}

/** Short check of a code's shape, before it goes to the grouper: 3-7 letters/digits. */
export function looksLikeCode(text: string): boolean {
  return /^[A-Z0-9]{3,7}$/.test(normalizeCodeInput(text));
}

/** The grouper claim for the form: unticked codes are left out. */
export function claimFromForm(form: Readonly<WorkbenchForm>): GrouperClaim {
  const ageText = form.age === null ? '' : String(form.age).trim();
  const age = Number(ageText);
  return {
    pdx: normalizeCodeInput(form.pdx),
    sdx: form.sdx.filter((s) => s.included).map((s) => ({ code: normalizeCodeInput(s.code), poa: s.poa })),
    procedures: form.procedures.filter((p) => p.included).map((p) => normalizeCodeInput(p.code)),
    ageYears: ageText === '' || !Number.isFinite(age) ? -1 : age,
    sex: form.sex,
    dischargeStatus: form.dischargeStatus,
    ...(form.versionMode === 'date' ? { dischargeDate: form.dischargeDate } : { version: form.versionMode }),
  };
}

/** POA indicators (ICD-10-CM Official Guidelines, Appendix I). */
export const POA_OPTIONS: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'Y', label: 'Y - present at admission' },
  { value: 'N', label: 'N - not present at admission' },
  { value: 'U', label: 'U - documentation insufficient' },
  { value: 'W', label: 'W - clinically undetermined' },
  { value: '1', label: '1 - exempt from POA reporting' },
  { value: '', label: '(blank)' },
];

/** Common UB-04 patient discharge status codes (form locator 17). */
export const DISCHARGE_STATUS_OPTIONS: readonly { readonly value: string; readonly label: string }[] = [
  { value: '01', label: '01 - home or self care' },
  { value: '02', label: '02 - short-term acute care hospital' },
  { value: '03', label: '03 - skilled nursing facility' },
  { value: '04', label: '04 - intermediate care facility' },
  { value: '05', label: '05 - designated cancer center or children\'s hospital' },
  { value: '06', label: '06 - home health care' },
  { value: '07', label: '07 - left against medical advice' },
  { value: '20', label: '20 - expired' },
  { value: '21', label: '21 - court or law enforcement' },
  { value: '30', label: '30 - still a patient' },
  { value: '43', label: '43 - federal health care facility' },
  { value: '50', label: '50 - hospice, home' },
  { value: '51', label: '51 - hospice, medical facility' },
  { value: '61', label: '61 - swing bed' },
  { value: '62', label: '62 - inpatient rehabilitation facility' },
  { value: '63', label: '63 - long-term care hospital' },
  { value: '65', label: '65 - psychiatric hospital' },
  { value: '66', label: '66 - critical access hospital' },
  { value: '70', label: '70 - other institution' },
  { value: '82', label: '82 - acute care hospital, planned readmission' },
  { value: '00', label: '00 - (not a valid status)' },
];

/** "871" -> "871", 5 -> "005". */
export function formatDrgNumber(drg: number): string {
  return String(drg).padStart(3, '0');
}

/** Plain-English meaning of a secondary-diagnosis usage flag (shown as text, not only as a colour). */
export function usageLabel(usage: SdxUsage, hacDemoted: boolean): string {
  if (hacDemoted && usage === 'NEITHER') return 'HAC, not counted';
  switch (usage) {
    case 'MCC':
      return 'MCC';
    case 'CC':
      return 'CC';
    case 'MCC_EXCLUDED':
      return 'MCC excluded by principal dx';
    case 'CC_EXCLUDED':
      return 'CC excluded by principal dx';
    case 'MCC_EXCLUDED_BY_DRG_LOGIC':
      return 'MCC used by DRG logic';
    case 'CC_EXCLUDED_BY_DRG_LOGIC':
      return 'CC used by DRG logic';
    case 'INVALID':
      return 'invalid code';
    default:
      return 'neither';
  }
}

/** One-line summary of a result for screen readers and headings. */
export function resultSummary(r: GroupResult): string {
  if (r.returnCode !== 'OK') return `DRG ${formatDrgNumber(r.drg)} ${r.drgTitle} (${r.returnCode})`;
  return `DRG ${formatDrgNumber(r.drg)} ${r.drgTitle}`;
}
