// Issue 6 §7: saved state, share links, and what happens when either is damaged.
const { test, expect } = require('@playwright/test');
const { deflateRawSync } = require('node:zlib');
const { openFresh, loadPreset } = require('./helpers');
const SHARED = require('./fixtures/share-links-s1.json');

const KEY = 'chat-event-lab/playground/v1';

test('a reload restores the request and the chosen options', async ({ page }) => {
  const { errors } = await openFresh(page);
  await loadPreset(page, 'whatsapp-attributes');
  await page.locator('#f-Event-Content').fill('Kept across a reload');
  await page.locator('#f-NewSessionDetails-Attributes-key-1').fill('lang');
  await page.locator('#theme').selectOption('dark');
  await page.locator('#tab-json').click();
  await page.reload();
  await expect(page.locator('#f-Event-Content')).toHaveValue('Kept across a reload');
  await expect(page.locator('#f-Subtype')).toHaveValue('connect:WhatsApp');
  await expect(page.locator('#f-NewSessionDetails-Attributes-key-1')).toHaveValue('lang');
  await expect(page.locator('#theme')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('#tab-json')).toHaveAttribute('aria-selected', 'true');
  const saved = await page.evaluate((k) => localStorage.getItem(k), KEY);
  expect(saved).toContain('Kept across a reload');
  expect(errors).toEqual([]);
});

test('the theme picker overrides the system colour scheme, both ways, and Auto follows it', async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = 'rgb(246, 247, 249)';
  const dark = 'rgb(17, 20, 24)';
  const { errors } = await openFresh(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.locator('#theme').selectOption('auto');
  expect(await background()).toBe(light);
  await page.locator('#theme').selectOption('dark');
  expect(await background()).toBe(dark);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('#theme').selectOption('auto');
  expect(await background()).toBe(dark);
  await page.locator('#theme').selectOption('light');
  expect(await background()).toBe(light);
  expect(errors).toEqual([]);
});

test('a share link round-trips in a new page', async ({ page, browser }) => {
  const { errors } = await openFresh(page);
  await loadPreset(page, 'read-receipt');
  await page.locator('#receipt-message-id').fill('msg-42 "quoted"');
  await page.locator('#share').click();
  const url = await page.locator('#share-url').inputValue();
  expect(url).toMatch(/#s1=[A-Za-z0-9_-]+$/);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  const { errors: freshErrors } = await openFresh(fresh, url);
  await expect(fresh.locator('#f-Event-ContentType')).toHaveValue('application/vnd.amazonaws.connect.event.message.read');
  await expect(fresh.locator('#receipt-message-id')).toHaveValue('msg-42 "quoted"');
  await fresh.locator('#tab-json').click();
  const body = JSON.parse(await fresh.locator('#out-json').innerText());
  expect(body.Event.Content).toBe('{"messageId":"msg-42 \\"quoted\\""}');
  // The fragment is consumed, so later edits are not contradicted by the address bar.
  expect(new URL(fresh.url()).hash).toBe('');
  await other.close();
  expect(errors).toEqual([]);
  expect(freshErrors).toEqual([]);
});

test('share links made by earlier versions still open', async ({ page }) => {
  const { errors } = await openFresh(page);
  expect(SHARED.links.length).toBeGreaterThan(5);
  for (const { name, fragment, payload } of SHARED.links) {
    // A fresh document each time: the fragment is read when the page starts.
    await page.goto('about:blank');
    await page.goto(`/#${fragment}`);
    await expect.poll(() => new URL(page.url()).hash, name).toBe('');
    await page.locator('#tab-json').click();
    expect(JSON.parse(await page.locator('#out-json').innerText()), name).toEqual(payload.request);
    if (payload.scenario) {
      const exported = JSON.parse(await page.locator('#sim-scenario-export').textContent());
      expect([exported.settings, exported.steps], name).toEqual([payload.scenario.settings, payload.scenario.steps]);
    }
    await expect(page.locator('#notice'), name).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});

test('a link that inflates past any request is refused, and the work is kept', async ({ page }) => {
  const { errors } = await openFresh(page);
  await page.locator('#f-Event-Content').fill('My own work');
  const bomb = deflateRawSync(Buffer.alloc(5 << 20, 32)).toString('base64url');
  await page.goto('about:blank');
  await page.goto(`/#s1=${bomb}`);
  await expect(page.locator('#notice')).toContainText('inflates to more than any request');
  await expect(page.locator('#f-Event-Content')).toHaveValue('My own work');
  expect(new URL(page.url()).hash).toBe('');
  expect(errors).toEqual([]);
});

test('a corrupt saved state gives a clean start and offers the raw data', async ({ page }) => {
  await page.goto('/');
  // Once the app has started (and saved its own first state), so that nothing overwrites this.
  await expect(page.locator('#f-SourceId')).toBeVisible();
  await page.evaluate((k) => localStorage.setItem(k, '{"request": {"SourceId": 5'), KEY);
  const { errors } = await openFresh(page);
  await expect(page.locator('#notice')).toContainText('could not be read');
  await page.locator('#notice summary').click();
  await expect(page.locator('#notice-raw')).toHaveText('{"request": {"SourceId": 5');
  await expect(page.locator('#f-SourceId')).toHaveValue('+14155550123');
  await page.locator('#notice-dismiss').click();
  await expect(page.locator('#notice')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a damaged share link gives a message and keeps the work', async ({ page }) => {
  const { errors } = await openFresh(page, '/#s1=not-really-deflate');
  await expect(page.locator('#notice')).toContainText('link could not be opened');
  await expect(page.locator('#f-SourceId')).toHaveValue('+14155550123');
  expect(errors).toEqual([]);
});

test('a share link of an unknown version says so', async ({ page }) => {
  const { errors } = await openFresh(page, '/#s7=from-the-future');
  await expect(page.locator('#notice')).toContainText('"s7"');
  await page.locator('#notice summary').click();
  await expect(page.locator('#notice-raw')).toHaveText('s7=from-the-future');
  expect(errors).toEqual([]);
});
