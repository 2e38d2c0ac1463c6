import { beforeAll, describe, expect, it } from 'vitest';
import { loadMceTables } from '../domain/mce/index.ts';
import { readMceFiles, sharedNodeLoader } from '../../tools/codesets/node-loader.ts';
import { lookupCode, type CodeSets } from './lookup.ts';
import { mceEditFlags } from './mceFlags.ts';

let sets: CodeSets;
beforeAll(async () => {
  const base = await sharedNodeLoader().codeSets();
  sets = { ...base, editFlags: mceEditFlags(loadMceTables(await readMceFiles())) };
});

describe('MCE flags in lookups', () => {
  it('shows the MCE edits of diagnoses and procedures', () => {
    expect(lookupCode(sets, 'O80', '2026-01-15').editFlags?.map((f) => f.id)).toContain('mce:AGE_MATERNITY');
    expect(lookupCode(sets, 'F02.80', '2026-01-15').editFlags?.map((f) => f.id)).toContain('mce:MANIFESTATION_NOT_PDX');
    expect(lookupCode(sets, '5A1955Z', '2026-01-15').editFlags?.map((f) => f.id)).toContain('mce:LENGTH_OF_STAY');
    expect(lookupCode(sets, 'J18.9', '2026-01-15').editFlags).toEqual([]);
  });
});
