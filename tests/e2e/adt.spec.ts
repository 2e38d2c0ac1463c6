/**
 * ADT module, keyboard only: process a discharge (status from the narrative, missing documents), submit,
 * and see the per-code feedback and the score.
 */
import { test, expect, seriousA11yViolations, createProfile } from './fixtures';

test('processes a discharge to inpatient rehab by keyboard', async ({ page }) => {
  await createProfile(page, 'Ada Discharge');
  await page.getByRole('link', { name: 'Discharge processing: hip fracture to inpatient rehab' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Start case' }).focus();
  await page.keyboard.press('Enter');

  await page.getByLabel('Discharge status code').focus();
  await page.keyboard.type('99');
  await expect(page.getByText('"99" is not a UB-04 discharge status code')).toBeVisible();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('62');
  await page.getByLabel('Operative report', { exact: true }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Pathology', { exact: true }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Move Face sheet up' }).focus();
  // Focus follows the moved document, so ten presses take the face sheet from tenth place to the top.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /^Move Face sheet (up|down)$/ }).and(page.locator(':focus'))).toHaveCount(1);
  }
  await expect(page.getByRole('button', { name: 'Move Face sheet up' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move Face sheet down' })).toBeFocused();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Submit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Feedback: .* points/ })).toBeVisible();
  await expect(page.getByText(/62 is right: an inpatient rehabilitation facility/)).toBeVisible();
  await page.getByRole('button', { name: 'Finish case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Results: Discharge processing/ })).toBeVisible();
  await expect(page.getByText(/Score \d+(\.\d)?%/)).toBeVisible();
});
