/**
 * Medicare Code Editor (MCE) tables API — pure TypeScript, browser and Node alike.
 *
 * Source: the FY2026 edit lists of CMS's Medicare Code Editor (MCE 2.0, v43.0 for discharges from
 * 2025-10-01, v43.1 from 2026-04-01), compiled into `public/grouper/mce-*` by
 * `tools/grouper/build-tables.ts` (see ../shared/data/SOURCES.md, section mce/). The rules follow CMS's
 * "Definitions of Medicare Code Edits" (v43). No sex-conflict lists exist in this release, so no sex
 * edit is raised.
 *
 * Stable API (used by the code-set lookup in src/codesets and by the grouper workbench):
 *
 * ```ts
 * import { loadMceTables, mceFlagsForDiagnosis, mceFlagsForProcedure, editClaim } from '../domain/mce';
 * const mce = loadMceTables({ 'mce-meta.json': metaText, 'mce-dx.tsv': dxText, 'mce-pr.tsv': prText });
 * mceFlagsForDiagnosis(mce, 'O80', '2026-01-15');
 * //   [{ id: 'AGE_MATERNITY', list: 'MATERNITY', label: 'Maternity diagnosis: expected only at ages 9-64',
 * //      category: 'age', ages: { min: 9, max: 64 } }]
 * mceFlagsForProcedure(mce, '5A1955Z', '2026-01-15'); // [{ id: 'LENGTH_OF_STAY', ... }]
 * editClaim(mce, { pdx: 'G1221', sdx: [], procedures: [], ageYears: 70, sex: 'F', dischargeStatus: '01', dischargeDate: '2026-01-15' });
 * ```
 *
 * - Every flag/edit has a machine `id` (upper snake case; unchanged across releases) and a
 *   plain-English `label` for students; `list` names the CMS list behind a flag.
 * - Codes may be given with or without dots, in any case.
 * - An unknown code (or a date outside FY2026) gives the single flag `INVALID_CODE`.
 * - Flag ids: AGE_NEWBORN, AGE_PEDIATRIC, AGE_MATERNITY, AGE_ADULT, EXTERNAL_CAUSE_NOT_PDX,
 *   MANIFESTATION_NOT_PDX, UNACCEPTABLE_PDX, QUESTIONABLE_ADMISSION, REQUIRES_SDX, UNSPECIFIED_CODE,
 *   WRONG_PROCEDURE_PERFORMED, OUTCOME_OF_DELIVERY, CLINICAL_TRIAL, PANCREAS_TRANSPLANT_DX, STEM_CELL_DX,
 *   STERILIZATION_DX (diagnoses); NON_COVERED, PANCREAS_TRANSPLANT, KIDNEY_TRANSPLANT,
 *   STEM_CELL_TRANSPLANT, NON_COVERED_OVER_60, STERILIZATION, LIMITED_COVERAGE, LENGTH_OF_STAY,
 *   CESAREAN_DELIVERY, VAGINAL_DELIVERY (procedures); INVALID_CODE.
 * - Claim edit ids: INVALID_CODE, DUPLICATE_OF_PDX, AGE_CONFLICT, EXTERNAL_CAUSE_NOT_PDX,
 *   MANIFESTATION_NOT_PDX, UNACCEPTABLE_PDX, QUESTIONABLE_ADMISSION, REQUIRES_SDX, UNSPECIFIED_CODE,
 *   WRONG_PROCEDURE_PERFORMED, NON_COVERED, LIMITED_COVERAGE, LENGTH_OF_STAY, INVALID_AGE, INVALID_SEX,
 *   INVALID_DISCHARGE_STATUS, DATE_OUT_OF_RANGE.
 *
 * @module
 */
export { MCE_TABLE_FILES, loadMceTables } from './tables';
export type { MceTables, McePeriod, MceAgeRange } from './tables';
export { editClaim, mceFlagsForDiagnosis, mceFlagsForProcedure } from './editor';
export type { MceCategory, MceClaim, MceEdit, MceFlag } from './editor';
