/**
 * `npm run icons`: the toolbar and store icons (public/icon/<size>.png),
 * rendered from scripts/icon.svg by Chromium. Run it after changing the SVG
 * and commit the PNGs; the build only copies them.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, QUIET_FLAGS } from './browser';

const svg = readFileSync('scripts/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: QUIET_FLAGS });
mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log('wrote public/icon/{16,32,48,96,128}.png');
