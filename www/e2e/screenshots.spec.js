// Screenshots of the playground, wide and at 360 px, light and dark, into target/screenshots/ for a
// person to look at. Each run also checks the page does not scroll sideways.
const { test, expect } = require('@playwright/test');
const path = require('path');
const { openFresh, loadPreset } = require('./helpers');

const OUT = path.resolve(__dirname, '../../target/screenshots');

for (const scheme of ['light', 'dark']) {
  for (const [name, width, height] of [['wide', 1366, 900], ['medium', 1280, 800], ['narrow', 360, 780]]) {
    test(`screenshot ${name} ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height });
      const { errors } = await openFresh(page);
      await loadPreset(page, 'first-sms');
      await page.locator('#sim-send').click();
      await loadPreset(page, 'sms-reply');
      await page.locator('#sim-send').click();
      await loadPreset(page, 'broken-new-session');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const wide = await page.evaluate(() => [...document.querySelectorAll('*')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.clientWidth > 0)
        .map((e) => `${e.tagName}#${e.id}.${e.className} ${e.scrollWidth}/${e.clientWidth}`).slice(0, 8));
      expect(wide).toEqual([]);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${OUT}/${name}-${scheme}.png`, fullPage: true });
      if (name === 'narrow') {
        await page.screenshot({ path: `${OUT}/${name}-${scheme}-top.png` });
        await page.locator('.col-out').screenshot({ path: `${OUT}/${name}-${scheme}-outputs.png` });
        await page.locator('.col-sim').screenshot({ path: `${OUT}/${name}-${scheme}-simulator.png` });
      }
      expect(errors).toEqual([]);
    });
  }
}
