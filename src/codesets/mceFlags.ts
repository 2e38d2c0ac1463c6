/**
 * Adapter from the Medicare Code Editor tables (src/domain/mce, compiled by the grouper module into
 * public/grouper/mce-*) to the lookup's EditFlagProvider hook, so every code lookup shows its MCE
 * edits (CMS Definitions of Medicare Code Edits v43: age, manifestation / unacceptable principal,
 * questionable admission, non-covered and limited-coverage procedures, ...).
 */
import { mceFlagsForDiagnosis, mceFlagsForProcedure, type MceFlag, type MceTables } from '../domain/mce/index.ts';
import type { EditFlag, EditFlagProvider } from './lookup.ts';

function toEditFlag(flag: MceFlag): EditFlag {
  const f: EditFlag = { id: `mce:${flag.id}`, label: `MCE: ${flag.label}` };
  if (flag.list) f.detail = `CMS MCE list ${flag.list} (${flag.category})`;
  return f;
}

/** EditFlagProvider over compiled MCE tables (CMS Medicare Code Editor v43.0/v43.1, by discharge date). */
export function mceEditFlags(tables: MceTables): EditFlagProvider {
  return {
    diagnosis: (code, date) => mceFlagsForDiagnosis(tables, code, date).map(toEditFlag),
    procedure: (code, date) => mceFlagsForProcedure(tables, code, date).map(toEditFlag),
  };
}
