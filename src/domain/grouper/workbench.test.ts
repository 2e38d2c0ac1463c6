import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, SAMPLE_FORM, claimFromForm, copyForm, looksLikeCode, mceDateOf, normalizeCodeInput, usageLabel } from './workbench';

describe('workbench helpers', () => {
  it('normalises typed codes', () => {
    expect(normalizeCodeInput(' j96.01 ')).toBe('J9601');
    expect(looksLikeCode('A41.9')).toBe(true);
    expect(looksLikeCode('x')).toBe(false);
  });
  it('builds the claim, leaving unticked codes out', () => {
    const form = copyForm(SAMPLE_FORM);
    const first = form.sdx[0];
    if (first) first.included = false;
    const claim = claimFromForm(form);
    expect(claim.pdx).toBe('A419');
    expect(claim.sdx.map((s) => s.code)).toEqual(['J9601', 'N179']);
    expect(claim.dischargeDate).toBe('2026-01-15');
    expect(claim.version).toBeUndefined();
  });
  it('uses an explicit version when chosen, and its first day for the MCE', () => {
    const form = { ...copyForm(EMPTY_FORM), pdx: 'I5023', versionMode: '43.1' as const };
    expect(claimFromForm(form).version).toBe('43.1');
    expect(mceDateOf(form)).toBe('2026-04-01');
  });
  it('does not share rows between copies of the constants', () => {
    const a = copyForm(SAMPLE_FORM);
    a.sdx.pop();
    expect(SAMPLE_FORM.sdx).toHaveLength(3);
  });
  it('labels usage flags in words', () => {
    expect(usageLabel('CC_EXCLUDED', false)).toMatch(/excluded by principal/);
    expect(usageLabel('NEITHER', true)).toMatch(/HAC/);
  });
});

describe('claimFromForm age field', () => {
  // A number input bound with bind:value gives a number, or null when cleared (found in Chromium e2e).
  it.each([
    ['71', 71],
    [71, 71],
    [null, -1],
    ['', -1],
  ] as const)('reads %j as %d', (age, expected) => {
    expect(claimFromForm({ ...copyForm(EMPTY_FORM), pdx: 'A419', age }).ageYears).toBe(expected);
  });
});
