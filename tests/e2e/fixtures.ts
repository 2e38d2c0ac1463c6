/**
 * Shared e2e fixture: every test fails if the page sends any request outside its own origin
 * (DEVELOPERS.md: the app never sends data over the network), and offers an axe scan helper.
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend<{ offOrigin: string[] }>({
  offOrigin: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
      const offOrigin: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) offOrigin.push(url);
      });
      await use(offOrigin);
      expect(offOrigin, 'requests that left the origin').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Runs axe-core and returns the serious and critical violations, with their targets, for a readable failure. */
export async function seriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Creates a profile from the start page (keyboard only) and lands on the catalogue. */
export async function createProfile(page: Page, name: string) {
  await page.goto('/');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your name').press('Enter');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
}
