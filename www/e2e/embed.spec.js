// Issue 7: the documentation embed. The example page with three <chat-event-example> elements, the
// embed mode of the playground (index.html?embed=1&…), sizing by postMessage, and hostile input.
const { test, expect } = require('@playwright/test');
const path = require('path');

const OUT = path.resolve(__dirname, '../../target/screenshots');
const EXAMPLES = ['first-message', 'reply', 'disconnect'];
const KEY = 'chat-event-lab/playground/v1';

/** Collects page errors, console errors (of the page and its frames), dialogs and outside requests. */
function watch(page) {
  const seen = { errors: [], dialogs: [], foreign: [] };
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1:') && !r.url().startsWith('data:')) seen.foreign.push(r.url()); });
  return seen;
}

/** Records every resize message the page receives, before any script of the page runs. */
async function recordResizes(page) {
  await page.addInitScript(() => {
    window.__resizes = [];
    window.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'resize') window.__resizes.push({ frame: e.data.frame, height: e.data.height });
    });
  });
}

/** The example's frame, once its embed has rendered (frames load lazily: scroll to each). */
async function embedFrame(page, id) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  const frame = page.frameLocator(`#${id} iframe`);
  await expect(frame.locator('.embed')).toBeVisible();
  return frame;
}

/** The frame element's height and its content's height, once they agree. */
async function settled(page, id) {
  const iframe = page.locator(`#${id} iframe`);
  const content = () => page.frameLocator(`#${id} iframe`).locator('.embed').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  await expect.poll(async () => (await iframe.evaluate((f) => f.offsetHeight)) - (await content()), { timeout: 5000 }).toBe(0);
  return iframe.evaluate((f) => f.offsetHeight);
}

async function openExamples(page) {
  const seen = watch(page);
  await recordResizes(page);
  await page.goto('/embed-example.html');
  const frames = {};
  for (const id of EXAMPLES) frames[id] = await embedFrame(page, id);
  return { seen, frames };
}

test('the example page loads all three embeds, each showing its prefilled request', async ({ page }) => {
  const { seen, frames } = await openExamples(page);
  const first = frames['first-message'];
  await expect(first.locator('.embed-title')).toHaveText('The first SMS message');
  await expect(first.locator('#f-SourceId')).toHaveValue('+15551234567');
  await expect(first.locator('#f-Event-Content')).toHaveValue('Hi, I need help with my order');
  await expect(first.locator('#tab-cli')).toHaveAttribute('aria-selected', 'true');
  await expect(first.locator('#out-cli')).toContainText('aws connect send-chat-integration-event');
  await expect(first.locator('#out-cli')).toContainText('Content=Hi\\, I need help with my order');
  await expect(first.locator('#sim-send')).toBeVisible();

  // Outputs and simulator only, JSON first.
  const reply = frames.reply;
  await expect(reply.locator('.embed-title')).toContainText('A reply in the same chat');
  await expect(reply.locator('#f-SourceId')).toHaveCount(0);
  await expect(reply.locator('#tab-json')).toHaveAttribute('aria-selected', 'true');
  await expect(reply.locator('#out-json')).toContainText('"Content": "It is order 1234, thanks!"');
  // Its scenario already holds the first message's chat.
  await expect(reply.locator('#sim-chats tbody tr')).toHaveCount(1);

  const disconnect = frames.disconnect;
  await expect(disconnect.locator('#f-Event-Type')).toHaveValue('DISCONNECT');
  // Read-only: the form shows the request but does not change it; Send still works (below).
  await expect(disconnect.locator('.embed-title')).toContainText('read-only');
  await expect(disconnect.locator('#f-Event-Type')).toBeDisabled();
  await expect(disconnect.locator('#f-SourceId')).toBeDisabled();
  await expect(disconnect.locator('#out-cli')).toContainText('Type=DISCONNECT');

  // The iframes are sandboxed, named, and every embed's frame has its own id.
  const attrs = await page.locator('chat-event-example iframe').evaluateAll((fs) => fs.map((f) => [f.getAttribute('sandbox'), f.title, new URL(f.src).searchParams.get('frame')]));
  expect(attrs.map((a) => a[1])).toEqual(['The first SMS message', 'A reply in the same chat', 'Ending the chat']);
  for (const [sandbox] of attrs) {
    expect(sandbox).toContain('allow-scripts');
    expect(sandbox).not.toContain('allow-top-navigation');
    expect(sandbox).not.toContain('allow-forms');
  }
  expect(new Set(attrs.map((a) => a[2])).size).toBe(3);
  expect(seen.errors).toEqual([]);
  expect(seen.foreign).toEqual([]);
});

