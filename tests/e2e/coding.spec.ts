/**
 * Issue 6 item 7: code one case keyboard-only, see at least three kinds of diagnosed feedback (each with its
 * guideline), follow a feedback link into the chart, read the grouper trace of one's own codes in the DRG step
 * (with a what-if), finish, and find the attempt saved with its error types. No request leaves the origin; axe
 * finds no serious or critical violations.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, seriousA11yViolations, createProfile } from './fixtures';

/** Focuses a control and presses a key: keyboard only, no pointer. */
async function press(target: Locator, key = 'Enter') {
  await target.focus();
  await target.press(key);
}

async function typeInto(target: Locator, text: string) {
  await target.focus();
  await target.page().keyboard.type(text);
}

async function addSecondary(page: Page, index: number, code: string, poaKey: string) {
  await press(page.getByRole('button', { name: 'Add secondary diagnosis' }));
  const field = page.getByLabel(`Secondary diagnosis ${index}`, { exact: true });
  await expect(field).toBeFocused();
  await page.keyboard.type(code);
  // A select takes the option whose label starts with the typed letter ("Y – present at admission").
  await page.getByLabel(`POA for secondary ${index}`).focus();
  await page.keyboard.type(poaKey);
  await expect(page.getByLabel(`POA for secondary ${index}`)).toHaveValue(poaKey);
}

