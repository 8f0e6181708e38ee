/**
 * Retold in the browser, measured from outside the extension: the built
 * extension in Chromium against the same Chromium without it, on the demo
 * pages and the 50,000-word long read, loads alternating with and without
 * (the order flipping every pair) so that the machine's noise falls on both.
 *
 * Per load: the page's own timeline from navigation start (DOMContentLoaded,
 * the end of the load event, notes painted); the renderer's main-thread task
 * time from CDP (`Performance.getMetrics` TaskDuration) over the same window
 * with and without, so Retold's cost is the difference and not its own
 * account of itself; long tasks after the page's load event. The baseline is
 * a plain Readability parse of the same page, the median of several parses.
 *
 * Then the background's side: the first page after the browser stops the
 * worker (cold) against a page with the worker running (warm), on an article
 * in the corpus and one not in it, for the built extension as it is and for
 * one built with a large corpus; and the memory of the extension's process.
 * Browsers and servers are closed in `finally`, whatever fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance as clock } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM, QUIET_FLAGS, launchWithRetold, type Launched } from '../browser';
import { serveDemo, type DemoPage } from '../demo/site';
import { CORPUS_FILE } from '../../lib/extension/corpus-file';
import { summary, type Summary } from './stats';

/** Loads of each page with Retold, and as many without; each figure is a summary over them. */
export const LOADS = 7;
/** Readability parses per load; their median is the load's baseline. */
const PARSES = 5;
/** After the notes are painted, time for the work they cause (layout, paint) to be counted too. */
const SETTLE_MS = 500;

export interface PageResult {
  page: string;
  words: number;
  long: boolean;
  /** From navigation start, with Retold and without. */
  domContentLoaded: { with: Summary; without: Summary };
  loadEventEnd: { with: Summary; without: Summary };
  /** Median load-event end with minus without. */
  loadDelay: number;
  /** Notes painted, from navigation start and from DOMContentLoaded. */
  painted: Summary;
  paintedAfterDcl: Summary;
  /** Renderer main-thread task time over the same window (CDP TaskDuration), with and without, and each pair's difference. */
  taskTime: { with: Summary; without: Summary; retold: Summary };
  /** One Readability parse of the page (median of PARSES per load). */
  readability: Summary;
  /** Median of Retold's main-thread time ÷ the median Readability parse. */
  ratio: number;
  /** Loads with a long task (≥ 50 ms) after the page's load event, with Retold and without, and the longest. */
  longTasks: { with: number; without: number; longestWith: number; longestWithout: number };
  /** Retold's own account: the longest stretch it held the page's thread. */
  longestSlice: number;
}

export interface ColdWarm {
  corpus: string;
  articles: number;
  /** Article in the corpus, or not: navigation start to notes painted, and the wait for the background. */
  pages: {
    page: string;
    inCorpus: boolean;
    cold: { painted: Summary; background: Summary };
    warm: { painted: Summary; background: Summary };
  }[];
  /** Bytes of background.js and of the packed corpus in the build, and the build's seconds. */
  build: { backgroundBytes: number; corpusBytes: number; seconds: number };
  /** The extension's process after the warm loads (PSS and RSS, MB). */
  memory: { pss: number; rss: number } | null;
}

export interface BrowserResult {
  loads: number;
  pages: PageResult[];
  contentScript: { raw: number; gzip: number };
  coldWarm: ColdWarm[];
}

const READABILITY = join(
  createRequire(import.meta.url)
    .resolve('@mozilla/readability')
    .replace(/index\.js$/, ''),
  'Readability.js',
);

