// Issue 16, "work lost": nothing replaces the user's work silently, and what replaces it can be
// undone in one step. Each test starts from work of one's own, saved, and checks it survives.
const { test, expect } = require('@playwright/test');
const { deflateRawSync } = require('node:zlib');
const { openFresh, loadPreset, importRequest } = require('./helpers');
const SHARED = require('./fixtures/share-links-s1.json');

const KEY = 'chat-event-lab/playground/v1';
const MINE = 'My own work, not an example';
const content = (page) => page.locator('#f-Event-Content');
const saved = (page) => page.evaluate((k) => localStorage.getItem(k) || '', KEY);

/** A share link fragment holding `payload`, made as the playground makes one. */
const fragmentOf = (payload) => `s1=${deflateRawSync(Buffer.from(JSON.stringify(payload))).toString('base64url')}`;

/** Opens the playground and types some work of one's own, which is saved. */
async function ownWork(page) {
  const opened = await openFresh(page);
  await content(page).fill(MINE);
  await expect.poll(() => saved(page)).toContain(MINE);
  return opened;
}

test('damaged or unknown links leave the work and the saved state as they were, and keep the link', async ({ page }) => {
  const { errors } = await ownWork(page);
  const good = SHARED.links[0].fragment;
  const cases = [
    ['cut short', good.slice(0, good.length / 2), 'damaged'],
    ['a byte that is not base64url', `${good.slice(0, 20)}!${good.slice(21)}`, 'damaged'],
    ['no data', 's1=', 'damaged'],
    ['a later version', 's2=AAAA', '"s2"'],
  ];
  for (const [name, fragment, says] of cases) {
    await page.goto('about:blank');
    await page.goto(`/#${fragment}`);
    await expect(page.locator('#notice'), name).toContainText(says);
    await expect(content(page), name).toHaveValue(MINE);
    expect(await saved(page), name).toContain(MINE);
    await page.locator('#notice summary').click();
    await expect(page.locator('#notice-raw'), name).toHaveText(fragment);
    expect(new URL(page.url()).hash, name).toBe('');
  }
  expect(errors).toEqual([]);
});

