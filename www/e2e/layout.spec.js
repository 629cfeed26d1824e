// Issue 16, layout and text: what fits at every width, what the pickers offer, what the outputs
// say, and axe-core on the page and in an embed frame.
const { test, expect } = require('@playwright/test');
const path = require('node:path');
const { openFresh, loadPreset } = require('./helpers');

const AXE = path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js');

/** axe-core's violations in a frame, as `rule: targets` lines (empty when there are none). */
async function axeViolations(frame) {
  await frame.addScriptTag({ path: AXE });
  return frame.evaluate(async () => {
    const { violations } = await window.axe.run(document);
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** The box of `inner` lies within the box of `outer`, to the pixel. */
async function within(inner, outer) {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  return a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
}

test('the chats table fits its panel at every width, its buttons in full', async ({ page }) => {
  const { errors } = await openFresh(page);
  await page.locator('#sim-send').click();
  for (const width of [360, 700, 900, 1240, 1260, 1280, 1300, 1340, 1366, 1380, 1400, 1600, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    const wrap = page.locator('#sim-chats').locator('xpath=..');
    expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth), `${width}`).toBeLessThanOrEqual(0);
    for (const button of await page.locator('#sim-chats button').all()) {
      await button.scrollIntoViewIfNeeded();
      expect(await within(button, wrap), `${width}: ${await button.textContent()}`).toBe(true);
    }
  }
  expect(errors).toEqual([]);
});

test('on a wide screen the outputs stay in view while the form scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { errors } = await openFresh(page);
  await page.locator('#f-NewSessionDetails-StreamingConfiguration-StreamingEndpointArn').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(400);
  const box = await page.locator('#out-cli').boundingBox();
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(800);
  expect(errors).toEqual([]);
});

test('Event.Type decides the ContentType choices, and what DISCONNECT ignores goes in one click', async ({ page }) => {
  const { errors } = await openFresh(page);
  const type = page.locator('#f-Event-Type');
  const contentType = page.locator('#f-Event-ContentType');
  // EVENT: its own types, text/plain marked as not fitting, never a custom text box.
  await type.selectOption('EVENT');
  await expect(contentType).toHaveJSProperty('tagName', 'SELECT');
  await expect(contentType.locator('option:checked')).toHaveText('text/plain (does not fit)');
  await expect(contentType.locator('option[value="application/vnd.amazonaws.connect.event.typing"]')).toHaveCount(1);
  await expect(contentType.locator('option[value="text/markdown"]')).toHaveCount(0);
  await contentType.selectOption('application/vnd.amazonaws.connect.event.typing');
  await expect(page.locator('#f-Event-ContentType-diags .diag.error')).toHaveCount(0);

  // DISCONNECT: the members it ignores are warned about, and removed in one click, undoably.
  await loadPreset(page, 'first-sms');
  await type.selectOption('DISCONNECT');
  const ignored = page.locator('#diagnostic-summary [data-code="ignored-on-disconnect"], #diagnostic-summary [data-code="new-session-on-disconnect"]');
  await expect(ignored).toHaveCount(3);
  await page.locator('#clear-ignored').click();
  await expect(ignored).toHaveCount(0);
  await expect(page.locator('#diagnostic-summary')).toContainText('No problems found');
  await expect(page.locator('#clear-ignored')).toHaveCount(0);
  await page.locator('#restore-previous').click();
  await expect(ignored).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('code keeps its lines: no wrapping inside words, and quoted shell words coloured whole', async ({ page }) => {
  const { errors } = await openFresh(page);
  await page.locator('#f-Event-Content').fill('It\'s 12 Elm Street, "hi"');
  const cli = page.locator('#out-cli');
  expect(await cli.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre');
  const event = cli.locator('.tk-str', { hasText: 'Elm' });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText('Type=MESSAGE');
  await expect(event).toContainText('"hi"');
  // Every line of the text is one line on screen: the block is as tall as its lines.
  const { lines, height, lineHeight } = await cli.evaluate((el) => {
    const code = el.querySelector('code');
    return { lines: el.innerText.split('\n').length, height: code.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) };
  });
  expect(Math.round(height / lineHeight)).toBe(lines);
  expect(errors).toEqual([]);
});

test('counts agree with their nouns, and a refused send does not end in two full stops', async ({ page }) => {
  const { errors } = await openFresh(page);
  await page.locator('#sim-send').click();
  await expect(page.locator('#sim-log-section summary, details:has(#sim-log) > summary').first()).toContainText('(1 step)');
  await loadPreset(page, 'broken-lowercase-type');
  await page.locator('#sim-send').click();
  await expect(page.locator('#sim-badge')).toContainText('InvalidRequestException');
  await expect(page.locator('#sim-explanation')).not.toContainText('..');
  await expect(page.locator('#sim-explanation')).toContainText('upper case.');
  expect(errors).toEqual([]);
});

test('Copy warns, without blocking, when the request has errors', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { errors } = await openFresh(page);
  await page.getByRole('button', { name: 'Copy AWS CLI command' }).click();
  await expect(page.locator('.copy-warning')).toHaveCount(0);
  await loadPreset(page, 'broken-lowercase-type');
  await page.getByRole('button', { name: 'Copy AWS CLI command' }).click();
  await expect(page.locator('.copy-warning')).toContainText('AWS would refuse it');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('#out-cli').innerText());
  expect(errors).toEqual([]);
});

test('on a phone every label stays beside its menu', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const { errors } = await openFresh(page);
  for (const id of ['preset', 'theme']) {
    const [label, menu] = [await page.locator(`label[for="${id}"]`).boundingBox(), await page.locator(`#${id}`).boundingBox()];
    expect(Math.abs((label.y + label.height / 2) - (menu.y + menu.height / 2)), id).toBeLessThan(4);
    expect(menu.x - (label.x + label.width), id).toBeLessThan(20);
  }
  expect(errors).toEqual([]);
});

