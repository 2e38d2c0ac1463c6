/**
 * The services task types may consult (code lookup, coding reference, grouper). One mutable object: the
 * loaders fill it in as the lazily fetched code sets and grouper tables arrive, and every case machine sees
 * the same instance. Nothing is fetched until a screen asks (`ensureCodingServices`), so the catalogue and
 * other modules never wait for the ~30 MB of code-set files.
 */
import { CODESET_DIR } from '../../codesets/formats';
import { CodesetLoader } from '../../codesets/load';
import { codeInfoService, createCodingReference } from '../../domain/coding/reference';
import { createGrouperService } from '../../domain/drg/grouperService';
import { GROUPER_TABLE_FILES, parseGrouperTables } from '../../domain/grouper/tables';
import type { TaskServices } from '../../domain/tasks/taskTypes';

const services: TaskServices = {};

export function getTaskServices(): TaskServices {
  return services;
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

let codeSetsLoading: Promise<void> | undefined;
let grouperLoading: Promise<void> | undefined;

/** Fetches and parses the code sets (lookup + tabular notes + PCS tables) once per page. */
export function ensureCodeSets(): Promise<void> {
  codeSetsLoading ??= (async () => {
    const base = `${import.meta.env.BASE_URL}codesets/${CODESET_DIR}/`;
    const loader = new CodesetLoader((name) => fetchText(`${base}${name}`));
    const [sets, tabular, pcsTables, pcsDefinitions] = await Promise.all([loader.codeSets(), loader.tabular(), loader.pcsTables(), loader.pcsDefinitions()]);
    services.codeInfo = codeInfoService(sets);
    services.codingReference = createCodingReference({ sets, tabular, pcsTables, pcsDefinitions });
  })().catch((error: unknown) => {
    codeSetsLoading = undefined; // let a later screen retry
    throw error;
  });
  return codeSetsLoading;
}

/** Fetches and parses the MS-DRG grouper tables once per page. */
export function ensureGrouper(): Promise<void> {
  grouperLoading ??= (async () => {
    const base = `${import.meta.env.BASE_URL}grouper/`;
    const texts = await Promise.all(GROUPER_TABLE_FILES.map((name) => fetchText(`${base}${name}`)));
    const files: Record<string, string> = {};
    GROUPER_TABLE_FILES.forEach((name, i) => (files[name] = texts[i]!));
    services.grouper = createGrouperService(parseGrouperTables(files));
  })().catch((error: unknown) => {
    grouperLoading = undefined;
    throw error;
  });
  return grouperLoading;
}

/** Everything the coding and DRG steps use for feedback: code sets and grouper. */
export function ensureCodingServices(): Promise<void> {
  return Promise.all([ensureCodeSets(), ensureGrouper()]).then(() => undefined);
}

/** True once both the code sets and the grouper are loaded. */
export function codingServicesReady(): boolean {
  return services.codingReference !== undefined && services.grouper !== undefined;
}
