/**
 * Code normalisation and shape checks shared by every coding feature.
 * Shapes follow ICD-10-CM Official Guidelines FY2026 Section I.A.2-I.A.5 (code structure, placeholder X,
 * 7th characters) and the ICD-10-PCS Official Guidelines A.1-A.3 (7 characters, 34 values, no I or O).
 */

/** Strips spaces and dots and upper-cases, the way coders type codes into an encoder. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s.]/g, '').toUpperCase();
}

/** ICD-10-CM code shape (OCG I.A.2): a letter, a digit, an alphanumeric, then up to four alphanumerics. */
export const ICD10CM_SHAPE = /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/;
/** ICD-10-PCS code shape (PCS guideline A.2): seven characters from 0-9 and A-Z without I and O. */
export const ICD10PCS_SHAPE = /^[0-9A-HJ-NP-Z]{7}$/;

/** Formats an ICD-10-CM code with its dot after the third character (OCG I.A.2), e.g. J189 -> J18.9. */
export function formatDiagnosisCode(code: string): string {
  const c = normaliseCode(code);
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

/** Whether the input has the shape of an ICD-10-CM code (not whether it exists). */
export function looksLikeDiagnosisCode(input: string): boolean {
  return ICD10CM_SHAPE.test(normaliseCode(input));
}

/** Whether the input has the shape of an ICD-10-PCS code (PCS guideline A.2). */
export function looksLikeProcedureCode(input: string): boolean {
  return ICD10PCS_SHAPE.test(normaliseCode(input));
}

/** POA indicator values (OCG Appendix I): Y, N, U, W, and 1 for exempt codes. */
export const POA_VALUES = ['Y', 'N', 'U', 'W', '1'] as const;
export type PoaIndicator = (typeof POA_VALUES)[number];
