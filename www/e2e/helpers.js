// Shared helpers for the playground's browser tests.
const { expect } = require('@playwright/test');

/** Opens the playground with empty storage, failing the test on any page error or outside request. */
async function openFresh(page, path = '/') {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1:') && !r.url().startsWith('data:')) foreign.push(r.url()); });
  await page.goto(path);
  await expect(page.locator('#f-SourceId')).toBeVisible();
  return { errors, foreign };
}

/** p95 of the app's `cel-update` measures (keystroke → every output rendered), in ms. */
async function updateP95(page) {
  const durations = await page.evaluate(() => performance.getEntriesByName('cel-update', 'measure').map((e) => e.duration));
  const sorted = [...durations].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
  return { count: sorted.length, p95, max: sorted[sorted.length - 1] };
}

async function clearMeasures(page) {
  await page.evaluate(() => performance.clearMeasures('cel-update'));
}

/** Loads a preset as a user does: choose it in the menu, then press Load. */
async function loadPreset(page, id) {
  await page.locator('#preset').selectOption(id);
  await page.locator('#preset-load').click();
}

/** Pastes `text` into the import box and loads it into the form. */
async function importRequest(page, text) {
  await page.locator('#import-text').fill(text);
  await page.locator('#import-load').click();
}

module.exports = { openFresh, updateP95, clearMeasures, loadPreset, importRequest };