test('a learner codes a case keyboard-only, reads diagnosed feedback and the DRG trace, and the attempt is saved', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await createProfile(page, 'Keyboard Coder');

  await press(page.getByRole('link', { name: 'Pneumonia with a parapneumonic effusion' }));
  await press(page.getByRole('button', { name: 'Start case' }));

  // Step 1: the ruled-out sepsis question.
  await press(page.getByLabel('Do not code sepsis: it was ruled out by the attending'), 'Space');
  await press(page.getByRole('button', { name: 'Submit' }));
  await expect(page.getByRole('heading', { name: /Feedback: 1 of 1 points/ })).toBeVisible();
  await press(page.getByRole('button', { name: 'Continue' }));

  // Step 2: code the stay, with typical mistakes, once the code sets are loaded.
  const loadStarted = Date.now();
  await expect(page.getByText('Code sets loaded: codes are checked as you type.')).toBeVisible({ timeout: 60_000 });
  testInfo.annotations.push({ type: 'code sets + grouper ready after (ms)', description: String(Date.now() - loadStarted) });
  console.log(`code sets + grouper ready after ${Date.now() - loadStarted} ms`);
  await typeInto(page.getByLabel('Principal diagnosis', { exact: true }), 'J18');
  await expect(page.getByText(/J18 is a category: add a 4th character/)).toBeVisible();
  await page.keyboard.type('.9');
  await addSecondary(page, 1, 'J91.8', 'Y');
  await addSecondary(page, 2, 'A41.9', 'Y');
  await addSecondary(page, 3, 'B37.0', 'Y');
  await addSecondary(page, 4, 'E11.9', 'Y');
  await addSecondary(page, 5, 'I10', 'Y');
  // Keyboard reordering: move I10 up one place with Alt+ArrowUp.
  await page.getByLabel('Secondary diagnosis 5', { exact: true }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByLabel('Secondary diagnosis 4', { exact: true })).toHaveValue('I10');
  await press(page.getByRole('button', { name: 'Add procedure' }));
  await expect(page.getByLabel('Procedure 1', { exact: true })).toBeFocused();
  await page.keyboard.type('0B9B3ZX');
  await typeInto(page.getByLabel('Date of procedure 1'), '02102026');
  await expect(page.getByLabel('Date of procedure 1')).toHaveValue('2026-02-10');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await press(page.getByRole('button', { name: 'Submit' }));
  const feedback = page.getByRole('region', { name: /Feedback: .* points/ });
  await expect(feedback).toBeVisible();
  // At least three kinds of diagnosed feedback, each with its guideline section.
  await expect(feedback.getByText(/J18\.9 \(Pneumonia, unspecified organism\) is less specific than the record allows/)).toBeVisible();
  await expect(feedback.getByText('See ICD-10-CM Official Guidelines FY2026, I.B.2; I.A.9.b', { exact: false }).first()).toBeVisible();
  await expect(feedback.getByText(/A41\.9 \(Sepsis, unspecified organism\) was ruled out/)).toBeVisible();
  await expect(feedback.getByText(/its POA indicator is N \(not present/)).toBeVisible();
  await expect(feedback.getByText(/Diabetes "with" a listed complication is coded with the diabetes combination code/)).toBeVisible();
  await expect(feedback.getByText(/N17\.9 \(Acute kidney failure, unspecified\) was not reported\. It is a CC\./)).toBeVisible();
  await expect(feedback.getByText(/character 2, body system: you gave B \(Respiratory System\)/)).toBeVisible();
  await expect(feedback.getByText(/Your codes group to MS-DRG 193 .*\(set by A41\.9\)/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('coding-feedback.png'), fullPage: true });
  await testInfo.attach('coding-feedback', { path: testInfo.outputPath('coding-feedback.png'), contentType: 'image/png' });
  expect(await seriousA11yViolations(page)).toEqual([]);

  // A feedback item links to the chart line that supports the right answer.
  await press(feedback.getByRole('button', { name: /Show in chart: “Oral candidiasis \(thrush\), new today”/ }));
  await expect(page.locator('mark').filter({ hasText: 'Oral candidiasis (thrush), new today' })).toBeVisible();

  await press(page.getByRole('button', { name: 'Continue' }));

  // Step 3: the DRG, with the grouper trace of the learner's own codes.
  const trace = page.getByRole('region', { name: 'Grouper trace for your codes' });
  await expect(trace).toBeVisible({ timeout: 30_000 });
  await expect(trace.getByText(/^MDC 04 /)).toBeVisible();
  await expect(trace.getByText(/with MCC, set by A41\.9/)).toBeVisible();
  await expect(trace.getByRole('row', { name: /I10/ }).getByText('not a CC or MCC')).toBeVisible();
  await press(trace.getByLabel('Include A41.9'), 'Space');
  await expect(trace.getByText(/What if: MS-DRG 193 -> 194 .*with MCC -> with CC/)).toBeVisible();
  await press(page.getByRole('button', { name: 'Use MS-DRG 193 from my codes' }));
  await expect(page.getByLabel('MS-DRG', { exact: true })).toHaveValue('193');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await press(page.getByRole('button', { name: 'Submit' }));
  const drgFeedback = page.getByRole('region', { name: /Feedback: 2 of 3 points/ });
  await expect(drgFeedback.getByText(/You chose MS-DRG 193 .* the record supports MS-DRG 194/)).toBeVisible();
  await expect(drgFeedback.getByText(/You read the grouper right for your own codes/)).toBeVisible();
  await press(page.getByRole('button', { name: 'Finish case' }));

  await expect(page.getByRole('heading', { name: /Results: Pneumonia/ })).toBeVisible();
  await expect(page.getByText(/Score \d+(\.\d)?%/)).toBeVisible();

  // The attempt is saved with its error types (they feed the review drills).
  const saved = await page.evaluate(
    () =>
      new Promise<{ count: number; errorTypes: Record<string, number> }>((resolve, reject) => {
        const open = indexedDB.open('him-sim');
        open.onsuccess = () => {
          const all = open.result.transaction('attempts', 'readonly').objectStore('attempts').getAll();
          all.onsuccess = () => {
            const rows = all.result as { errorTypes: Record<string, number> }[];
            resolve({ count: rows.length, errorTypes: rows[0]?.errorTypes ?? {} });
          };
          all.onerror = () => reject(new Error(String(all.error)));
        };
        open.onerror = () => reject(new Error(String(open.error)));
      }),
  );
  expect(saved.count).toBe(1);
  expect(Object.keys(saved.errorTypes)).toEqual(
    expect.arrayContaining(['coding.specificity', 'coding.ruled-out-coded', 'coding.poa-wrong', 'coding.combination-diabetes', 'coding.cc-mcc-missed', 'coding.pcs-body-system', 'coding.drg-mismatch', 'drg.severity-wrong']),
  );
});
