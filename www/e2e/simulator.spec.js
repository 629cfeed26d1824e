// Issue 6 §6: create-or-reuse in the simulator panel.
const { test, expect } = require('@playwright/test');
const { openFresh, loadPreset } = require('./helpers');

test('first send creates a chat, the second reuses it, DISCONNECT ends it, +25 h later a send creates a new one', async ({ page }) => {
  const { errors } = await openFresh(page);
  const badge = page.locator('#sim-badge');
  const rows = page.locator('#sim-chats tbody tr');

  await loadPreset(page, 'first-sms');
  await page.locator('#sim-send').click();
  await expect(badge).toHaveText('new chat created');
  await expect(page.locator('#sim-response')).toContainText('"NewChatCreated": true');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-status', 'active');
  const firstId = await rows.first().locator('.contact-id').getAttribute('title');

  await loadPreset(page, 'sms-reply');
  await page.locator('#sim-send').click();
  await expect(badge).toHaveText('existing chat reused');
  await expect(page.locator('#sim-response')).toContainText('"NewChatCreated": false');
  await expect(page.locator('#sim-response')).toContainText(firstId);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td.num')).toHaveText('2');

  await loadPreset(page, 'disconnect');
  await page.locator('#sim-send').click();
  await expect(badge).toHaveText('chat disconnected');
  await expect(rows.first()).not.toHaveAttribute('data-status', 'active');

  await page.locator('#sim-plus-25h').click();
  await expect(page.locator('#sim-clock')).toContainText('25 h since start');
  await loadPreset(page, 'sms-reply');
  await page.locator('#sim-send').click();
  await expect(badge).toHaveText('new chat created');
  await expect(rows).toHaveCount(2);
  await expect(page.locator('#sim-explanation')).not.toBeEmpty();

  // The transcript of the first contact shows its two messages and the disconnect.
  await page.getByRole('button', { name: `Transcript of ${firstId.slice(0, 8)}…` }).click();
  await expect(page.locator('#sim-transcript li')).toHaveCount(3);
  await expect(page.locator('#sim-transcript')).toContainText('Elm Street');
  expect(errors).toEqual([]);
});

test('without a disconnect the chat expires after 25 h; the clock, log and scenario export follow', async ({ page }) => {
  const { errors } = await openFresh(page);
  await loadPreset(page, 'first-sms');
  await page.locator('#sim-send').click();
  await page.locator('#sim-plus-1h').click();
  await page.locator('#sim-advance-text').fill('23h59m');
  await page.locator('#sim-advance').click();
  await page.locator('#sim-send').click();
  await expect(page.locator('#sim-badge')).toHaveText('existing chat reused');
  await page.locator('#sim-plus-1m').click();
  await expect(page.locator('#sim-chats tbody tr').first()).toHaveAttribute('data-status', 'expired');
  await page.locator('#sim-advance-text').fill('soon');
  await page.locator('#sim-advance').click();
  await expect(page.locator('#sim-advance-error')).not.toBeEmpty();

  await page.locator('#sim-log-section summary').click();
  await expect(page.locator('#sim-log li')).toHaveCount(5);
  await page.locator('#sim-scenario-section summary').click();
  const scenario = JSON.parse(await page.locator('#sim-scenario-export').innerText());
  expect(scenario.steps.map((s) => Object.keys(s)[0])).toEqual(['send', 'advance', 'advance', 'send', 'advance']);

  // Import: the exported scenario, loaded after a reset, rebuilds the same chats.
  await page.locator('#sim-reset').click();
  await expect(page.locator('#sim-chats-empty')).toBeVisible();
  await page.locator('#sim-scenario-import').fill(JSON.stringify(scenario));
  await page.locator('#sim-scenario-load').click();
  await expect(page.locator('#sim-chats tbody tr')).toHaveCount(1);
  await page.locator('#sim-scenario-import').fill('{"title": "x", "steps": [{"bogus": 1}]}');
  await expect(page.locator('#sim-scenario-status')).toContainText('bogus');
  await expect(page.locator('#sim-scenario-load')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('the simulator steps survive a reload and travel in a share link', async ({ page, browser }) => {
  await openFresh(page);
  await loadPreset(page, 'first-sms');
  await page.locator('#sim-send').click();
  await page.locator('#sim-send').click();
  await page.reload();
  await expect(page.locator('#sim-badge')).toHaveText('existing chat reused');
  await page.locator('#share').click();
  const url = await page.locator('#share-url').inputValue();
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await openFresh(fresh, url);
  await expect(fresh.locator('#sim-badge')).toHaveText('existing chat reused');
  await expect(fresh.locator('#sim-chats tbody tr')).toHaveCount(1);
  await other.close();
});
