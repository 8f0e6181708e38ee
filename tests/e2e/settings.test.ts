/**
 * The popup and the options page in Chromium, with the built extension:
 * searching the corpus and opening its articles, listing and showing the
 * page's notes, turning Retold off and on, blocking a site, and a corrupted
 * stored setting being reset with a visible message. Every change must reach
 * an already open article without reloading it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithRetold, type Launched } from '../../scripts/browser';
import { serveAll, tabIdOf, waitForNotes } from './helpers';

let browser: Launched;
let site: Awaited<ReturnType<typeof serveAll>>;
const ARTICLE = '/retelling/retelling-st-petersburg.html';

beforeAll(async () => {
  site = await serveAll();
  browser = await launchWithRetold();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
type Area = { clear(): Promise<void>; get(key: null): Promise<object>; set(items: object): Promise<void> };
/** The extension's storage, as its worker sees it: `local` holds the settings, `sync` what older versions kept. */
type Chrome = { chrome: { storage: { local: Area; sync: Area } } };

beforeEach(async () => {
  await browser.worker.evaluate(() =>
    Promise.all([
      (globalThis as unknown as Chrome).chrome.storage.local.clear(),
      (globalThis as unknown as Chrome).chrome.storage.sync.clear(),
    ]),
  );
  for (const p of browser.context.pages()) await p.close();
});

const extensionPage = async (path: string) => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
};
const article = async () => {
  const page = await browser.context.newPage();
  await page.goto(site.url + ARTICLE);
  return page;
};
const hasNotes = (page: Page) => page.locator('retold-ui [data-testid="retold-pill"]').count();

describe('the popup', () => {
  it('searches the corpus by a word’s beginning, a misspelling, a speaker or an outlet', async () => {
    const popup = await extensionPage('popup.html');
    const input = popup.getByTestId('search-input');
    await expect(popup.getByTestId('search-hint').textContent()).resolves.toMatch(/Search \d+ remarks and figures/);

    // Results arrive from the background a moment after each keystroke: poll for them.
    const firstResult = () => popup.getByTestId('search-result').first().textContent();
    await input.fill('bloodsh');
    await expect.poll(firstResult).toContain('Now the main thing is to stop the bloodshed');
    await expect(firstResult()).resolves.toContain('Forbes');

    await input.fill('elimnation');
    await expect.poll(firstResult).toContain('complete elimination of the civilian population');
    // The other outlet's wording is diffed against the first: its own words are marked as added.
    await expect(popup.getByTestId('search-result').first().locator('ins').count()).resolves.toBeGreaterThan(0);

    await input.fill('Forbes');
    await expect.poll(firstResult).not.toContain('elimination');
    for (const text of await popup.getByTestId('search-result').allTextContents()) expect(text).toContain('Forbes');

    await input.fill('fighters killed');
    await expect.poll(firstResult).toMatch(/Figure: fighters killed — outlets differ.*approximately 15,000.*14,000/);

    await input.fill('qwxzv');
    await expect
      .poll(() => popup.getByTestId('search-empty').textContent())
      .toContain('Nothing in the corpus matches “qwxzv”');
  });

  it('is keyboard navigable: arrows move from the search box through the results and back', async () => {
    const popup = await extensionPage('popup.html');
    await popup.getByTestId('search-input').fill('Putin');
    await popup.getByTestId('search-result').nth(1).waitFor();
    await popup.keyboard.press('ArrowDown');
    await expect(popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'search-result',
    );
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('ArrowUp');
    await expect(popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'search-input',
    );
  });

  it('shows the tab’s counts, hides its notes, and stops Retold on its site until allowed again', async () => {
    const page = await article();
    await waitForNotes(page);
    const popup = await extensionPage(`popup.html?tab=${await tabIdOf(browser, page)}`);
    await expect(popup.getByTestId('tab-counts').textContent()).resolves.toBe(
      'On this page: 3 remarks and 2 figures also reported by other outlets.',
    );

    await popup.getByTestId('toggle-notes').click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    await expect.poll(() => popup.getByTestId('toggle-notes').textContent()).toBe('Show notes');
    await popup.getByTestId('toggle-notes').click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);

    await popup.getByTestId('block-site').click();
    await expect.poll(() => hasNotes(page)).toBe(0);
    await expect
      .poll(() => popup.getByTestId('tab-status').textContent())
      .toContain('Retold does not run on 127.0.0.1');

    // The choice is listed in the options, where it can be removed.
    const options = await extensionPage('options.html');
    const blocked = options.getByTestId('setting-blocked');
    await expect.poll(() => blocked.getByRole('listitem').allTextContents()).toEqual(['127.0.0.1Remove']);
    await blocked.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect.poll(() => hasNotes(page), { timeout: 15_000 }).toBe(1);
  });
});

