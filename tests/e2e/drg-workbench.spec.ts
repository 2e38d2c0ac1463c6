/**
 * Issue 5, item 7: the DRG workbench is reachable from the navigation and groups a sepsis claim to 871;
 * removing the MCC moves it to 872. No request leaves the origin; axe finds no serious issue.
 */
import { test, expect, seriousA11yViolations } from './fixtures';

test('sepsis claim groups to DRG 871, and to 872 without its MCC', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'DRG workbench' }).click();
  await expect(page.getByRole('heading', { name: 'DRG workbench', level: 1 })).toBeVisible();
  const group = page.getByRole('button', { name: 'Group', exact: true });
  await expect(group).toBeEnabled({ timeout: 30_000 }); // tables load lazily

  await page.getByLabel('Principal diagnosis').fill('A41.9');
  await page.getByLabel('Secondary diagnosis', { exact: true }).fill('J96.01');
  await page.getByLabel('POA of the new secondary').selectOption('Y');
  await page.getByRole('button', { name: 'Add secondary' }).click();
  await page.getByLabel('Age (years)').fill('71');
  await group.click();
  await expect(page.getByTestId('drg-result')).toContainText('DRG 871');
  await expect(page.getByRole('heading', { name: 'How the grouper decided' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Remove J9601' }).click();
  await group.click();
  await expect(page.getByTestId('drg-result')).toContainText('DRG 872');
});
