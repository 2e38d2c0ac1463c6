/**
 * Completeness review end to end, keyboard only (issue 7): open the short-stay case, read a document, build the
 * deficiency slip with the pickers, set the status, submit, and read the rule-cited feedback; axe finds no
 * serious or critical violations in the task panel.
 */
import { test, expect, seriousA11yViolations, createProfile } from './fixtures';

test('a learner builds a deficiency slip by keyboard and gets full credit', async ({ page }) => {
  await createProfile(page, 'Dana Analyst');
  const link = page.getByRole('link', { name: 'Deficiency analysis - short stay for chest pain' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Deficiency analysis - short stay for chest pain', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Start case' }).focus();
  await page.keyboard.press('Enter');

  // Read the final progress note from the chart list.
  await page.getByRole('button', { name: /Final progress note 03\/11/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Discharge diagnoses: see H&P')).toBeVisible();

  // Two slip lines.
  for (const [i, doc, code, provider] of [
    [1, 'Final progress note 03/11', 'DX', 'Beatriz Oyelaran-Cho'],
    [2, 'ED provider note 03/09 16:25', 'SIG', 'Lachlan Petrosyan'],
  ] as const) {
    await page.getByRole('button', { name: 'Add deficiency' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(`Document for deficiency ${i}`)).toBeFocused();
    await page.getByLabel(`Document for deficiency ${i}`).selectOption({ label: doc });
    await page.getByLabel(`Deficiency type ${i}`).selectOption(code);
    await page.getByLabel(`Responsible provider ${i}`).selectOption(provider);
  }
  const incomplete = page.getByRole('radio', { name: /Incomplete/ });
  await incomplete.focus();
  await page.keyboard.press('Space');
  await expect(incomplete).toBeChecked();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Submit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Feedback: 5 of 5 points' })).toBeVisible();
  await expect(page.getByText(/rule FINAL-DX/)).toBeVisible();
  await expect(page.getByText(/482\.24\(c\)\(4\)\(viii\)/).first()).toBeVisible();

  await page.getByRole('button', { name: 'Finish case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Score 100(\.0)?%/)).toBeVisible();
});
