/**
 * `npm run -s scenarios:check [paths]`: validates scenario files with the same code the app uses.
 * Prints one line per problem, `file: field.path: message`, and exits 1 when any file is bad.
 * With no paths it checks scenarios/. Code sets are used for key checks when they are compiled.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { taskTypes } from '../src/domain/tasks/registry';
import { formatProblem, validateCorpus } from '../src/content/validateScenario';
import { readScenarioFiles } from './lib/scenarioFiles';
import { loadNodeTaskServices } from './lib/nodeServices';

const args = process.argv.slice(2);
const paths = args.length > 0 ? args : [resolve(import.meta.dirname, '../scenarios')];
const missing = paths.filter((p) => !existsSync(p));
if (missing.length > 0) {
  for (const p of missing) console.log(`${p}: (file): no such file or folder`);
  process.exit(2);
}
const files = readScenarioFiles(paths);
const services = await loadNodeTaskServices();
const results = validateCorpus(files, { taskTypes, services });
let bad = 0;
for (const r of results) {
  if (r.ok) continue;
  bad += 1;
  for (const p of r.problems) console.log(formatProblem(p));
}
console.error(`${files.length} scenario file(s) checked, ${bad} with problems${services.codeInfo ? '' : ' (code sets not compiled: codes checked for shape only)'}.`);
process.exit(bad > 0 ? 1 : 0);
