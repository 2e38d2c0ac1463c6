/**
 * Age and sex consistency edits for abstracted codes, after the CMS Medicare Code Editor (MCE) edit
 * categories "age conflict" (newborn 0, maternity 9-64 since FY2020, per the MCE age-range table) and
 * "sex conflict". The full per-code MCE tables were not available as a module when this was written
 * (src/domain/mce is a placeholder), so this is a SMALL, documented rule set by code range; it is
 * pluggable: pass another `AgeSexEditor` (e.g. one backed by the MCE tables) to validateAbstract.
 */
import { normaliseCode } from '../coding/codeFormat';

export type EditKind = 'age' | 'sex';

export interface AgeSexConflict {
  kind: EditKind;
  message: string;
}

/** Checks one code against the patient's age in years at admission and sex (F/M/U). */
export type AgeSexEditor = (code: string, codeKind: 'dx' | 'pcs', ageYears: number, sex: string) => AgeSexConflict | undefined;

interface RangeRule {
  from: string;
  to: string;
  what: string;
}

const inRange = (code: string, r: RangeRule) => code.slice(0, r.from.length) >= r.from && code.slice(0, r.to.length) <= r.to;

/** MCE "maternity" diagnoses (age 9-64, female): pregnancy chapter, supervision of pregnancy, weeks of gestation, outcome of delivery. */
const MATERNITY: RangeRule[] = [
  { from: 'O00', to: 'O9A', what: 'pregnancy, childbirth and the puerperium (chapter 15)' },
  { from: 'Z33', to: 'Z34', what: 'pregnant state / supervision of normal pregnancy' },
  { from: 'Z3A', to: 'Z3A', what: 'weeks of gestation' },
  { from: 'Z37', to: 'Z37', what: 'outcome of delivery' },
];
/** MCE "newborn" diagnoses (age 0): perinatal conditions and liveborn infants. */
const NEWBORN: RangeRule[] = [
  { from: 'P00', to: 'P96', what: 'perinatal conditions (chapter 16)' },
  { from: 'Z38', to: 'Z38', what: 'liveborn infant' },
];
const MALE_ONLY: RangeRule[] = [
  { from: 'C60', to: 'C63', what: 'malignant neoplasm of male genital organs' },
  { from: 'D074', to: 'D076', what: 'carcinoma in situ of male genital organs' },
  { from: 'D29', to: 'D29', what: 'benign neoplasm of male genital organs' },
  { from: 'D40', to: 'D40', what: 'neoplasm of uncertain behavior of male genital organs' },
  { from: 'N40', to: 'N53', what: 'diseases of male genital organs' },
  { from: 'Q53', to: 'Q55', what: 'congenital malformations of male genital organs' },
  { from: 'R86', to: 'R86', what: 'abnormal findings in male genital specimens' },
  { from: 'Z125', to: 'Z125', what: 'screening for prostate cancer' },
];
const FEMALE_ONLY: RangeRule[] = [
  { from: 'C51', to: 'C58', what: 'malignant neoplasm of female genital organs' },
  { from: 'D25', to: 'D28', what: 'benign neoplasm of female genital organs' },
  { from: 'D39', to: 'D39', what: 'neoplasm of uncertain behavior of female genital organs' },
  { from: 'N70', to: 'N98', what: 'diseases of female pelvic and genital organs' },
  { from: 'Q50', to: 'Q52', what: 'congenital malformations of female genital organs' },
  { from: 'R87', to: 'R87', what: 'abnormal findings in female genital specimens' },
  { from: 'Z124', to: 'Z124', what: 'screening for cervical cancer' },
  { from: 'Z0141', to: 'Z0141', what: 'gynecological examination' },
];

/**
 * The built-in editor (MCE-style, range based): newborn codes need age 0, maternity codes a female aged
 * 9-64, sex-specific diagnosis ranges the matching sex; ICD-10-PCS body systems 0U (female reproductive),
 * 0V (male reproductive) and section 1 (obstetrics) need the matching sex.
 */
export const builtInAgeSexEditor: AgeSexEditor = (raw, codeKind, age, sex) => {
  const code = normaliseCode(raw);
  if (codeKind === 'pcs') {
    if ((code.startsWith('0U') || code.startsWith('1')) && sex === 'M') return { kind: 'sex', message: `${code} is a female-only procedure (${code.startsWith('1') ? 'obstetrics' : 'female reproductive system'}) but the patient is male.` };
    if (code.startsWith('0V') && sex === 'F') return { kind: 'sex', message: `${code} is a male-only procedure (male reproductive system) but the patient is female.` };
    return undefined;
  }
  const newborn = NEWBORN.find((r) => inRange(code, r));
  if (newborn && age !== 0) return { kind: 'age', message: `${code} (${newborn.what}) is a newborn code (age 0) but the patient is ${age}.` };
  const maternity = MATERNITY.find((r) => inRange(code, r));
  if (maternity) {
    if (sex === 'M') return { kind: 'sex', message: `${code} (${maternity.what}) is a maternity code but the patient is male.` };
    if (age < 9 || age > 64) return { kind: 'age', message: `${code} (${maternity.what}) is a maternity code (age 9-64) but the patient is ${age}.` };
  }
  const male = MALE_ONLY.find((r) => inRange(code, r));
  if (male && sex === 'F') return { kind: 'sex', message: `${code} (${male.what}) is a male-only code but the patient is female.` };
  const female = FEMALE_ONLY.find((r) => inRange(code, r));
  if (female && sex === 'M') return { kind: 'sex', message: `${code} (${female.what}) is a female-only code but the patient is male.` };
  return undefined;
};
