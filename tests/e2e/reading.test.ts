/**
 * Reading with Retold on layouts that leave notes little room: a centred
 * 640 px column under a sticky header (a 320 px margin at 1280 px), the same
 * at a phone's 400 px, light and dark; the side panel; the keyboard.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithRetold, type Launched } from '../../scripts/browser';
import { serveAll, tabIdOf, waitForNotes } from './helpers';

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

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 860 });
  await page.goto(site.url + path);
  await waitForNotes(page);
  await page.locator('retold-ui [data-testid="retold-marker"]').first().waitFor();
  return page;
}

const ui = (page: Page, testId: string) => page.locator(`retold-ui [data-testid="${testId}"]`);

/** The line boxes of every piece of text in the article, in window coordinates. */
const articleLines = (page: Page) =>
  page.evaluate(() => {
    const out: { left: number; top: number; right: number; bottom: number }[] = [];
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects())
        if (r.width > 0 && r.height > 0) out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
    return out;
  });

const intersects = (
  a: { x: number; y: number; width: number; height: number },
  b: { left: number; top: number; right: number; bottom: number },
) => a.x < b.right && a.x + a.width > b.left && a.y < b.bottom && a.y + a.height > b.top;

/** Open each note from its marker in turn; after each, no note box may cover a line of the article. */
async function openEveryNote(page: Page): Promise<{ opened: number; covered: string[] }> {
  const markers = ui(page, 'retold-marker');
  const ids = await markers.evaluateAll((els) => els.map((e) => e.getAttribute('data-note')!));
  const covered: string[] = [];
  for (const id of ids) {
    await page.locator(`retold-ui [data-testid="retold-marker"][data-note="${id}"]`).click();
    await expect.poll(() => page.locator(`retold-ui [data-note="${id}"][aria-expanded="true"]`).count()).toBe(1);
    await page.waitForTimeout(150); // a frame to draw and place the card
    const lines = await articleLines(page);
    for (const note of await ui(page, 'retold-note').all()) {
      const box = (await note.boundingBox())!;
      if (lines.some((l) => intersects(box, l))) covered.push(id);
    }
    await page.keyboard.press('Escape');
  }
  return { opened: ids.length, covered };
}

/** WCAG contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const s = Number(v) / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Each marker's glyph colour against its disc, as rendered (opaque, no opacity on the way). */
const markerContrasts = (page: Page) =>
  ui(page, 'retold-marker').evaluateAll((els) =>
    els.map((el) => {
      const glyph = el.querySelector('[data-testid="retold-marker-glyph"]')!;
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      return {
        fg: getComputedStyle(glyph).color,
        bg: getComputedStyle(el).backgroundColor,
        opacity,
        label: el.getAttribute('aria-label')!,
      };
    }),
  );

describe('a centred column with a 320 px margin, under a sticky header', () => {
  for (const [theme, width] of [
    ['light', 1280],
    ['dark', 1280],
  ] as const)
    it(`at ${width} px on a ${theme} page: every note opens beside the text, none covers it`, async () => {
      const page = await open(`/layout/centred-${theme}.html`, width);
      const { opened, covered } = await openEveryNote(page);
      expect(opened).toBe(5);
      expect(covered).toEqual([]);
      await page.close();
    });

  for (const theme of ['light', 'dark'] as const)
    it(`draws marker glyphs at 4.5:1 or more on a ${theme} page, whatever the page's button rule`, async () => {
      const page = await open(`/layout/centred-${theme}.html`);
      const markers = await markerContrasts(page);
      expect(markers.length).toBe(5);
      for (const m of markers) {
        expect(m.bg, m.label).not.toMatch(/rgba\(.*, 0(\.\d+)?\)$/);
        expect(m.opacity, m.label).toBe(1);
        expect(contrast(m.fg, m.bg), `${m.label}: ${m.fg} on ${m.bg}`).toBeGreaterThanOrEqual(4.5);
      }
      await page.close();
    });

  it('keeps markers clear of the sticky header, and labels read in the right number', async () => {
    const page = await open('/layout/centred-light.html');
    const labels = await ui(page, 'retold-marker').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels).toContain('Figure close to three: 1 other outlet agrees');
    expect(labels).toContain('Figure at least 36,500: 2 other outlets agree');
    await expect(ui(page, 'retold-tip').first().textContent()).resolves.toMatch(/^Quoted by \d other outlets?$/);
    const before = await ui(page, 'retold-marker').count();
    // Scroll so the headline's marked remark sits under the header.
    await page.evaluate(() => {
      const r = ([...CSS.highlights.get('retold-remark')!][0] as Range).getClientRects()[0]!;
      window.scrollBy(0, r.top - 24);
    });
    await page.waitForTimeout(200);
    const header = (await page.locator('header.bar').boundingBox())!;
    expect(await ui(page, 'retold-marker').count()).toBe(before - 1);
    for (const m of await ui(page, 'retold-marker').all()) {
      const box = (await m.boundingBox())!;
      // Above the window (scrolled past) or below the header: never across it.
      expect(box.y + box.height <= header.y || box.y >= header.y + header.height).toBe(true);
    }
    await page.close();
  });

  it('opens no note when the reader drags across a highlighted quote to select it', async () => {
    const page = await open('/layout/centred-light.html');
    const line = await page.evaluate(() => {
      const r = ([...CSS.highlights.get('retold-remark')!][2] as Range).getClientRects()[0]!;
      return { x: r.left + 4, y: r.top + r.height / 2, to: r.left + Math.min(r.width, 200) };
    });
    await page.mouse.move(line.x, line.y);
    await page.mouse.down();
    await page.mouse.move(line.to, line.y, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => document.getSelection()!.toString().length)).resolves.toBeGreaterThan(0);
    await expect(ui(page, 'retold-note').count()).resolves.toBe(0);
    await page.close();
  });
});

