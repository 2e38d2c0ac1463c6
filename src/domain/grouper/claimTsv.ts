/**
 * Reading claims from the tab-separated layout used by the CMS test cases and by the `group` CLI
 * (issue 5 item 4): columns found by name — id, grouper_version, pdx, sdx_with_poa (CODE:POA;...),
 * procedures (CODE;...), age_years, sex, discharge_status. Other columns are kept as-is.
 */
import type { GrouperVersion } from './tables';
import type { GrouperClaim } from './types';

export interface TsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Splits TSV text (LF or CRLF) into a header and rows; blank lines are skipped. */
export function parseTsv(text: string): TsvTable {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() === '') continue;
    rows.push(l.split('\t'));
  }
  return { header, rows };
}

export type ClaimRowResult = { readonly ok: true; readonly id: string; readonly claim: GrouperClaim } | { readonly ok: false; readonly id: string; readonly error: string };

const REQUIRED = ['pdx'] as const;

/**
 * Turns one TSV row into a GrouperClaim. Malformed rows (bad version, bad age, malformed secondary
 * list) come back as `{ ok: false, error }` so a batch run can report them and go on.
 */
export function claimFromRow(header: readonly string[], row: readonly string[], rowNumber: number): ClaimRowResult {
  const col = (name: string): string | undefined => {
    const i = header.indexOf(name);
    return i < 0 ? undefined : (row[i] ?? '').trim();
  };
  const id = col('id') || `row${rowNumber}`;
  for (const r of REQUIRED) if (col(r) === undefined) return { ok: false, id, error: `MISSING_COLUMN_${r.toUpperCase()}` };
  const versionText = col('grouper_version') ?? '';
  let version: GrouperVersion | undefined;
  if (versionText !== '') {
    if (versionText !== '43.0' && versionText !== '43.1') return { ok: false, id, error: 'INVALID_VERSION' };
    version = versionText;
  }
  const sdxText = col('sdx_with_poa') ?? '';
  const sdx: { code: string; poa: string }[] = [];
  for (const part of sdxText.split(';')) {
    const p = part.trim();
    if (p === '') continue;
    const colon = p.indexOf(':');
    const code = (colon < 0 ? p : p.slice(0, colon)).trim();
    const poa = colon < 0 ? '' : p.slice(colon + 1).trim();
    if (!/^[A-Za-z0-9]{3,7}$/.test(code) || poa.length > 1) return { ok: false, id, error: 'MALFORMED_SDX' };
    sdx.push({ code, poa });
  }
  const procedures = (col('procedures') ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const ageText = col('age_years') ?? '';
  const age = ageText === '' ? 0 : Number(ageText);
  if (!Number.isFinite(age) || age < 0 || age > 124 || !Number.isInteger(age)) return { ok: false, id, error: 'INVALID_AGE' };
  const dischargeDate = col('discharge_date');
  return {
    ok: true,
    id,
    claim: {
      pdx: col('pdx') ?? '',
      sdx,
      procedures,
      ageYears: age,
      sex: col('sex') ?? '',
      dischargeStatus: col('discharge_status') ?? '',
      ...(version ? { version } : {}),
      ...(dischargeDate ? { dischargeDate } : {}),
    },
  };
}
