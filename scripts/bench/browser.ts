/**
 * Retold in the browser: the built extension in Chromium on the demo pages
 * and the 50,000-word long read. For each page, over several fresh loads:
 * the content script's own timings (start → notes painted, its page-thread
 * time in all and on checking and snapshotting the page, the wait for the
 * background, the longest stretch it held the main thread; read from the
 * page's performance timeline, see entrypoints/content/slices.ts), a plain
 * Readability parse of the same page in the same load as the baseline, and
 * the page's long tasks with and without the extension.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM, QUIET_FLAGS, launchWithRetold } from '../browser';
import { serveDemo, type DemoPage } from '../demo/site';

/** Fresh loads of each page; medians are reported. */
const LOADS = 5;

export interface PageResult {
  page: string;
  words: number;
  long: boolean;
  /** Medians over the loads, in milliseconds. */
  pipeline: number;
  /** Page-thread time checking that the page is an article and taking its snapshot. */
  checkAndSnapshot: number;
  readability: number;
  /** pipeline ÷ readability, per load, then the median. */
  ratio: number;
  /** Median of all the content script's main-thread time, start to painted. */
  busy: number;
  /** busy ÷ readability, per load, then the median. */
  busyRatio: number;
  /** Median main-thread time of each kind of work (setup, check, snapshot, send, anchor, paint, render). */
  breakdown: Record<string, number>;
  longestSlice: number;
  /** Which work the longest slice was (extract, anchor, paint, render, setup). */
  slowest: string;
  /** Median wait for the background's answer (matching, off the page's thread). */
  background: number;
  /** Longest long task (over 50 ms) the page had, with Retold and without. 0 when none. */
  longTask: { with: number; without: number };
}

export interface BrowserResult {
  loads: number;
  pages: PageResult[];
  contentScript: { raw: number; gzip: number };
  longTasks: { with: number; without: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const READABILITY = join(
  createRequire(import.meta.url)
    .resolve('@mozilla/readability')
    .replace(/index\.js$/, ''),
  'Readability.js',
);

/** Collects the page's long tasks from the first byte on (main world: the bench's own probe). */
const LONG_TASK_PROBE = `
  window.__retoldBenchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__retoldBenchLongTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

const longestTask = (page: Page) =>
  page.evaluate(() =>
    Math.max(0, ...((window as unknown as { __retoldBenchLongTasks: number[] }).__retoldBenchLongTasks ?? [])),
  );

/** A plain Readability parse of the page, as a reader-mode extension does it: on a clone of the document. */
async function readabilityParse(page: Page): Promise<number> {
  await page.addScriptTag({ content: `${readFileSync(READABILITY, 'utf8')}\nwindow.__Readability = Readability;` });
  return page.evaluate(() => {
    const R = (window as unknown as { __Readability: new (doc: Document) => { parse(): unknown } }).__Readability;
    const start = performance.now();
    new R(document.cloneNode(true) as Document).parse();
    return performance.now() - start;
  });
}

/** One run's timings as the content script put them on the page's timeline (`retold:…` measures). */
interface Timing {
  pipeline: number;
  background: number;
  /** The longest stretch of page-thread time of each kind. */
  slices: Record<string, number>;
  /** All page-thread time of each kind. */
  busy: Record<string, number>;
}

/**
 * The timings of the run that painted, read from the page's performance
 * timeline. Content scripts run in a world of their own, but in Chromium
 * they share the page's timeline, so the page sees their measures.
 */
async function pageTiming(page: Page): Promise<Timing | null> {
  const entries = await page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('retold:'))
      .map((e) => ({ name: e.name, duration: e.duration })),
  );
  const pipeline = entries.find((e) => e.name === 'retold:pipeline');
  if (!pipeline) return null;
  const timing: Timing = { pipeline: pipeline.duration, background: 0, slices: {}, busy: {} };
  for (const { name, duration } of entries) {
    if (name === 'retold:wait:background') timing.background = duration;
    const kind = name.match(/^retold:slice:(.+)$/)?.[1];
    if (!kind) continue;
    timing.slices[kind] = Math.max(timing.slices[kind] ?? 0, duration);
    timing.busy[kind] = (timing.busy[kind] ?? 0) + duration;
  }
  return timing;
}

/** Wait for the overlay, then until the content script has put the run's timings on the timeline. */
async function painted(page: Page): Promise<Timing> {
  // The shipped build's UI is closed to the page: the notes show as highlights, and the timings follow.
  await page.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 30_000 });
  for (let i = 0; ; i++) {
    const timing = await pageTiming(page);
    if (timing) return timing;
    if (i > 20) throw new Error(`${page.url()}: the content script put no timings on the page's timeline`);
    await page.waitForTimeout(100);
  }
}