describe('a phone-width window (400 px)', () => {
  it('puts markers in the page’s narrow margin, never over words', async () => {
    const page = await open('/layout/centred-light.html', 400);
    const lines = await articleLines(page);
    const markers = await ui(page, 'retold-marker').all();
    expect(markers.length).toBeGreaterThan(0);
    for (const m of markers) {
      const box = (await m.boundingBox())!;
      expect(lines.some((l) => intersects(box, l))).toBe(false);
    }
    const pill = (await ui(page, 'retold-pill').boundingBox())!;
    expect(pill.height).toBeLessThan(48); // one line: it does not wrap over the text
    await page.close();
  });

  it('opens every note in the side panel, so none covers the article', async () => {
    const page = await open('/layout/centred-light.html', 400);
    const tabId = await tabIdOf(browser, page);
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.getByTestId('retold-panel-note').first().waitFor();
    await page.bringToFront();
    const { opened, covered } = await openEveryNote(page);
    expect(opened).toBeGreaterThan(0);
    expect(covered).toEqual([]);
    // The last note opened is the one the panel brings forward.
    await expect(panel.locator('.p-focus').count()).resolves.toBe(1);
    await panel.close();
    await page.close();
  });
});

describe('the side panel', () => {
  it('lists every note on the page, and a note in it scrolls the page to its text and flashes it', async () => {
    const page = await open('/layout/centred-light.html');
    const tabId = await tabIdOf(browser, page);
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    const notes = panel.getByTestId('retold-panel-note');
    await notes.first().waitFor();
    await expect(notes.count()).resolves.toBe(5);
    await expect(panel.getByTestId('retold-panel-summary').textContent()).resolves.toBe(
      '3 remarks and 2 figures also reported by 2 other outlets',
    );
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
    await notes.last().getByTestId('retold-panel-reveal').click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    const flashed = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('retold-active') ?? [])][0] as Range | undefined;
      const box = r?.getBoundingClientRect();
      return { text: r?.toString(), inView: !!box && box.top >= 0 && box.bottom <= window.innerHeight };
    });
    expect(flashed).toEqual({ text: 'about 15,000', inView: true });
    await panel.close();
    await page.close();
  });
});

describe('a note a reader can check', () => {
  it('links the other outlet’s article where the corpus knows its address', async () => {
    const page = await open('/seed/001_790c6556cd2dca1e.html');
    await ui(page, 'retold-marker').first().click();
    const link = ui(page, 'retold-note').getByTestId('retold-source-link').first();
    await expect(link.getAttribute('href')).resolves.toBe('https://israfan.com/p/putin-gaza-conflict-comments-2024');
    await expect(link.getAttribute('rel')).resolves.toContain('noopener');
    await expect(ui(page, 'retold-note').getByTestId('retold-why').first().textContent()).resolves.toMatch(
      /Same words|Part of a longer quote|A shorter excerpt|Other words for the same sentence/,
    );
    await page.close();
  });
});

describe('the keyboard', () => {
  it('reaches the first marker through the jump-to-next-note command, then Tab goes marker to marker', async () => {
    const page = await open('/layout/centred-light.html');
    const tabId = await tabIdOf(browser, page);
    const focused = () =>
      page.evaluate(() => document.querySelector('retold-ui')!.shadowRoot!.activeElement?.getAttribute('data-note'));
    const first = await ui(page, 'retold-marker').first().getAttribute('data-note');
    // Commands cannot be pressed in automation: this sends what the background's command handler sends, on the same channel.
    const jump = () =>
      browser.worker.evaluate(
        (tabId) =>
          (
            globalThis as unknown as {
              chrome: { tabs: { sendMessage: (t: number, m: object, o: object) => Promise<unknown> } };
            }
          ).chrome.tabs.sendMessage(tabId, { channel: 'retold:jump', message: {} }, { frameId: 0 }),
        tabId,
      );
    await expect(jump()).resolves.toEqual({ ok: true });
    let presses = 0;
    while ((await focused()) !== first && presses < 3) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focused()).toBe(first);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(await ui(page, 'retold-marker').nth(1).getAttribute('data-note'));
    await jump();
    expect(await focused()).toBe(await ui(page, 'retold-marker').nth(2).getAttribute('data-note'));
    await page.close();
  });
});
