/**
 * Hostile pages (see hostile.ts), each opened with the built extension in
 * Chromium: the page keeps working, our UI renders where it should and is
 * usable, nothing throws, and a page that never stops changing cannot keep
 * Retold busy. Also: Manifest V3 stopping the background worker mid-session.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRetold, type Launched } from '../../scripts/browser';
import { hostilePages } from './hostile';
import { popupFor, serveAll, waitForNotes } from './helpers';

let browser: Launched;
let site: Awaited<ReturnType<typeof serveAll>>;

beforeAll(async () => {
  site = await serveAll();
  browser = await launchWithRetold();
  // Count the annotate requests the background receives (a listener of the test's, beside ours).
  await browser.worker.evaluate(() => {
    const g = globalThis as unknown as {
      annotated: number;
      chrome: { runtime: { onMessage: { addListener: (f: (m: { channel?: string }) => void) => void } } };
    };
    g.annotated = 0;
    g.chrome.runtime.onMessage.addListener((m) => {
      if (m?.channel === 'retold:annotate') g.annotated++;
    });
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const annotated = () => browser.worker.evaluate(() => (globalThis as unknown as { annotated: number }).annotated);

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  await page.goto(site.url + path);
  return { page, errors };
}

/** The page still runs its own code and its own button still works. */
async function pageWorks(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { pageOk?: boolean }).pageOk)).toBe(true);
  await page.evaluate(() => document.getElementById('page-button')!.click());
  expect(await page.evaluate(() => (window as unknown as { clicks?: number }).clicks)).toBe(1);
}

const pages = Object.entries(hostilePages());

describe.each(pages.filter(([, p]) => p.notes))('%s', (path, { what }) => {
  it(`keeps working and shows usable notes: ${what}`, async () => {
    const { page, errors } = await open(path);
    await waitForNotes(page, 30_000);
    await pageWorks(page);
    // The marker is on screen and on top: what is under its centre is our UI.
    const marker = page.locator('[data-retold-ui] [data-testid="retold-marker"]').first();
    await marker.scrollIntoViewIfNeeded();
    const box = (await marker.boundingBox())!;
    expect(box.width).toBeGreaterThan(10);
    const onTop = await page.evaluate(
      ([x, y]) => {
        const hit = document.elementFromPoint(x!, y!);
        return hit?.hasAttribute('data-retold-ui') ?? false;
      },
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(onTop).toBe(true);
    await marker.click();
    await page.locator('[data-retold-ui] [data-testid="retold-note"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('hostile pages, case by case', () => {
  it('shows quote text that looks like markup as text, and never runs it', async () => {
    const { page } = await open('/hostile/markup-in-quotes.html');
    await waitForNotes(page);
    const notes = page.locator('[data-retold-ui] [data-testid="retold-list"]');
    await page.locator('[data-retold-ui] [data-testid="retold-pill"]').click();
    // The quote ends at the inner quotation mark; what it holds of the markup is shown as text.
    await expect(notes.textContent()).resolves.toContain('civilian population <img src=x onerror=');
    expect(await page.evaluate(() => (window as unknown as { xss?: number }).xss)).toBeUndefined();
    expect(
      await page.evaluate(
        () => document.querySelector('[data-retold-ui]')!.shadowRoot!.querySelectorAll('img, script').length,
      ),
    ).toBe(0);
    await page.close();
  });

  it('gives a page that took the name retold-ui a UI of its own, leaving the page’s element alone', async () => {
    const { page } = await open('/hostile/own-element.html');
    await waitForNotes(page);
    expect(await page.locator('retold-ui').first().textContent()).toBe("the page's own element");
    await page.close();
  });

  it('reads an article inside shadow DOM', async () => {
    const { page } = await open('/hostile/shadow-dom.html');
    await waitForNotes(page);
    await expect(page.locator('[data-retold-ui] [data-testid="retold-summary"]').textContent()).resolves.toMatch(
      /^3 remarks/,
    );
    await page.close();
  });

  it('stays bounded on a page that changes every 100 ms', async () => {
    const before = await annotated();
    const { page } = await open('/hostile/ticker.html');
    await waitForNotes(page);
    await page.waitForTimeout(5000);
    // Fifty changes went by; the article was read once, perhaps twice, and never again.
    expect((await annotated()) - before).toBeLessThanOrEqual(2);
    await pageWorks(page);
    await page.close();
  });

  it('draws nothing on a page that is not an article', async () => {
    const { page, errors } = await open('/hostile/no-article.html');
    // First proof that Retold looked at the page: the popup knows it, with nothing on it.
    const popup = await popupFor(browser, page);
    await expect
      .poll(() => popup.getByTestId('tab-counts').textContent(), { timeout: 15_000 })
      .toBe('No remark or figure on this page is reported by other outlets in the corpus.');
    await popup.close();
    await pageWorks(page);
    expect(await page.locator('[data-retold-ui]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('brings notes back after the browser stops the background worker', async () => {
    const { page } = await open('/retelling/retelling-bishkek.html');
    await waitForNotes(page);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const { page: next } = await open('/retelling/retelling-st-petersburg.html');
    await waitForNotes(next);
    await next.close();
    await page.close();
  });
});