test('a link opened over saved work can be undone; Restore previous and its undo survive a reload', async ({ page }) => {
  const { errors } = await ownWork(page);
  await page.goto('about:blank');
  await page.goto(`/#${SHARED.links[0].fragment}`);
  await expect(page.locator('#replaced')).toContainText('The share link replaced your request');
  await expect(content(page)).not.toHaveValue(MINE);
  await page.reload();
  await page.locator('#restore-previous').click();
  await expect(content(page)).toHaveValue(MINE);
  await expect(page.locator('#replaced')).toContainText('Restored your request');
  // The restore is undone the same way: the link's request comes back.
  await page.locator('#restore-previous').click();
  await expect(content(page)).toHaveValue(SHARED.links[0].payload.request.Event.Content);
  await page.locator('#replaced-dismiss').click();
  await expect(page.locator('#replaced')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('after Share, edits win over the link on reload: the address bar keeps no fragment', async ({ page }) => {
  const { errors } = await ownWork(page);
  await page.locator('#share').click();
  await expect(page.locator('#share-url')).toHaveValue(/#s1=/);
  expect(new URL(page.url()).hash).toBe('');
  await content(page).fill('Edited after sharing');
  await page.reload();
  await expect(content(page)).toHaveValue('Edited after sharing');
  await expect(page.locator('#replaced')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the import box only checks while one types; Load fills the form, and Restore previous undoes it', async ({ page }) => {
  const { errors } = await ownWork(page);
  const box = page.locator('#import-text');
  await box.fill('{}');
  await expect(page.locator('#import-status')).toContainText('ready to load');
  await expect(content(page)).toHaveValue(MINE);
  await expect(page.locator('#replaced')).toHaveCount(0);
  await page.locator('#import-load').click();
  await expect(content(page)).toHaveValue('');
  await expect(page.locator('#f-SourceId')).toHaveValue('');
  await expect(page.locator('#replaced')).toContainText('The imported request replaced your request');
  await page.locator('#restore-previous').click();
  await expect(content(page)).toHaveValue(MINE);
  // Ctrl+Enter in the box loads too.
  await box.fill('{"SourceId": "+15550100"}');
  await box.press('Control+Enter');
  await expect(page.locator('#f-SourceId')).toHaveValue('+15550100');
  expect(errors).toEqual([]);
});

test('the preset menu: arrow keys only choose, Enter or Load loads, and the replaced work comes back', async ({ page }) => {
  const { errors } = await ownWork(page);
  const menu = page.locator('#preset');
  await menu.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(content(page)).toHaveValue(MINE);
  await expect(menu).toBeFocused();
  const chosen = await menu.inputValue();
  expect(chosen).not.toBe('');
  await page.keyboard.press('ArrowDown');
  expect(await menu.inputValue()).not.toBe(chosen);
  await page.keyboard.press('Enter');
  await expect(content(page)).not.toHaveValue(MINE);
  await expect(page.locator('#replaced')).toContainText('The example');
  await page.locator('#restore-previous').click();
  await expect(content(page)).toHaveValue(MINE);
  // With the mouse: choose, then Load.
  await loadPreset(page, 'sms-reply');
  await expect(content(page)).not.toHaveValue(MINE);
  expect(errors).toEqual([]);
});

test('a link put in the address bar of an open tab is offered, not ignored, and not forced', async ({ page }) => {
  const { errors } = await ownWork(page);
  const [link] = SHARED.links;
  await page.evaluate((f) => { location.hash = f; }, link.fragment);
  await expect(page.locator('#offered-link')).toBeVisible();
  await expect(content(page)).toHaveValue(MINE);
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  await page.locator('#offered-dismiss').click();
  await expect(page.locator('#offered-link')).toHaveCount(0);
  await expect(content(page)).toHaveValue(MINE);

  await page.evaluate((f) => { location.hash = f; }, link.fragment);
  await page.locator('#offered-open').click();
  await expect(content(page)).toHaveValue(link.payload.request.Event.Content);
  await page.locator('#restore-previous').click();
  await expect(content(page)).toHaveValue(MINE);
  expect(errors).toEqual([]);
});

test('past the step limit, a link, a saved state and a scenario are refused with a message, and nothing is saved', async ({ page }) => {
  const { errors } = await ownWork(page);
  const steps = Array.from({ length: 200_000 }, () => ({ advance: '1s' }));
  const request = SHARED.links[0].payload.request;
  await page.goto('about:blank');
  await page.goto(`/#${fragmentOf({ request, scenario: { title: 'many', steps } })}`);
  await expect(page.locator('#notice')).toContainText('200,000 simulator steps');
  await expect(page.locator('#notice')).toContainText('at most 1,000');
  await expect(content(page)).toHaveValue(MINE);
  expect(await saved(page)).not.toContain('"advance"');

  // A scenario pasted into the simulator: checked, not loadable.
  await page.locator('#sim-scenario-section summary').click();
  await page.locator('#sim-scenario-import').fill(JSON.stringify({ title: 'many', steps: steps.slice(0, 1001) }));
  await expect(page.locator('#sim-scenario-status')).toContainText('at most 1,000');
  await expect(page.locator('#sim-scenario-load')).toBeDisabled();

  // A saved state with too many steps (an earlier version could save one): a clean start, the text offered.
  await page.evaluate(([k, s]) => localStorage.setItem(k, JSON.stringify({ sim: { steps: s } })), [KEY, steps.slice(0, 5000)]);
  await page.reload();
  await expect(page.locator('#notice')).toContainText('5,000 simulator steps');
  await expect(page.locator('#f-SourceId')).toHaveValue('+14155550123');
  expect(errors).toEqual([]);
});

test('a state too large to save says so once, and saving resumes when it fits', async ({ page }) => {
  test.setTimeout(60_000);
  const { errors } = await ownWork(page);
  // A request near every maximum: 16,000 characters of content, 32,000 bytes of attributes.
  const Attributes = Object.fromEntries(['a', 'b', 'c', 'd'].map((k) => [k, k.repeat(7_999)]));
  const big = { SourceId: '+1', Event: { Type: 'MESSAGE', Content: 'x'.repeat(16_000) }, NewSessionDetails: { Attributes } };
  await importRequest(page, JSON.stringify(big));
  // Each send keeps a copy of the request: 50 of them pass the 2 MB the playground saves.
  for (let i = 0; i < 50; i += 1) await page.locator('#sim-send').click();
  await expect(page.locator('#notice')).toContainText('no longer saved');
  await page.locator('#notice-dismiss').click();
  await page.locator('#sim-send').click();
  await expect(page.locator('#notice')).toHaveCount(0);
  expect((await saved(page)).length).toBeLessThan(2 << 20);
  await page.locator('#sim-scenario-section summary').click();
  await page.locator('#sim-reset').click();
  await expect.poll(async () => (JSON.parse(await saved(page)).sim.steps || []).length).toBe(0);
  expect(errors).toEqual([]);
});
