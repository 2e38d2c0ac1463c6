/**
 * The game and the classroom (issue 10): load a class pack, play a short shift from it, see XP and a chart
 * appear, export progress, import it into a fresh profile on a "new computer" (a fresh browser context) and
 * compare; a tampered file is refused. No request leaves the origin; axe finds no serious violations.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, seriousA11yViolations, createProfile } from './fixtures';

const PACK = `format: him-sim/scenario@1
id: coding-e2e-shift-poa
module: coding
title: E2E shift POA question
summary: One question about a POA indicator.
difficulty: 2
estimatedMinutes: 5
patient: { name: { family: Okonkwo-Lind, given: Rae }, mrn: SIM-7700001, dob: 1950-05-06, sex: F }
encounter:
  admitted: 2026-03-01T08:00
  discharged: 2026-03-04T10:00
  admissionType: 1
  admissionSource: 1
  attending: { name: Pat Example, credentials: MD }
  dischargeDisposition: '01'
chart:
  - id: hp
    type: history-and-physical
    author: { name: Pat Example, credentials: MD, role: attending }
    created: 2026-03-01T09:00
    signed: 2026-03-01T10:00
    text: "Admission skin assessment: skin intact. Day 3 nursing note: new stage 2 sacral pressure injury."
steps:
  - id: poa
    type: choice
    title: POA indicator
    input:
      question: Which POA indicator does the sacral pressure injury get?
      options:
        - { id: y, text: "Y: present on admission" }
        - { id: n, text: "N: not present on admission" }
    answer: { correct: [n] }
`;

/** Follows a link of the main navigation. */
async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/** Counts canvas pixels that are not transparent (the chart was drawn, toolchain.md §5). */
async function paintedPixels(page: Page): Promise<number> {
  return page.locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

test('a learner plays a short shift, earns XP, and carries the progress to a fresh profile', async ({ page, browser, baseURL }, testInfo) => {
  await createProfile(page, 'Gina Game');

  // Progress before any work: no chart yet.
  await nav(page, 'Progress');
  await expect(page.getByTestId('xp-total')).toHaveText('0 XP');
  await expect(page.getByText('No finished cases yet.')).toBeVisible();

  // The instructor loads a class pack.
  await nav(page, 'Instructor');
  await page.getByLabel('Pack name').fill('E2E pack');
  await page.getByLabel('Load a class pack').setInputFiles({ name: '01-poa.yaml', mimeType: 'text/yaml', buffer: Buffer.from(PACK) });
  await expect(page.getByText('Class pack “E2E pack” saved: 1 case ready, 0 broken.')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await nav(page, 'Cases');
  await expect(page.getByRole('region', { name: 'Class pack E2E pack' }).getByRole('link', { name: 'E2E shift POA question' })).toBeVisible();

  // A short shift from the class pack.
  await nav(page, 'Shift');
  await page.getByLabel('Cases from').selectOption({ label: 'Class pack: E2E pack' });
  await page.getByLabel('Shift length').selectOption('1');
  await page.getByRole('button', { name: 'Plan my shift' }).click();
  await expect(page.getByRole('heading', { name: 'Your assignment' })).toBeVisible();
  await page.getByRole('button', { name: 'Start shift' }).click();
  await expect(page.getByRole('region', { name: 'Shift clock' })).toContainText('Game clock');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Work on E2E shift POA question' }).click();
  await page.getByRole('button', { name: 'Start case' }).click();
  await page.getByLabel('N: not present on admission').check();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('heading', { name: /Feedback: 1 of 1 points/ })).toBeVisible();
  await page.getByRole('button', { name: 'Finish case' }).click();
  await expect(page.getByText('✓ Done')).toBeVisible();

  // The shift survives a reload (persisted machine snapshot).
  await page.reload();
  await expect(page.getByText('✓ Done')).toBeVisible();
  await page.getByRole('button', { name: 'End shift now' }).click();
  await expect(page.getByRole('heading', { name: /End of shift:/ })).toBeVisible();
  await expect(page.getByTestId('shift-xp')).toHaveText('30 XP');
  await page.screenshot({ path: testInfo.outputPath('shift-end.png'), fullPage: true });

  // XP and a chart on the progress page.
  await page.getByRole('link', { name: 'See your progress' }).click();
  await expect(page.getByTestId('xp-total')).toHaveText('30 XP');
  await expect(page.getByRole('heading', { name: 'Accuracy per module' })).toBeVisible();
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(100);
  await page.screenshot({ path: testInfo.outputPath('progress.png'), fullPage: true });
  expect(await seriousA11yViolations(page)).toEqual([]);
  const summaryBefore = await page.getByRole('region', { name: 'By module' }).innerText();

  // Export.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^him-sim-progress-gina-game-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = readFileSync((await download.path()), 'utf8');

  // A fresh profile on another computer.
  const context = await browser.newContext({ baseURL });
  const lab = await context.newPage();
  await createProfile(lab, 'Gina at the lab');
  await lab.goto('/#/progress');
  await expect(lab.getByTestId('xp-total')).toHaveText('0 XP');

  // A tampered file is refused with a clear message.
  const tampered = exported.replace(/"percent": 100/, '"percent": 99');
  expect(tampered).not.toBe(exported);
  await lab.getByLabel('Import a progress file').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
  await expect(lab.getByRole('alert')).toContainText('edited.json: was changed after it was exported');
  await expect(lab.getByTestId('xp-total')).toHaveText('0 XP');

  // The real file is imported; importing it twice adds nothing.
  for (const expected of ['1 attempt added, 0 already here', '0 attempts added, 1 already here']) {
    await lab.getByLabel('Import a progress file').setInputFiles({ name: 'gina.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect(lab.getByRole('status').filter({ hasText: 'gina.json' })).toContainText(expected);
  }
  await expect(lab.getByTestId('xp-total')).toHaveText('30 XP');
  await expect.poll(() => lab.getByRole('region', { name: 'By module' }).innerText()).toBe(summaryBefore);
  await expect.poll(() => paintedPixels(lab)).toBeGreaterThan(100);
  await context.close();
});

test('the instructor imports a student file and downloads a gradebook CSV', async ({ page }) => {
  await createProfile(page, 'Ivy Instructor');
  await page.goto('/#/progress');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const exported = readFileSync((await (await downloadPromise).path()), 'utf8');

  await page.goto('/#/instructor');
  await page.getByLabel('Import student progress files').setInputFiles([
    { name: 'ivy.json', mimeType: 'application/json', buffer: Buffer.from(exported) },
    { name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') },
  ]);
  await expect(page.getByText(/ivy\.json: Ivy Instructor, 0 new attempts/)).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('junk.json: is not a HIM Sim progress file (no format tag).');
  const csvPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download gradebook CSV' }).click();
  const csv = readFileSync((await (await csvPromise).path()), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('student,student_id,module,attempts,distinct_cases,best_score_mean_percent,mean_percent,latest_percent,time_on_task_minutes,top_error_types,last_activity_utc');
  expect(csv).toContain('Ivy Instructor,');
  expect(await seriousA11yViolations(page)).toEqual([]);
});
