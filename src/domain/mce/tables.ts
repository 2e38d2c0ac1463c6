/** placeholder, replaced below */
export const MCE_TABLE_FILES = ['mce-meta.json', 'mce-dx.tsv', 'mce-pr.tsv'] as const;
export type MceTables = { readonly files: Readonly<Record<string, string>> };
export function loadMceTables(files: Readonly<Record<string, string>>): MceTables {
  return { files };
}
