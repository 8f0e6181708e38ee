/**
 * `npm start`: build Retold, serve the demo news pages on localhost and open
 * Chromium with the extension loaded on one of them. Without a display (or
 * with `--headless`) it opens the page headless, opens a note and saves a
 * screenshot instead.
 *
 *   npm start                      a window, on the St Petersburg retelling
 *   npm start -- --headless        a screenshot, retold-demo.png
 *   npm start -- --page /seed/001_790c6556cd2dca1e.html
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROME_BUILD, CHROMIUM, chromiumMissing, closedUi, launchWithRetold, QUIET_FLAGS } from './browser';
import { serveDemo } from './demo/site';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    page: { type: 'string', default: '/retelling/retelling-st-petersburg.html' },
    port: { type: 'string', default: '4321' },
    screenshot: { type: 'string', default: 'retold-demo.png' },
  },
});

const missing = chromiumMissing(); // npm start installs it first (scripts/setup.mjs); this covers a direct run
if (missing) {
  console.error(missing);
  process.exit(1);
}

console.log('Building the extension…');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const site = await serveDemo(Number(values.port)).catch(() => serveDemo(0));
const url = site.url + values.page;
console.log(`Demo pages: ${site.url}/  (the list of all of them)`);

if (values.headless || !process.env.DISPLAY) {
  if (!values.headless)
    console.log(
      'No display here ($DISPLAY is not set), so Chromium cannot open a window. Running it headless instead;\n' +
        'on a desktop, `npm start` opens a window. Force this with `npm start -- --headless`.',
    );
  const browser = await launchWithRetold({ headless: true, build: CHROME_BUILD });
  const page = await browser.context.newPage();
  await page.goto(url);
  // The shipped build's UI is in a closed shadow root; the DevTools protocol sees inside it.
  const ui = await closedUi(page);
  await ui.waitFor('[data-testid="retold-pill"]');
  await ui.click('[data-testid="retold-marker"][data-note^="remark-"]', 2);
  await ui.waitFor('[data-testid="retold-note"]');
  await page.screenshot({ path: values.screenshot });
  const summary = await ui.text('[data-testid="retold-summary"]');
  console.log(`Retold on ${url}: ${summary}.\nScreenshot with a note open: ${resolve(values.screenshot)}`);
  await browser.close();
  await site.close();
} else {
  console.log(`Opening Chromium with Retold on ${url}\nClose the browser window to stop.`);
  const profile = mkdtempSync(join(tmpdir(), 'retold-start-'));
  const chromium = spawn(
    CHROMIUM,
    [
      ...QUIET_FLAGS,
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      url,
    ],
    { stdio: 'ignore' },
  );
  const stop = () => void site.close().then(() => process.exit(0));
  chromium.on('exit', stop);
  process.on('SIGINT', () => chromium.kill());
}
