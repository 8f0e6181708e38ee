/**
 * The Firefox build in Firefox ESR: installed as a temporary add-on through
 * WebDriver BiDi (puppeteer-core), on a demo page; notes must appear.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_TEST_BUILD } from '../../scripts/browser';
import { serveAll } from './helpers';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveAll>>;
let profile: string;

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox ESR was not found at ${FIREFOX} (apt-get install firefox-esr).`);
  site = await serveAll();
  profile = mkdtempSync(join(tmpdir(), 'retold-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // A quiet browser on a machine without network: no updates, telemetry or suggestions.
      'app.update.enabled': false,
      'browser.region.network.url': '',
      'browser.search.update': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_TEST_BUILD);
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('Firefox ESR', () => {
  it('shows notes on a retelling, with highlights and a note that opens', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 860 });
    await page.goto(`${site.url}/retelling/retelling-st-petersburg.html`);
    await page.waitForFunction(
      () => document.querySelector('retold-ui')?.shadowRoot?.querySelector('[data-testid="retold-pill"]'),
      { timeout: 20_000 },
    );
    const remarks = await page.evaluate(() =>
      [...(CSS.highlights.get('retold-remark') ?? [])].map((r) => (r as Range).toString()),
    );
    expect(remarks).toContain('It is a kind of total destruction of the civilian population');
    // A real click: our UI ignores clicks a script dispatches.
    await page.click('pierce/[data-testid="retold-marker"][data-note^="remark-"]');
    const outlets = await page.waitForFunction(() => {
      const note = document.querySelector('retold-ui')!.shadowRoot!.querySelector('[data-testid="retold-note"]');
      return note && [...note.querySelectorAll('[data-testid="retold-outlet"]')].map((e) => e.textContent);
    });
    expect(await outlets.jsonValue()).toContain('The Jerusalem Post');
    await page.screenshot({ path: 'test-results/firefox-note.png' });
  });
});
