/**
 * A remark the page reports without quoting it, as a reader meets it in
 * Chromium: highlighted where it stands, and its note says "paraphrased
 * here", shows the page's words without quotation marks and the other
 * outlet's quoted words beside them.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRetold, type Launched } from '../../scripts/browser';
import { highlights, serveAll, tabIdOf, waitForNotes, type WorkerChrome } from './helpers';

let browser: Launched;
let site: Awaited<ReturnType<typeof serveAll>>;

beforeAll(async () => {
  site = await serveAll();
  browser = await launchWithRetold();
  mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const ui = (page: Page, testId: string) => page.locator(`retold-ui [data-testid="${testId}"]`);

describe('a retelling in reported speech', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(`${site.url}/retelling/retelling-with-reported-speech.html`);
    await waitForNotes(page);
  });

  it('highlights the two paraphrased remarks and the quoted one, and counts three remarks', async () => {
    const painted = await highlights(page);
    expect(painted['retold-remark']).toEqual(
      expect.arrayContaining([
        'he was against terrorism in all its manifestations and against attacks on civilians in any country',
        'It is a kind of total destruction of the civilian population',
        'someone in the American administration may have believed that the fewer opinions there were, the more agreements could be reached',
      ]),
    );
    await expect(ui(page, 'retold-pill').textContent()).resolves.toMatch(
      /3 remarks also reported by \d other outlets?/,
    );
    const tabId = await tabIdOf(browser, page);
    const badge = await browser.worker.evaluate(
      (tabId) => (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.getBadgeText({ tabId }),
      tabId,
    );
    expect(badge).toBe('3');
  });

  it('opens a paraphrase’s note labelled as one, the page’s words unquoted, the outlet’s quote with the shared words marked', async () => {
    const marker = ui(page, 'retold-marker').and(page.locator('[data-note^="paraphrase-"]')).first();
    await expect(marker.getAttribute('aria-label')).resolves.toMatch(/^Paraphrase of Vladimir Putin, he was against/);
    await marker.click();
    const note = ui(page, 'retold-note');
    await note.waitFor();
    await expect(note.getByRole('heading').textContent()).resolves.toBe('Paraphrased here, quoted by 1 other outlet');
    await expect(note.getByTestId('retold-here-label').textContent()).resolves.toBe(
      'This page’s words, not a quotation, reporting Vladimir Putin',
    );
    await expect(note.getByTestId('retold-paraphrase').textContent()).resolves.toBe(
      'he was against terrorism in all its manifestations and against attacks on civilians in any country',
    );
    // No quotation marks around the page's words: not a <q>, and no generated marks.
    const marks = await note
      .getByTestId('retold-paraphrase')
      .evaluate((el) => [
        el.tagName,
        getComputedStyle(el, '::before').content,
        getComputedStyle(el, '::after').content,
      ]);
    expect(marks[0]).toBe('SPAN');
    expect(['none', 'normal', '']).toContain(marks[1]);
    expect(['none', 'normal', '']).toContain(marks[2]);
    await expect(note.getByTestId('retold-diff').textContent()).resolves.toBe(
      'We are against terrorism in all its manifestations, against attacks against civilians at any place and in any country',
    );
    await expect(note.getByTestId('retold-diff-removed').count()).resolves.toBe(0);
    await expect(note.getByTestId('retold-diff-shared').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/chromium-paraphrase-note.png' });
  });
});
