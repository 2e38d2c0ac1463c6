/**
 * One call for everything a coder sees about a code: the lookup (title, reportable/header, missing
 * characters, POA exemption, input hints, edit flags) plus, for ICD-10-CM, the instructional notes
 * that apply, the 7th characters and the required partner codes; for ICD-10-PCS, the meaning of
 * each character.
 */
import { formatCode } from './codeset.ts';
import type { CmTabularFile, PcsDefinitionsFile, PcsTablesFile } from './formats.ts';
import { lookupCode, type CodeSets, type LookupResult } from './lookup.ts';
import {
  isManifestationCode,
  notesForCode,
  requiredPartners,
  seventhCharacterChoices,
  type AppliedNote,
  type RequiredPartner,
  type SeventhCharacterChoice,
} from './notes.ts';
import { pcsCharacterMeanings, type PcsCharacterMeaning } from './pcs.ts';

export interface CodeDescription {
  lookup: LookupResult;
  notes: AppliedNote[];
  notesEdition?: string;
  /** Set for FY2026 codes newer than the notes edition (notes inherited from ancestors). */
  notesRemark?: string;
  seventh: SeventhCharacterChoice[];
  partners: RequiredPartner[];
  /** "in diseases classified elsewhere" code: never principal (ICD-10-CM Official Guidelines I.A.13). */
  manifestation: boolean;
  pcsMeanings: PcsCharacterMeaning[];
}

/**
 * Describes a typed code for a discharge date (ICD-10-CM Official Guidelines I.A.3-I.A.5,
 * I.A.10-I.A.17; ICD-10-PCS Official Guidelines A.2-A.6). Reference files are optional: without
 * `tabular` no notes are given, without `pcsTables` no character meanings.
 */
export function describeCode(
  sets: CodeSets,
  input: string,
  dischargeDate: string,
  refs: { tabular?: CmTabularFile; pcsTables?: PcsTablesFile; pcsDefinitions?: PcsDefinitionsFile } = {},
): CodeDescription {
  const lookup = lookupCode(sets, input, dischargeDate);
  const out: CodeDescription = { lookup, notes: [], seventh: [], partners: [], manifestation: false, pcsMeanings: [] };
  if (!lookup.code) return out;
  if (lookup.kind === 'dx' && refs.tabular) {
    const n = notesForCode(refs.tabular, sets.cm, lookup.code);
    out.notes = n.notes;
    out.notesEdition = n.edition;
    if (n.remark) out.notesRemark = n.remark;
    if (n.seventhCharacters && lookup.code.length >= 6) out.seventh = seventhCharacterChoices(refs.tabular, sets.cm, lookup.code);
    out.partners = requiredPartners(refs.tabular, sets.cm, lookup.code);
    out.manifestation = isManifestationCode(sets.cm, lookup.code);
  } else if (lookup.kind === 'pcs' && refs.pcsTables) {
    out.pcsMeanings = pcsCharacterMeanings(refs.pcsTables, refs.pcsDefinitions, lookup.code);
  }
  return out;
}

/** Dotted display form of a list of codes, e.g. for feedback messages. */
export function formatCodes(codes: string[]): string {
  return codes.map((c) => formatCode(c)).join(', ');
}
