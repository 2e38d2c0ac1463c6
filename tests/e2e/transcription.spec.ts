/**
 * Transcription module, keyboard only: the dictation controls (or the draft fallback), the heading
 * template, a transcript with a laterality error, and the word-level diff and critical-error feedback.
 */
import { test, expect, seriousA11yViolations, createProfile } from './fixtures';

test('transcribes a consult and sees the word diff', async ({ page }) => {
  await createProfile(page, 'Tess Scribe');
  await page.getByRole('link', { name: 'Transcribe: cardiology consult for postoperative atrial fibrillation' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Start case' }).focus();
  await page.keyboard.press('Enter');

  const play = page.getByRole('button', { name: 'Play' });
  if (await play.count()) {
    await expect(page.getByLabel('Speaking rate')).toBeVisible();
  } else {
    await expect(page.getByLabel('Speech-recognition draft')).toBeVisible();
  }
  await page.getByRole('button', { name: 'Insert consultation headings' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Report text').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(' A 71-year-old woman after a left hip hemiarthroplasty. She denies chest pain.');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Submit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Feedback: .* points/ })).toBeVisible();
  await expect(page.getByText(/Word-level comparison with the reference/)).toBeVisible();
  await expect(page.getByText('"left" where the dictation says "right".')).toBeVisible();
  await page.getByRole('button', { name: 'Finish case' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Results: Transcribe/ })).toBeVisible();
});
