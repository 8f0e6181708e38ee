/**
 * `npm run screenshots`: the popup and the options page as a reader sees
 * them, in the browser's light and dark colour schemes, saved to docs/images/
 * for the README. The popup is opened for the St Petersburg retelling (so it
 * lists that page's notes) with a search typed in; each page is shot at its
 * natural width.
 */
import { spawnSync } from 'node:child_process';
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
} finally {
  await browser.close();
  await site.close();
}
