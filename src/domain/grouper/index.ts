/**
 * MS-DRG v43.0 / v43.1 grouper (CMS MS-DRG Definitions Manual v43; tables read out of CMS's grouper
 * data, compiled into public/grouper by tools/grouper/build-tables.ts). Pure TypeScript: the browser
 * fetches the table files and calls {@link parseGrouperTables}; Node reads them with
 * tools/grouper/loadTables.ts.
 *
 * ```ts
 * const tables = parseGrouperTables({ 'meta.json': ..., 'dx.tsv': ..., 'pr.tsv': ..., 'clusters.tsv': ..., 'exclusions.tsv': ... });
 * const result = groupClaim(tables, { pdx: 'A419', sdx: [{ code: 'R6521', poa: 'Y' }], procedures: [], ageYears: 70, sex: 'F', dischargeStatus: '01', version: '43.1' });
 * result.drg; // 871
 * result.trace; // readable steps
 * drgFamily(tables, claim, result); // 871 / 872 and what moves the case between them
 * ```
 *
 * @module
 */
export { GROUPER_TABLE_FILES, GROUPER_VERSIONS, parseGrouperTables } from './tables';
export type { GrouperTables, GrouperVersion, DrgInfo } from './tables';
export { groupClaim, pickVersion, normalizeStatus } from './group';
export type { GroupOptions } from './group';
export { applyChange, describeChange, describeFormula, drgFamily, removalImpacts, whatIf } from './explore';
export type { ClaimChange, FamilyMember, WhatIf } from './explore';
export { claimFromRow, parseTsv } from './claimTsv';
export type * from './types';
