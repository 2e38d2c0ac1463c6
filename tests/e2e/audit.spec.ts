/**
 * Issue 8 e2e: a learner finishes an access-log audit with the keyboard (Chromium): runs red-flag reports on
 * a 6,000-row virtualised log, flags each hidden incident with its pattern, submits and gets full marks.
 * The incidents come from the same seeded generator the key uses.
 */
import * as v from 'valibot';
import { accessLogFor, auditInputSchema } from '../../src/domain/audit/auditTask';
import { test, expect, seriousA11yViolations, createProfile } from './fixtures';

const input = v.parse(auditInputSchema, { seed: 511, rows: 6000, days: 5, start: '2026-05-10', incidents: 6, patterns: ['vip', 'btg-no-emergency', 'after-hours'] });
const marker = { vip: 'VIP', 'btg-no-emergency': 'BTG', 'after-hours': 'off-shift' } as const;

test('an access-log audit is worked end to end with the keyboard', async ({ page }) => {
  test.setTimeout(240_000);
  const { incidents } = accessLogFor(input);
  await createProfile(page, 'Ivo Auditor');
  const link = page.getByRole('link', { name: 'A city council member is admitted: VIP access review' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Start case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/of 6,000 rows|of 6000 rows/)).toBeVisible();
  // Only the rows in view are rendered.
  expect(await page.getByRole('combobox', { name: /^Flag row \d+$/ }).count()).toBeLessThan(60);
  expect(await seriousA11yViolations(page)).toEqual([]);

  for (const incident of incidents) {
    const search = page.getByLabel('Search user, patient, MRN or reason');
    await search.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(incident.userId);
    await page.getByLabel('Red-flag marker').selectOption(marker[incident.pattern as keyof typeof marker]);
    for (const rowId of incident.rowIds) {
      const select = page.getByRole('combobox', { name: `Flag row ${rowId}` });
      await select.focus();
      await select.selectOption(incident.pattern);
    }
    await page.getByRole('button', { name: 'Clear filters' }).focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: `Flagged accesses (${incidents.flatMap((i) => i.rowIds).length})` })).toBeVisible();

  await page.getByRole('button', { name: 'Submit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Feedback: 12 of 12 points/ })).toBeVisible();
  await page.getByRole('button', { name: 'Finish case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Score 100(\.0)?%/)).toBeVisible();
});