describe('the popup leads somewhere', () => {
  const JPOST = 'https://www.jpost.com/israel-hamas-war/article-805204';
  const openNote = (page: Page) => page.locator('retold-ui [data-testid="retold-note"]');

  it('links a result to its article’s address, opened in a new tab by a click or by Enter', async () => {
    // The article's address answers from here: nothing leaves the machine.
    await browser.context.route(`${JPOST}*`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>The Jerusalem Post</title>' }),
    );
    try {
      const popup = await extensionPage('popup.html');
      await expect
        .poll(() => popup.getByTestId('corpus-coverage').textContent())
        .toBe('Corpus: 5 articles, 4 outlets, 2 events, Oct 2023 – Jun 2024.');
      // A remark only The Jerusalem Post quotes: searchable too.
      await popup.getByTestId('search-input').fill('monopolized Israeli-Palestinian');
      const result = popup.getByTestId('search-result').first();
      await expect.poll(() => result.textContent()).toContain('quoted by 1 outlet');
      await expect(result.textContent()).resolves.toContain('The Jerusalem Post 6 Jun 2024');
      const link = result.getByTestId('result-link');
      await expect(link.textContent()).resolves.toBe('Putin: Israel’s action in Gaza akin to genocide, US at fault');
      await expect(link.getAttribute('href')).resolves.toBe(JPOST);

      const clicked = browser.context.waitForEvent('page');
      await link.click();
      await expect((await clicked).waitForURL(JPOST)).resolves.toBeUndefined();

      await popup.bringToFront();
      await popup.getByTestId('search-input').press('ArrowDown');
      const entered = browser.context.waitForEvent('page');
      await popup.keyboard.press('Enter');
      await expect((await entered).waitForURL(JPOST)).resolves.toBeUndefined();
    } finally {
      await browser.context.unroute(`${JPOST}*`);
    }
  });

  it('lists the page’s notes; one, or a result the page quotes, is shown on the page', async () => {
    const page = await article();
    await waitForNotes(page);
    const popup = await extensionPage(`popup.html?tab=${await tabIdOf(browser, page)}`);
    const notes = popup.getByTestId('tab-note');
    await expect.poll(() => notes.count()).toBe(5);
    await expect(notes.first().textContent()).resolves.toContain('does not resemble a war');
    await expect(notes.last().textContent()).resolves.toMatch(/about 15,000 fighters killed.*\d differs?$/);
    expect(await page.evaluate(() => scrollY)).toBe(0);

    // The last note is below the fold: the page scrolls to it and opens it.
    await notes.last().click();
    await expect.poll(() => openNote(page).getAttribute('data-note')).toMatch(/^figure-/);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await expect(openNote(page).textContent()).resolves.toContain('14,000');

    // A search result the page quotes: Enter shows it on the page rather than opening an article.
    await popup.getByTestId('search-input').fill('total destruction');
    const result = popup.getByTestId('search-result').first();
    await result.getByTestId('result-reveal').waitFor();
    await result.focus();
    await popup.keyboard.press('Enter');
    await expect
      .poll(() => openNote(page).textContent())
      .toContain('It is a kind of total destruction of the civilian population');
    expect(browser.context.pages().filter((p) => p.url().startsWith('http') && p !== page)).toEqual([]);
  });
});

