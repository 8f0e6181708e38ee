/**
 * What the end-to-end tests share: the demo site plus test-only pages (a
 * single-page app, an article that loads late), the built extension in
 * Chromium, and small readers of what a reader would see.
 */
import type { Page } from 'playwright-core';
import type { Launched } from '../../scripts/browser';
import { demoArticle, demoPages, serveDemo } from '../../scripts/demo/site';
import { hostilePages } from './hostile';

const shell = (title: string, main: string, script = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{margin:0;font:18px/1.6 Georgia,serif} header{padding:12px 24px;border-bottom:1px solid #ccc}
main{max-width:680px;margin:0 auto;padding:0 24px}</style></head>
<body><header><a href="/spa/petersburg" data-to="petersburg">St Petersburg</a> · <a href="/spa/bishkek" data-to="bishkek">Bishkek</a> · <a href="/spa/budget" data-to="budget">Budget</a></header>
<main id="app">${main}</main>${script}</body></html>`;

/** Pages only the tests need, served beside the demo pages. */
export function testPages(): Record<string, string> {
  const pages = demoPages();
  const articles = {
    petersburg: demoArticle('/retelling/retelling-st-petersburg.html', pages),
    bishkek: demoArticle('/retelling/retelling-bishkek.html', pages),
    budget: demoArticle('/unrelated/unrelated-budget.html', pages),
  };
  const templates = Object.entries(articles)
    .map(([k, v]) => `<template id="t-${k}">${v}</template>`)
    .join('');
  const spa = shell(
    'A single-page news app',
    articles.petersburg,
    `${templates}<script>
      document.querySelector('header').addEventListener('click', (e) => {
        const a = e.target.closest('a[data-to]');
        if (!a) return;
        e.preventDefault();
        history.pushState({}, '', a.getAttribute('href'));
        document.getElementById('app').replaceChildren(document.getElementById('t-' + a.dataset.to).content.cloneNode(true));
      });
    </script>`,
  );
  const late = shell(
    'An article that loads late',
    '<p class="loading">Loading…</p>',
    `<template id="t">${articles.bishkek}</template><script>
      setTimeout(() => document.getElementById('app').replaceChildren(document.getElementById('t').content.cloneNode(true)), 1500);
    </script>`,
  );
  return { '/spa/petersburg': spa, '/late.html': late };
}

export const serveAll = () =>
  serveDemo(0, {
    ...testPages(),
    ...Object.fromEntries(Object.entries(hostilePages()).map(([path, p]) => [path, p.html])),
  });

/** The overlay's shadow root has drawn its pill: the page has notes. */
export async function waitForNotes(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('[data-retold-ui] [data-testid="retold-pill"]').waitFor({ timeout });
}

/** Text of each painted range, per highlight name. */
export function highlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...CSS.highlights.entries()].map(([name, h]) => [name, [...h].map((r) => (r as Range).toString())]),
    ),
  );
}

/** The extension's API as its worker sees it, the little of it the tests use. */
export interface WorkerChrome {
  tabs: { query: (q: object) => Promise<{ id?: number }[]> };
  action: { getBadgeText: (d: { tabId?: number }) => Promise<string> };
}

/**
 * The browser's id for the tab showing `page`. Without the `tabs` permission
 * tabs carry no URL, so the page is brought to the front and found as the active tab.
 */
export async function tabIdOf(browser: Launched, page: Page): Promise<number> {
  await page.bringToFront();
  return browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/**
 * The popup opened for the tab showing `page` (in a tab of its own), which
 * says what the background knows of that tab. It only knows a page whose
 * content script reported, so it proves the content script ran.
 */
export async function popupFor(browser: Launched, page: Page): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(browser, page)}`);
  return popup;
}
