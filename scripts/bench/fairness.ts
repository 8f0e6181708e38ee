/**
 * Fairness between tabs: how much longer a normal article's notes take to
 * appear while another tab holds a readerable page of one 300 KB paragraph
 * (of figures, or of quotes) that the background must read and match. The
 * background matches one request at a time, tabs taking turns, and reads the
 * first MAX_READ_CHARS characters of an article; the target is under a second.
 * Measured with the shipped build in Chromium; a bench case, not a test.
 */
import { spawnSync } from 'node:child_process';
import type { BrowserContext } from 'playwright-core';
import { CHROME_BUILD, launchWithRetold } from '../browser';
import { serveDemo } from '../demo/site';

const PARAGRAPH_CHARS = 300_000;
const NORMAL = '/retelling/retelling-bishkek.html';

function onePage(sentence: (i: number) => string): string {
  let text = '';
  for (let i = 0; text.length < PARAGRAPH_CHARS; i++) text += sentence(i);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>One long paragraph</title></head>
<body><article><h1>A report in one paragraph</h1><p>${text}</p></article></body></html>`;
}

export const fairnessPages = () => ({
  '/bench/figures-300k.html': onePage(
    (i) =>
      `At least ${1000 + i * 7} people were killed in Gaza and about ${200 + i} hostages were held, officials said. `,
  ),
  '/bench/quotes-300k.html': onePage(
    (i) => `"It is a kind of total destruction of the civilian population, number ${i}," Putin said. `,
  ),
});

export interface FairnessResult {
  /** A normal article's notes, its tab alone (ms from navigation start). */
  alone: number;
  /** The same, with each heavy page loading in another tab at the same time, and the delay over `alone`. */
  beside: { page: string; notes: number; delay: number }[];
}

async function notesAfter(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 120_000 });
  const took = Date.now() - start;
  await page.close();
  return took;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runFairness(log: (line: string) => void = () => {}, build = true): Promise<FairnessResult> {
  if (build) {
    log('building the extension');
    const run = spawnSync('npx', ['wxt', 'build'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`wxt build failed:\n${run.stdout}${run.stderr}`);
  }
  const site = await serveDemo(0, fairnessPages());
  const browser = await launchWithRetold({ headless: true, build: CHROME_BUILD });
  try {
    // Warm the worker and the corpus once; then three loads each.
    await notesAfter(browser.context, site.url + NORMAL);
    const aloneRuns: number[] = [];
    for (let i = 0; i < 3; i++) aloneRuns.push(await notesAfter(browser.context, site.url + NORMAL));
    const base = median(aloneRuns);
    log(`alone: ${base} ms`);
    const beside: FairnessResult['beside'] = [];
    for (const path of Object.keys(fairnessPages())) {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const heavy = await browser.context.newPage();
        void heavy.goto(site.url + path).catch(() => undefined);
        // The heavy page's article reaches the background first.
        await heavy.waitForTimeout(300);
        runs.push(await notesAfter(browser.context, site.url + NORMAL));
        await heavy.close();
      }
      const notes = median(runs);
      beside.push({ page: path, notes, delay: Math.max(0, notes - base) });
      log(`beside ${path}: ${notes} ms`);
    }
    return { alone: base, beside };
  } finally {
    await browser.close();
    await site.close();
  }
}