/** Collects the page's long tasks with their start times (main world: the bench's own probe). */
const LONG_TASK_PROBE = `
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

/** Build the extension, with the corpus in `corpus` when given; seconds it took. */
export function buildExtension(corpus?: string): number {
  const start = clock.now();
  const build = spawnSync('npx', ['wxt', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, RETOLD_CORPUS: corpus ?? '' },
  });
  if (build.status !== 0) throw new Error(`wxt build failed:\n${build.stdout}${build.stderr}`);
  return (clock.now() - start) / 1000;
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

interface Load {
  dcl: number;
  load: number;
  /** Navigation start → notes painted (with Retold only). */
  painted: number;
  background: number;
  slice: number;
  /** Main-thread task ms over the window. */
  task: number;
  /** Longest long task after the load event, 0 when none. */
  longTask: number;
  /** When the window ended, from navigation start. */
  end: number;
}

/** The page's timings from its own timeline: navigation entry, Retold's measures, long tasks. */
const timeline = (page: Page) =>
  page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const measures = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('retold:'));
    const pipeline = measures.find((e) => e.name === 'retold:pipeline');
    const tasks = (window as unknown as { __benchLongTasks?: [number, number][] }).__benchLongTasks ?? [];
    return {
      dcl: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      painted: pipeline ? pipeline.startTime + pipeline.duration : NaN,
      background: measures.find((e) => e.name === 'retold:wait:background')?.duration ?? NaN,
      slice: Math.max(0, ...measures.filter((e) => e.name.startsWith('retold:slice:')).map((e) => e.duration)),
      longTask: Math.max(0, ...tasks.filter(([start]) => start >= nav.loadEventEnd).map(([, d]) => d)),
      now: performance.now(),
    };
  });

/**
 * One load of `url` in a fresh tab. With Retold, the window ends SETTLE_MS
 * after the notes are painted; without, at `until` ms from navigation start
 * (the paired load's end), so both count the same stretch of the page's life.
 */
async function load(context: BrowserContext, url: string, retold: boolean, until: number): Promise<Load> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await taskSeconds(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (retold) {
      // The shipped build's UI is closed to the page: the notes show as highlights.
      await page.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 60_000 });
      await page.waitForFunction(() => performance.getEntriesByName('retold:pipeline').length > 0, null, {
        timeout: 10_000,
      });
      await page.waitForTimeout(SETTLE_MS);
    } else {
      const now = await page.evaluate(() => performance.now());
      await page.waitForTimeout(Math.max(SETTLE_MS, until - now));
    }
    const after = await taskSeconds(cdp);
    const t = await timeline(page);
    // A renderer swapped at navigation starts counting again.
    const task = (after >= before ? after - before : after) * 1000;
    return { ...t, task, end: t.now };
  } finally {
    await page.close();
  }
}

/** Median of PARSES plain Readability parses of the page, each on a clone of the document. */
async function readabilityParse(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ content: `${readFileSync(READABILITY, 'utf8')}\nwindow.__Readability = Readability;` });
    const times = await page.evaluate((parses) => {
      const R = (window as unknown as { __Readability: new (doc: Document) => { parse(): unknown } }).__Readability;
      const out: number[] = [];
      for (let i = 0; i < parses; i++) {
        const start = performance.now();
        new R(document.cloneNode(true) as Document).parse();
        out.push(performance.now() - start);
      }
      return out;
    }, PARSES);
    return summary(times).median;
  } finally {
    await page.close();
  }
}

const words = (p: DemoPage) =>
  p.html
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
const name = (path: string) => path.replace(/^\/\w+\//, '').replace(/\.html$/, '');

/** Pages with and without Retold, alternating. */
async function pageLoads(
  retold: Launched,
  plain: BrowserContext,
  site: { url: string },
  pages: DemoPage[],
  loads: number,
  log: (line: string) => void,
): Promise<PageResult[]> {
  const out: PageResult[] = [];
  for (const p of pages) {
    log(`${p.path}: ${loads} loads with Retold and ${loads} without, alternating`);
    const url = site.url + p.path;
    const withRuns: Load[] = [];
    const withoutRuns: Load[] = [];
    const parses: number[] = [];
    let until = 0;
    for (let i = 0; i < loads; i++) {
      // Flip the order every pair; a without-load first waits as long as the last with-load did.
      if (i % 2 === 0) {
        const w = await load(retold.context, url, true, 0);
        withRuns.push(w);
        until = w.end;
        withoutRuns.push(await load(plain, url, false, until));
      } else {
        withoutRuns.push(await load(plain, url, false, until));
        const w = await load(retold.context, url, true, 0);
        withRuns.push(w);
        until = w.end;
      }
      parses.push(await readabilityParse(plain, url));
    }
    const diff = withRuns.map((w, i) => w.task - withoutRuns[i]!.task);
    const readability = summary(parses);
    const retoldTask = summary(diff);
    const loadWith = summary(withRuns.map((r) => r.load));
    const loadWithout = summary(withoutRuns.map((r) => r.load));
    out.push({
      page: name(p.path),
      words: words(p),
      long: p.kind === 'long',
      domContentLoaded: { with: summary(withRuns.map((r) => r.dcl)), without: summary(withoutRuns.map((r) => r.dcl)) },
      loadEventEnd: { with: loadWith, without: loadWithout },
      loadDelay: loadWith.median - loadWithout.median,
      painted: summary(withRuns.map((r) => r.painted)),
      paintedAfterDcl: summary(withRuns.map((r) => r.painted - r.dcl)),
      taskTime: {
        with: summary(withRuns.map((r) => r.task)),
        without: summary(withoutRuns.map((r) => r.task)),
        retold: retoldTask,
      },
      readability,
      ratio: retoldTask.median / readability.median,
      longTasks: {
        with: withRuns.filter((r) => r.longTask > 0).length,
        without: withoutRuns.filter((r) => r.longTask > 0).length,
        longestWith: Math.max(...withRuns.map((r) => r.longTask)),
        longestWithout: Math.max(...withoutRuns.map((r) => r.longTask)),
      },
      longestSlice: Math.max(...withRuns.map((r) => r.slice)),
    });
  }
  return out;
}

/** The processes descending from the browser whose command line names `profile`. */
function processTree(profile: string): { pid: number; cmdline: string }[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const cmdline = readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return [{ pid: Number(d), ppid, cmdline }];
      } catch {
        return []; // gone meanwhile
      }
    });
  const root = all.find((p) => p.cmdline.includes(profile) && !p.cmdline.includes('--type='));
  if (!root) return [];
  const tree = new Set([root.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
  }
  return all.filter((p) => tree.has(p.pid));
}

/** PSS and RSS (MB) of the browser's extension process (the worker and the offscreen document live there). */
function extensionMemory(profile: string): { pss: number; rss: number } | null {
  const ext = processTree(profile).filter((p) => p.cmdline.includes('--extension-process'));
  if (ext.length === 0) return null;
  let pss = 0;
  let rss = 0;
  for (const { pid } of ext) {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (field: string) => Number(rollup.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
    pss += kb('Pss') / 1024;
    rss += kb('Rss') / 1024;
  }
  return { pss, rss };
}

/** Stop every service worker (the extension's included), as the browser does to an idle one. */
async function stopWorkers(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(300);
  } finally {
    await page.close();
  }
}

/** First page after a worker restart against pages with the worker running, alternating. */
async function coldWarm(
  label: string,
  articles: number,
  build: ColdWarm['build'],
  site: { url: string },
  pages: DemoPage[],
  loads: number,
  log: (line: string) => void,
): Promise<ColdWarm> {
  const retold = await launchWithRetold({ headless: true });
  try {
    const results: ColdWarm['pages'] = [];
    for (const p of pages) {
      log(`${label}: ${p.path}, ${loads} cold and ${loads} warm`);
      const url = site.url + p.path;
      const cold: Load[] = [];
      const warm: Load[] = [];
      // A first load, so that "warm" means the worker has the corpus.
      await load(retold.context, url, true, 0);
      for (let i = 0; i < loads; i++) {
        await stopWorkers(retold.context);
        cold.push(await load(retold.context, url, true, 0));
        warm.push(await load(retold.context, url, true, 0));
      }
      const of = (runs: Load[]) => ({
        painted: summary(runs.map((r) => r.painted)),
        background: summary(runs.map((r) => r.background)),
      });
      results.push({ page: name(p.path), inCorpus: p.kind === 'seed', cold: of(cold), warm: of(warm) });
    }
    return { corpus: label, articles, pages: results, build, memory: extensionMemory(retold.profile) };
  } finally {
    await retold.close();
  }
}

const builtSizes = () => ({
  backgroundBytes: statSync(join(CHROME_BUILD, 'background.js')).size,
  corpusBytes: statSync(join(CHROME_BUILD, CORPUS_FILE)).size,
});

/**
 * Everything above. `large` is a corpus file to build the extension with for
 * the cold and warm loads at scale (the build is restored afterwards).
 */
export async function runBrowser(
  log: (line: string) => void = () => {},
  only: (path: string) => boolean = () => true,
  large: { file: string; articles: number } | null = null,
  loads = LOADS,
): Promise<BrowserResult> {
  log('building the extension');
  const seconds = buildExtension();
  const script = readFileSync(join(CHROME_BUILD, 'content-scripts', 'content.js'));
  const seedBuild = { ...builtSizes(), seconds };
  const site = await serveDemo(0);
  try {
    const measured = site.pages.filter((p) => p.kind !== 'unrelated' && only(p.path));
    const retold = await launchWithRetold({ headless: true });
    let pages: PageResult[];
    try {
      await retold.context.addInitScript({ content: LONG_TASK_PROBE });
      // The same browser, launched the same way (a profile of its own, the same flags), without the extension.
      const profile = mkdtempSync(join(tmpdir(), 'retold-bench-plain-'));
      try {
        const plain = await chromium.launchPersistentContext(profile, {
          executablePath: CHROMIUM,
          headless: true,
          viewport: { width: 1280, height: 860 },
          ignoreDefaultArgs: ['--disable-extensions'],
          args: QUIET_FLAGS,
        });
        try {
          await plain.addInitScript({ content: LONG_TASK_PROBE });
          pages = await pageLoads(retold, plain, site, measured, loads, log);
        } finally {
          await plain.close();
        }
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    } finally {
      await retold.close();
    }

    const coldWarmPages = [site.pages.find((p) => p.kind === 'seed')!, site.pages.find((p) => p.kind === 'retelling')!];
    const runs: ColdWarm[] = [await coldWarm('5 (seeds)', 5, seedBuild, site, coldWarmPages, loads, log)];
    if (large) {
      log(`building the extension with the ${large.articles}-article corpus`);
      try {
        const seconds = buildExtension(large.file);
        const build = { ...builtSizes(), seconds };
        runs.push(await coldWarm(String(large.articles), large.articles, build, site, coldWarmPages, loads, log));
      } finally {
        buildExtension();
      }
    }
    return {
      loads,
      pages,
      contentScript: { raw: script.length, gzip: gzipSync(script, { level: 9 }).length },
      coldWarm: runs,
    };
  } finally {
    await site.close();
  }
}
