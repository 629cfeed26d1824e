#!/usr/bin/env node
// The playground's release build (Trunk's dist/) in Debian's headless Chromium: time to an
// interactive form after a navigation, and keystroke-to-output latency. See README.md for the
// results format.
//
//   node crates/bench/playground.mjs DIST_DIR OUT_JSON [--quick] [--screenshot FILE.png]
//
// The script serves DIST_DIR itself (Node's http module, 127.0.0.1, a free port, plain files:
// precompressed copies, if any, are not used) and drives Chromium through Playwright, taken from
// the repository's node_modules. All times are read in the page, with its own clock
// (performance.now(), whose zero is the navigation's time origin).

import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const require = createRequire(import.meta.url);

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 800 };

// The form's controls and outputs (crates/playground/src/components).
const CONTENT = '#f-Event-Content'; // Event.Content's textarea: it feeds every output
const SOURCE_ID = '#f-SourceId';
const OUTPUT_PANEL = '#output-panel'; // the rendered tab of the outputs (one tab at a time)
const DEFAULT_TAB = 'tab-cli';
const TABS = ['tab-cli', 'tab-json', 'tab-shorthand', 'tab-cli-input-json', 'tab-cli-input-yaml', 'tab-sdk'];
// A marker that appears nowhere else on the page, and the characters typed after it: letters only,
// so that every output shows the content verbatim (no quoting or escaping changes while typing).
const MARKER = 'Zqv';
const ALPHABET = 'thequickbrownfoxjumpsoverthelazydog';

function usage(msg) {
  if (msg) console.error(`playground.mjs: ${msg}`);
  console.error('usage: node crates/bench/playground.mjs DIST_DIR OUT_JSON [--quick] [--screenshot FILE.png]');
  process.exit(2);
}

function parseArgs(argv) {
  const pos = [];
  const opts = { quick: false, screenshot: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--screenshot') opts.screenshot = argv[++i] ?? usage('--screenshot needs a file');
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else pos.push(a);
  }
  if (pos.length !== 2) usage();
  return { dist: path.resolve(pos[0]), out: path.resolve(pos[1]), ...opts };
}

// ---------------------------------------------------------------------------------------------
// Playwright, from the repository's node_modules (resolved from this file's directory upwards).

function loadPlaywright() {
  for (const name of ['playwright-core', '@playwright/test']) {
    try {
      const mod = require(name);
      let version = null;
      for (const pkg of ['playwright-core/package.json', `${name}/package.json`]) {
        try { version = require(pkg).version; break; } catch { /* next */ }
      }
      return { chromium: mod.chromium, version };
    } catch { /* next */ }
  }
  throw new Error('Playwright not found: run `npm ci` at the repository root (package.json has @playwright/test)');
}

// ---------------------------------------------------------------------------------------------
// The static server.

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

function walk(dir, base = dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, base, out);
    else if (e.isFile()) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
}

/** Serves every file of `dist` from memory, uncompressed. Resolves to { server, origin, files }. */
async function serve(dist) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist}/index.html not found: build with trunk first`);
  const files = new Map();
  const precompressed = [];
  for (const rel of walk(dist)) {
    if (/\.(gz|br|zst)$/.test(rel) && fs.existsSync(path.join(dist, rel.replace(/\.(gz|br|zst)$/, '')))) {
      precompressed.push(rel); // served only under its own name, never as the encoding of another
    }
    files.set(`/${rel}`, fs.readFileSync(path.join(dist, rel)));
  }
  const server = http.createServer((req, res) => {
    let p;
    try { p = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { p = null; }
    if (p && p.endsWith('/')) p += 'index.html';
    const body = p && files.get(p);
    if (!body || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(body ? 405 : 404, { 'Content-Type': 'text/plain' });
      res.end(body ? 'method not allowed' : 'not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(p).toLowerCase()] || 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}`, files, precompressed };
}

// ---------------------------------------------------------------------------------------------
// Statistics.

/** The q-quantile with linear interpolation between closest ranks (numpy's default). */
function quantile(values, q) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(2) : String(x));
const stats = (xs) => `p50 ${fmt(quantile(xs, 0.5))}  p95 ${fmt(quantile(xs, 0.95))}  min ${fmt(Math.min(...xs))}  max ${fmt(Math.max(...xs))} ms`;

// ---------------------------------------------------------------------------------------------
// In-page code.

