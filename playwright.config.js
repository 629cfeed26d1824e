// Browser end-to-end tests of the playground, in Debian's headless Chromium (no browser download).
const { defineConfig } = require('@playwright/test');
const path = require('path');

const PORT = Number(process.env.E2E_PORT || 8765);

module.exports = defineConfig({
  testDir: './www/e2e',
  timeout: 30_000,
  workers: 1,
  reporter: [['list']],
  outputDir: path.resolve(__dirname, 'target/playwright'),
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
  webServer: {
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ${path.resolve(__dirname, 'dist')}`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
