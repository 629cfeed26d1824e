// Issue 17 §4, the pages: a Content-Security-Policy that the app lives within and that stops an
// injected script, the full playground refusing to run inside another page's frame, the embed
// sandboxed from a docs page of another origin, and hostile text in every input path.
const { test, expect } = require('@playwright/test');
const { deflateRawSync } = require('node:zlib');
const http = require('node:http');
const { openFresh, loadPreset, importRequest } = require('./helpers');

/** Records every Content-Security-Policy violation, in the page and in its frames. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (frame) => frame.evaluate(() => window.__violations);

/** Serves one page from another origin on this machine (another port), and returns its URL
 * and a way to stop. A page fulfilled by the test itself would count as a public page, which
 * Chromium keeps from loading anything from the loopback address. */
async function elsewhere(html) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => server.close(done)) };
}

const policyOf = (page) => page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');

test('the playground works within its Content-Security-Policy: no violation on the main flows', async ({ page, browser }) => {
  await recordViolations(page);
  const { errors } = await openFresh(page);
  const policy = await policyOf(page);
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(policy).not.toContain('unsafe-inline');
  for (const part of ["object-src 'none'", "base-uri 'none'", "connect-src 'self'", "default-src 'none'"]) expect(policy).toContain(part);

  await loadPreset(page, 'whatsapp-attributes');
  await page.locator('#f-Event-Content').fill('Hi there');
  for (const tab of ['json', 'shorthand', 'cli-input-json', 'cli-input-yaml', 'sdk', 'cli']) await page.locator(`#tab-${tab}`).click();
  await page.locator('#sim-send').click();
  await page.locator('#sim-plus-25h').click();
  await importRequest(page, 'aws connect send-chat-integration-event --source-id +1 --destination-id d --event Type=DISCONNECT');
  await page.locator('#restore-previous').click();
  await page.locator('#theme').selectOption('dark');
  await page.locator('#share').click();
  const link = await page.locator('#share-url').inputValue();
  expect(await violations(page.mainFrame())).toEqual([]);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await recordViolations(fresh);
  await openFresh(fresh, link);
  await expect(fresh.locator('#sim-log li')).toHaveCount(2);
  expect(await violations(fresh.mainFrame())).toEqual([]);
  await other.close();
  expect(errors).toEqual([]);
});

test('the example article and its embeds: no violation', async ({ page }) => {
  await recordViolations(page);
  await page.goto('/embed-example.html');
  expect(await policyOf(page)).toContain("style-src 'self' 'sha256-");
  for (const id of ['first-message', 'reply', 'disconnect']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await expect(page.frameLocator(`#${id} iframe`).locator('.embed')).toBeVisible();
  }
  await page.frameLocator('#first-message iframe').locator('#sim-send').click();
  for (const frame of page.frames()) expect(await violations(frame), frame.url()).toEqual([]);
});

test('an injected inline script or event handler is refused by the policy', async ({ page }) => {
  await recordViolations(page);
  await openFresh(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = "script"';
    document.body.append(script);
    const div = document.createElement('div');
    div.innerHTML = '<img src="data:," onload="window.__injected = \'handler\'">';
    document.body.append(div);
  });
  await expect.poll(() => violations(page.mainFrame())).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/^script-src-attr inline/)]));
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
});

test('framed by another page, the full playground shows only a link to open it', async ({ page, baseURL }) => {
  const outer = await elsewhere(`<!DOCTYPE html><meta charset="utf-8"><title>x</title><iframe id="f" src="${baseURL}/" width="800" height="600"></iframe>`);
  await page.goto(outer.url);
  const frame = page.frameLocator('#f');
  await expect(frame.locator('#framed-open')).toHaveAttribute('href', `${baseURL}/`);
  await expect(frame.locator('#framed-open')).toHaveAttribute('target', '_blank');
  await expect(frame.locator('#f-SourceId')).toHaveCount(0);
  await expect(frame.locator('#share')).toHaveCount(0);
  await outer.close();
});

