import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrouperTablesFromDisk } from '../../../tools/grouper/loadTables';
import { drgFamily, removalImpacts, whatIf } from './explore';
import type { GrouperTables } from './tables';
import type { GrouperClaim } from './types';

let tables: GrouperTables;
beforeAll(() => {
  tables = loadGrouperTablesFromDisk();
});

const sepsis: GrouperClaim = { pdx: 'A419', sdx: [{ code: 'J9601', poa: 'Y' }, { code: 'E871', poa: 'Y' }], procedures: [], ageYears: 70, sex: 'F', dischargeStatus: '01', version: '43.1' };

describe('what-if helpers', () => {
  it('regroups without the MCC: 871 -> 872', () => {
    const w = whatIf(tables, sepsis, { kind: 'remove-sdx', index: 0 });
    expect(w.before.drg).toBe(871);
    expect(w.after.drg).toBe(872);
    expect(w.drgChanged).toBe(true);
    expect(w.summary).toMatch(/J9601.*871.*872/);
  });
  it('regroups with an added code', () => {
    const w = whatIf(tables, { ...sepsis, sdx: [] }, { kind: 'add-sdx', code: 'R6521' });
    expect(w.after.drg).toBe(871);
  });
  it('lists the effect of removing each code', () => {
    const impacts = removalImpacts(tables, sepsis);
    expect(impacts.sdx.map((w) => w.after.drg)).toEqual([872, 871]);
  });
});

describe('drgFamily', () => {
  it('lists the family with a verified move to each sibling', () => {
    const fam = drgFamily(tables, sepsis);
    expect(fam.map((m) => m.drg)).toEqual([871, 872]);
    expect(fam[0]?.isCurrent).toBe(true);
    expect(fam[1]?.move?.after.drg).toBe(872);
    expect(fam[1]?.howTo).toMatch(/J9601/);
  });
  it('finds a move up by adding a typical MCC', () => {
    const fam = drgFamily(tables, { ...sepsis, sdx: [] });
    expect(fam.find((m) => m.drg === 871)?.move?.change).toMatchObject({ kind: 'add-sdx' });
  });
  it('is empty for an ungroupable claim', () => {
    expect(drgFamily(tables, { ...sepsis, pdx: 'XXX' })).toEqual([]);
  });
});
