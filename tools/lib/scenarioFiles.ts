/**
 * Node-side discovery of scenario files for the checker and the tests. Labels are paths relative to the
 * folder given (for scenarios/ that is "coding/01-x.yaml", as authors see them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export interface ScenarioFileText {
  file: string;
  text: string;
  absolute: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return /\.ya?ml$/i.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** Reads every .yaml under the given files/folders; labels are relative to a folder named "scenarios" or the folder given. */
export function readScenarioFiles(paths: string[], cwd = process.cwd()): ScenarioFileText[] {
  const out: ScenarioFileText[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const isDir = statSync(abs).isDirectory();
    const files = isDir ? walk(abs) : [abs];
    for (const file of files) {
      const parts = file.split(sep);
      const scenariosAt = parts.lastIndexOf('scenarios');
      const base = scenariosAt >= 0 ? parts.slice(0, scenariosAt + 1).join(sep) : isDir ? abs : resolve(abs, '..', '..');
      out.push({ file: relative(base, file).split(sep).join('/'), text: readFileSync(file, 'utf8'), absolute: file });
    }
  }
  return out;
}
