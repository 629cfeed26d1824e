import { readdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { VITE_PORT } from '../playwright.config.js';

/** Loads a page, failing on any page error or failed request, and returns the JSON in #out. */
async function load(page, url) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`); });
  await page.goto(url);
  await expect(page.locator('#out')).not.toBeEmpty();
  expect(problems).toEqual([]);
  return JSON.parse(await page.locator('#out').textContent());
}

test('(c) a plain page imports the package through an import map', async ({ page }) => {
  const out = await load(page, '/page/index.html');
  expect(out.exports).toContain('validate');
  expect(out.exports).toContain('ChatEventError');
  expect(JSON.parse(out.json)).toEqual({ Event: { Type: 'MESSAGE', ContentType: 'text/plain', Content: 'hi' } });
  expect(Array.isArray(out.diagnostics)).toBe(true);
  expect(out.thrown).toEqual({ isChatEventError: true, kind: 'json', line: 1 });
  expect(out.simulated).toEqual(['created', 'reused']);
  expect(out.command).toBe("aws connect send-chat-integration-event --event Type=MESSAGE,ContentType=text/plain,Content=hi");
  expect(out.yaml).toContain('Type: MESSAGE');

  // More of the API, called from the page's context.
  const examples = await page.evaluate(() => window.lab.scenarioExamples().map((e) => window.lab.runScenario(window.lab.parseScenario(e.text)).passed));
  expect(examples.length).toBeGreaterThan(2);
  expect(examples.every(Boolean)).toBe(true);
});

test('(c) in Chromium too, every export and method checks its arguments, and the module still works after', async ({ page }) => {
  await load(page, '/page/index.html');
  // The same table and rules as the Node test (../hostile-arguments.mjs).
  const { problems, calls } = await page.evaluate(async () => (await import('/hostile-arguments.mjs')).run(window.lab));
  expect(calls).toBeGreaterThan(600);
  expect(problems).toEqual([]);
});

test('(d) the Vite build emits the wasm as an asset and runs', async ({ page }) => {
  const assets = readdirSync(new URL('../app/dist/assets/', import.meta.url));
  expect(assets.some((name) => name.endsWith('.wasm'))).toBe(true);
  const out = await load(page, '/app/dist/index.html');
  expect(JSON.parse(out.json).Event.Type).toBe('MESSAGE');
  expect(out.command).toMatch(/^aws connect send-chat-integration-event --event /);
  expect(out.simulated).toBe('invalidRequest'); // no SourceId: the service refuses it

  // Typing broken JSON shows the located ChatEventError instead.
  await page.locator('#input').fill('{\n  "Event": ');
  await expect(page.locator('#out')).toContainText('"kind":"json"');
  expect(JSON.parse(await page.locator('#out').textContent()).error.line).toBe(2);
});

test('(d) a webpack 5 build of the same app emits the wasm and runs', async ({ page }) => {
  const assets = readdirSync(new URL('../webpack/dist/', import.meta.url));
  expect(assets.some((name) => name.endsWith('.wasm'))).toBe(true);
  const out = await load(page, '/webpack/index.html');
  expect(JSON.parse(out.json).Event.Type).toBe('MESSAGE');
  expect(out.simulated).toBe('invalidRequest');
});

test('(d) the same app on Vite\'s dev server, with no wasm configuration', async ({ page }) => {
  const out = await load(page, `http://127.0.0.1:${VITE_PORT}/`);
  expect(JSON.parse(out.json).Event.Type).toBe('MESSAGE');
  expect(out.simulated).toBe('invalidRequest');
});
