/** Node-only loader: reads public/grouper/* and hands the contents to the pure parsers. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUPER_TABLE_FILES, parseGrouperTables, type GrouperTables } from '../../src/domain/grouper/tables';
import { MCE_TABLE_FILES, loadMceTables, type MceTables } from '../../src/domain/mce/tables';

export const grouperDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/grouper');

/** Reads the grouper table files as a name -> text record. */
export function readGrouperFiles(dir: string = grouperDir): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of GROUPER_TABLE_FILES) files[name] = readFileSync(join(dir, name), 'utf8');
  return files;
}

/** Reads and parses the grouper tables from public/grouper. */
export function loadGrouperTablesFromDisk(dir: string = grouperDir): GrouperTables {
  return parseGrouperTables(readGrouperFiles(dir));
}

/** Reads the MCE table files as a name -> text record. */
export function readMceFiles(dir: string = grouperDir): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of MCE_TABLE_FILES) files[name] = readFileSync(join(dir, name), 'utf8');
  return files;
}

/** Reads and parses the MCE tables from public/grouper. */
export function loadMceTablesFromDisk(dir: string = grouperDir): MceTables {
  return loadMceTables(readMceFiles(dir));
}
