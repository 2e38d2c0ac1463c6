import { beforeAll, describe, expect, it } from 'vitest';
import { sharedNodeLoader } from '../../tools/codesets/node-loader.ts';
import { formatCode } from './codeset.ts';
import { lookupCode, type CodeSets } from './lookup.ts';

let sets: CodeSets;
beforeAll(async () => {
  sets = await sharedNodeLoader().codeSets({ shortTitles: true });
});

const OCT = '2025-12-15';
const APR = '2026-05-01';

describe('lookupCode', () => {
  it('finds J18.9 with or without the dot, in any case', () => {
    for (const input of ['J189', 'J18.9', 'j18.9', ' j189 ']) {
      const r = lookupCode(sets, input, OCT);
      expect(r.display).toBe('J18.9');
      expect(r.title).toBe('Pneumonia, unspecified organism');
      expect(r.status).toBe('reportable');
      expect(r.reportable).toBe(true);
    }
    expect(lookupCode(sets, 'j18.9', OCT).hints.map((h) => h.kind)).toEqual(['case']);
  });

  it('finds 0DTJ4ZZ in ICD-10-PCS', () => {
    const r = lookupCode(sets, '0dtj4zz', OCT);
    expect(r.kind).toBe('pcs');
    expect(r.title).toBe('Resection of Appendix, Percutaneous Endoscopic Approach');
    expect(r.reportable).toBe(true);
  });

  it('explains a category that needs a 4th character', () => {
    const r = lookupCode(sets, 'J18', OCT);
    expect(r.status).toBe('header');
    expect(r.reportable).toBe(false);
    expect(r.messages[0]).toBe('J18 is a category: add a 4th character (J18.0-J18.9).');
    expect(r.missing?.position).toBe(4);
  });

  it('explains a code that needs a 7th character', () => {
    const r = lookupCode(sets, 'S72001', OCT);
    expect(r.status).toBe('header');
    expect(r.messages[0]).toBe('S72.001 needs a 7th character (A, B, C, D, ...).');
    expect(r.missing?.options).toContain('S');
  });

  it('explains a placeholder X', () => {
    const r = lookupCode(sets, 'T36.0', OCT);
    expect(r.messages[0]).toMatch(/placeholder X/);
  });

  it('corrects stray spaces, misplaced dots and O/0, I/1 confusion', () => {
    const spaced = lookupCode(sets, 'J 18.9', OCT);
    expect(spaced.display).toBe('J18.9');
    expect(spaced.hints.map((h) => h.kind)).toContain('spaces');
    const dot = lookupCode(sets, 'J1.89', OCT);
    expect(dot.display).toBe('J18.9');
    expect(dot.hints.find((h) => h.kind === 'dot')?.message).toBe('The dot goes after the 3rd character: J18.9.');
    const o = lookupCode(sets, '080', OCT);
    expect(o.display).toBe('O80');
    expect(o.hints.find((h) => h.kind === 'letter-digit')?.message).toMatch(/letter O, not the digit 0/);
    const i = lookupCode(sets, '1l0'.replace('l', '1'), OCT);
    expect(i.display).toBe('I10');
    const pcs = lookupCode(sets, 'ODTJ4ZZ', OCT);
    expect(pcs.display).toBe('0DTJ4ZZ');
    expect(pcs.hints.some((h) => h.kind === 'letter-digit')).toBe(true);
  });

  it('versions ICD-10-PCS by discharge date', () => {
    const before = lookupCode(sets, '02HM3JZ', OCT);
    expect(before.status).toBe('not-in-effect');
    expect(before.messages[0]).toMatch(/valid from 2026-04-01/);
    expect(lookupCode(sets, '02HM3JZ', APR).reportable).toBe(true);
    expect(lookupCode(sets, '30233AZ', OCT).reportable).toBe(true);
    const deleted = lookupCode(sets, '30233AZ', APR);
    expect(deleted.status).toBe('not-in-effect');
    expect(deleted.messages[0]).toMatch(/through 2026-03-31/);
  });

  it('reports POA-exempt status', () => {
    expect(lookupCode(sets, 'Z37.0', OCT).poaExempt).toBe(true);
    expect(lookupCode(sets, 'J18.9', OCT).poaExempt).toBe(false);
  });

  it('says when a code was deleted before FY2026 and when extra characters were typed', () => {
    const codes = sets.cm.deletedBefore;
    const [deletedCode] = [...codes.keys()];
    expect(deletedCode).toBeDefined();
    expect(lookupCode(sets, deletedCode!, OCT).status).toBe('deleted');
    const extra = lookupCode(sets, 'J18.90', OCT);
    expect(extra.reportable).toBe(false);
    expect(extra.hints.find((h) => h.kind === 'extra-characters')?.message).toMatch(/J18\.9 is already a complete code/);
    expect(lookupCode(sets, 'J18.7', OCT).messages[0]).toMatch(/J18\.7 does not exist/);
    expect(lookupCode(sets, 'hello!', OCT).status).toBe('invalid-input');
  });

  it('formats codes with the dot after the 3rd character', () => {
    expect(formatCode('S72001A')).toBe('S72.001A');
    expect(formatCode('I10')).toBe('I10');
    expect(formatCode('0DTJ4ZZ', 'pcs')).toBe('0DTJ4ZZ');
  });
});

describe('edit flag hook', () => {
  it('attaches flags from an EditFlagProvider to valid codes only', () => {
    const withFlags: CodeSets = {
      ...sets,
      editFlags: {
        diagnosis: (code) => (code === 'J189' ? [{ id: 'test:dx', label: 'test flag' }] : []),
        procedure: () => [{ id: 'test:pr', label: 'pr flag' }],
      },
    };
    expect(lookupCode(withFlags, 'J18.9', OCT).editFlags).toEqual([{ id: 'test:dx', label: 'test flag' }]);
    expect(lookupCode(withFlags, '0DTJ4ZZ', OCT).editFlags?.[0]?.id).toBe('test:pr');
    expect(lookupCode(withFlags, 'J18', OCT).editFlags).toBeUndefined();
  });
});
