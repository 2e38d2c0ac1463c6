/**
 * Class packs (issue 10 §5): an instructor's scenario files, given as a .zip or as several .yaml files,
 * validated with the same checker as the bundled cases (src/content/validateScenario.ts) and listed
 * separately. A broken file stays visible with its problems, exactly as in the catalogue.
 */
import { strFromU8, unzipSync } from 'fflate';
import { validateCorpus, type LoadedScenario, type ValidateOptions } from '../../content/validateScenario';

export interface PackInput {
  name: string;
  bytes: Uint8Array;
}

/** Limits that keep a mistaken upload (or a zip bomb) from filling the browser's storage. */
export const PACK_LIMITS = { maxFiles: 300, maxFileBytes: 2 * 1024 * 1024, maxTotalBytes: 40 * 1024 * 1024 } as const;

export interface PackFiles {
  files: { file: string; text: string }[];
  /** Problems with the upload itself (not with a scenario), in plain words. */
  problems: string[];
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/**
 * Extracts the scenario files: .yaml/.yml entries of zips (folders kept, macOS metadata skipped) and loose
 * .yaml files. Anything else is reported and skipped.
 */
export function extractPackFiles(inputs: readonly PackInput[]): PackFiles {
  const files: { file: string; text: string }[] = [];
  const problems: string[] = [];
  let total = 0;
  const add = (file: string, bytes: Uint8Array) => {
    if (files.length >= PACK_LIMITS.maxFiles) return void problems.push(`${file}: skipped, a class pack holds at most ${PACK_LIMITS.maxFiles} files.`);
    if (bytes.length > PACK_LIMITS.maxFileBytes) return void problems.push(`${file}: skipped, larger than 2 MB (not a scenario file).`);
    total += bytes.length;
    if (total > PACK_LIMITS.maxTotalBytes) return void problems.push(`${file}: skipped, the class pack is larger than 40 MB.`);
    files.push({ file, text: strFromU8(bytes) });
  };
  for (const input of inputs) {
    if (/\.zip$/i.test(input.name)) {
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(input.bytes, {
          filter: (f) => isYaml(f.name) && !f.name.startsWith('__MACOSX/') && !f.name.split('/').some((p) => p.startsWith('.')) && f.originalSize <= PACK_LIMITS.maxFileBytes,
        });
      } catch (error) {
        problems.push(`${input.name}: not a readable zip file (${String(error)}).`);
        continue;
      }
      const names = Object.keys(entries)
        .map((name) => ({ name, file: name.replace(/^scenarios\//, '') }))
        .sort((a, b) => a.file.localeCompare(b.file));
      if (names.length === 0) problems.push(`${input.name}: has no .yaml scenario files (or only files larger than 2 MB).`);
      for (const { name, file } of names) add(file, entries[name]!);
    } else if (isYaml(input.name)) {
      add(input.name, input.bytes);
    } else {
      problems.push(`${input.name}: skipped, a class pack is a .zip or .yaml scenario files.`);
    }
  }
  return { files, problems };
}

/**
 * Validates a pack's files with the scenario checker; a scenario whose id is already used by a bundled case
 * (or another pack) is marked broken, because ids name cases everywhere (progress, attempts, links).
 */
export function validatePack(files: readonly { file: string; text: string }[], takenIds: ReadonlySet<string>, options: ValidateOptions): LoadedScenario[] {
  return validateCorpus(files, options).map((item) => {
    if (!item.ok || !takenIds.has(item.scenario.id)) return item;
    return {
      ok: false,
      file: item.file,
      hash: item.hash,
      id: item.scenario.id,
      title: item.scenario.title,
      module: item.scenario.module,
      problems: [{ file: item.file, path: 'id', message: `the id "${item.scenario.id}" is already used by another case; give this case its own id` }],
    };
  });
}
