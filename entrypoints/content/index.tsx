/**
 * The content script: Retold in the page.
 *
 *   page idle ─▶ is it an article? ─▶ article text (Readability, on a clone)
 *     ─▶ background: notes for the text ─▶ anchor each note in the live page
 *     ─▶ paint highlights (CSS Custom Highlight API) + overlay (shadow root)
 *
 * Afterwards the overlay follows the page: scrolling, resizing and fonts
 * loading move it; DOM changes re-anchor it after a debounce that backs off
 * while the page keeps changing without changing its article; a new URL
 * (single-page apps) starts it all again. The page's own nodes are never
 * changed; a `<retold-ui>` element after `<body>` and a `<style>` with the
 * `::highlight()` rules are all we add.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import '../../components/overlay.css';
import { Overlay } from '../../components/Overlay';
import { readerable } from '../../lib/page/shadow';
import { snapshotSteps } from '../../lib/page/snapshot';
import type { TextQuoteSelector } from '../../lib/page/anchor';
import { noteAt, type TextBox } from '../../lib/page/layout';
import {
  AnnotateResponseSchema,
  noteCount,
  TabRequestSchema,
  type PageNotes,
  type Request,
  type TabStatus,
} from '../../lib/extension/messages';
import { DEFAULTS, loadSettings, siteState, thresholdOf, type Settings } from '../../lib/extension/settings';
import { settingsArea, watchSettings } from '../../lib/extension/settings-area';
import {
  locateSteps,
  mapSteps,
  HOST_TAG,
  isOurHost,
  measure,
  paint,
  pageTheme,
  unpaint,
  viewport,
  type HighlightName,
} from './page';

/** Wait after the last DOM change before re-anchoring. */
const SETTLE_MS = 400;
/** While the page keeps changing without a new article, the wait doubles up to this. */
const MAX_SETTLE_MS = 15_000;
/** Full re-annotations (Readability + matching) one URL may cause; a ticker cannot keep us busy. */
const MAX_RUNS_PER_URL = 8;
/** Share of the page's text that must change before the article is read again. */
const TEXT_CHANGE_TO_RERUN = 0.05;
/** Longest stretch of work on the page's thread before the page gets it back (a long task is 50 ms). */
const SLICE_MS = 8;

/** Give the page its thread back: run again after whatever it has queued. */
function pageTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    void new Retold(ctx).start();
  },
});

/** Page-clock milliseconds of one run, for the tab status (see `npm run bench`). */
const newTiming = () => ({
  start: performance.now(),
  background: 0,
  /** The longest stretch of main-thread time of each kind. */
  slices: {} as Record<string, number>,
  /** All main-thread time of each kind. */
  busy: {} as Record<string, number>,
  painted: null as number | null,
});

interface State {
  notes: PageNotes;
  ranges: Map<string, Range>;
  boxes: Map<string, TextBox>;
  visible: boolean;
  openId: string | null;
  listOpen: boolean;
  theme: 'light' | 'dark';
}

class Retold {
  private state: State | null = null;
  private settings: Settings = DEFAULTS;
  /** Every note the background sent; `state.notes` holds those the settings let through. */
  private allNotes: PageNotes | null = null;
  private resume: number | undefined;
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private url = location.href;
  private runs = 0;
  private textLength = 0;
  private settle = SETTLE_MS;
  private timer: number | undefined;
  private frame: number | undefined;
  private generation = 0;
  private observer: MutationObserver | null = null;
  /** Counts calls to `show`: anchoring takes several slices, and only the latest call's result is drawn. */
  private shown = 0;
  /** Page-clock timings of the run in progress, reported in the tab status (see `npm run bench`). */
  private timing = newTiming();

  constructor(private readonly ctx: ContentScriptContext) {}

