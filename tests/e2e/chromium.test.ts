/**
 * Retold as a reader meets it: the built extension loaded into Debian's
 * Chromium, on news pages served from localhost.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRetold, type Launched } from '../../scripts/browser';
import { highlights, popupFor, serveAll, tabIdOf, waitForNotes, type WorkerChrome } from './helpers';

let browser: Launched;
let site: Awaited<ReturnType<typeof serveAll>>;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  site = await serveAll();
  browser = await launchWithRetold();
  browser.context.on('request', (r) => requests.push(r.url()));
  browser.context.on('weberror', (e) => errors.push(String(e.error())));
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  // The page's own DOM, recorded before any content script can run (they run at document idle).
  await page.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { before: string }).before = document.body.outerHTML;
    }),
  );
  await page.goto(site.url + path);
  return page;
}

const ui = (page: Page, testId: string) => page.locator(`retold-ui [data-testid="${testId}"]`);

/** The toolbar badge of the tab showing `page`, read in the extension's worker. */
async function badge(page: Page): Promise<string> {
  const tabId = await tabIdOf(browser, page);
  return browser.worker.evaluate(
    (tabId) => (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.getBadgeText({ tabId }),
    tabId,
  );
}

describe('a retelling of the St Petersburg remarks', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('/retelling/retelling-st-petersburg.html');
    await waitForNotes(page);
  });

  it('highlights the quoted remarks and the figures, and says how many in the pill and the badge', async () => {
    const painted = await highlights(page);
    expect(painted['retold-remark']).toEqual(
      expect.arrayContaining([
        'does not resemble a war at all',
        'It is a kind of total destruction of the civilian population',
        'pushed aside all previously established mechanisms',
      ]),
    );
    expect(painted['retold-figure']).toContain('at least 36,500');
    expect(painted['retold-figure-differs']).toContain('about 15,000');
    await expect(ui(page, 'retold-pill').textContent()).resolves.toMatch(
      /3 remarks and \d figures? also reported by 2 other outlets/,
    );
    // The badge counts the notes shown, as the pill does: 3 remarks (the headline's quote and the body's are one) and
    // 2 figures.
    expect(await badge(page)).toBe('5');
  });

  it('opens a note with each outlet’s wording, the differences marked word by word', async () => {
    await ui(page, 'retold-marker').and(page.locator('[data-note^="remark-"]')).nth(1).click();
    const note = ui(page, 'retold-note');
    await note.waitFor();
    await expect(note.getByRole('heading').textContent()).resolves.toBe('Also quoted by 2 other outlets');
    await expect(note.getByTestId('retold-outlet').allTextContents()).resolves.toEqual([
      'Israfan',
      'The Jerusalem Post',
    ]);
    // The Jerusalem Post's translation says "some kind" where this page says "a kind".
    const jpost = note.getByTestId('retold-variant').filter({ hasText: 'The Jerusalem Post' });
    await expect(jpost.getByTestId('retold-diff-added').first().textContent()).resolves.toBe('some');
    await expect(jpost.getByTestId('retold-diff-removed').first().textContent()).resolves.toBe('a');
    const style = await jpost
      .getByTestId('retold-diff-removed')
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(style).toBe('line-through'); // marked by more than colour
    await page.screenshot({ path: 'test-results/chromium-remark-note.png' });
  });

  it('places the open note beside the text, never over it', async () => {
    const quote = await page.evaluate(() => {
      const r = [...CSS.highlights.get('retold-active')!][0] as Range;
      const b = r.getBoundingClientRect();
      return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
    });
    const card = (await ui(page, 'retold-note').boundingBox())!;
    const overlaps =
      card.x < quote.right &&
      card.x + card.width > quote.left &&
      card.y < quote.bottom &&
      card.y + card.height > quote.top;
    expect(overlaps).toBe(false);
  });

  it('says plainly where figures differ', async () => {
    await page.keyboard.press('Escape');
    await ui(page, 'retold-marker').and(page.locator('[data-note^="figure-"]')).last().click();
    const note = ui(page, 'retold-note');
    await note.getByTestId('retold-verdict').waitFor();
    await expect(note.getByTestId('retold-verdict').textContent()).resolves.toContain('cannot all be right');
    await expect(note.getByTestId('retold-figure-other').allTextContents()).resolves.toEqual([
      expect.stringMatching(/Israfan.*approximately 15,000.*agrees/),
      expect.stringMatching(/Jerusalem Post.*14,000.*cannot both be right/),
    ]);
    await page.screenshot({ path: 'test-results/chromium-figure-note.png' });
  });

  it('works from the keyboard: Enter opens, Escape closes and gives focus back, Tab moves on, a shortcut hides all', async () => {
    await page.keyboard.press('Escape');
    const first = ui(page, 'retold-marker').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await ui(page, 'retold-note').waitFor();
    const focusedInCard = () =>
      page.evaluate(() => document.querySelector('retold-ui')!.shadowRoot!.activeElement?.tagName);
    await expect(focusedInCard()).resolves.toBe('H2');
    await page.keyboard.press('Escape');
    await ui(page, 'retold-note').waitFor({ state: 'detached' });
    await expect(
      page.evaluate(() => document.querySelector('retold-ui')!.shadowRoot!.activeElement?.getAttribute('data-testid')),
    ).resolves.toBe('retold-marker');
    await page.keyboard.press('Tab');
    await expect(
      page.evaluate(() => document.querySelector('retold-ui')!.shadowRoot!.activeElement?.getAttribute('data-note')),
    ).resolves.toBe(await ui(page, 'retold-marker').nth(1).getAttribute('data-note'));

    await page.keyboard.press('Alt+Shift+R');
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    await expect.poll(() => ui(page, 'retold-marker').count()).toBe(0);
    await expect(ui(page, 'retold-pill').textContent()).resolves.toContain('notes hidden');
    await page.keyboard.press('Alt+Shift+R');
    await expect.poll(() => ui(page, 'retold-marker').count()).toBeGreaterThan(0);
  });

  it('lists every note from the pill, and a note in the list scrolls to its text and opens it', async () => {
    await ui(page, 'retold-pill').click();
    const list = ui(page, 'retold-list');
    await list.waitFor();
    await expect(list.getByRole('listitem').count()).resolves.toBe(5);
    await list.getByRole('button', { name: /pushed aside/ }).click();
    await ui(page, 'retold-list').waitFor({ state: 'detached' });
    await expect(ui(page, 'retold-note').getByRole('heading').textContent()).resolves.toBe(
      'Also quoted by 1 other outlet',
    );
  });

  it('keeps markers beside their text when the window is resized', async () => {
    await page.setViewportSize({ width: 900, height: 800 });
    await page.waitForTimeout(200);
    const [marker, line] = await page.evaluate(() => {
      const root = document.querySelector('retold-ui')!.shadowRoot!;
      const m = root.querySelector('[data-testid="retold-marker"]')!.getBoundingClientRect();
      const r = ([...CSS.highlights.get('retold-remark')!][0] as Range).getClientRects()[0]!;
      return [m.top + m.height / 2, r.top + r.height / 2];
    });
    expect(Math.abs(marker! - line!)).toBeLessThan(6);
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('never changes the article’s DOM', async () => {
    const [before, after] = await page.evaluate(() => [
      (window as unknown as { before: string }).before,
      document.body.outerHTML,
    ]);
    expect(after).toBe(before);
    const added = await page.evaluate(() =>
      [...document.documentElement.children].map((e) => e.localName).filter((n) => n !== 'head' && n !== 'body'),
    );
    expect(added).toEqual(['retold-ui']);
  });
});

