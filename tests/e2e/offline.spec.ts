/**
 * Offline PWA (issue 10 §6): after one visit the service worker has precached the app, the scenarios (in the
 * app bundle) and the compiled code sets; with the browser offline the app starts, a case opens and the
 * encoder looks codes up.
 */
import type { Page } from '@playwright/test';
import { test, expect, createProfile } from './fixtures';

/** Whether the service worker's precache holds a URL containing `part`. */
async function precached(page: Page, part: string): Promise<boolean> {
  return page.evaluate(async (needle) => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      if ((await cache.keys()).some((r) => r.url.includes(needle))) return true;
    }
    return false;
  }, part);
}

test('after one visit the app, a scenario and the code-set lookup work offline', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The precache (about 39 MB, mostly code sets) is complete when its largest files are in.
  await expect.poll(() => precached(page, 'codesets/fy2026/cm-codes.tsv'), { timeout: 120_000, intervals: [1000] }).toBe(true);
  await expect.poll(() => precached(page, 'codesets/fy2026/pcs-codes.tsv'), { timeout: 60_000, intervals: [1000] }).toBe(true);
  await expect.poll(() => precached(page, 'grouper/dx.tsv'), { timeout: 60_000, intervals: [1000] }).toBe(true);
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await createProfile(page, 'Otto Offline');

  // A bundled scenario opens.
  await page.getByRole('link', { name: 'Pneumonia with a parapneumonic effusion' }).click();
  await expect(page.getByRole('heading', { name: 'Pneumonia with a parapneumonic effusion', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Start case' }).click();
  await page.getByLabel('Do not code sepsis: it was ruled out by the attending').check();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  // The code sets load from the service worker, and the encoder finds a code.
  await expect(page.getByText('Code sets loaded: codes are checked as you type.')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Open encoder' }).click();
  const search = page.getByLabel('Find a code or term');
  await expect(search).toBeVisible();
  await search.fill('J13');
  await expect(page.getByRole('listbox', { name: 'Matching codes' }).getByRole('option').first()).toContainText('J13', { timeout: 60_000 });

  // The code-set files themselves are served offline.
  const head = await page.evaluate(async () => (await (await fetch('/codesets/fy2026/cm-codes.tsv')).text()).slice(0, 5));
  expect(head).toBe('A00\t0');
  await context.setOffline(false);
});
