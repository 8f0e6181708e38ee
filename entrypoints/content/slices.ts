/**
 * Work on the page's thread, in slices short enough that the page never
 * waits on us for long, and the timings of each run. A run's timings go on
 * the page's performance timeline (`performance.measure`, named `retold:…`)
 * once it has painted notes, replacing the last run's, so `npm run bench`
 * can read them from the page; a page that gets no notes gets no entries.
 *
 *   retold:slice:<kind>     one stretch of page-thread time (setup, check, snapshot, send, map, anchor, paint, render)
 *   retold:wait:background  from sending the article to the background's view of it arriving
 *   retold:pipeline         from the run's start (the page settled, for the first) to notes painted
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Longest stretch of work on the page's thread before the page gets it back (a long task is 50 ms). */
const SLICE_MS = 8;
/**
 * Longest wait for an idle moment once the page has loaded: a page that is
 * never idle (animations, a ticker) still gets its notes, a little later.
 */
const IDLE_TIMEOUT_MS = 2000;
const PREFIX = 'retold:';

interface Span {
  name: string;
  start: number;
  end: number;
}

/** The run whose timings are being kept; null once it has painted (later work is not part of it). */
let spans: Span[] | null = [];
let runStart = performance.now();
/** When the run sent the article to the background; null once its view arrived. */
let sentAt: number | null = null;
/** Names this script has put on the timeline, to take them off again. */
const published = new Set<string>();

/** A run starts: timings from now on are its own. */
export function startRun(): void {
  spans = [];
  runStart = performance.now();
  sentAt = null;
}

function record(name: string, start: number, end = performance.now()): void {
  spans?.push({ name: PREFIX + name, start, end });
}

/** Count `start` until now as one stretch of page-thread time of this kind. */
export const sliceEnded = (kind: string, start: number) => record(`slice:${kind}`, start);

/** The run sends the article to the background now. */
export function sending(): void {
  sentAt = performance.now();
}

/** A view came from the background: the run's wait for it, if it was waiting, is over. */
export function viewArrived(): void {
  if (sentAt === null) return;
  record('wait:background', sentAt);
  sentAt = null;
}

/** Run `work` as one stretch of page-thread time of this kind. */
export function slice<T>(kind: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    sliceEnded(kind, start);
  }
}

/** The run's notes are on screen: put its timings on the timeline, in place of the last run's. */
export function painted(): void {
  if (!spans) return;
  record('pipeline', runStart);
  for (const name of published) performance.clearMeasures(name);
  for (const { name, start, end } of spans) {
    performance.measure(name, { start, end });
    published.add(name);
  }
  spans = null;
}

/**
 * Resolves once the page has fired its \`load\` event and then gone idle (or
 * IDLE_TIMEOUT_MS after \`load\`): nothing of ours runs before, so Retold never
 * delays the page's own loading. Never resolves once \`ctx\` is invalidated.
 */
export function pageSettled(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => ctx.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    if (document.readyState === 'complete') idle();
    else ctx.addEventListener(window, 'load', idle, { once: true });
  });
}

/**
 * Give the page its thread back: run again after whatever it has queued.
 * \`scheduler.yield()\` resumes ahead of the page's other tasks, so it is
 * used only once the page has loaded; before, a plain task queues behind them.
 */
export function pageTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield && document.readyState === 'complete') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Run `steps` in slices of about SLICE_MS, giving the page its thread back
 * between them. Null when `signal` aborted the work meanwhile.
 */
export async function drive<T>(kind: string, steps: Generator<void, T>, signal: AbortSignal): Promise<T | null> {
  for (;;) {
    if (signal.aborted) return null;
    const start = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - start < SLICE_MS) step = steps.next();
    sliceEnded(kind, start);
    if (step.done) return step.value;
    await pageTurn();
  }
}
