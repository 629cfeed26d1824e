// (c) a page importing the package with <script type="module"> and an import map, and (d) the Vite
// and webpack builds of app/, all served from this project's root, plus app/ on Vite's dev server;
// run in Debian's headless Chromium.
import { defineConfig } from '@playwright/test';

// Set by `cargo xtask test` to free ports, so that they do not collide with other servers.
const PORT = Number(process.env.CONSUMER_PORT || 8766);
const VITE_PORT = Number(process.env.CONSUMER_VITE_PORT || 8767);

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  workers: 1,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
        '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      // Python's http.server serves .wasm as application/wasm, so the glue can stream-compile it.
      command: `python3 -m http.server ${PORT} --bind 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/page/index.html`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `npx --no-install vite app --config app/vite.config.js --host 127.0.0.1 --port ${VITE_PORT} --strictPort`,
      url: `http://127.0.0.1:${VITE_PORT}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
export { VITE_PORT };
