// @vitest-environment happy-dom
/**
 * The pure parts of Retold's defences against hostile pages: the run budget,
 * the queue tabs take turns in, the page address sent in messages, the cap on
 * an article's characters, the guard on WXT's stop event, and the article
 * check and text keying that must run in slices on pages of any size.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { refuseForgedStops } from '../lib/extension/context-guard';
import { FairQueue } from '../lib/extension/fair-queue';
import { AnnotateRequestSchema, pageAddress, TabViewSchema } from '../lib/extension/messages';
import { FULL_RUNS_PER_MINUTE, RunBudget } from '../lib/extension/run-budget';
import { TextMap } from '../lib/page/anchor';
import { clipArticle, MAX_READ_CHARS } from '../lib/page/article';
import { checkSteps } from '../lib/page/shadow';
import { MAX_SNAPSHOT_CHARS, snapshotOf } from '../lib/page/snapshot';
import { demoPages } from '../scripts/demo/site';

describe('the run budget', () => {
  it(`lets ${FULL_RUNS_PER_MINUTE} runs start in a minute, then says how long the next must wait`, () => {
    let now = 0;
    const budget = new RunBudget(FULL_RUNS_PER_MINUTE, 60_000, () => now);
    for (let i = 0; i < FULL_RUNS_PER_MINUTE; i++) {
      expect(budget.wait()).toBe(0);
      budget.take();
      now += 500;
    }
    expect(budget.wait()).toBe(60_000 - FULL_RUNS_PER_MINUTE * 500);
    now = 60_000;
    expect(budget.wait()).toBe(0);
  });
});

describe('the fair queue', () => {
  it('lets tabs take turns, one job of each at a time, a newer job of a tab taking its place', async () => {
    const queue = new FairQueue();
    const order: string[] = [];
    const job = (name: string) => () => {
      order.push(name);
      return name;
    };
    const results = await Promise.all([
      queue.run(1, job('a1')),
      queue.run(1, job('a2')), // replaces a1, which never runs (a1 may already run: it is first in line)
      queue.run(2, job('b1')),
      queue.run(3, job('c1')),
    ]);
    expect(order.slice(-3)).toEqual(['a2', 'b1', 'c1']);
    expect(results.slice(1)).toEqual(['a2', 'b1', 'c1']);
  });

  it('serves a tab that arrives while another tab keeps sending, in its turn', async () => {
    const queue = new FairQueue();
    const order: number[] = [];
    const busy = (tab: number) => () => {
      order.push(tab);
      // The busy tab asks again as soon as it is served.
      if (tab === 1 && order.filter((t) => t === 1).length < 4) void queue.run(1, busy(1));
    };
    await Promise.all([queue.run(1, busy(1)), queue.run(2, busy(2))]);
    await new Promise((r) => setTimeout(r, 50));
    // Tab 2 waited for at most one more of tab 1's jobs (the one tab 1 asked for before tab 2 arrived).
    expect(order.indexOf(2)).toBeLessThanOrEqual(2);
    expect(order.filter((t) => t === 1)).toHaveLength(4);
  });
});

describe('page addresses', () => {
  it('keep scheme, host and path only', () => {
    expect(pageAddress('https://user:pw@example.com:8080/a/b?session=1#token')).toBe('https://example.com:8080/a/b');
    expect(pageAddress('not a url')).toBe('');
  });

  it('are checked in every message that carries one', () => {
    const snapshot = { nodes: [[-1, 'html', []]] };
    expect(AnnotateRequestSchema.safeParse({ url: 'https://a.test/x?s=1', snapshot }).success).toBe(false);
    expect(AnnotateRequestSchema.safeParse({ url: 'https://a.test/x#t', snapshot }).success).toBe(false);
    expect(AnnotateRequestSchema.safeParse({ url: 'https://a.test/x', snapshot }).success).toBe(true);
    expect(TabViewSchema.shape.url.safeParse('https://a.test/x?s=1').success).toBe(false);
  });
});

describe('the characters of an article that are read', () => {
  it(`are all of a short one, and the first ${MAX_READ_CHARS.toLocaleString('en')} of a long one, cut at a space`, () => {
    expect(clipArticle('short text')).toEqual({ text: 'short text', clipped: false });
    const long = 'word '.repeat(MAX_READ_CHARS);
    const { text, clipped } = clipArticle(long);
    expect(clipped).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_READ_CHARS);
    expect(text.endsWith('word')).toBe(true);
  });
});

describe("WXT's stop event", () => {
  const name = 'extension-id:content:wxt:content-script-started';
  const dispatch = () => {
    let reached = false;
    const listener = () => (reached = true);
    document.addEventListener(name, listener);
    document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'x' } }));
    document.body.dispatchEvent(new CustomEvent(name, { bubbles: true }));
    document.removeEventListener(name, listener);
    return reached;
  };

  it('never reaches WXT while the extension is still there', () => {
    const controller = new AbortController();
    refuseForgedStops(window, name, () => true, controller.signal);
    expect(dispatch()).toBe(false);
    controller.abort();
  });

  it('reaches it once the extension went away (it was reloaded: a newer script replaces this one)', () => {
    const controller = new AbortController();
    refuseForgedStops(window, name, () => false, controller.signal);
    expect(dispatch()).toBe(true);
    controller.abort();
  });
});

describe('the article check', () => {
  it('agrees with Readability’s on every demo page', () => {
    for (const page of demoPages()) {
      const { document } = parseHTML(page.html);
      let result = false;
      const steps = checkSteps(document as unknown as Document);
      for (let s = steps.next(); ; s = steps.next())
        if (s.done) {
          result = s.value.readerable;
          break;
        }
      expect(result, page.path).toBe(isProbablyReaderable(document as unknown as Document));
    }
  });

  it('reads at most `every` nodes between yields, on a page of 20,000 elements, and reads a web component’s article', () => {
    const host = document.createElement('news-story');
    document.body.replaceChildren(host);
    const root = host.attachShadow({ mode: 'open' });
    const article = document.createElement('article');
    for (let i = 0; i < 20_000; i++) article.append(document.createElement('span'));
    const p = document.createElement('p');
    p.textContent = 'A sentence of an article, long enough to count. '.repeat(20);
    article.append(p);
    root.append(article);
    const every = 200;
    let longest = 0;
    let steps = 0;
    const walk = checkSteps(document, () => false, every);
    let step = walk.next();
    while (!step.done) {
      steps++;
      step = walk.next();
    }
    longest = (20_000 + 1) / Math.max(1, steps);
    expect(step.value.readerable).toBe(true);
    expect(steps).toBeGreaterThan(20_000 / every - 1);
    expect(longest).toBeLessThanOrEqual(every);
  });
});

describe('giant text', () => {
  it('keys one 10 MB text node a piece at a time', () => {
    const text = 'Figures: 36,500 killed. '.repeat(440_000);
    let steps = 0;
    const walk = TextMap.steps([text]);
    let step = walk.next();
    while (!step.done) {
      steps++;
      step = walk.next();
    }
    expect(steps).toBeGreaterThan(text.length / 25_000);
    expect(step.value.locate({ exact: '36,500 killed', prefix: '', suffix: '', position: 0.5 })).not.toBeNull();
  });

  it(`snapshots at most ${MAX_SNAPSHOT_CHARS.toLocaleString('en')} characters of text`, () => {
    const { document } = parseHTML(`<html><body><p>${'x'.repeat(MAX_SNAPSHOT_CHARS + 5_000)}</p></body></html>`);
    const snapshot = snapshotOf(document as unknown as Document);
    const chars = snapshot.nodes.reduce((n, node) => n + (node.length === 2 ? node[1].length : 0), 0);
    expect(chars).toBe(MAX_SNAPSHOT_CHARS);
  });
});
