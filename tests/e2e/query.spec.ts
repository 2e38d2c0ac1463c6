/**
 * Physician query end to end, keyboard only (issue 7): write a compliant multiple-choice query, submit, see each
 * compliance check pass and the provider's answer filed, then re-code the stay with the answered query.
 */
import { test, expect, seriousA11yViolations, createProfile } from './fixtures';

test('a learner writes a compliant query, gets the answer, and re-codes', async ({ page }) => {
  await createProfile(page, 'Quinn CDI');
  const link = page.getByRole('link', { name: 'Query - heart failure type and acuity' });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Start case' }).focus();
  await page.keyboard.press('Enter');

  await page.getByLabel('Send to').selectOption('Leontine Abara-Whitfield');
  const mc = page.getByRole('radio', { name: 'Multiple choice' });
  await mc.focus();
  await page.keyboard.press('Space');
  await expect(mc).toBeChecked();
  await page.getByLabel('Clinical indicators and question').focus();
  await page.keyboard.type(
    'Clinical indicators: TTE 03/18 LVEF 55-60% with grade II diastolic dysfunction; NT-proBNP 4,920 (980 in 11/2025); ' +
      'treated with furosemide 40 mg IV BID; JVD 12 cm and interstitial edema on CXR. "CHF exacerbation" is documented. ' +
      'Based on your clinical judgment, please clarify the type and acuity of the heart failure being treated:',
  );
  const options = ['Acute on chronic diastolic heart failure', 'Chronic diastolic heart failure', 'Other (please specify)', 'Clinically undetermined'];
  for (const [i, text] of options.entries()) {
    await page.getByRole('textbox', { name: `Option ${i + 1}`, exact: true }).focus();
    await page.keyboard.type(text);
  }
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Submit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Feedback: 7 of 7 points' })).toBeVisible();
  await expect(page.getByText(/✓ Passed: No leading wording/)).toBeVisible();
  await expect(page.getByText(/Filed in the chart as/)).toBeVisible();
  await expect(page.getByText(/\[X\] Acute on chronic diastolic heart failure/).first()).toBeVisible();

  await page.getByRole('button', { name: 'Continue' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Principal diagnosis').focus();
  await page.keyboard.type('I11.0');
  for (const [i, [code, poa]] of [['I50.33', 'Y'], ['T50.1X6A', 'Y'], ['E11.9', 'Y'], ['E78.5', 'Y'], ['Z79.84', '1']].entries()) {
    await page.getByRole('button', { name: 'Add secondary diagnosis' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: `Secondary diagnosis ${i + 1}`, exact: true }).focus();
    await page.keyboard.type(code!);
    await page.getByLabel(`POA for secondary ${i + 1}`).selectOption(poa!);
  }
  await page.getByRole('button', { name: 'Submit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Feedback: .* points/ })).toBeVisible();
  await page.getByRole('button', { name: 'Finish case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Score 100(\.0)?%/)).toBeVisible();
});
