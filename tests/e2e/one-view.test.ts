/**
 * One owner for what a tab shows, in Chromium with the built extension: the
 * toolbar badge, the popup and the page are drawn from the same view, so a
 * setting that hides a kind of note changes all three alike; and a page
 * never gets more than one overlay, however its layout changes while notes
 * arrive or it moves to another article.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithRetold, type Launched } from '../../scripts/browser';
import { highlights, popupFor, serveAll, tabIdOf, waitForNotes, type WorkerChrome } from './helpers';

let browser: Launched;
let site: Awaited<ReturnType<typeof serveAll>>;

beforeAll(async () => {
  site = await serveAll();
  browser = await launchWithRetold();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
beforeEach(async () => {
  await browser.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { sync: { clear: () => Promise<void> } } } }
    ).chrome.storage.sync.clear(),
  );
  for (const p of browser.context.pages()) await p.close();
});

/**
 * Records every time an overlay host joins or leaves the page, and the most
 * there were at once; from DOMContentLoaded on, before content scripts run.
 */
const OVERLAY_PROBE = `
  window.overlays = { log: [], most: 0 };
  document.addEventListener('DOMContentLoaded', () => new MutationObserver((changes) => {
    for (const c of changes) {
      for (const n of c.addedNodes) if (n.nodeType === 1 && n.hasAttribute('data-retold-ui')) window.overlays.log.push('added');
      for (const n of c.removedNodes) if (n.nodeType === 1 && n.hasAttribute('data-retold-ui')) window.overlays.log.push('removed');
    }
    window.overlays.most = Math.max(window.overlays.most, document.querySelectorAll('[data-retold-ui]').length);
  }).observe(document.documentElement, { childList: true }));
`;
const overlays = (page: Page) =>
  page.evaluate(() => (window as unknown as { overlays: { log: string[]; most: number } }).overlays);

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript({ content: OVERLAY_PROBE });
  await page.goto(site.url + path);
  return page;
}

async function badge(page: Page): Promise<string> {
  const tabId = await tabIdOf(browser, page);
  return browser.worker.evaluate(
    (tabId) => (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.getBadgeText({ tabId }),
    tabId,
  );
}

const inUi = (page: Page, selector: string) => page.locator(`retold-ui ${selector}`);

describe('the badge, the popup and the page', () => {
  it('agree on the count when remarks are switched off: the figures alone', async () => {
    const page = await open('/retelling/retelling-st-petersburg.html');
    await waitForNotes(page);
    // The article reports two figures other outlets also report: "at least 36,500" killed and "about 15,000"
    // of them fighters (which another outlet's 14,000 contradicts); its meeting of "close to three hours" is a
    // duration, never a figure.
    const painted = await highlights(page);
    const figures = [...(painted['retold-figure'] ?? []), ...(painted['retold-figure-differs'] ?? [])];
    expect(figures).toEqual(expect.arrayContaining(['at least 36,500', 'about 15,000']));
    expect(figures).toHaveLength(2);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('setting-showRemarks').uncheck();

    await expect.poll(() => badge(page)).toBe('2');
    await expect
      .poll(() => inUi(page, '[data-testid="retold-summary"]').textContent())
      .toMatch(/^2 figures also reported by \d+ other outlets?$/);
    await expect.poll(() => inUi(page, '[data-note^="figure-"]').count()).toBe(2);
    expect(await inUi(page, '[data-note^="remark-"]').count()).toBe(0);
    expect((await highlights(page))['retold-remark']).toBeUndefined();
    const popup = await popupFor(browser, page);
    await expect
      .poll(() => popup.getByTestId('tab-counts').textContent())
      .toBe('On this page: 2 figures also reported by other outlets.');

    // And back: all five notes, everywhere.
    await options.getByTestId('setting-showRemarks').check();
    await expect.poll(() => badge(page)).toBe('5');
    await expect
      .poll(() => popup.getByTestId('tab-counts').textContent())
      .toBe('On this page: 3 remarks and 2 figures also reported by other outlets.');
    await expect
      .poll(() => inUi(page, '[data-testid="retold-summary"]').textContent())
      .toMatch(/^3 remarks and 2 figures/);
  });

  it('hide the notes together from the popup, and the page’s shortcut hides them for the popup too', async () => {
    const page = await open('/retelling/retelling-st-petersburg.html');
    await waitForNotes(page);
    const popup = await popupFor(browser, page);
    await popup.getByTestId('toggle-notes').click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    await expect(popup.getByTestId('toggle-notes').textContent()).resolves.toBe('Show notes');
    await popup.getByTestId('toggle-notes').click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);

    await page.bringToFront();
    await page.keyboard.press('Alt+Shift+R');
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    // The popup left open follows: it is not reloaded.
    await expect.poll(() => popup.getByTestId('toggle-notes').textContent()).toBe('Show notes');
  });

  it('the popup, left open, shows notes that arrive after it opened', async () => {
    // The article is put into the page a second and a half after load: the popup opens before any note exists.
    const page = await open('/late.html');
    const popup = await popupFor(browser, page);
    await popup.waitForLoadState('load');
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await waitForNotes(page, 20_000);
    const summary = await inUi(page, '[data-testid="retold-summary"]').textContent();
    const remarks = /^(\d+) remarks?/.exec(summary ?? '')?.[1];
    expect(remarks).toBeDefined();
    // Never reloaded: the popup follows the tab's view as it changes.
    await expect
      .poll(() => popup.getByTestId('tab-counts').textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`^On this page: ${remarks} remarks?`));
  });
});

describe('one overlay per page', () => {
  it('stays one while the window is resized as the notes appear', async () => {
    // The article arrives 1.5 s after the page loads, so notes are drawn while the window keeps changing size.
    const page = await open('/late.html');
    // The page's own layout changes width on every frame too, so every frame asks for a redraw.
    await page.evaluate(() => {
      const step = (n: number) => {
        document.body.style.marginRight = `${n % 2}px`;
        if (!document.querySelector('[data-retold-ui]')) requestAnimationFrame(() => step(n + 1));
        else document.body.style.marginRight = '';
      };
      step(0);
    });
    const pill = inUi(page, '[data-testid="retold-pill"]');
    for (let i = 0; (await pill.count()) === 0 || i % 10 !== 0; i++) {
      if (i > 2000) throw new Error('no notes appeared');
      await page.setViewportSize({ width: i % 2 ? 900 : 1280, height: 860 });
    }
    await page.waitForTimeout(500);
    expect(await page.locator('[data-retold-ui]').count()).toBe(1);
    const { log, most } = await overlays(page);
    expect(most).toBe(1);
    expect(log).toEqual(['added']);
  });

  it('takes the overlay off before a single-page app’s next article gets its own', async () => {
    const page = await open('/spa/petersburg');
    await waitForNotes(page);
    await page.getByRole('link', { name: 'Bishkek' }).click();
    await expect
      .poll(async () => (await highlights(page))['retold-remark'] ?? [], { timeout: 15_000 })
      .toContain('Now the main thing is to stop the bloodshed');
    await waitForNotes(page);
    const { log, most } = await overlays(page);
    expect(most).toBe(1);
    expect(log).toEqual(['added', 'removed', 'added']);
    expect((await highlights(page))['retold-remark']).not.toContain('does not resemble a war at all');
  });
});
