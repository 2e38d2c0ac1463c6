/**
 * Public code-set API shared by every module (pure TypeScript: no Svelte, XState or Dexie).
 * Load files with CodesetLoader (load.ts) and pass the parsed objects to these helpers.
 */
export * from './formats.ts';
export * from './codeset.ts';
export * from './lookup.ts';
export * from './search.ts';
export * from './notes.ts';
export * from './pcs.ts';
export * from './browse.ts';
export * from './load.ts';
export { CLINICAL_ABBREVIATIONS, TITLE_SYNONYMS } from './abbreviations.ts';
export { mceEditFlags } from './mceFlags.ts';
export * from './describe.ts';