test('an embed on a docs page of another origin works, and the sandbox keeps the page out of its reach', async ({ page, baseURL }) => {
  const request = '{"SourceId":"+15550100","DestinationId":"d","Event":{"Type":"DISCONNECT"}}';
  const docs = await elsewhere(`<!DOCTYPE html><meta charset="utf-8"><title>Guide</title><p id="secret">the docs page</p>
      <script src="${baseURL}/embed/chat-event-example.js" defer></script>
      <chat-event-example id="e" loading="eager" title="Example" request='${request}'></chat-event-example>`);
  await page.goto(docs.url);
  const host = page.locator('#e iframe');
  const frame = page.frameLocator('#e iframe');
  await expect(frame.locator('#f-SourceId')).toHaveValue('+15550100');
  expect(new URL(await host.getAttribute('src')).origin).toBe(new URL(baseURL).origin);
  // The height report crosses the origins, to the page's origin only.
  await expect.poll(() => host.evaluate((f) => f.offsetHeight)).toBeGreaterThan(420);
  // From inside the frame, the page is another origin: nothing of it can be read.
  const reach = await page.frame({ url: /embed=1/ }).evaluate(() => {
    try { return window.parent.document.getElementById('secret').textContent; } catch (e) { return e.name; }
  });
  expect(reach).toBe('SecurityError');
  await docs.close();
});

test('hostile text in every input path stays text: fields, import, share link, scenario, saved state', async ({ page }) => {
  const payloads = [
    '</textarea><script>window.__pwned=1</script>',
    '<svg onload="window.__pwned=2"></svg>',
    'javascript:window.__pwned=3',
    '"><img src=x onerror="window.__pwned=4">',
  ];
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await recordViolations(page);
  const { errors } = await openFresh(page);
  for (const text of payloads) {
    await page.locator('#f-Event-Content').fill(text);
    await page.locator('#f-SourceId').fill(text);
    await page.locator('#f-NewSessionDetails-Attributes-key-0').fill(text).catch(() => {});
    await page.locator('#import-text').fill(text);
    await page.locator('#sim-send').click();
    await page.locator('#sim-scenario-section summary').click();
    await page.locator('#sim-scenario-import').fill(JSON.stringify({ title: text, steps: [{ send: { SourceId: text } }] }));
    await page.locator('#sim-scenario-load').click();
    await page.locator('#sim-scenario-section summary').click();
  }
  // A share link and a saved state made of them.
  const request = { SourceId: payloads[0], DestinationId: payloads[1], Event: { Type: 'MESSAGE', ContentType: payloads[2], Content: payloads[3] } };
  const link = `s1=${deflateRawSync(Buffer.from(JSON.stringify({ request }))).toString('base64url')}`;
  await page.goto('about:blank');
  await page.goto(`/#${link}`);
  await expect(page.locator('#f-SourceId')).toHaveValue(payloads[0]);
  await page.evaluate((p) => localStorage.setItem('chat-event-lab/playground/v1', JSON.stringify({ import_text: p[0], request: { SourceId: p[1] } })), payloads);
  await page.reload();
  await expect(page.locator('#import-text')).toHaveValue(payloads[0]);
  // Nothing ran, nothing became markup, and every anchor on the page goes where it should.
  expect(await page.evaluate(() => [window.__pwned, document.querySelectorAll('main svg, main img, script:not([type]):not([src])').length])).toEqual([undefined, 0]);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(await violations(page.mainFrame())).toEqual([]);
  expect(errors).toEqual([]);
});

test('a 10 MB paste into the import box is kept but not read, and the page goes on answering', async ({ page }) => {
  test.setTimeout(60_000);
  const { errors } = await openFresh(page);
  const huge = 'x'.repeat(10 << 20);
  await page.locator('#import-text').fill(huge);
  await expect(page.locator('#import-status')).toContainText('10,485,760 bytes');
  await expect(page.locator('#import-load')).toBeDisabled();
  await expect(page.locator('#import-diags li')).toHaveCount(0);
  // The rest of the page answers as before, and the work is saved without the unread text.
  await page.locator('#f-Event-Content').fill('Still answering');
  await page.locator('#tab-json').click();
  await expect(page.locator('#out-json')).toContainText('Still answering');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('chat-event-lab/playground/v1') || '')).toContain('Still answering');
  expect((await page.evaluate(() => localStorage.getItem('chat-event-lab/playground/v1'))).length).toBeLessThan(1 << 20);
  await expect(page.locator('#notice')).toHaveCount(0);
  expect(await page.locator('#import-text').evaluate((t) => t.value.length)).toBe(huge.length);
  expect(errors).toEqual([]);
});
