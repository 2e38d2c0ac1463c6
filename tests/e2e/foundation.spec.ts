/**
 * The foundation journey (issue 3): create a profile, open the coding case, answer part of it, reload,
 * find the answers still there, finish, check the score and the saved attempt; no request leaves the
 * origin; axe finds no serious or critical violations; a screenshot of the case player is saved.
 */
import { test, expect, seriousA11yViolations, createProfile } from './fixtures';

test('a learner works a coding case end to end and survives a reload', async ({ page }, testInfo) => {
  await createProfile(page, 'Ana Student');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Pneumonia with a parapneumonic effusion' }).click();
  await expect(page.getByRole('heading', { name: 'Pneumonia with a parapneumonic effusion' })).toBeVisible();
  await page.getByRole('button', { name: 'Start case' }).click();

  // Step 1: the ruled-out sepsis question.
  await page.getByRole('button', { name: /History and physical/ }).click();
  await expect(page.getByText('Sepsis ruled out - SIRS criteria met')).toBeVisible();
  await page.getByLabel('Do not code sepsis: it was ruled out by the attending').check();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('heading', { name: /Feedback: 1 of 1 points/ })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Step 2: code part of the stay, then reload.
  await page.getByLabel('Principal diagnosis').fill('J13');
  await page.getByRole('button', { name: 'Add secondary diagnosis' }).click();
  await page.getByLabel('Secondary diagnosis 1').fill('J91.8');
  await page.getByLabel('POA for secondary 1').selectOption('Y');
  await page.getByRole('button', { name: 'Add secondary diagnosis' }).click();
  await page.getByLabel('Secondary diagnosis 2').fill('B37.0');
  await page.getByLabel('POA for secondary 2').selectOption('N');
  await expect(page.getByRole('region', { name: /Step 2 of 3/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('case-player.png'), fullPage: true });
  await testInfo.attach('case-player', { path: testInfo.outputPath('case-player.png'), contentType: 'image/png' });
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.reload();
  await expect(page.getByLabel('Principal diagnosis')).toHaveValue('J13');
  await expect(page.getByLabel('Secondary diagnosis 1')).toHaveValue('J91.8');
  await expect(page.getByLabel('POA for secondary 1')).toHaveValue('Y');
  await expect(page.getByLabel('Secondary diagnosis 2')).toHaveValue('B37.0');

  // Finish the coding with the keyboard only.
  await page.getByRole('button', { name: 'Add procedure' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('0W9B3ZX');
  await page.getByLabel('Date of procedure 1').fill('2026-02-10');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('heading', { name: /Feedback: .* points/ })).toBeVisible();
  await expect(page.getByText(/N17\.9 \(Acute kidney failure, unspecified\) was not reported/)).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Step 3: confirm the MS-DRG the learner's own codes group to.
  await page.getByRole('button', { name: /^Use MS-DRG \d{3} from my codes$/ }).click({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('heading', { name: /Feedback: .* points/ })).toBeVisible();
  await page.getByRole('button', { name: 'Finish case' }).click();

  await expect(page.getByRole('heading', { name: /Results: Pneumonia/ })).toBeVisible();
  await expect(page.getByText(/Score \d+(\.\d)?%/)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The attempt is stored: the catalogue shows it as done after a reload.
  await page.goto('/#/catalogue');
  await page.reload();
  await expect(page.getByText(/Done: best \d+(\.\d)?%/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Coding productivity' })).toBeVisible();
  const stored = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('him-sim');
        open.onsuccess = () => {
          const tx = open.result.transaction('attempts', 'readonly');
          const count = tx.objectStore('attempts').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(new Error(String(count.error)));
        };
        open.onerror = () => reject(new Error(String(open.error)));
      }),
  );
  expect(stored).toBe(1);
});

test('the app declares a strict Content-Security-Policy', async ({ page }) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toMatch(/script-src 'self'(;|$)/);
});
