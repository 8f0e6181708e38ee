/**
 * `npm run screenshots` (after the popup and options pictures): the pictures in docs/images/ of what a
 * reader sees on the demo layouts (a centred column under a sticky header,
 * light and dark) at 1280 px and at a phone's 400 px: markers, an open note,
 * a figure's note, a paraphrase's note and the side panel. Needs the Chromium build (`npm run build`).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchWithRetold } from './browser';
import { serveDemo } from './demo/site';

const OUT = 'docs/images';
mkdirSync(OUT, { recursive: true });
const site = await serveDemo(0);
const browser = await launchWithRetold();
const ui = (page: Page, testId: string) => page.locator(`retold-ui [data-testid="${testId}"]`);

async function open(theme: 'light' | 'dark', width: number, layout = 'centred'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: width > 600 ? 800 : 760 });
  await page.goto(`${site.url}/layout/${layout}-${theme}.html`);
  await ui(page, 'retold-marker').first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(300);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${OUT}/${name}.png` });

/** The side panel of the active tab at 400 px, its first note shown; the panel stays open for more pictures. */
async function panelShot(theme: 'light' | 'dark', name: string): Promise<Page> {
  const [{ id: tabId } = {}] = await browser.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    return c.tabs.query({ active: true, lastFocusedWindow: true });
  });
  const panel = await browser.context.newPage();
  await panel.emulateMedia({ colorScheme: theme });
  await panel.setViewportSize({ width: 400, height: 760 });
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.getByTestId('retold-panel-note').first().waitFor();
  await shot(panel, name);
  return panel;
}

try {
  for (const theme of ['light', 'dark'] as const) {
    let page = await open(theme, 1280);
    await ui(page, 'retold-marker').nth(2).click();
    await ui(page, 'retold-note').waitFor();
    await ui(page, 'retold-marker').nth(3).hover();
    await page.waitForTimeout(200);
    await shot(page, `remark-note-1280-${theme}`);
    await page.keyboard.press('Escape');
    await ui(page, 'retold-marker').and(page.locator('[data-note^="figure-"]')).last().click();
    await ui(page, 'retold-figure-chart').waitFor();
    await page.waitForTimeout(200);
    await shot(page, `figure-note-1280-${theme}`);
    await page.close();

    // A remark the page reports in its own words: its note says "paraphrased here"; at 400 px
    // notes open in the side panel, which lists it first.
    page = await open(theme, 1280, 'reported');
    await ui(page, 'retold-marker').and(page.locator('[data-note^="paraphrase-"]')).first().click();
    await ui(page, 'retold-note').waitFor();
    await page.waitForTimeout(200);
    await shot(page, `paraphrase-note-1280-${theme}`);
    await page.close();
    page = await open(theme, 400, 'reported');
    await (await panelShot(theme, `paraphrase-panel-400-${theme}`)).close();
    await page.close();

    page = await open(theme, 400);
    await shot(page, `markers-400-${theme}`);
    const panel = await panelShot(theme, `panel-400-${theme}`);
    await panel.getByTestId('retold-panel-note').last().scrollIntoViewIfNeeded();
    await shot(panel, `panel-figure-400-${theme}`);
    await panel.close();
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
