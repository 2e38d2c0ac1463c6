import { beforeAll, describe, expect, it } from 'vitest';
import { sharedNodeLoader } from '../../tools/codesets/node-loader.ts';
import type { CodeSet } from './codeset.ts';
import type { PcsDefinitionsFile, PcsTablesFile } from './formats.ts';
import { createPcsBuilder, pcsCharacterMeanings } from './pcs.ts';

let pcs: CodeSet;
let tables: PcsTablesFile;
let defs: PcsDefinitionsFile;
beforeAll(async () => {
  const l = sharedNodeLoader();
  [pcs, tables, defs] = await Promise.all([l.pcs(), l.pcsTables(), l.pcsDefinitions()]);
});

describe('pcsCharacterMeanings', () => {
  it('explains every character of 0DTJ4ZZ', () => {
    const m = pcsCharacterMeanings(tables, defs, '0DTJ4ZZ');
    expect(m.map((x) => x.label)).toEqual(['Medical and Surgical', 'Gastrointestinal System', 'Resection', 'Appendix', 'Percutaneous Endoscopic', 'No Device', 'No Qualifier']);
    expect(m[2]!.definition).toBe('Cutting out or off, without replacement, all of a body part');
    expect(m[4]!.axis).toBe('Approach');
    expect(m[4]!.definition).toMatch(/^Entry, by puncture or minor incision/);
  });

  it('labels codes added in April 2026 (tables absent from the October XML)', () => {
    const m = pcsCharacterMeanings(tables, defs, '02HM3JZ');
    expect(m[3]!.label).toBe('Ventricular Septum');
    expect(m[5]!.label).toBe('Cardiac Lead, Pacemaker');
  });
});

describe('PCS table builder', () => {
  it('offers only values that lead to valid codes on the date', () => {
    const b = createPcsBuilder(pcs, tables, defs);
    const sections = b.next('', '2025-12-01')!;
    expect(sections.options.map((o) => o.value)).toContain('0');
    expect(sections.options.find((o) => o.value === '0')!.label).toBe('Medical and Surgical');
    const ops = b.next('0D', '2025-12-01')!;
    expect(ops.axis).toBe('Operation');
    expect(ops.options.find((o) => o.value === 'T')).toMatchObject({ label: 'Resection' });
    const approaches = b.next('0DTJ', '2025-12-01')!;
    expect(approaches.options.map((o) => o.value)).toEqual(['0', '4', '7', '8']);
    expect(b.next('0DTJ4ZZ', '2025-12-01')).toBeNull();
  });

  it('applies the April 2026 additions and deletions', () => {
    const b = createPcsBuilder(pcs, tables, defs);
    const oct = b.next('02HM3', '2025-12-01');
    const apr = b.next('02HM3', '2026-04-01');
    expect(oct!.options.map((o) => o.value)).not.toContain('J');
    expect(apr!.options.map((o) => o.value)).toContain('J');
    expect(b.codesUnder('30233A', '2025-12-01')).toContain('30233AZ');
    expect(b.codesUnder('30233A', '2026-04-01')).not.toContain('30233AZ');
    expect(b.codesUnder('', '2025-12-01')).toHaveLength(79_115);
    expect(b.codesUnder('', '2026-04-01')).toHaveLength(79_193);
  });
});