test('heights settle to the content: no inner scrollbars, no resize loop', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openExamples(page);
  const heights = {};
  for (const id of EXAMPLES) heights[id] = await settled(page, id);
  const before = await page.evaluate(() => window.__resizes.length);
  await page.waitForTimeout(1000);
  for (const id of EXAMPLES) {
    // Stable over a second, and the frame's document does not scroll.
    expect(await page.locator(`#${id} iframe`).evaluate((f) => f.offsetHeight)).toBe(heights[id]);
    const [scroll, client] = await page.frameLocator(`#${id} iframe`).locator('html').evaluate((h) => [h.scrollHeight, h.clientHeight]);
    expect(scroll).toBeLessThanOrEqual(client);
    expect(heights[id]).toBeGreaterThan(200);
  }
  const resizes = await page.evaluate(() => window.__resizes);
  expect(resizes.length).toBe(before);
  // A handful of reports per frame (first layout, fonts, the frame's width), not a stream.
  for (const frame of new Set(resizes.map((r) => r.frame))) {
    expect(resizes.filter((r) => r.frame === frame).length).toBeLessThanOrEqual(8);
  }

  // The content grows (a chat more, in the example without a form beside it): the frame follows,
  // and settles again.
  const reply = page.frameLocator('#reply iframe');
  await reply.locator('#sim-plus-25h').click();
  await reply.locator('#sim-send').click();
  await expect(reply.locator('#sim-chats tbody tr')).toHaveCount(2);
  await expect.poll(() => settled(page, 'reply')).toBeGreaterThan(heights.reply);

  // A narrower page: the content reflows taller, the frame follows without scrollbars.
  await page.setViewportSize({ width: 360, height: 780 });
  for (const id of EXAMPLES) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await settled(page, id);
    const [scroll, client] = await page.frameLocator(`#${id} iframe`).locator('html').evaluate((h) => [h.scrollHeight, h.clientHeight]);
    expect(scroll).toBeLessThanOrEqual(client);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test('Send works inside an embed: created, then reused; the reply reuses; the disconnect ends', async ({ page }) => {
  const { seen, frames } = await openExamples(page);
  const first = frames['first-message'];
  await first.locator('#sim-send').click();
  await expect(first.locator('#sim-badge')).toHaveText('new chat created');
  await first.locator('#f-Event-Content').fill('Are you there?');
  await first.locator('#sim-send').click();
  await expect(first.locator('#sim-badge')).toHaveText('existing chat reused');
  await expect(first.locator('#sim-chats tbody tr')).toHaveCount(1);

  // Each embed is its own simulator: the reply's starts from its scenario, not from the first embed.
  await frames.reply.locator('#sim-send').click();
  await expect(frames.reply.locator('#sim-badge')).toHaveText('existing chat reused');

  await frames.disconnect.locator('#sim-send').click();
  await expect(frames.disconnect.locator('#sim-badge')).toHaveText('chat disconnected');
  await frames.disconnect.locator('#sim-send').click();
  await expect(frames.disconnect.locator('#sim-badge')).toHaveText('no active chat');
  expect(seen.errors).toEqual([]);
});

test('an embed neither reads nor writes the playground\'s saved state; its link opens the example in the playground', async ({ page, context }) => {
  // The user's own playground work, saved.
  await page.goto('/index.html');
  await page.locator('#f-SourceId').fill('+19998887777');
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k) || '', KEY)).toContain('+19998887777');
  const saved = await page.evaluate((k) => localStorage.getItem(k), KEY);

  const { frames } = await openExamples(page);
  const first = frames['first-message'];
  await expect(first.locator('#f-SourceId')).toHaveValue('+15551234567');
  await first.locator('#f-Event-Content').fill('Typed in the docs');
  await first.locator('#sim-send').click();
  await expect(first.locator('#sim-badge')).toHaveText('new chat created');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(saved);

  const link = first.locator('#embed-open');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/index\.html#s1=[A-Za-z0-9_-]+$/);
  const full = await context.newPage();
  await full.goto(href);
  await expect(full.locator('#f-Event-Content')).toHaveValue('Typed in the docs');
  await expect(full.locator('#sim-chats tbody tr')).toHaveCount(1);
});

