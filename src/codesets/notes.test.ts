import { beforeAll, describe, expect, it } from 'vitest';
import { sharedNodeLoader } from '../../tools/codesets/node-loader.ts';
import type { CodeSet } from './codeset.ts';
import type { CmTabularFile } from './formats.ts';
import {
  excludes1Conflicts,
  isManifestationCode,
  notesForCode,
  parseCodeReferences,
  partnerPresent,
  referenceMatches,
  requiredPartners,
  seventhCharacterChoices,
} from './notes.ts';

let tabular: CmTabularFile;
let cm: CodeSet;
beforeAll(async () => {
  const loader = sharedNodeLoader();
  [tabular, cm] = await Promise.all([loader.tabular(), loader.cmLean()]);
});

describe('tabular notes', () => {
  it('labels the notes with the FY2023 edition and includes own and inherited notes', () => {
    const n = notesForCode(tabular, cm, 'I10');
    expect(n.edition).toBe('FY2023');
    const ex1 = n.notes.find((x) => x.kind === 'excludes1' && x.level === 'I10');
    expect(ex1?.texts[0]).toBe('hypertensive disease complicating pregnancy, childbirth and the puerperium (O10-O11, O13-O16)');
    expect(ex1?.inherited).toBe(false);
    expect(n.notes.some((x) => x.level === 'I10-I16' && x.inherited)).toBe(true);
    expect(n.remark).toBeUndefined();
  });

  it('marks FY2026 codes newer than the edition and inherits their ancestors notes', () => {
    const n = notesForCode(tabular, cm, 'E11A');
    expect(n.remark).toMatch(/newer than the FY2023 tabular edition/);
    expect(n.notes.some((x) => x.level === 'E11' && x.kind === 'excludes1')).toBe(true);
  });

  it('parses code references and ranges', () => {
    const refs = parseCodeReferences('hypertensive disease complicating pregnancy (O10-O11, O13-O16) and (S78.-)');
    expect(refs.map((r) => r.display)).toEqual(['O10-O11', 'O13-O16', 'S78.-']);
    expect(referenceMatches(refs[0]!, 'O114')).toBe(true);
    expect(referenceMatches(refs[0]!, 'O12')).toBe(false);
    expect(referenceMatches(refs[2]!, 'S78011A')).toBe(true);
  });

  it('finds Excludes1 conflicts (own and inherited)', () => {
    const c = excludes1Conflicts(tabular, cm, ['I10', 'O10.02', 'J18.9']);
    expect(c).toContainEqual(expect.objectContaining({ code: 'I10', excluded: 'O1002', guideline: 'I.A.12.a' }));
    expect(excludes1Conflicts(tabular, cm, ['E11.9', 'E10.9']).some((x) => x.code === 'E119' && x.excluded === 'E109')).toBe(true);
    expect(excludes1Conflicts(tabular, cm, ['J18.9', 'I10'])).toHaveLength(0);
  });

  it('lists required partners (use additional code / code first)', () => {
    const p = requiredPartners(tabular, cm, 'E11.9');
    const insulin = p.find((x) => x.text.includes('insulin'));
    expect(insulin?.kind).toBe('useAdditionalCode');
    expect(insulin?.text).toMatch(/^code to identify control using: insulin/);
    expect(partnerPresent(insulin!, ['Z79.4'])).toBe(true);
    expect(partnerPresent(insulin!, ['Z79.01'])).toBe(false);
    const first = requiredPartners(tabular, cm, 'F02.80');
    expect(first.some((x) => x.kind === 'codeFirst')).toBe(true);
    expect(isManifestationCode(cm, 'F02.80')).toBe(true);
    expect(isManifestationCode(cm, 'J18.9')).toBe(false);
  });

  it('lists 7th-character choices with their definitions', () => {
    const choices = seventhCharacterChoices(tabular, cm, 'S72.001');
    expect(choices.find((c) => c.char === 'A')).toMatchObject({ text: 'initial encounter for closed fracture', code: 'S72001A', valid: true });
    const placeholder = seventhCharacterChoices(tabular, cm, 'T36.0X1');
    expect(placeholder.find((c) => c.char === 'A')?.code).toBe('T360X1A');
  });
});

describe('describeCode', () => {
  it('combines lookup, notes, 7th characters and partners', async () => {
    const { describeCode } = await import('./describe.ts');
    const sets = await sharedNodeLoader().codeSets();
    const d = describeCode(sets, 's72001', '2025-12-15', { tabular });
    expect(d.lookup.status).toBe('header');
    expect(d.seventh.find((s) => s.char === 'A')?.valid).toBe(true);
    expect(d.notes.some((n) => n.kind === 'excludes1' && n.level === 'S72')).toBe(true);
    const f = describeCode(sets, 'F02.80', '2025-12-15', { tabular });
    expect(f.manifestation).toBe(true);
    expect(f.partners.some((p) => p.kind === 'codeFirst')).toBe(true);
  });
});
