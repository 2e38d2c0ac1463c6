/**
 * Issue 8 e2e: a learner finishes an ROI case with the keyboard only (Chromium): reads the request, decides
 * "release in part", selects the documents, sets the due date, answers the accounting question, submits and
 * gets full marks; axe finds no serious or critical violations in the ROI panel.
 */
import { test, expect, seriousA11yViolations, createProfile } from './fixtures';

test('an ROI request is processed end to end with the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await createProfile(page, 'Rosa Release');
  const link = page.getByRole('link', { name: 'A new primary care clinic asks for records: Part 2 program notes in the chart' });
  await link.focus();
  await page.keyboard.press('Enter');
  const start = page.getByRole('button', { name: 'Start case' });
  await start.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByText(/No consent form attached/)).toBeVisible();
  await page.getByLabel('Release in part').focus();
  await page.keyboard.press('Space');
  for (const title of ['History and physical', 'Laboratory results', 'Discharge summary']) {
    await page.getByRole('checkbox', { name: `Release ${title}` }).focus();
    await page.keyboard.press('Space');
  }
  await expect(page.getByText('Release period: 2026-02-20 to 2026-02-24')).toBeVisible();
  await page.getByLabel('Response due date').focus();
  await page.keyboard.type('02272026');
  await expect(page.getByLabel('Response due date')).toHaveValue('2026-02-27');
  await page.getByLabel('No, not accounted').focus();
  await page.keyboard.press('Space');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Submit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Feedback: (\d+) of \1 points/ })).toBeVisible();
  await expect(page.getByText(/SUD program records need the patient’s written Part 2 consent/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Finish case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Results: A new primary care clinic/ })).toBeVisible();
  await expect(page.getByText(/Score 100(\.0)?%/)).toBeVisible();
});