test('URL parameters: panels, first tab, theme, read-only; without a parent nothing is posted', async ({ page }) => {
  const seen = watch(page);
  await recordResizes(page);
  const request = JSON.stringify({ SourceId: '+15550001111', Event: { Type: 'DISCONNECT' } });
  await page.goto(`/index.html?embed=1&panels=form,outputs&tab=cli-input-yaml&theme=dark&readonly=1&request=${encodeURIComponent(request)}`);
  await expect(page.locator('.embed')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('#f-SourceId')).toHaveValue('+15550001111');
  await expect(page.locator('#f-SourceId')).toBeDisabled();
  await expect(page.locator('#sim-send')).toHaveCount(0);
  await expect(page.locator('#tab-cli-input-yaml')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#out-cli-input-yaml')).toContainText('SourceId: "+15550001111"');
  // Tabs and the shell remain choices of the reader.
  await page.locator('#tab-json').click();
  await expect(page.locator('#out-json')).toContainText('+15550001111');
  // Opened on its own, even with a parent origin in the URL, it has nobody to report to.
  expect(await page.evaluate(() => window.__resizes)).toEqual([]);

  // A request given as an AWS CLI command; the simulator alone; light.
  await page.goto(`/index.html?embed=1&panels=simulator&theme=light&request=${encodeURIComponent('aws connect send-chat-integration-event --source-id +15550002222 --destination-id d --subtype connect:sms --event Type=MESSAGE,ContentType=text/plain,Content=hi')}`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('#out-cli')).toHaveCount(0);
  await page.locator('#sim-send').click();
  await expect(page.locator('#sim-badge')).toHaveText('new chat created');
  await expect(page.locator('#sim-chats')).toContainText('+15550002222');
  expect(seen.errors).toEqual([]);
});

/** Serves a test page on the playground's origin that loads the element script. */
async function serve(page, name, body) {
  await page.route(`**/${name}`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="embed/chat-event-example.js" defer></script></head><body>${body}</body></html>`,
  }));
}

test('hostile attribute values are shown as text and execute nothing', async ({ page }) => {
  const seen = watch(page);
  const title = `"><img src=x onerror="window.__pwned=2"><b>Bold</b> 'quotes' & <script>window.__pwned=3</script>`;
  const request = `"><script>window.__pwned=1</script>`;
  const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  await serve(page, 'hostile.html', `
    <chat-event-example id="h" loading="eager" title="${attr(title)}" request="${attr(request)}" panels="form,outputs" tab="'><svg onload=alert(1)>"></chat-event-example>
    <chat-event-example id="bad-json" loading="eager"><script type="application/json">{"request": <img src=x onerror=alert(1)></script></chat-event-example>
    <chat-event-example id="bad-base" loading="eager" playground="javascript:alert(1)//"></chat-event-example>`);
  await page.goto('/hostile.html');
  const frame = page.frameLocator('#h iframe');
  await expect(frame.locator('.embed')).toBeVisible();
  // The title is text, in the frame's caption and as the iframe's name.
  await expect(frame.locator('.embed-title')).toHaveText(title);
  expect(await page.locator('#h iframe').getAttribute('title')).toBe(title);
  // The request is rejected with a message; the text is kept, shown as text.
  await expect(frame.locator('#notice')).toContainText('request could not be read');
  await frame.locator('#notice summary').click();
  await expect(frame.locator('#notice-raw')).toContainText(request);
  // An unknown tab falls back to the first.
  await expect(frame.locator('#tab-cli')).toHaveAttribute('aria-selected', 'true');
  // Broken inline JSON and a non-http playground: a message instead of a frame, as text.
  await expect(page.locator('#bad-json .chat-event-example-error')).toContainText('the inline JSON could not be read');
  await expect(page.locator('#bad-json iframe')).toHaveCount(0);
  await expect(page.locator('#bad-base .chat-event-example-error')).toContainText('must be an http(s) address');
  await page.waitForTimeout(300);
  const pwned = await page.evaluate(() => [window.__pwned, document.querySelectorAll('img, svg, b').length]);
  expect(pwned).toEqual([undefined, 0]);
  expect(await page.frame({ url: /embed=1/ }).evaluate(() => window.__pwned)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
});

// One step sends the frame to another origin, which the example page's own policy (frame-src
// 'self') would refuse to load at all: the policy is lifted here to test the embed script's checks.
test.describe('messages', () => {
  test.use({ bypassCSP: true });

  test('messages of the wrong window, origin or shape are ignored', async ({ page }) => {
    await openExamples(page);
    const height = await settled(page, 'first-message');
    const frameId = await page.locator('#first-message iframe').evaluate((f) => new URL(f.src).searchParams.get('frame'));
    const current = () => page.locator('#first-message iframe').evaluate((f) => f.offsetHeight);
    const good = { source: 'chat-event-lab', type: 'resize', frame: frameId, height: 1234 };

    // From the page itself (another window), though perfectly shaped.
    await page.evaluate((m) => window.postMessage(m, '*'), good);
    // From the right frame, but of the wrong shape.
    const child = page.frame({ url: (u) => u.searchParams.get('frame') === frameId });
    await child.evaluate((g) => {
      for (const m of [
        'resize 1234', null, [g], { ...g, source: 'other' }, { ...g, type: 'scroll' }, { ...g, frame: 'chat-event-example-2' },
        { ...g, height: '1234' }, { ...g, height: Number.NaN }, { ...g, height: Infinity }, { ...g, height: [1234] }, { ...g, height: { value: 1234 } },
      ]) parent.postMessage(m, '*');
    }, good);
    // Another frame of the page, same origin, naming this frame's id.
    const other = page.frame({ url: (u) => u.searchParams.get('frame') !== frameId && u.searchParams.get('embed') === '1' });
    await other.evaluate((g) => parent.postMessage(g, '*'), good);
    await page.waitForTimeout(400);
    expect(await current()).toBe(height);

    // The right window, but after it went to another origin (localhost is not 127.0.0.1).
    await page.route('http://localhost:*/forge.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<script>parent.postMessage(${JSON.stringify(good)}, '*'); document.title = 'sent';</script>`,
    }));
    const port = new URL(page.url()).port;
    await page.locator('#first-message iframe').evaluate((f, p) => { f.contentWindow.location.href = `http://localhost:${p}/forge.html`; }, port);
    await expect.poll(() => page.frames().some((f) => f.url().includes('forge.html'))).toBe(true);
    await page.waitForTimeout(400);
    expect(await current()).toBe(height);

    // The control: the same message from the right window and origin is obeyed.
    await page.locator('#first-message iframe').evaluate((f) => { f.src = f.src; });
    await expect.poll(() => page.frames().some((f) => f.url().includes('embed=1') && new URL(f.url()).searchParams.get('frame') === frameId)).toBe(true);
    await settled(page, 'first-message');
    await page.frame({ url: (u) => u.searchParams.get('frame') === frameId }).evaluate((g) => parent.postMessage(g, '*'), good);
    await expect.poll(current).toBe(1234);
  });
});

for (const scheme of ['light', 'dark']) {
  for (const [name, width, height] of [['wide', 1440, 1000], ['narrow', 360, 780]]) {
    test(`screenshot of the example page, ${name} ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      const { seen, frames } = await openExamples(page);
      await frames['first-message'].locator('#sim-send').click();
      await expect(frames['first-message'].locator('#sim-badge')).toBeVisible();
      for (const id of EXAMPLES) await settled(page, id);
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${OUT}/embed-${name}-${scheme}.png`, fullPage: true });
      await page.screenshot({ path: `${OUT}/embed-${name}-${scheme}-top.png` });
      // The page in screen-sized parts, to look at in detail.
      const total = await page.evaluate(() => document.documentElement.scrollHeight);
      const part = name === 'narrow' ? 1400 : 1600;
      for (let y = 0, i = 1; y < total; y += part, i += 1) {
        await page.screenshot({ path: `${OUT}/embed-${name}-${scheme}-part${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(part, total - y) } });
      }
      expect(seen.errors).toEqual([]);
    });
  }
}