describe('other pages', () => {
  it('shows nothing at all on an article that shares no remark with the corpus', async () => {
    const page = await open('/unrelated/unrelated-budget.html');
    // First proof that Retold read the page: the popup knows it, and found nothing on it.
    const popup = await popupFor(browser, page);
    await expect
      .poll(() => popup.getByTestId('tab-counts').textContent(), { timeout: 15_000 })
      .toBe('No remark or figure on this page is reported by other outlets in the corpus.');
    await popup.close();
    await expect(page.locator('retold-ui').count()).resolves.toBe(0);
    await expect(page.evaluate(() => CSS.highlights.size)).resolves.toBe(0);
    expect(await badge(page)).toBe('');
    await page.close();
  });

  it('leaves out the article itself when the page is one of the corpus articles', async () => {
    const page = await open('/seed/001_790c6556cd2dca1e.html');
    await waitForNotes(page);
    await ui(page, 'retold-marker').first().click();
    const outlets = await ui(page, 'retold-note').getByTestId('retold-outlet').allTextContents();
    expect(outlets.length).toBeGreaterThan(0);
    expect(outlets).not.toContain('The Jerusalem Post');
    await page.screenshot({ path: 'test-results/chromium-seed-page.png' });
    await page.close();
  });

  it('matches a dark page with a dark overlay', async () => {
    // The third demo page uses the dark look.
    const page = await open('/seed/002_a5f5d4110e33ef6b.html');
    await waitForNotes(page);
    const background = await ui(page, 'retold-pill').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(200);
    await ui(page, 'retold-marker').first().click();
    await page.screenshot({ path: 'test-results/chromium-dark-page.png' });
    await page.close();
  });

  it('annotates article text that arrives after the page has loaded', async () => {
    const page = await open('/late.html');
    await waitForNotes(page, 20_000);
    expect((await highlights(page))['retold-remark']).toContain('Now the main thing is to stop the bloodshed');
    await page.close();
  });

  it('follows a single-page app from article to article', async () => {
    const page = await open('/spa/petersburg');
    await waitForNotes(page);
    await page.getByRole('link', { name: 'Budget' }).click();
    await expect.poll(() => page.locator('retold-ui').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.getByRole('link', { name: 'Bishkek' }).click();
    await expect
      .poll(async () => (await highlights(page))['retold-remark'] ?? [], { timeout: 15_000 })
      .toContain('Now the main thing is to stop the bloodshed');
    expect((await highlights(page))['retold-remark']).not.toContain('does not resemble a war at all');
    await page.close();
  });

  it('made no request but to the pages it was shown, and threw nothing', async () => {
    const foreign = requests.filter((u) => !u.startsWith(site.url) && !u.startsWith('chrome-extension://'));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