/**
 * Injected before any of the page's scripts (page.addInitScript): records performance.now() in
 * the first MutationObserver callback that sees the request form interactive: the Event.Content
 * textarea and the SourceId input present, enabled and filled from the first preset, and the
 * AWS CLI output rendered. Then the start of the next frame (requestAnimationFrame) and the end of
 * that frame's task (a message posted from the frame callback).
 */
function navigationProbe({ content, sourceId, output }) {
  const probe = { ready: false };
  window.__celNav = probe;
  const interactive = () => {
    const c = document.querySelector(content);
    const s = document.querySelector(sourceId);
    const o = document.querySelector(output);
    return !!(c && s && o && c.isConnected && !c.disabled && !c.readOnly && !s.disabled
      && c.value.length > 0 && s.value.length > 0 && (o.textContent || '').includes('aws connect'));
  };
  const observer = new MutationObserver(() => {
    if (probe.tForm !== undefined || !interactive()) return;
    probe.tForm = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      probe.tFrame = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        probe.tAfterFrame = performance.now();
        probe.ready = true;
      };
      ch.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

/**
 * Installed in a loaded page: for each armed keystroke, the keydown's event.timeStamp (capture
 * phase, on window), then the performance.now() of the MutationObserver callback in which every
 * tracked output shows the expected content, then the next frame's start and the end of its task.
 */
function installKeystrokeProbe({ contentSel, marker }) {
  const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const kb = {
    pending: null,
    checks: [],
    names: [],
    /** Finds what shows the content now (it is `marker`): outputs with an id, and the counter. */
    track() {
      const ids = new Set();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let allText = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) allText += n.data;
      for (const el of document.body.querySelectorAll('*')) {
        if (el.matches('textarea, input, script, style')) continue;
        if (!(el.textContent || '').includes(marker)) continue;
        // The deepest elements holding the marker, each reported by its closest element with an id.
        if ([...el.children].some((ch) => (ch.textContent || '').includes(marker))) continue;
        const owner = el.closest('[id]');
        ids.add(owner ? owner.id : null);
      }
      const checks = [];
      const names = [];
      for (const id of ids) {
        if (id === null) throw new Error('an element showing the content has no id to track');
        checks.push((expected) => {
          const el = document.getElementById(id);
          return !!el && (el.textContent || '').includes(expected);
        });
        names.push(`#${id}`);
      }
      const counterSel = '.field[data-path="Event.Content"] .counter';
      if (document.querySelector(counterSel)) {
        checks.push((expected) => {
          const el = document.querySelector(counterSel);
          return !!el && (el.textContent || '').trim().startsWith(`${group(expected.length)} /`);
        });
        names.push('Event.Content counter');
      }
      checks.push((expected) => document.querySelector(contentSel)?.value === expected);
      names.push('textarea value');
      kb.checks = checks;
      kb.names = names;
      return { names, markerCount: allText.split(marker).length - 1 };
    },
    arm(expected) {
      kb.pending = { expected, started: false, done: false };
      kb.pending.promise = new Promise((resolve) => { kb.pending.resolve = resolve; });
    },
    wait(timeoutMs) {
      const p = kb.pending;
      return Promise.race([p.promise, new Promise((r) => setTimeout(() => r({ timeout: true, started: p.started }), timeoutMs))]);
    },
  };
  window.__celKb = kb;
  window.addEventListener('keydown', (e) => {
    const p = kb.pending;
    if (!p || p.started || e.target !== document.querySelector(contentSel)) return;
    p.started = true;
    p.tEvent = e.timeStamp;
    p.tListener = performance.now();
  }, true);
  const observer = new MutationObserver(() => {
    const p = kb.pending;
    if (!p || !p.started || p.done) return;
    if (!kb.checks.every((c) => c(p.expected))) return;
    p.done = true;
    p.tDom = performance.now();
    requestAnimationFrame(() => {
      p.tFrame = performance.now();
      const still = kb.checks.every((c) => c(p.expected));
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        p.tAfterFrame = performance.now();
        const m = performance.getEntriesByName('cel-update', 'measure');
        const last = m[m.length - 1];
        p.resolve({
          tEvent: p.tEvent, tListener: p.tListener, tDom: p.tDom, tFrame: p.tFrame, tAfterFrame: p.tAfterFrame,
          appMeasure: last && last.startTime >= p.tEvent ? last.duration : null, still,
        });
      };
      ch.port2.postMessage(0);
    });
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

// ---------------------------------------------------------------------------------------------
// The runs.

function watchPage(page, origin) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('request', (r) => { const u = r.url(); if (!u.startsWith(origin) && !u.startsWith('data:')) problems.push(`outside request: ${u}`); });
  return problems;
}

/**
 * One navigation in a fresh context: ms from the time origin to the interactive form. With
 * `verify`, then types into the form and checks that the outputs follow (not timed).
 */
async function navigationSample(browser, origin, verify = false) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const problems = watchPage(page, origin);
    await page.addInitScript(navigationProbe, { content: CONTENT, sourceId: SOURCE_ID, output: '#out-cli' });
    await page.goto(`${origin}/`, { waitUntil: 'commit', timeout: 30_000 });
    await page.waitForFunction(() => window.__celNav && window.__celNav.ready, null, { timeout: 30_000, polling: 50 });
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        ...window.__celNav,
        responseEnd: nav?.responseEnd, domContentLoaded: nav?.domContentLoadedEventEnd, load: nav?.loadEventEnd,
        wasmEnd: wasm?.responseEnd, fcp: fcp?.startTime,
      };
    });
    if (verify) {
      await page.locator(CONTENT).fill(`${MARKER}check`);
      await page.waitForFunction((t) => (document.querySelector('#out-cli')?.textContent || '').includes(t), `${MARKER}check`, { timeout: 5_000 });
    }
    if (problems.length) throw new Error(`navigation: ${problems.join('; ')}`);
    return r;
  } finally {
    await context.close();
  }
}

