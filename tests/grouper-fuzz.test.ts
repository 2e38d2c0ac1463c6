/**
 * Robustness (issue 5 item 6): 100,000 random claims — valid and invalid codes, empty fields, absurd
 * ages, duplicates, 25 secondaries, 25 procedures — never make the grouper throw, and every result is
 * a DRG or an error return code. Seeded, so a failure is reproducible.
 */
import { mulberry32 } from '../src/domain/random';
import { describe, expect, it } from 'vitest';
import { groupClaim } from '../src/domain/grouper/group';
import type { GrouperClaim } from '../src/domain/grouper/types';
import { loadGrouperTablesFromDisk } from '../tools/grouper/loadTables';


const CLAIMS = 100_000;

describe('grouper fuzz', () => {
  it(`groups ${CLAIMS.toLocaleString('en-US')} random claims without throwing`, () => {
    const tables = loadGrouperTablesFromDisk();
    const dxCodes = [...tables.dx.codes()];
    const prCodes = [...tables.pr.codes()];
    const rnd = mulberry32(20260401);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
    const junk = ['', ' ', 'A', 'XYZ12', 'a419', ' A419 ', 'I50.23', '0000000', 'ZZZZZZZZ', '💥', 'Z@0217', '\t', 'NULL', '12345678901'];
    const code = (pool: readonly string[]): string => {
      const r = rnd();
      if (r < 0.8) return pick(pool);
      if (r < 0.9) return pick(junk);
      return pick(pool).slice(0, 1 + Math.floor(rnd() * 6));
    };
    const poas = ['Y', 'N', 'U', 'W', '1', '', 'X', 'y', '  '];
    const statuses = ['01', '1', '02', '07', '20', '30', '62', '0', '', '99', 'AB', '-1', '066', '82'];
    const sexes = ['M', 'F', '', 'U', 'x', 'female'];
    const ages = [0, 1, 17, 18, 64, 65, 99, 124, -5, 200, Number.NaN, 1e9, 3.5];
    const validDrgs = new Set([...tables.drgs.keys()]);
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    let errors = 0;
    for (let i = 0; i < CLAIMS; i++) {
      const nSdx = rnd() < 0.05 ? 25 : Math.floor(rnd() * 9);
      const nPr = rnd() < 0.05 ? 25 : Math.floor(rnd() * 5);
      const sdx = Array.from({ length: nSdx }, () => ({ code: code(dxCodes), poa: pick(poas) }));
      if (nSdx > 1 && rnd() < 0.2) sdx.push(sdx[0] as { code: string; poa: string }); // duplicate
      const procedures = Array.from({ length: nPr }, () => code(prCodes));
      if (nPr > 1 && rnd() < 0.2) procedures.push(procedures[0] as string);
      const claim: GrouperClaim = {
        pdx: rnd() < 0.03 ? '' : code(dxCodes),
        sdx,
        procedures,
        ageYears: pick(ages),
        sex: pick(sexes),
        dischargeStatus: pick(statuses),
        ...(rnd() < 0.5 ? { version: pick(['43.0', '43.1'] as const) } : { dischargeDate: pick(['2025-10-01', '2026-04-01', '2026-09-30', '1999-01-01', '2030-01-01', '', 'garbage']) }),
      };
      let res;
      try {
        res = groupClaim(tables, claim, { explain: i % 50 === 0 });
      } catch (e) {
        throw new Error(`claim ${i} threw: ${String(e)}\n${JSON.stringify(claim)}`, { cause: e });
      }
      const ok = res.returnCode === 'OK' && validDrgs.has(res.drg) && res.drg !== 999;
      const err = res.returnCode !== 'OK' && (res.drg === 999 || res.drg === 998);
      if (!ok && !err) throw new Error(`claim ${i}: neither a DRG nor an error: ${res.drg} ${res.returnCode}\n${JSON.stringify(claim)}`);
      if (err) errors++;
      if (res.secondaries.length !== claim.sdx.length || res.procedures.length !== claim.procedures.length) {
        throw new Error(`claim ${i}: result does not list every secondary and procedure\n${JSON.stringify(claim)}`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.log(`fuzz: ${CLAIMS} claims in ${seconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU, ${errors} error return codes`);
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThan(CLAIMS);
  }, 120_000);
});
