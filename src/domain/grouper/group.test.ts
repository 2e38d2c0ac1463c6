import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrouperTablesFromDisk, loadMceTablesFromDisk } from '../../../tools/grouper/loadTables';
import { groupClaim, pickVersion } from './group';
import type { GrouperTables } from './tables';
import type { GrouperClaim } from './types';

let tables: GrouperTables;
beforeAll(() => {
  tables = loadGrouperTablesFromDisk();
});

const claim = (c: Partial<GrouperClaim>): GrouperClaim => ({ pdx: 'A419', sdx: [], procedures: [], ageYears: 70, sex: 'F', dischargeStatus: '01', version: '43.1', ...c });

describe('groupClaim (MS-DRG v43 definitions)', () => {
  it.each<[string, number, Partial<GrouperClaim>, string]>([
    ['sepsis with an MCC', 871, { sdx: [{ code: 'J9601', poa: 'Y' }] }, 'MCC'],
    ['sepsis without MCC', 872, { sdx: [{ code: 'N179', poa: 'Y' }] }, 'CC'],
    ['heart failure without CC/MCC', 293, { pdx: 'I5023' }, 'NON_CC'],
    ['heart failure with MCC', 291, { pdx: 'I5023', sdx: [{ code: 'J9601', poa: 'Y' }] }, 'MCC'],
    // I50.21 as principal excludes I50.22 (PDX exclusion, Table 6K): no CC/MCC left.
    ['PDX exclusion', 293, { pdx: 'I5021', sdx: [{ code: 'I5022', poa: 'Y' }] }, 'NON_CC'],
    ['appendectomy (new FY2026 DRGs 397-399)', 399, { pdx: 'K3580', procedures: ['0DTJ4ZZ'] }, 'NON_CC'],
    ['hip replacement', 470, { pdx: 'M1611', procedures: ['0SR9019'] }, 'NON_CC'],
    ['AMI discharged alive', 281, { pdx: 'I214', sdx: [{ code: 'E871', poa: 'Y' }] }, 'CC'],
    ['AMI expired', 284, { pdx: 'I214', sdx: [{ code: 'E871', poa: 'Y' }], dischargeStatus: '20' }, 'CC'],
  ])('%s -> DRG %i', (_name, drg, c, severity) => {
    const r = groupClaim(tables, claim(c));
    expect(r.returnCode).toBe('OK');
    expect(r.drg).toBe(drg);
    expect(r.severity).toBe(severity);
  });

  it('reports the exclusion list of an excluded secondary', () => {
    const r = groupClaim(tables, claim({ pdx: 'I5021', sdx: [{ code: 'I5022', poa: 'Y' }] }));
    expect(r.secondaries[0]).toMatchObject({ usage: 'CC_EXCLUDED', excludedBy: expect.stringMatching(/PDX exclusion list \d{4}/) as unknown });
  });

  it.each<[string, Partial<GrouperClaim>, string]>([
    ['invalid principal diagnosis', { pdx: 'A41' }, 'INVALID_PDX'],
    ['external cause as principal', { pdx: 'W19XXXA' }, 'DX_CANNOT_BE_PDX'],
    ['HAC code with POA 1', { pdx: 'M1611', sdx: [{ code: 'I82492', poa: '1' }], procedures: ['0SR9019'] }, 'HAC_MISSING_ONE_POA'],
  ])('%s -> DRG 999 %s', (_name, c, code) => {
    const r = groupClaim(tables, claim(c));
    expect(r.drg).toBe(999);
    expect(r.returnCode).toBe(code);
    expect(r.medSurg).toBe('NONE');
  });

  it('demotes a HAC secondary not present on admission (HAC 10, DVT after knee/hip replacement)', () => {
    const r = groupClaim(tables, claim({ pdx: 'M1611', sdx: [{ code: 'I82492', poa: 'N' }], procedures: ['0SR9019'] }));
    expect(r.hacs).toEqual([expect.objectContaining({ number: 10, effect: 'demoted', codes: ['I82492'] })]);
    expect(r.secondaries[0]).toMatchObject({ hacDemoted: true, usage: 'NEITHER' });
    expect(r.trace.some((s) => s.kind === 'hac')).toBe(true);
  });

  it('flags procedures: O.R. status and whether they affected the DRG', () => {
    const r = groupClaim(tables, claim({ pdx: 'K3580', procedures: ['0DTJ4ZZ', 'BW03ZZZ', 'NOTACODE'] }));
    expect(r.procedures.map((p) => [p.code, p.valid, p.isOR, p.affects])).toEqual([
      ['0DTJ4ZZ', true, true, 'BOTH'],
      ['BW03ZZZ', true, false, 'NONE'],
      ['NOTACODE', false, false, 'NONE'],
    ]);
  });

  it('explains itself in order: version, pre-MDC, MDC, rule, severity, result', () => {
    const r = groupClaim(tables, claim({ sdx: [{ code: 'J9601', poa: 'Y' }] }));
    const kinds = r.trace.map((s) => s.kind);
    expect(kinds.slice(0, 4)).toEqual(['version', 'pre-mdc', 'mdc', 'medical']);
    expect(kinds.at(-1)).toBe('result');
    expect(r.trace.find((s) => s.kind === 'severity')?.text).toMatch(/J9601/);
  });

  it('gives the same grouping with explanations off', () => {
    const c = claim({ pdx: 'M1611', sdx: [{ code: 'I82492', poa: 'N' }, { code: 'E871', poa: 'Y' }], procedures: ['0SR9019'] });
    const a = groupClaim(tables, c);
    const b = groupClaim(tables, c, { explain: false });
    expect(b.trace).toEqual([]);
    expect({ ...b, trace: [], secondaries: b.secondaries.map((s) => ({ ...s, explanation: '' })), procedures: b.procedures.map((p) => ({ ...p, explanation: '' })) }).toEqual({
      ...a,
      trace: [],
      secondaries: a.secondaries.map((s) => ({ ...s, explanation: '' })),
      procedures: a.procedures.map((p) => ({ ...p, explanation: '' })),
    });
  });

  it('uses the v43.1-only PCS codes only from April 2026', () => {
    expect(pickVersion(tables, { dischargeDate: '2026-03-31' })).toBe('43.0');
    expect(pickVersion(tables, { dischargeDate: '2026-04-01' })).toBe('43.1');
    const oct = groupClaim(tables, claim({ version: undefined, dischargeDate: '2026-01-10', procedures: ['02HM3JZ'] }));
    const apr = groupClaim(tables, claim({ version: undefined, dischargeDate: '2026-05-10', procedures: ['02HM3JZ'] }));
    expect(oct.procedures[0]?.valid).toBe(false);
    expect(apr.procedures[0]?.valid).toBe(true);
  });

  it('lists the MCE edits of the claim when given the MCE tables', () => {
    const mce = loadMceTablesFromDisk();
    const r = groupClaim(tables, claim({ pdx: 'I10', sdx: [{ code: 'O80', poa: 'Y' }] }), { mce });
    expect(r.mceEdits?.map((e) => e.id)).toEqual(['QUESTIONABLE_ADMISSION', 'AGE_CONFLICT']);
    expect(groupClaim(tables, claim({})).mceEdits).toBeUndefined();
  });
});