  /** Run `work` and count it as one stretch of main-thread time, by name. */
  private slice<T>(name: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.sliceEnded(name, start);
    }
  }

  private sliceEnded(name: string, start: number): void {
    const { slices, busy } = this.timing;
    const took = performance.now() - start;
    slices[name] = Math.max(slices[name] ?? 0, took);
    busy[name] = (busy[name] ?? 0) + took;
  }

  /**
   * Run `steps` in slices of about SLICE_MS, giving the page its thread back
   * between them. Null when a newer run or a new page made the work moot.
   */
  private async drive<T>(name: string, steps: Generator<void, T>, stillWanted: () => boolean): Promise<T | null> {
    for (;;) {
      const start = performance.now();
      let step = steps.next();
      while (!step.done && performance.now() - start < SLICE_MS) step = steps.next();
      this.sliceEnded(name, start);
      if (step.done) return step.value;
      await pageTurn();
      if (!stillWanted() || this.ctx.isInvalid) return null;
    }
  }

  async start(): Promise<void> {
    const { ctx } = this;
    const setupStart = performance.now();
    ctx.addEventListener(window, 'wxt:locationchange', () => this.navigated());
    ctx.addEventListener(window, 'resize', () => this.relayout(), { passive: true });
    // Capture: scrolling of any inner container moves the text too.
    ctx.addEventListener(document, 'scroll', () => this.relayout(), { passive: true, capture: true });
    ctx.addEventListener(document, 'click', (e) => this.clicked(e));
    ctx.addEventListener(window, 'keydown', (e) => this.keyed(e));
    if (document.fonts) ctx.addEventListener(document.fonts, 'loadingdone', () => this.relayout());
    ctx.onInvalidated(() => this.teardown());
    if (document.body) {
      const resize = new ResizeObserver(() => this.relayout());
      resize.observe(document.body);
      ctx.onInvalidated(() => resize.disconnect());
    }
    this.observe();
    this.sliceEnded('setup', setupStart);
    this.settings = (await loadSettings(settingsArea())).settings;
    ctx.onInvalidated(watchSettings(() => void this.settingsChanged()));
    browser.runtime.onMessage.addListener(this.answer);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(this.answer));
    this.schedulePauseEnd();
    await this.run();
  }

  /** The popup asks how this tab is doing, or to show or hide its notes. */
  private answer = (message: unknown): Promise<TabStatus> | undefined => {
    const request = TabRequestSchema.safeParse(message);
    if (!request.success) return undefined;
    if (request.data.type === 'tab-toggle' && this.state) this.update({ visible: !this.state.visible, openId: null });
    return Promise.resolve({
      host: location.hostname,
      state: siteState(this.settings, location.hostname),
      remarks: this.state?.notes.remarks.length ?? 0,
      figures: this.state?.notes.figures.length ?? 0,
      // The toggle's effect is drawn on the next frame; report what it will be.
      visible: this.state?.visible ?? true,
      ...(this.timing.painted !== null && {
        timing: {
          pipeline: this.timing.painted - this.timing.start,
          extraction: (this.timing.busy.check ?? 0) + (this.timing.busy.snapshot ?? 0),
          background: this.timing.background,
          slices: this.timing.slices,
          busy: this.timing.busy,
        },
      }),
    });
  };

  /** Settings changed in the options page or the popup: apply them without a reload. */
  private async settingsChanged(): Promise<void> {
    const before = this.settings;
    this.settings = (await loadSettings(settingsArea())).settings;
    this.schedulePauseEnd();
    const host = location.hostname;
    if (
      siteState(before, host) !== siteState(this.settings, host) ||
      thresholdOf(before) !== thresholdOf(this.settings)
    ) {
      this.runs = 0;
      await this.run();
    } else if (this.allNotes) await this.show(this.allNotes);
  }

  /** A pause from the popup ends by itself. */
  private schedulePauseEnd(): void {
    if (this.resume !== undefined) clearTimeout(this.resume);
    const wait = this.settings.pausedUntil - Date.now();
    if (wait > 0)
      this.resume = this.ctx.setTimeout(() => void this.settingsChanged(), Math.min(wait + 50, 2 ** 31 - 1));
  }

  /** Read the article and ask for notes; show them, or show nothing. */
  private async run(): Promise<void> {
    const generation = ++this.generation;
    this.runs++;
    if (this.runs > 1) this.timing = newTiming();
    const article = this.slice('check', () => {
      this.textLength = document.body?.textContent?.length ?? 0;
      return (
        siteState(this.settings, location.hostname) === 'on' &&
        /^https?:$/.test(location.protocol) &&
        !!document.body &&
        readerable(document)
      );
    });
    if (!article) return this.show(null);
    // The article is read in the background, from a snapshot of the page taken a slice at a time.
    const current = () => generation === this.generation;
    const snapshot = await this.drive('snapshot', snapshotSteps(document, isOurHost), current);
    if (!snapshot) return;
    const asked = performance.now();
    const response = await this.ask({
      type: 'annotate',
      url: location.href,
      snapshot,
      threshold: thresholdOf(this.settings),
    });
    this.timing.background = performance.now() - asked;
    if (!current() || this.ctx.isInvalid) return;
    const parsed = AnnotateResponseSchema.safeParse(response);
    if (!parsed.success) return console.warn('Retold: unexpected answer from the background', parsed.error.message);
    if (!parsed.data.ok) return console.warn('Retold:', parsed.data.error);
    const { notes } = parsed.data;
    await this.show(noteCount(notes) > 0 ? notes : null);
  }

  private async ask(request: Request): Promise<unknown> {
    try {
      // Sending copies the message on this thread: that too is page time.
      const start = performance.now();
      const answer = browser.runtime.sendMessage(request);
      this.sliceEnded('send', start);
      return await answer;
    } catch {
      // The worker may be starting up again (Manifest V3 stops idle workers): one more try.
      await new Promise((r) => setTimeout(r, 250));
      return browser.runtime.sendMessage(request);
    }
  }

  /** Show `all` (as the settings filter it), anchored in the page a slice at a time; or show nothing. */
  private async show(all: PageNotes | null): Promise<void> {
    const shown = ++this.shown;
    this.allNotes = all;
    const notes = all && {
      ...all,
      remarks: this.settings.showRemarks ? all.remarks : [],
      figures: this.settings.showFigures ? all.figures : [],
    };
    if (!notes || noteCount(notes) === 0) {
      if (this.state) void this.ask({ type: 'clear' }).catch(() => undefined);
      this.teardown();
      this.allNotes = all;
      return;
    }
    const selectors = new Map<string, TextQuoteSelector>();
    for (const n of [...notes.remarks, ...notes.figures]) selectors.set(n.id, n.selector);
    const stillShown = () => shown === this.shown;
    const mapped = await this.drive('map', mapSteps(document.body), stillShown);
    const ranges = mapped && (await this.drive('anchor', locateSteps(mapped, selectors), stillShown));
    if (!ranges) return;
    const previous = this.state;
    this.state = {
      notes,
      ranges,
      boxes: new Map(),
      visible: previous?.visible ?? true,
      openId: previous?.openId && ranges.has(previous.openId) ? previous.openId : null,
      listOpen: previous?.listOpen ?? false,
      theme: pageTheme(),
    };
    this.relayout();
  }

  /** Measure and draw on the next frame; many triggers in one frame draw once. */
  private relayout(): void {
    if (!this.state || this.frame !== undefined) return;
    this.frame = this.ctx.requestAnimationFrame(() => {
      this.frame = undefined;
      void this.draw();
    });
  }

  private async draw(): Promise<void> {
    const state = this.state;
    if (!state) return;
    const start = performance.now();
    state.boxes = measure(state.ranges);
    const groups: Partial<Record<HighlightName, Range[]>> = {};
    if (state.visible) {
      const add = (name: HighlightName, id: string) => {
        const r = state.ranges.get(id);
        if (r) (groups[name] ??= []).push(r);
      };
      for (const r of state.notes.remarks) add('retold-remark', r.id);
      for (const f of state.notes.figures) add(f.differs ? 'retold-figure-differs' : 'retold-figure', f.id);
      if (state.openId) add('retold-active', state.openId);
    }
    paint(groups, state.theme, this.settings);
    this.sliceEnded('paint', start);
    let renderStart = performance.now();
    if (!this.ui) {
      this.ui = await this.createUi();
      if (this.state !== state) return this.ui.remove();
      renderStart = performance.now();
      this.ui.mount();
    }
    render(
      <Overlay
        notes={state.notes}
        boxes={state.boxes}
        viewport={viewport()}
        visible={state.visible}
        openId={state.openId}
        listOpen={state.listOpen}
        theme={state.theme}
        onOpen={(id) => this.update({ openId: id })}
        onListOpen={(open) => this.update({ listOpen: open })}
        onToggleVisible={() => this.update({ visible: !state.visible, openId: null })}
        onReveal={(id) => this.reveal(id)}
      />,
      this.ui.uiContainer,
    );
    this.sliceEnded('render', renderStart);
    this.timing.painted ??= performance.now();
  }

  /**
   * The shadow-root host for our UI, after `<body>`. A page that took the
   * name `retold-ui` for an element of its own (with a shadow root of its
   * own) gets ours under a name of our own.
   */
  private async createUi(): Promise<ShadowRootContentScriptUi<void>> {
    const options = {
      position: 'inline' as const,
      anchor: document.documentElement,
      append: 'last' as const,
      onMount: () => undefined,
    };
    let ui: ShadowRootContentScriptUi<void>;
    try {
      ui = await createShadowRootUi(this.ctx, { ...options, name: HOST_TAG });
    } catch {
      ui = await createShadowRootUi(this.ctx, {
        ...options,
        name: `${HOST_TAG}-${Math.random().toString(36).slice(2, 8)}`,
      });
    }
    // One attribute finds our host whatever its name.
    ui.shadowHost.setAttribute('data-retold-ui', '');
    return ui;
  }

  private update(change: Partial<State>): void {
    if (!this.state) return;
    Object.assign(this.state, change);
    this.relayout();
  }

  private reveal(id: string): void {
    const range = this.state?.ranges.get(id);
    if (!range) return;
    const el = range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.update({ openId: id, listOpen: false, visible: true });
  }

  private clicked(e: MouseEvent): void {
    if (!this.state || !this.state.visible) return;
    // Clicks inside our UI reach the document retargeted to the host.
    if (e.target instanceof Element && isOurHost(e.target)) return;
    const id = noteAt(this.state.boxes, e.pageX, e.pageY);
    if (id) this.update({ openId: id });
    else if (this.state.openId || this.state.listOpen) this.update({ openId: null, listOpen: false });
  }

  /** Alt+Shift+R shows or hides every highlight and marker; Escape closes what is open. */
  private keyed(e: KeyboardEvent): void {
    if (this.state && e.key === 'Escape' && (this.state.openId || this.state.listOpen)) {
      this.update({ openId: null, listOpen: false });
      return;
    }
    if (!this.state || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.code !== 'KeyR') return;
    e.preventDefault();
    this.update({ visible: !this.state.visible, openId: null });
  }

  /**
   * Watch the page for late-loaded or replaced text. Each batch of changes
   * re-anchors after a pause; a page whose text grew or shrank noticeably is
   * read again, a bounded number of times.
   */
  private observe(): void {
    if (!document.body) return;
    this.observer = new MutationObserver(() => {
      // A throttle, not a debounce: a page that never stops changing (a live ticker) is still looked at.
      if (this.timer !== undefined) return;
      this.timer = this.ctx.setTimeout(() => {
        this.timer = undefined;
        this.changed();
      }, this.settle);
    });
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    this.ctx.onInvalidated(() => this.observer?.disconnect());
  }

  private changed(): void {
    const length = document.body?.textContent?.length ?? 0;
    const grew = Math.abs(length - this.textLength) / Math.max(1, this.textLength) >= TEXT_CHANGE_TO_RERUN;
    if (grew && this.runs < MAX_RUNS_PER_URL) {
      this.settle = SETTLE_MS;
      void this.run();
      return;
    }
    this.settle = Math.min(MAX_SETTLE_MS, this.settle * 2);
    if (this.allNotes) void this.show(this.allNotes);
    if (this.runs >= MAX_RUNS_PER_URL && !this.state) this.observer?.disconnect();
  }

  private navigated(): void {
    if (location.href === this.url) return;
    this.url = location.href;
    this.runs = 0;
    this.settle = SETTLE_MS;
    this.generation++;
    if (this.state) void this.ask({ type: 'clear' }).catch(() => undefined);
    this.teardown();
    if (!this.observer) this.observe();
    else this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    // Single-page apps render the new article after the URL changes; the observer catches it, and
    // this first try catches apps that render before.
    this.ctx.setTimeout(() => void this.run(), SETTLE_MS);
  }

  private teardown(): void {
    this.shown++; // an anchoring still under way is for notes no longer wanted
    this.state = null;
    this.allNotes = null;
    unpaint();
    if (this.ui) {
      render(null, this.ui.uiContainer);
      this.ui.remove();
      this.ui = null;
    }
  }
}
