/**
 * Abstracting module, keyboard only: field edits appear as you type (impossible date), then a corrected
 * abstract is submitted and scored field by field.
 */
import { test, expect, seriousA11yViolations, createProfile } from './fixtures';

test('completes a discharge abstract by keyboard', async ({ page }) => {
  await createProfile(page, 'Abe Stractor');
  await page.getByRole('link', { name: 'Abstract: acute cholecystitis, ED arrival before midnight' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Start case' }).focus();
  await page.keyboard.press('Enter');

  const type = async (label: string, text: string) => {
    await page.getByLabel(label, { exact: true }).focus();
    await page.keyboard.type(text);
  };
  await type('Admission date', '2026-03-03');
  await type('Discharge date', '2026-02-30');
  await expect(page.getByText(/"2026-02-30" is not a real calendar date/)).toBeVisible();
  await page.getByLabel('Discharge date', { exact: true }).fill('');
  await type('Discharge date', '2026-03-05');
  await type('Date of birth', '1967-05-24');
  await type('Sex (F/M/U)', 'F');
  await type('Discharge disposition (FL17)', '01');
  await type('Attending physician', 'Marcus Oyelaran, MD');
  await type('Principal diagnosis', 'K80.00');
  await type('Principal diagnosis POA', 'Y');
  await page.getByRole('button', { name: 'Add procedure' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Procedure 1 code')).toBeFocused();
  await page.keyboard.type('0FT44ZZ');
  await type('Procedure 1 date', '2026-03-04');
  await type('Procedure 1 operating physician', 'Ines Carvalho, MD');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Submit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Feedback: .* points/ })).toBeVisible();
  await expect(page.getByText('K80.00 is right.')).toBeVisible();
  await expect(page.getByText(/0FT44ZZ on 2026-03-04 by Ines Carvalho is right/)).toBeVisible();
  await page.getByRole('button', { name: 'Finish case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Results: Abstract/ })).toBeVisible();
});
