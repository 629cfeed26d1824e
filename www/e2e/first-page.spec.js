// Issue 2 §5, the first page: paste request JSON and see its diagnostics, located, as one types.
const { test, expect } = require('@playwright/test');
const { openFresh } = require('./helpers');

test('pasted JSON with a mistake shows a located diagnostic, live', async ({ page }) => {
  const { errors, foreign } = await openFresh(page);
  const box = page.locator('#import-text');

  // A syntax error: the missing comma after SourceId is reported at its line and column.
  await box.fill('{\n  "SourceId": "+14155550123"\n  "DestinationId": "x"\n}');
  const diags = page.locator('#import-diags .diag');
  await expect(diags.first()).toContainText('line 3');
  await expect(diags.first()).toHaveClass(/error/);

  // Fixing it as one types clears the error; Load fills the form.
  await box.fill('{\n  "SourceId": "+14155550123",\n  "DestinationId": "x",\n  "Event": {"Type": "DISCONNECT"}\n}');
  await expect(page.locator('#import-diags .diag.error')).toHaveCount(0);
  await page.locator('#import-load').click();
  await expect(page.locator('#f-SourceId')).toHaveValue('+14155550123');
  await expect(page.locator('#f-DestinationId')).toHaveValue('x');

  // A member in the wrong case is reported at its path, with the name it should have.
  await box.fill('{\n  "sourceId": "+14155550123",\n  "DestinationId": "x",\n  "Event": {"Type": "DISCONNECT"}\n}');
  const unknown = page.locator('#import-diags .diag', { hasText: 'sourceId' }).first();
  await expect(unknown).toHaveClass(/error/);
  await expect(unknown.locator('.path')).toHaveText('sourceId');
  await expect(unknown).toContainText('SourceId');
  await expect(page.locator('#import-status')).toContainText('fix the problems');

  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('copy buttons copy the output', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { errors } = await openFresh(page);
  await page.locator('#tab-json').click();
  await page.getByRole('button', { name: 'Copy JSON request body' }).click();
  await expect(page.getByRole('button', { name: 'Copied JSON request body' })).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toEqual(JSON.parse(await page.locator('#out-json').innerText()));
  expect(errors).toEqual([]);
});
