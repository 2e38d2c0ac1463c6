/**
 * Node-side access to the compiled code sets in public/codesets (CLI, scenario checker, tests,
 * benchmarks). The app itself fetches the same files over HTTP (src/ui/encoder/codesetClient.ts).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODESET_DIR } from '../../src/codesets/formats.ts';
import { CodesetLoader } from '../../src/codesets/load.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const compiledDir = join(repoRoot, 'public', 'codesets', CODESET_DIR);

/** A CodesetLoader reading from a directory of compiled files (default: public/codesets/fy2026). */
export function nodeCodesetLoader(dir: string = compiledDir): CodesetLoader {
  return new CodesetLoader((name) => readFile(join(dir, name), 'utf8'));
}

let shared: CodesetLoader | undefined;
/** One process-wide loader, so tests and tools parse each file once. */
export function sharedNodeLoader(): CodesetLoader {
  shared ??= nodeCodesetLoader();
  return shared;
}

/** Location of ../shared (the read-only source data), honouring HIM_SHARED_DIR. */
export function sharedDataDir(): string {
  return process.env.HIM_SHARED_DIR ?? resolve(repoRoot, '../shared');
}
export const hasSharedData = (): boolean => existsSync(join(sharedDataDir(), 'data', 'icd10cm', 'icd10cm_order_2026.txt'));

/** The MCE table files compiled by the grouper module (public/grouper/mce-*), for lookups with MCE flags. */
export async function readMceFiles(): Promise<Record<string, string>> {
  const { MCE_TABLE_FILES } = await import('../../src/domain/mce/index.ts');
  const entries = await Promise.all(MCE_TABLE_FILES.map(async (name) => [name, await readFile(join(repoRoot, 'public', 'grouper', name), 'utf8')] as const));
  return Object.fromEntries(entries);
}
