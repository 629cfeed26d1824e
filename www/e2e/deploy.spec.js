// Issue 16, deployment: the built site works from a sub-folder as well as from a domain's root,
// and the page says something before the app starts, and without JavaScript.
const { test, expect } = require('@playwright/test');
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { openFresh, loadPreset } = require('./helpers');

const DIST = path.resolve(__dirname, '../../dist');
const BASE = '/docs/lab/';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Serves dist/ under BASE only, as a project's pages site would: anything else is a 404. */
function subFolderServer() {
  const misses = [];
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    const inside = pathname.startsWith(BASE) ? decodeURIComponent(pathname.slice(BASE.length)) : null;
    const file = inside === null ? null : path.join(DIST, inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside);
    if (!file || !file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      misses.push(pathname);
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return { server, misses };
}

test.describe('served from a sub-folder', () => {
  let site;
  let origin;
  test.beforeAll(async () => {
    site = subFolderServer();
    await new Promise((done) => site.server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${site.server.address().port}`;
  });
  test.afterAll(() => new Promise((done) => site.server.close(done)));

  test('the playground loads, edits, sends and shares a link that keeps the folder', async ({ page, browser }) => {
    // The folder to publish is a release build: no development server's reload script in it.
    const sockets = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    expect(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')).not.toMatch(/__trunk_address__|WebSocket/);
    const { errors, foreign } = await openFresh(page, `${origin}${BASE}`);
    await loadPreset(page, 'sms-reply');
    await page.locator('#sim-send').click();
    await expect(page.locator('#sim-badge')).toBeVisible();
    await page.locator('#share').click();
    const link = await page.locator('#share-url').inputValue();
    expect(link.startsWith(`${origin}${BASE}#s1=`)).toBe(true);

    const other = await browser.newContext();
    const fresh = await other.newPage();
    const opened = await openFresh(fresh, link);
    await expect(fresh.locator('#f-Event-Content')).toHaveValue(await page.locator('#f-Event-Content').inputValue());
    await expect(fresh.locator('#sim-log li')).toHaveCount(1);
    await other.close();
    expect([...errors, ...opened.errors]).toEqual([]);
    expect(foreign).toEqual([]);
    expect(sockets).toEqual([]);
    expect(site.misses).toEqual([]);
  });

  test('the embed example page loads its embeds from the folder, and their link opens the playground there', async ({ page }) => {
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${origin}${BASE}embed-example.html`);
    const first = page.locator('chat-event-example').first();
    await first.scrollIntoViewIfNeeded();
    const frame = page.frameLocator('chat-event-example iframe').first();
    await expect(frame.locator('#f-SourceId')).toBeVisible();
    const src = await first.locator('iframe').getAttribute('src');
    expect(new URL(src).pathname).toBe(`${BASE}index.html`);
    await expect.poll(() => frame.locator('#embed-open').getAttribute('href')).toMatch(new RegExp(`^${origin}${BASE}index\\.html#s1=`));
    expect(errors).toEqual([]);
    expect(site.misses).toEqual([]);
  });
});

test('before the app starts the page says it is loading; without JavaScript it says why nothing runs', async ({ page, browser }) => {
  // Hold the wasm back, as a slow connection would, and look at the page meanwhile.
  let release;
  const held = new Promise((done) => { release = done; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('.boot[role="status"]')).toContainText('Loading the playground');
  release();
  await expect(page.locator('#f-SourceId')).toBeVisible();
  await expect(page.locator('.boot')).toHaveCount(0);

  const off = await browser.newContext({ javaScriptEnabled: false });
  const still = await off.newPage();
  await still.goto(`${test.info().project.use.baseURL}/`);
  await expect(still.locator('noscript p, p.boot').filter({ hasText: 'Turn JavaScript on' })).toBeVisible();
  await off.close();
});