test('an embed puts form and outputs side by side when wide, the outputs first when narrow', async ({ page }) => {
  for (const [width, side] of [[1280, true], [360, false]]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/embed-example.html');
    const host = page.locator('#first-message');
    await host.scrollIntoViewIfNeeded();
    const frame = page.frameLocator('#first-message iframe');
    await expect(frame.locator('#out-cli')).toBeVisible();
    const [form, out] = [await frame.locator('.embed-form').boundingBox(), await frame.locator('.outputs').boundingBox()];
    if (side) {
      expect(out.x).toBeGreaterThan(form.x + form.width - 1);
      expect(Math.abs(out.y - form.y)).toBeLessThan(2);
    } else {
      expect(out.y + out.height).toBeLessThanOrEqual(form.y);
    }
    // The frame's height follows its content, shorter side by side than stacked.
    const height = await host.locator('iframe').evaluate((f) => f.offsetHeight);
    expect(height, `${width}`).toBeLessThan(side ? 1900 : 3000);
  }
});

// axe-core is injected as an inline script, which the pages' policy refuses (as it should): the
// browser is told to let the test's own scripts through.
test.describe('accessibility', () => {
  test.use({ bypassCSP: true });

  test('axe-core finds no violation on the page, light and dark, nor in an embed frame', async ({ page }) => {
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const { errors } = await openFresh(page);
      await loadPreset(page, 'sms-reply');
      await page.locator('#sim-send').click();
      await page.locator('#share').click();
      await page.locator('#import-text').fill('{"SourceId": 5}');
      expect(await axeViolations(page.mainFrame()), scheme).toEqual([]);
      expect(errors).toEqual([]);
    }
    await page.goto('/embed-example.html');
    await page.locator('#first-message').scrollIntoViewIfNeeded();
    await expect(page.frameLocator('#first-message iframe').locator('.embed')).toBeVisible();
    // The article first: once axe runs inside a frame too, the article's run would take the frame in.
    expect(await axeViolations(page.mainFrame())).toEqual([]);
    const frame = page.frames().find((f) => f.url().includes('embed=1'));
    expect(await axeViolations(frame)).toEqual([]);
  });
});
