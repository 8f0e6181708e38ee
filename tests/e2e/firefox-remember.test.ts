/**
 * Remembering what the reader reads, in Firefox ESR with the Firefox build
 * (installed as a temporary add-on through WebDriver BiDi, as in
 * firefox.test.ts): the setting turned on from the options page (opened
 * from a demo page: see `options`), three
 * outlets' articles on the demo's invented event read, counted on the options
 * page, and a fourth outlet's article then showing a note from the three.
 * Private windows are not tested here: with every window private
 * (`browser.privatebrowsing.autostart`) a page may not open the options page
 * even in the test build, so the setting cannot be turned on; the rule is
 * unit-tested (tests/memory.test.ts, "what is never kept").
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_TEST_BUILD } from '../../scripts/browser';
import { readingPages, serveDemo } from '../../scripts/demo/site';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'retold@retold.invalid';

let site: Awaited<ReturnType<typeof serveDemo>>;
const profiles: string[] = [];
const browsers: Browser[] = [];

/** Firefox with the add-on installed, its pages at a moz-extension:// address we choose (the UUID pref). */
async function launch(prefs: Record<string, unknown> = {}): Promise<{ browser: Browser; base: string }> {
  const uuid = randomUUID();
  const profile = mkdtempSync(join(tmpdir(), 'retold-firefox-'));
  profiles.push(profile);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.region.network.url': '',
      'browser.search.update': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      ...prefs,
    },
  });
  browsers.push(browser);
  await browser.installExtension(FIREFOX_TEST_BUILD);
  return { browser, base: `moz-extension://${uuid}` };
}

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox ESR was not found at ${FIREFOX} (apt-get install firefox-esr).`);
  site = await serveDemo(0, readingPages());
});
afterAll(async () => {
  for (const b of browsers) await b.close().catch(() => {});
  await site?.close();
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});

const article = (file: string) => `${site.url}/reading/${file}.html`;
const shadow = (page: Page, selector: string) =>
  page.waitForFunction(
    (sel) => document.querySelector('retold-ui')?.shadowRoot?.querySelector(sel),
    { timeout: 20_000 },
    selector,
  );

/**
 * The options page, opened from a demo page: Firefox's test driver may not open an add-on's pages itself, so the
 * test build lists the options page as web-accessible (wxt.config.ts, test builds only) and a page navigates to it.
 */
async function options(browser: Browser, base: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${site.url}/`);
  await page.evaluate((url) => {
    location.href = url;
  }, `${base}/options.html`);
  await page.waitForSelector('[data-testid="memory-count"]', { timeout: 10_000 });
  return page;
}

async function count(browser: Browser, base: string): Promise<string> {
  const page = await options(browser, base);
  const text = await page.$eval('[data-testid="memory-count"]', (e) => e.textContent ?? '');
  await page.close();
  return text;
}

async function turnOn(browser: Browser, base: string): Promise<void> {
  const page = await options(browser, base);
  const box = await page.waitForSelector('input[data-testid="setting-remember"]');
  // A real click: the options page reads the change like any other.
  await box!.click();
  await page.waitForFunction(
    () => document.querySelector<HTMLInputElement>('input[data-testid="setting-remember"]')?.checked === true,
  );
  // Stored a moment later: wait until a fresh options page reads it.
  for (let tries = 0; tries < 20; tries++) {
    const fresh = await options(browser, base);
    const on = await fresh.$eval('input[data-testid="setting-remember"]', (e) => (e as HTMLInputElement).checked);
    await fresh.close();
    if (on) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await page.close();
}

describe('remembering the articles read, in Firefox ESR', () => {
  it(
    'keeps three outlets’ articles and shows a fourth outlet’s article notes from them',
    { timeout: 120_000 },
    async () => {
      const { browser, base } = await launch();
      await expect(count(browser, base)).resolves.toMatch(/^0 articles remembered/);
      await turnOn(browser, base);
      const files = ['1-valley-courier', '2-northern-standard', '3-river-times'];
      for (const [i, file] of files.entries()) {
        const page = await browser.newPage();
        await page.goto(article(file));
        // Kept once the background has answered for the page: counted before the next one is read.
        await expect
          .poll(() => count(browser, base), { timeout: 20_000 })
          .toMatch(new RegExp(`^${i + 1} articles? remembered`));
        await page.close();
      }

      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 860 });
      await page.goto(article('4-evening-herald'));
      await shadow(page, '[data-testid="retold-pill"]');
      await page.click('pierce/[data-testid="retold-marker"][data-note^="remark-"]');
      const outlets = await page.waitForFunction(() => {
        const note = document.querySelector('retold-ui')!.shadowRoot!.querySelector('[data-testid="retold-note"]');
        const from = note?.querySelectorAll('[data-testid="retold-from-reading"]').length ?? 0;
        return from > 0 && [...note!.querySelectorAll('[data-testid="retold-outlet"]')].map((e) => e.textContent);
      });
      expect(await outlets.jsonValue()).toEqual(
        expect.arrayContaining(['The Valley Courier', 'Northern Standard', 'The River Times']),
      );
      await page.screenshot({ path: 'test-results/firefox-remembered-note.png' });
    },
  );
});