/** Types `count` characters into Event.Content of a loaded page; one sample per keystroke. */
async function keystrokeSamples(page, count, gapMs) {
  const base = MARKER;
  await page.locator(CONTENT).fill(base);
  await page.waitForFunction((m) => (document.querySelector('#output-panel')?.textContent || '').includes(m), base);
  const tracked = await page.evaluate(() => window.__celKb.track());
  if (!tracked.names.some((n) => n.startsWith('#'))) throw new Error('no output shows the Event.Content text');
  await page.locator(CONTENT).focus();
  await page.keyboard.press('Control+End');
  let text = base;
  const samples = [];
  for (let i = 0; i < count; i++) {
    const ch = ALPHABET[i % ALPHABET.length];
    text += ch;
    await page.evaluate((t) => window.__celKb.arm(t), text);
    // The key is held until the sample is complete, as a typist's keyup comes well after the
    // paint: no keyup handling inside the measured frame.
    await page.keyboard.down(ch);
    const s = await page.evaluate(() => window.__celKb.wait(5000));
    await page.keyboard.up(ch);
    if (s.timeout) throw new Error(`keystroke ${i} ('${ch}'): the outputs did not all show it within 5 s (keydown seen: ${s.started})`);
    if (!s.still) throw new Error(`keystroke ${i}: an output lost the text before the next frame`);
    samples.push(s);
    await page.waitForTimeout(gapMs);
  }
  return { samples, tracked };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const N = args.quick ? 5 : 15;
  const K = args.quick ? 30 : 100;
  const GAP = 40; // ms between keystrokes (after the previous one is on screen)

  const { chromium, version: pwVersion } = loadPlaywright();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (apt-get install chromium)`);
  const { server, origin, files, precompressed } = await serve(args.dist);
  const wasmFiles = [...files.keys()].filter((f) => f.endsWith('.wasm'));
  console.error(`serving ${args.dist} at ${origin}: ${files.size} files (${wasmFiles.join(', ')}); `
    + (precompressed.length ? `precompressed copies present but not used: ${precompressed.join(', ')}` : 'no precompressed files'));

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const chromiumVersion = browser.version();
    console.error(`Chromium ${chromiumVersion}, Playwright ${pwVersion}`);

    // playground.navigation: one unrecorded warm-up load (which also checks that the form
    // answers input once the signal has fired), then N fresh contexts.
    await navigationSample(browser, origin, true);
    const nav = [];
    for (let i = 0; i < N; i++) nav.push(await navigationSample(browser, origin));
    const navMs = nav.map((s) => s.tForm);

    // playground.keystroke: one page, the default output tab (AWS CLI).
    const context = await browser.newContext({ viewport: VIEWPORT });
    let keys;
    let otherTabs = [];
    try {
      const page = await context.newPage();
      const problems = watchPage(page, origin);
      await page.goto(`${origin}/`);
      await page.locator(CONTENT).waitFor({ state: 'visible' });
      const selectedTab = await page.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
      if (selectedTab !== DEFAULT_TAB) throw new Error(`expected the ${DEFAULT_TAB} output tab first, found ${selectedTab}`);
      await page.evaluate(installKeystrokeProbe, { contentSel: CONTENT, marker: MARKER });
      await page.evaluate(() => performance.clearMeasures('cel-update'));
      keys = await keystrokeSamples(page, K, GAP);
      if (args.screenshot) await page.screenshot({ path: args.screenshot, fullPage: true });
      // Not reported: the same measure with each of the other output tabs rendered instead.
      const perTab = args.quick ? 5 : 15;
      for (const tab of TABS.filter((t) => t !== DEFAULT_TAB)) {
        await page.locator(`#${tab}`).click();
        await page.waitForFunction((t) => document.getElementById(t)?.getAttribute('aria-selected') === 'true', tab);
        const r = await keystrokeSamples(page, perTab, GAP);
        otherTabs.push({ tab, paint: r.samples.map((s) => s.tAfterFrame - s.tEvent), dom: r.samples.map((s) => s.tDom - s.tEvent), tracked: r.tracked.names });
      }
      await page.locator(`#${DEFAULT_TAB}`).click();
      if (problems.length) throw new Error(`keystroke page: ${problems.join('; ')}`);
    } finally {
      await context.close();
    }
    const keyPaint = keys.samples.map((s) => s.tAfterFrame - s.tEvent); // reported
    const keyDom = keys.samples.map((s) => s.tDom - s.tEvent);
    const keyFrame = keys.samples.map((s) => s.tFrame - s.tEvent);
    const keyQueue = keys.samples.map((s) => s.tListener - s.tEvent);
    const appMeasure = keys.samples.map((s) => s.appMeasure).filter((x) => x !== null);

    const navNote = 'From the navigation\'s time origin (performance.now() = 0, the start of navigation) to the page\'s first MutationObserver callback in which the wasm app\'s request form is interactive (the Event.Content textarea and SourceId input present, enabled and filled from the first preset, and the AWS CLI output rendered), read with performance.now() in the page, over fresh browser contexts (empty cache and storage) loading the release build from a local Node server.';
    const keyNote = `From a keydown's event.timeStamp (read by a capture-phase listener on window, in the page's clock) in the Event.Content textarea to the next paint after the update, taken as the performance.now() of a message posted from the first requestAnimationFrame callback after the MutationObserver callback in which every element showing the text has the new character (${keys.tracked.names.join(', ')}; only the selected output tab is rendered, the default AWS CLI one), i.e. after that frame's style, layout and paint, one letter typed per sample by Playwright into one loaded page.`;
    const row = (id, impl, value, reps, per, note) => ({ id, impl, value: round(value), unit: 'ms', per, reps, note });
    const results = [
      row('playground.navigation', 'p50', quantile(navMs, 0.5), navMs.length, 'load', navNote),
      row('playground.navigation', 'p95', quantile(navMs, 0.95), navMs.length, 'load', navNote),
      row('playground.keystroke', 'p50', quantile(keyPaint, 0.5), keyPaint.length, 'keystroke', keyNote),
      row('playground.keystroke', 'p95', quantile(keyPaint, 0.95), keyPaint.length, 'keystroke', keyNote),
    ];
    const doc = { runner: 'playground', versions: { Chromium: chromiumVersion, Playwright: pwVersion }, results };
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(args.out, `${JSON.stringify(doc, null, 2)}\n`);

    const pick = (k) => nav.map((s) => s[k]).filter((x) => typeof x === 'number');
    console.error(`playground.navigation (${N} fresh contexts): interactive form ${stats(navMs)}`);
    console.error(`  for reference: HTML responseEnd ${stats(pick('responseEnd'))}; wasm responseEnd ${stats(pick('wasmEnd'))}; `
      + `first contentful paint ${stats(pick('fcp'))}; next frame after the form ${stats(pick('tFrame'))}`);
    console.error(`playground.keystroke (${K} keystrokes, tracked: ${keys.tracked.names.join(', ')}): keydown -> next paint ${stats(keyPaint)}`);
    console.error(`  for reference, from the keydown's timeStamp: to the listener ${stats(keyQueue)}; to every output in the DOM ${stats(keyDom)}; `
      + `to the next requestAnimationFrame ${stats(keyFrame)}; the app's own cel-update measure (input handler -> render effect) ${appMeasure.length ? stats(appMeasure) : 'n/a'}`);
    for (const t of otherTabs) console.error(`  with #${t.tab} rendered instead (${t.tracked.join(', ')}): to next paint ${stats(t.paint)}; to DOM ${stats(t.dom)}`);
    console.error(`wrote ${args.out}`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(`playground.mjs: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
