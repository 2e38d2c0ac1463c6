/**
 * MPI module, keyboard only: retrieve the right Lawrence Fontaine from the 5,000-row MPI (search, pick
 * the record, answer the follow-up), finish the case and see the score.
 */
import { test, expect, seriousA11yViolations, createProfile } from './fixtures';

test('retrieves the requested record by keyboard', async ({ page }) => {
  await createProfile(page, 'Mo Records');
  await page.getByRole('link', { name: 'Records request: which Lawrence Fontaine?' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Start case' }).focus();
  await page.keyboard.press('Enter');

  await page.getByLabel('Name').focus();
  await page.keyboard.type('Lawrence Fontaine');
  await page.getByLabel('SSN last four').focus();
  await page.keyboard.type('5275');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/results? \(\d/)).toBeVisible();
  await page.getByLabel('Select MRN SIM-2278114').focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(/Selected: MRN SIM-2278114/)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Submit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Feedback: 3 of 3 points' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).focus();
  await page.keyboard.press('Enter');

  await page.getByLabel('Date of birth (and SSN last four)').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Submit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Feedback: 1 of 1 points?/ })).toBeVisible();
  await page.getByRole('button', { name: 'Finish case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Results: Records request/ })).toBeVisible();
  await expect(page.getByText(/Score 100(\.0)?%/)).toBeVisible();
});
