/**
 * Every error type the coding and DRG feedback records with an attempt (for the review drills), with its
 * plain label and the guideline it teaches. docs/scoring.md lists the same table; a test keeps them in step.
 */
import type { Citation } from '../tasks/taskTypes';

export const OCG = 'ICD-10-CM Official Guidelines FY2026';
export const PCS_GUIDELINES = 'ICD-10-PCS Official Guidelines FY2026';
export const MSDRG = 'CMS MS-DRG Definitions Manual v43';

export interface CodingErrorType {
  label: string;
  citation: Citation;
}

const cite = (source: string, section: string, text: string): Citation => ({ source, section, text });

export const CODING_ERROR_TYPES = {
  'coding.code-invalid': { label: 'Not a code', citation: cite(OCG, 'I.A.1; I.B.1', 'Locate the code in the Index, verify it in the Tabular List; only codes that exist are reportable') },
  'coding.code-header': { label: 'Header or category, not a complete code', citation: cite(OCG, 'I.A.3; I.B.2', 'A code is invalid if it has not been coded to the full number of characters required') },
  'coding.seventh-character': { label: 'Missing 7th character', citation: cite(OCG, 'I.A.5', 'Where a 7th character applies, the code is invalid without it') },
  'coding.placeholder-x': { label: 'Missing placeholder X', citation: cite(OCG, 'I.A.4', 'Use the placeholder X to fill empty characters before a 7th character') },
  'coding.code-not-in-effect': { label: 'Code not valid on the discharge date', citation: cite(OCG, 'I.A.1; Introduction', 'Report the code set in effect on the date of discharge (FY2026: October 1, 2025 - September 30, 2026)') },
  'coding.letter-digit': { label: 'Letter O/I typed for digit 0/1 (or the reverse)', citation: cite(OCG, 'I.A.2', 'Code structure: a letter, then digits and letters in fixed positions') },
  'coding.laterality': { label: 'Wrong or unspecified laterality', citation: cite(OCG, 'I.B.13', 'Assign the code for the documented side; unspecified side only when the side is not documented') },
  'coding.specificity': { label: 'Less specific (or different) code in the right family', citation: cite(OCG, 'I.B.2; I.A.9.b', 'Code to the highest level of detail documented; "unspecified" only when the record lacks the detail') },
  'coding.pdx-wrong': { label: 'Wrong principal diagnosis', citation: cite(OCG, 'Section II', 'The condition established after study to be chiefly responsible for the admission') },
  'coding.pdx-sequencing': { label: 'Principal and secondary diagnosis swapped', citation: cite(OCG, 'Section II; II.B-II.C', 'Sequence first the condition chiefly responsible for the admission') },
  'coding.symptom-as-pdx': { label: 'Symptom as principal diagnosis when the cause is established', citation: cite(OCG, 'Section II.A', 'Codes for symptoms are not principal when a related definitive diagnosis has been established') },
  'coding.symptom-integral': { label: 'Symptom coded alongside its confirmed cause', citation: cite(OCG, 'I.B.5', 'Signs and symptoms routinely associated with a disease process are not coded additionally') },
  'coding.uncertain-diagnosis': { label: 'Uncertain diagnosis at discharge not coded as established', citation: cite(OCG, 'Section II.H; III.C', 'Inpatient: "probable", "suspected", "likely" ... at discharge are coded as if established') },
  'coding.ruled-out-coded': { label: 'Ruled-out diagnosis coded', citation: cite(OCG, 'Section II.H; III.C', 'Only a diagnosis still uncertain at discharge is coded as if established; a ruled-out one is not coded') },
  'coding.combination-htn': { label: 'Missed hypertension combination code (heart disease / CKD)', citation: cite(OCG, 'I.C.9.a.1-3', 'Hypertension with heart disease -> I11.-, with CKD -> I12.-, with both -> I13.-; the link is presumed') },
  'coding.combination-diabetes': { label: 'Missed diabetes combination code', citation: cite(OCG, 'I.C.4.a; I.A.15', 'Diabetes "with" a listed complication is coded with the combination code; the link is presumed') },
  'coding.combination-sepsis': { label: 'Missed severe sepsis (sepsis with organ dysfunction)', citation: cite(OCG, 'I.C.1.d.1.b', 'Severe sepsis: the systemic infection, R65.2- and a code for each acute organ dysfunction') },
  'coding.combination-other': { label: 'Two codes where one combination code applies', citation: cite(OCG, 'I.B.9', 'Use the combination code when it fully identifies the diagnostic conditions') },
  'coding.excludes1-pair': { label: 'Excludes1 pair reported together', citation: cite(OCG, 'I.A.12.a', 'Excludes1: the two conditions are never coded together (unless unrelated)') },
  'coding.partner-missed': { label: 'Missing "use additional code" / "code first" partner', citation: cite(OCG, 'I.A.13; I.A.17', 'Tabular instructional notes require the partner code') },
  'coding.code-first-order': { label: 'Manifestation sequenced before its etiology', citation: cite(OCG, 'I.A.13', '"Code first": the underlying condition is sequenced first') },
  'coding.poa-wrong': { label: 'Wrong POA indicator', citation: cite(OCG, 'Appendix I', 'Present on admission reporting guidelines') },
  'coding.poa-exempt': { label: 'POA exemption misused', citation: cite(OCG, 'Appendix I', 'Indicator 1 (blank) only for codes on the POA-exempt list') },
  'coding.sdx-missed': { label: 'Missed secondary diagnosis', citation: cite(OCG, 'Section III', 'Report conditions that affect care: evaluation, treatment, tests, longer stay or more nursing care') },
  'coding.cc-mcc-missed': { label: 'Missed secondary that is a CC or MCC', citation: cite(OCG, 'Section III', 'Report every other diagnosis that affects care; as a CC/MCC it also changes the MS-DRG') },
  'coding.sdx-unsupported': { label: 'Secondary diagnosis not supported', citation: cite(OCG, 'Section III; III.B', 'Only conditions that affect care; abnormal findings only when the provider documents their significance') },
  'coding.pdx-repeated': { label: 'Principal diagnosis repeated as secondary', citation: cite(OCG, 'I.B.12', 'Each code is reported once per encounter') },
  'coding.duplicate-code': { label: 'Code reported twice', citation: cite(OCG, 'I.B.12', 'Each code is reported once per encounter') },
  'coding.pcs-missed': { label: 'Missed procedure', citation: cite('UHDDS', 'Item 12 (procedures and dates)', 'Report significant procedures with their dates') },
  'coding.pcs-unsupported': { label: 'Procedure not supported', citation: cite(PCS_GUIDELINES, 'B3.1a', 'Code the procedure performed as documented, by the full root-operation definition') },
  'coding.pcs-section': { label: 'PCS character 1 (section) wrong', citation: cite(PCS_GUIDELINES, 'A.2-A.3', 'The first character is the section (0 = Medical and Surgical)') },
  'coding.pcs-body-system': { label: 'PCS character 2 (body system) wrong', citation: cite(PCS_GUIDELINES, 'B2.1a', 'The body system is the general physiological system or anatomical region of the procedure') },
  'coding.pcs-root-operation': { label: 'PCS character 3 (root operation) wrong', citation: cite(PCS_GUIDELINES, 'B3.1a', 'Apply the full definition of the root operation to the objective of the procedure') },
  'coding.pcs-body-part': { label: 'PCS character 4 (body part) wrong', citation: cite(PCS_GUIDELINES, 'B4.1a', 'The body part is the specific site of the procedure') },
  'coding.pcs-approach': { label: 'PCS character 5 (approach) wrong', citation: cite(PCS_GUIDELINES, 'B5.2', 'The approach is the technique used to reach the site') },
  'coding.pcs-device': { label: 'PCS character 6 (device) wrong', citation: cite(PCS_GUIDELINES, 'B6.1a', 'A device is coded only if it remains after the procedure') },
  'coding.pcs-qualifier': { label: 'PCS character 7 (qualifier) wrong', citation: cite(PCS_GUIDELINES, 'B3.4a', 'The qualifier adds a detail, e.g. X Diagnostic for a biopsy or diagnostic drainage') },
  'coding.pcs-date': { label: 'Procedure date wrong', citation: cite('UHDDS', 'Item 12 (procedures and dates)', 'Each significant procedure is reported with the date it was performed') },
  'coding.principal-procedure-order': { label: 'Principal procedure not listed first', citation: cite('UHDDS', 'Principal procedure', 'The procedure performed for definitive treatment, most related to the principal diagnosis') },
  'coding.drg-mismatch': { label: 'Codes group to a different MS-DRG', citation: cite(MSDRG, 'MDC, surgical hierarchy, CC/MCC', 'The DRG follows from the principal diagnosis, O.R. procedures and CC/MCC secondaries') },
  'drg.mdc-wrong': { label: 'DRG step: wrong MDC', citation: cite(MSDRG, 'Major Diagnostic Categories', 'The principal diagnosis decides the MDC') },
  'drg.family-wrong': { label: 'DRG step: wrong DRG family (medical/surgical)', citation: cite(MSDRG, 'Surgical hierarchy', 'An O.R. procedure moves the case to a surgical DRG of the MDC') },
  'drg.severity-wrong': { label: 'DRG step: wrong severity level', citation: cite(MSDRG, 'CC/MCC and CC exclusions', 'MCC, CC or neither, after principal-diagnosis exclusions and HAC POA logic') },
  'drg.codes-differ': { label: 'DRG step: own codes group differently from the key', citation: cite(MSDRG, 'Grouping logic', 'The DRG is only as right as the codes that feed it') },
} as const satisfies Record<string, CodingErrorType>;

export type CodingErrorTypeId = keyof typeof CODING_ERROR_TYPES;

/** The citation of an error type (OCG / PCS guideline / MS-DRG manual section). */
export function citationFor(id: CodingErrorTypeId): Citation {
  return CODING_ERROR_TYPES[id].citation;
}
