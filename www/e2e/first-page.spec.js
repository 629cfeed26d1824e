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

  // Fixing it as one types clears the error and fills the form.
  await box.fill('{\n  "SourceId": "+14155550123",\n  "DestinationId": "x",\n  "Event": {"Type": "DISCONNECT"}\n}');
  await expect(page.locator('#import-diags .diag.error')).toHaveCount(0);
  await expect(page.locator('#f-SourceId')).toHaveValue('+14155550123');
  await expect(page.locator('#f-DestinationId')).toHaveValue('x');

  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});