export async function runBrowser(
  log: (line: string) => void = () => {},
  only: (path: string) => boolean = () => true,
): Promise<BrowserResult> {
  log('building the extension');
  const build = spawnSync('npx', ['wxt', 'build'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`wxt build failed:\n${build.stdout}${build.stderr}`);
  const script = readFileSync(join(CHROME_BUILD, 'content-scripts', 'content.js'));
  const site = await serveDemo(0);
  const measured = site.pages.filter((p) => p.kind !== 'unrelated' && only(p.path));
  const words = (p: DemoPage) =>
    p.html
      .replace(/<[^>]+>/g, ' ')
      .split(/\s+/)
      .filter(Boolean).length;
  const results = new Map<
    string,
    {
      runs: {
        pipeline: number;
        checkAndSnapshot: number;
        background: number;
        busy: number;
        kinds: Record<string, number>;
        readability: number;
        slice: number;
        slowest: string;
        task: number;
      }[];
      without: number[];
    }
  >();
  for (const p of measured) results.set(p.path, { runs: [], without: [] });

  const retold = await launchWithRetold({ headless: true, build: CHROME_BUILD });
  try {
    await retold.context.addInitScript({ content: LONG_TASK_PROBE });
    for (const p of measured) {
      log(`${p.path} with Retold`);
      for (let i = 0; i < LOADS; i++) {
        const page = await retold.context.newPage();
        await page.goto(`${site.url}${p.path}`);
        const timing = await painted(page);
        const task = await longestTask(page);
        const readability = await readabilityParse(page);
        const [slowest, slice] = Object.entries(timing.slices).reduce((a, b) => (b[1] > a[1] ? b : a));
        results.get(p.path)!.runs.push({
          pipeline: timing.pipeline,
          checkAndSnapshot: (timing.busy.check ?? 0) + (timing.busy.snapshot ?? 0),
          background: timing.background,
          busy: Object.values(timing.busy).reduce((a, b) => a + b, 0),
          kinds: timing.busy,
          readability,
          slice,
          slowest,
          task,
        });
        await page.close();
      }
    }
  } finally {
    await retold.close();
  }

  const plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
  try {
    const context = await plain.newContext({ viewport: { width: 1280, height: 860 } });
    await context.addInitScript({ content: LONG_TASK_PROBE });
    for (const p of measured) {
      log(`${p.path} without Retold`);
      for (let i = 0; i < LOADS; i++) {
        const page = await context.newPage();
        await page.goto(`${site.url}${p.path}`);
        await page.waitForLoadState('load');
        await page.waitForTimeout(300);
        results.get(p.path)!.without.push(await longestTask(page));
        await page.close();
      }
    }
  } finally {
    await plain.close();
    await site.close();
  }

  const pages: PageResult[] = measured.map((p) => {
    const { runs, without } = results.get(p.path)!;
    return {
      page: p.path.replace(/^\/\w+\//, '').replace(/\.html$/, ''),
      words: words(p),
      long: p.kind === 'long',
      pipeline: median(runs.map((r) => r.pipeline)),
      checkAndSnapshot: median(runs.map((r) => r.checkAndSnapshot)),
      readability: median(runs.map((r) => r.readability)),
      ratio: median(runs.map((r) => r.pipeline / r.readability)),
      busy: median(runs.map((r) => r.busy)),
      busyRatio: median(runs.map((r) => r.busy / r.readability)),
      breakdown: Object.fromEntries(
        [...new Set(runs.flatMap((r) => Object.keys(r.kinds)))].map((k) => [
          k,
          median(runs.map((r) => r.kinds[k] ?? 0)),
        ]),
      ),
      longestSlice: Math.max(...runs.map((r) => r.slice)),
      slowest: runs.reduce((a, b) => (b.slice > a.slice ? b : a)).slowest,
      background: median(runs.map((r) => r.background)),
      longTask: { with: Math.max(...runs.map((r) => r.task)), without: Math.max(...without) },
    };
  });
  return {
    loads: LOADS,
    pages,
    contentScript: { raw: script.length, gzip: gzipSync(script, { level: 9 }).length },
    longTasks: {
      with: pages.filter((p) => p.longTask.with > 0).length,
      without: pages.filter((p) => p.longTask.without > 0).length,
    },
  };
}
