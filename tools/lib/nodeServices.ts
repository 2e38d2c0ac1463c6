/**
 * Task services for Node tools and tests (scenario checker, scenario tests): the code-set lookup and coding
 * reference read from the compiled files in public/codesets, and the MS-DRG grouper from public/grouper,
 * each only when its files exist (a fresh checkout without compiled files still checks shapes).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskServices } from '../../src/domain/tasks/taskTypes';
import { codeInfoService, createCodingReference } from '../../src/domain/coding/reference';
import { createGrouperService } from '../../src/domain/drg/grouperService';
import { GROUPER_TABLE_FILES } from '../../src/domain/grouper/tables';
import { compiledDir, sharedNodeLoader } from '../codesets/node-loader';
import { grouperDir, loadGrouperTablesFromDisk } from '../grouper/loadTables';

let cached: Promise<TaskServices> | undefined;

const CODESET_FILES_NEEDED = ['manifest.json', 'cm-codes.tsv', 'pcs-codes.tsv', 'poa-exempt.txt', 'cm-tabular.json', 'pcs-tables.json', 'pcs-definitions.json'];

async function load(): Promise<TaskServices> {
  const services: TaskServices = {};
  if (CODESET_FILES_NEEDED.every((f) => existsSync(join(compiledDir, f)))) {
    const loader = sharedNodeLoader();
    const [sets, tabular, pcsTables, pcsDefinitions] = await Promise.all([loader.codeSets(), loader.tabular(), loader.pcsTables(), loader.pcsDefinitions()]);
    services.codeInfo = codeInfoService(sets);
    services.codingReference = createCodingReference({ sets, tabular, pcsTables, pcsDefinitions });
  }
  if (GROUPER_TABLE_FILES.every((f) => existsSync(join(grouperDir, f)))) {
    services.grouper = createGrouperService(loadGrouperTablesFromDisk());
  }
  return services;
}

/** The services, loaded once per process. */
export function loadNodeTaskServices(): Promise<TaskServices> {
  cached ??= load();
  return cached;
}
