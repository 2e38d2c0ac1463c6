/**
 * Shapes of the compiled code-set files in `public/codesets/fy2026/` (written by
 * `tools/codesets/build.ts`, read by `src/codesets/parse.ts`). TSV files carry the large flat
 * lists (one code per line, gzip-friendly); JSON files carry the nested reference material.
 */

/** Bumped whenever a file layout below changes; the parser refuses other formats. */
export const CODESET_FORMAT = 1;
/** Folder under `public/codesets/` (and URL path under BASE_URL) holding this code-set version. */
export const CODESET_DIR = 'fy2026';

/** Every compiled file, grouped by purpose so a screen fetches only what it needs. */
export const CODESET_FILES = {
  manifest: 'manifest.json',
  /** `code \t valid(1|0) \t long title`, ICD-10-CM FY2026 order-file order. */
  cmCodes: 'cm-codes.tsv',
  /** `code \t short title`, only where the short title differs from the long one. */
  cmShortTitles: 'cm-short-titles.tsv',
  /** `action(add|delete) \t valid(1|0) \t code \t long title`: FY2025 -> FY2026 changes (effective 2025-10-01). */
  cmChanges: 'cm-changes.tsv',
  /** `code \t valid(1|0) \t long title`, ICD-10-PCS FY2026 April 2026 order file (tables are headers). */
  pcsCodes: 'pcs-codes.tsv',
  pcsShortTitles: 'pcs-short-titles.tsv',
  /** `action(add|delete|revise) \t code \t effective date \t title`: October 2025 -> April 2026 update. */
  pcsChanges: 'pcs-changes.tsv',
  /** One POA-exempt ICD-10-CM code per line (no dot), FY2026 list. */
  poaExempt: 'poa-exempt.txt',
  /** `main term \t code`: Alphabetic Index main terms that carry a code (their default code); small, for search ranking. */
  cmIndexDefaults: 'cm-index-defaults.tsv',
  /** `code \t inclusion term`: tabular inclusion terms (FY2023 edition), searchable as synonyms. */
  cmInclusionTerms: 'cm-inclusion-terms.tsv',
  cmTabular: 'cm-tabular.json',
  cmIndex: 'cm-index.json',
  cmEindex: 'cm-eindex.json',
  cmNeoplasm: 'cm-neoplasm.json',
  cmDrug: 'cm-drug.json',
  pcsTables: 'pcs-tables.json',
  pcsDefinitions: 'pcs-definitions.json',
  pcsIndex: 'pcs-index.json',
} as const;
export type CodesetFileKey = keyof typeof CODESET_FILES;

export interface ManifestFile {
  bytes: number;
  sha256: string;
}
export interface CodesetManifest {
  format: number;
  codeSet: string;
  /** Periods of validity: which PCS set applies from which discharge date. */
  periods: { id: string; from: string; through: string; label: string }[];
  editions: Record<string, string>;
  counts: Record<string, number>;
  sources: Record<string, string>;
  files: Record<string, ManifestFile>;
}

/** Instructional notes of one tabular node, element names as in the NCHS tabular XML. */
export interface CmNotes {
  notes?: string[];
  includes?: string[];
  inclusionTerm?: string[];
  excludes1?: string[];
  excludes2?: string[];
  codeFirst?: string[];
  useAdditionalCode?: string[];
  codeAlso?: string[];
  sevenChrNote?: string[];
  sevenChrDef?: SeventhCharacter[];
}
export interface SeventhCharacter {
  char: string;
  text: string;
  note?: string;
}
export interface CmBlock {
  id: string;
  title: string;
  first: string;
  last: string;
  notes?: CmNotes;
}
export interface CmChapter {
  number: string;
  title: string;
  first: string;
  last: string;
  notes?: CmNotes;
  blocks: CmBlock[];
}
export interface CmTabularFile {
  edition: string;
  chapters: CmChapter[];
  /** Notes by dotless code (FY2023 edition). */
  notes: Record<string, CmNotes>;
  /** FY2026 order-file entries (valid codes and headers) that this edition does not contain. */
  newerThanEdition: string[];
}

/** A term of the ICD-10-CM alphabetic index or external-cause index (element names as in the XML). */
export interface CmIndexTerm {
  title: string;
  nemod?: string;
  code?: string;
  manif?: string;
  subcat?: string;
  seecat?: string;
  see?: string;
  seeAlso?: string;
  terms?: CmIndexTerm[];
}
export interface CmIndexFile {
  edition: string;
  title: string;
  letters: { letter: string; terms: CmIndexTerm[] }[];
}

/** Neoplasm / drug table row: `cells[i]` belongs to `columns[i]` ('' = no code, '--' = not applicable). */
export interface CmTableTerm {
  title: string;
  nemod?: string;
  cells?: string[];
  see?: string;
  seeAlso?: string;
  terms?: CmTableTerm[];
}
export interface CmTableFile {
  edition: string;
  title: string;
  /** Column headings 2..7 of the XML (column 1 is the term itself). */
  columns: string[];
  terms: CmTableTerm[];
}

export interface PcsAxisValue {
  code: string;
  label: string;
}
export interface PcsRowAxis {
  pos: number;
  title: string;
  values: PcsAxisValue[];
}
export interface PcsTable {
  /** First three characters. */
  code: string;
  section: { title: string; value: PcsAxisValue };
  bodySystem: { title: string; value: PcsAxisValue };
  operation: { title: string; value: PcsAxisValue; definition?: string };
  rows: { axes: PcsRowAxis[]; from?: string }[];
}
export interface PcsTablesFile {
  edition: string;
  tables: PcsTable[];
}

export interface PcsDefinitionTerm {
  titles: string[];
  definition?: string;
  explanation?: string;
  includes?: string[];
}
export interface PcsDefinitionsFile {
  edition: string;
  sections: { code: string; title: string; axes: { pos: number; title: string; terms: PcsDefinitionTerm[] }[] }[];
  deviceAggregation: { device: string; operation: string; bodySystems: string[]; parent: PcsAxisValue }[];
}

export interface PcsIndexReference {
  text: string;
  codes?: string;
  tab?: string;
}
export interface PcsIndexTerm {
  title: string;
  code?: string;
  codes?: string;
  tab?: string;
  use?: string[];
  see?: PcsIndexReference[];
  terms?: PcsIndexTerm[];
}
export interface PcsIndexFile {
  edition: string;
  letters: { letter: string; terms: PcsIndexTerm[] }[];
}