describe('the options page', () => {
  it('turns Retold off and on, in tabs already open', async () => {
    const page = await article();
    await waitForNotes(page);
    const options = await extensionPage('options.html');
    await options.getByTestId('setting-enabled').uncheck();
    await expect.poll(() => hasNotes(page)).toBe(0);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);

    // A page opened while Retold is off gets nothing either.
    const other = await browser.context.newPage();
    await other.goto(`${site.url}/retelling/retelling-bishkek.html`);
    await other.waitForTimeout(1500);
    expect(await hasNotes(other)).toBe(0);

    await options.getByTestId('setting-enabled').check();
    await expect.poll(() => hasNotes(page), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => hasNotes(other), { timeout: 15_000 }).toBe(1);
  });

  it('says what Retold is, and shows each highlight colour beside the colour’s name', async () => {
    const options = await extensionPage('options.html');
    await expect(options.getByTestId('intro').textContent()).resolves.toContain('everything stays on this computer');
    const palette = options.getByTestId('setting-palette');
    // The swatch is a picture only: each radio's name is the colour's, nothing more.
    await expect(palette.getByRole('radio', { name: 'Blue', exact: true }).isChecked()).resolves.toBe(false);
    await expect(palette.getByRole('radio', { name: 'Amber', exact: true }).isChecked()).resolves.toBe(true);
    const tint = await palette
      .getByTestId('swatch-remark')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(tint).toBe('rgba(250, 204, 21, 0.22)');
    const differ = await palette
      .getByTestId('swatch-differ')
      .evaluate((el) => getComputedStyle(el).textDecorationStyle);
    expect(differ).toBe('wavy');
  });

  it('blocks a site by pattern, and leaves other hosts alone', async () => {
    const options = await extensionPage('options.html');
    const blocked = options.getByTestId('setting-blocked');
    await blocked.getByRole('textbox').fill('not a host!');
    await blocked.getByRole('button', { name: 'Add' }).click();
    await expect(blocked.getByRole('alert').textContent()).resolves.toContain('is not a site');

    // localhost is another host name for the same server: blocking 127.0.0.1 must not block it.
    await blocked.getByRole('textbox').fill('http://127.0.0.1:8080/some/page');
    await blocked.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => blocked.getByRole('listitem').first().textContent()).toContain('127.0.0.1');
    const page = await article();
    await page.waitForTimeout(1500);
    expect(await hasNotes(page)).toBe(0);
    const other = await browser.context.newPage();
    await other.goto(site.url.replace('127.0.0.1', 'localhost') + ARTICLE);
    await waitForNotes(other);
  });

  it('keeps both sites when two options tabs add one at once', async () => {
    const tabs = [await extensionPage('options.html'), await extensionPage('options.html')];
    const lists = tabs.map((tab) => tab.getByTestId('setting-blocked'));
    await lists[0]!.getByRole('textbox').fill('one.example');
    await lists[1]!.getByRole('textbox').fill('two.example');
    // Both tabs drew an empty list; each adds its site before it hears of the other's.
    await Promise.all(lists.map((list) => list.getByRole('button', { name: 'Add' }).click()));
    for (const list of lists)
      await expect
        .poll(async () => (await list.getByRole('listitem').allTextContents()).sort())
        .toEqual(['one.exampleRemove', 'two.exampleRemove']);
  });

  it('shows only the kinds of notes chosen', async () => {
    const page = await article();
    await waitForNotes(page);
    const options = await extensionPage('options.html');
    await options.getByTestId('setting-showFigures').uncheck();
    await expect
      .poll(() => page.locator('retold-ui [data-testid="retold-summary"]').textContent())
      .toBe('3 remarks also reported by 2 other outlets');
    expect(await page.locator('retold-ui [data-note^="figure-"]').count()).toBe(0);
  });

  it('resets a corrupted setting to its default, says which, and keeps the rest', async () => {
    await browser.worker.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.storage.local.set({
        settings: { palette: 42, highlightStyle: { evil: true }, showFigures: false, blocked: ['example.org'] },
        settings$: { v: 2 },
      }),
    );
    const options = await extensionPage('options.html');
    await expect
      .poll(() => options.getByTestId('settings-reset').textContent())
      .toBe(
        'Some stored settings could not be read and are back to their defaults: Highlight colours, Highlight style. Your other settings are unchanged.',
      );
    await expect(options.getByTestId('setting-showFigures').isChecked()).resolves.toBe(false);
    await expect(options.getByTestId('setting-blocked').getByRole('listitem').allTextContents()).resolves.toEqual([
      'example.orgRemove',
    ]);
    await expect(options.getByTestId('setting-palette').getByLabel('Amber').isChecked()).resolves.toBe(true);
    // Articles still get their notes under the repaired settings.
    const page = await article();
    await waitForNotes(page);
  });

  it('moves the settings an older version kept in sync storage, once, and removes that copy when asked', async () => {
    const synced = { version: 1, showFigures: false, blocked: ['example.org'] };
    await browser.worker.evaluate(
      (settings) => (globalThis as unknown as Chrome).chrome.storage.sync.set({ settings }),
      synced,
    );
    const options = await extensionPage('options.html');
    await expect(options.getByTestId('setting-showFigures').isChecked()).resolves.toBe(false);
    await expect(options.getByTestId('setting-blocked').getByRole('listitem').allTextContents()).resolves.toEqual([
      'example.orgRemove',
    ]);
    await expect(
      browser.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.get(null)),
    ).resolves.toEqual({ settings: { showFigures: false, blocked: ['example.org'] }, settings$: { v: 2 } });

    await options.getByTestId('setting-showRemarks').uncheck();
    // The synced copy is kept, unchanged, until the reader removes it.
    await expect(
      browser.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.sync.get(null)),
    ).resolves.toEqual({ settings: synced });
    await options.getByTestId('remove-synced-copy').click();
    await expect.poll(() => options.getByTestId('synced-copy').count()).toBe(0);
    await expect(
      browser.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.sync.get(null)),
    ).resolves.toEqual({});
    await expect(options.getByTestId('setting-showRemarks').isChecked()).resolves.toBe(false);
  });

  it('exports the settings to a file and imports them back, naming what it could not read', async () => {
    const options = await extensionPage('options.html');
    await options.getByTestId('setting-palette').getByLabel('Blue').check();
    const download = options.waitForEvent('download');
    await options.getByTestId('export').click();
    const exported = JSON.parse(
      await (await (await download).createReadStream()).toArray().then((b) => Buffer.concat(b).toString()),
    );
    expect(exported).toMatchObject({ version: 2, palette: 'blue' });

    await options.getByTestId('setting-palette').getByLabel('Amber').check();
    await options.getByTestId('import').setInputFiles({
      name: 'retold-settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...exported, sensitivity: 'extreme' })),
    });
    await expect
      .poll(() => options.getByTestId('import-message').textContent())
      .toMatch(/^Imported \d+ settings\. Unreadable in the file, so left as they were: How strict matching is\.$/);
    await expect.poll(() => options.getByTestId('setting-palette').getByLabel('Blue').isChecked()).toBe(true);
  });
});
