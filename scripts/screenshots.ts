/**
 * `npm run screenshots`: the popup and the options page as a reader sees
 * them, in the browser's light and dark colour schemes, saved to docs/images/
 * for the README, and the options page's section on the reader's remembered
 * articles at 1280 and 400 px. The popup is opened for the St Petersburg retelling (so it
 * lists that page's notes) with a search typed in; each page is shot at its
 * natural width.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFromFolder } from '../data/build';
import { launchWithRetold } from './browser';
import { serveDemo } from './demo/site';

const OUT = 'docs/images';
const ARTICLE = '/retelling/retelling-st-petersburg.html';
const QUERY = 'total destruction';

console.log('Building the extension…');
const build = spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

const site = await serveDemo(0);
const browser = await launchWithRetold({ width: 800, height: 900 });
try {
  const article = await browser.context.newPage();
  await article.goto(site.url + ARTICLE);
  await article.locator('retold-ui [data-testid="retold-pill"]').waitFor({ timeout: 20_000 });
  await article.bringToFront();
  const tabId = await browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query: (q: object) => Promise<{ id?: number }[]> } };
    };
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!;
  });

  for (const scheme of ['light', 'dark'] as const) {
    const popup = await browser.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('tab-note').first().waitFor();
    await popup.getByTestId('search-input').fill(QUERY);
    await popup.getByTestId('result-reveal').first().waitFor();
    await popup.locator('main.popup').screenshot({ path: `${OUT}/popup-${scheme}.png` });
    await popup.close();

    const options = await browser.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 760, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('intro').waitFor();
    await options.screenshot({ path: `${OUT}/options-${scheme}.png`, fullPage: true });
    await options.close();
  }
  console.log(`Saved ${OUT}/popup-{light,dark}.png and ${OUT}/options-{light,dark}.png`);

  // The options page's "Your reading": the setting on, and a corpus pack imported (built by the corpus builder
  // from the demo's three reports of its invented event, one article's record broken so the report lists it).
  const folder = mkdtempSync(join(tmpdir(), 'retold-shots-'));
  const reading = 'scripts/demo/reading';
  const files = ['1-valley-courier.txt', '2-northern-standard.txt', '3-river-times.txt'];
  const outlets = ['The Valley Courier', 'Northern Standard', 'The River Times'];
  files.forEach((f) => copyFileSync(join(reading, f), join(folder, f)));
  const manifest = files.map((file, i) => ({
    file,
    outlet: outlets[i]!,
    title: null,
    date: '2025-03-14',
    event: null,
    url: null,
  }));
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ articles: manifest }));
  const pack = buildFromFolder(folder, () => {}) as unknown as { articles: { fingerprint: unknown }[] };
  pack.articles[2]!.fingerprint = 'unreadable';
  const packFile = join(folder, 'korvath-pack.json');
  writeFileSync(packFile, JSON.stringify(pack));
  const setup = await browser.context.newPage();
  await setup.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await setup.getByTestId('setting-remember').check();
  await setup.getByTestId('pack-import').setInputFiles(packFile);
  await setup.getByTestId('pack-message').waitFor();
  for (const scheme of ['light', 'dark'] as const)
    for (const width of [1280, 400]) {
      const options = await browser.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.setViewportSize({ width, height: 900 });
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.getByTestId('memory-count').waitFor();
      // The report of the import is the page's own state: import again here, so it shows.
      await options.getByTestId('pack-import').setInputFiles(packFile);
      await options.getByTestId('pack-problems').waitFor();
      await options.getByTestId('memory').screenshot({ path: `${OUT}/options-memory-${width}-${scheme}.png` });
      await options.close();
    }
  await setup.close();
  console.log(`Saved ${OUT}/options-memory-{1280,400}-{light,dark}.png`);
} finally {
  await browser.close();
  await site.close();
}
