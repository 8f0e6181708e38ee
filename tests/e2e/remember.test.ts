/**
 * Remembering what the reader reads, in Chromium with the built extension:
 * with the setting off nothing is kept; turned on, three outlets' articles
 * on one invented event (on three hosts: 127.0.0.1, localhost and a name
 * mapped to it) are remembered, and a fourth outlet's article then shows
 * notes linking to them, with the diff and a figure note saying they differ.
 *
 * Private windows are not tested here: Playwright cannot open an incognito
 * window with an extension loaded. The rule is unit-tested
 * (tests/memory.test.ts, "what is never kept").
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildFromFolder, serialise } from '../../data/build';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRetold, type Launched } from '../../scripts/browser';
import { readingPages, serveDemo } from '../../scripts/demo/site';
import { popupFor, waitForNotes } from './helpers';

let browser: Launched;
let site: Awaited<ReturnType<typeof serveDemo>>;
/** A third host name for the demo server, mapped to it by Chromium's resolver. */
const MAPPED = 'korvath-news.test';
const requests: string[] = [];

beforeAll(async () => {
  site = await serveDemo(0, readingPages());
  browser = await launchWithRetold({ args: [`--host-resolver-rules=MAP ${MAPPED} 127.0.0.1`] });
  browser.context.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const port = () => new URL(site.url).port;
const at = (host: string, file: string) => `http://${host}:${port()}/reading/${file}.html`;
const ui = (page: Page, id: string) => page.locator(`retold-ui [data-testid="${id}"]`);

/**
 * Open an article and wait until the background has answered for it: the
 * popup, left open, then says what the page has.
 */
async function read(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const popup = await popupFor(browser, page);
  await popup
    .getByTestId('tab-counts')
    .waitFor({ timeout: 30_000 })
    .catch(() => {
      throw new Error(`${url}: the background never answered for the page`);
    });
  await popup.close();
  return page;
}

async function options(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return page;
}
const count = async () => {
  const page = await options();
  const text = await page.getByTestId('memory-count').textContent();
  await page.close();
  return text;
};

describe('remembering the articles read', () => {
  it('keeps nothing while the setting is off', async () => {
    const page = await read(at('127.0.0.1', '1-valley-courier'));
    await page.close();
    // Remembering would follow the answer at once; give it time to have happened.
    await new Promise((r) => setTimeout(r, 1_000));
    await expect(count()).resolves.toMatch(/^0 articles remembered/);
  });

  it('is offered once in the popup, and turned on from the options page', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect(popup.getByTestId('remember-offer').textContent()).resolves.toMatch(/on this device/);
    await popup.close();
    const page = await options();
    const box = page.getByTestId('setting-remember');
    await expect(box.isChecked()).resolves.toBe(false);
    await box.check();
    // The change is stored a moment later: wait until a fresh options page reads it.
    const stored = async () => {
      const fresh = await options();
      const on = await fresh.getByTestId('setting-remember').isChecked();
      await fresh.close();
      return on;
    };
    await expect.poll(stored).toBe(true);
    await page.close();
  });

  it('remembers three outlets’ articles, on three hosts', async () => {
    for (const [host, file] of [
      ['127.0.0.1', '1-valley-courier'],
      ['localhost', '2-northern-standard'],
      [MAPPED, '3-river-times'],
    ] as const)
      await (await read(at(host, file))).close();
    await expect.poll(count, { timeout: 15_000 }).toMatch(/^3 articles remembered, \d+(\.\d)? [kM]B/);
  });

  it('shows a fourth outlet’s article notes from the three, with the diff and the figures that differ', async () => {
    const page = await browser.context.newPage();
    await page.goto(at('127.0.0.1', '4-evening-herald'));
    await waitForNotes(page);

    await ui(page, 'retold-marker').and(page.locator('[data-note^="remark-"]')).first().click();
    const note = ui(page, 'retold-note');
    await note.waitFor();
    await expect(note.getByTestId('retold-outlet').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['The Valley Courier', 'Northern Standard', 'The River Times']),
    );
    await expect(note.getByTestId('retold-from-reading').count()).resolves.toBe(3);
    const links = await note
      .locator('[data-testid="retold-from-reading"] a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.sort()).toEqual(
      [at('127.0.0.1', '1-valley-courier'), at('localhost', '2-northern-standard'), at(MAPPED, '3-river-times')].sort(),
    );
    // "…an honest account." here, "…an honest account of why." in the Valley Courier: the diff shows its extra
    // words at the end as the other outlet quoting more (greyed context), never as a difference.
    const courier = note.getByTestId('retold-variant').filter({ hasText: 'The Valley Courier' });
    await expect(courier.locator('.r-context').last().textContent()).resolves.toMatch(/of why/);

    await page.keyboard.press('Escape');
    await ui(page, 'retold-marker').and(page.locator('[data-note^="figure-"]')).first().click();
    await note.getByTestId('retold-verdict').waitFor();
    await expect(note.getByTestId('retold-verdict').textContent()).resolves.toContain('cannot all be right');
    const others = await note.getByTestId('retold-figure-other').allTextContents();
    expect(others).toHaveLength(3);
    for (const o of others) expect(o).toMatch(/from your reading.*4,000.*cannot both be right/);
    await page.screenshot({ path: 'test-results/chromium-remembered-note.png' });
    await page.close();
  });

  it('forgets a site from the popup and everything from the options page', async () => {
    const page = await read(at('localhost', '2-northern-standard'));
    const popup = await popupFor(browser, page);
    await popup.getByTestId('forget-site').click();
    await expect(popup.getByTestId('forget-site-message').textContent()).resolves.toContain('localhost');
    await expect.poll(count).toMatch(/^3 articles remembered/); // the fourth outlet's article, read since, stays
    const opts = await options();
    await opts.getByTestId('forget-all').click();
    await expect.poll(() => opts.getByTestId('memory-count').textContent()).toMatch(/^0 articles remembered/);
  });

  it('imports a corpus pack built by the corpus builder from a folder, and shows notes from it', async () => {
    // Three outlets' articles on the invented event, built into a pack by `npm run corpus`'s own code.
    const folder = mkdtempSync(join(tmpdir(), 'retold-pack-'));
    const reading = join(import.meta.dirname, '../../scripts/demo/reading');
    const outlets = ['Courier (shared pack)', 'Standard (shared pack)', 'Times (shared pack)'];
    const files = ['1-valley-courier.txt', '2-northern-standard.txt', '3-river-times.txt'];
    files.forEach((f) => copyFileSync(join(reading, f), join(folder, f)));
    const manifest = {
      articles: files.map((file, i) => ({
        file,
        outlet: outlets[i],
        title: null,
        date: '2025-03-14',
        event: 'Korvath dam breach',
        url: null,
      })),
    };
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
    const packFile = join(folder, 'korvath-pack.json');
    writeFileSync(packFile, serialise(buildFromFolder(folder, () => {})));

    const opts = await options();
    await expect(opts.getByTestId('memory-count').textContent()).resolves.toMatch(/^0 articles remembered/);
    await opts.getByTestId('pack-import').setInputFiles(packFile);
    await expect
      .poll(() => opts.getByTestId('pack-message').textContent(), { timeout: 30_000 })
      .toBe('Imported 3 articles.');
    // The open page counts them without being reloaded.
    await expect.poll(() => opts.getByTestId('memory-count').textContent()).toMatch(/^3 articles remembered/);

    const page = await browser.context.newPage();
    await page.goto(at('127.0.0.1', '4-evening-herald'));
    await waitForNotes(page);
    await ui(page, 'retold-marker').and(page.locator('[data-note^="remark-"]')).first().click();
    const note = ui(page, 'retold-note');
    await note.waitFor();
    await expect(note.getByTestId('retold-outlet').allTextContents()).resolves.toEqual(expect.arrayContaining(outlets));
    // From the reader's memory (imported), with no link: the pack gave no address.
    await expect(note.getByTestId('retold-from-reading').count()).resolves.toBe(3);
    await expect(note.locator('[data-testid="retold-from-reading"] a').count()).resolves.toBe(0);
    await page.close();

    // A file that is no corpus: said so, and what is remembered stays (the three, and the fourth outlet's
    // article just read).
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '{"format": "retold-corpus/1", "articles": [{"id": "x"}]}');
    await opts.getByTestId('pack-import').setInputFiles(broken);
    await expect
      .poll(() => opts.getByTestId('pack-problems').textContent())
      .toMatch(/^article "x": outlet: .*left out/);
    await expect.poll(() => opts.getByTestId('memory-count').textContent()).toMatch(/^4 articles remembered/);
    await opts.close();
  });

  it('made no request but to the demo pages', () => {
    const hosts = new Set([`127.0.0.1:${port()}`, `localhost:${port()}`, `${MAPPED}:${port()}`]);
    const foreign = requests.filter((u) => !u.startsWith('chrome-extension://') && !hosts.has(new URL(u).host));
    expect(foreign).toEqual([]);
  });
});
