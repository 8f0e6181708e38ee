/**
 * When and how the page's article is read and sent to the background. A run
 * checks that the page looks like an article, takes a snapshot of its DOM a
 * slice at a time, and sends it; the notes come back as a view (see guest).
 * Each run has its own AbortController, and a new run aborts the one before.
 *
 *   script start, settings change, pause end ─┐
 *   DOM change (debounced, backing off) ───────┼─▶ run: check ─▶ snapshot ─▶ annotate ─▶ (background)
 *   new address (single-page apps) ────────────┘
 *
 * DOM changes re-anchor the notes after a pause that doubles while the page
 * keeps changing without changing its article; a page whose text grew or
 * shrank noticeably is read again, a bounded number of times per address.
 * Whatever the page does, full runs keep to the tab's budget
 * (FULL_RUNS_PER_MINUTE, lib/extension/run-budget): a run over it waits,
 * and the notes on screen stay until its answer comes.
 *
 * Only the page's address without its query string and fragment is ever
 * sent (`pageAddress`): those are where sites keep session tokens.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { checkSteps, textLengthSteps } from '../../lib/page/shadow';
import { snapshotSteps } from '../../lib/page/snapshot';
import * as channels from '../../lib/extension/channels';
import { send, type Channel } from '../../lib/extension/channels';
import { pageAddress } from '../../lib/extension/messages';
import { RunBudget } from '../../lib/extension/run-budget';
import { DEFAULTS, loadSettings, siteState, thresholdOf, type Settings } from '../../lib/extension/settings';
import { settingsArea, watchSettings } from '../../lib/extension/settings-area';
import type { Guest } from './guest';
import { isOurHost } from './page';
import { drive, sending, slice, sliceEnded, startRun } from './slices';

/** Wait after the last DOM change before re-anchoring. */
const SETTLE_MS = 400;
/** While the page keeps changing without a new article, the wait doubles up to this. */
const MAX_SETTLE_MS = 15_000;
/** Full re-annotations (Readability + matching) one address may cause; a ticker cannot keep us busy. */
const MAX_RUNS_PER_URL = 8;
/** Share of the page's text that must change before the article is read again. */
const TEXT_CHANGE_TO_RERUN = 0.05;
/** Wait before asking a background worker again that did not answer (Manifest V3 stops idle workers). */
const RETRY_MS = 250;

export class Runner {
  private settings: Settings = DEFAULTS;
  /** The run under way; aborted by the next run, a new address, or the extension going away. */
  private current: AbortController | null = null;
  /** The address as the page shows it, to notice a new one (the query alone may name a new article). */
  private href = location.href;
  /** Runs for this address, against MAX_RUNS_PER_URL. */
  private runs = 0;
  /** Full runs of this page, against the tab's budget. */
  private readonly budget = new RunBudget();
  /** A run waiting for room in the budget. */
  private waiting: number | undefined;
  /** What the background was last told about this address, so a page with nothing says so once. */
  private reported: 'notes' | 'nothing' | null = null;
  private textLength = 0;
  private settle = SETTLE_MS;
  private timer: number | undefined;
  private resume: number | undefined;
  private observer: MutationObserver | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly guest: Guest,
  ) {}

  async start(): Promise<void> {
    const { ctx } = this;
    // WXT polls the address about once a second; the Navigation API (where there is one) and every DOM
    // change (a single-page app renders the next article) notice a new address sooner.
    ctx.addEventListener(window, 'wxt:locationchange', () => void this.navigated());
    const navigation = (window as { navigation?: EventTarget }).navigation;
    if (navigation) ctx.addEventListener(navigation, 'navigatesuccess' as never, () => void this.navigated());
    // Leaving the page (or going into the back-forward cache): the background forgets it; coming back reads it again.
    ctx.addEventListener(
      window,
      'pagehide',
      () => void send(channels.leave, { url: pageAddress(location.href) }).catch(() => {}),
    );
    ctx.addEventListener(window, 'pageshow', (e) => {
      if (!e.persisted) return;
      this.reported = null;
      this.runs = 0;
      void this.run();
    });
    this.observe();
    this.settings = (await loadSettings(settingsArea())).settings;
    ctx.onInvalidated(watchSettings(() => void this.settingsChanged()));
    ctx.onInvalidated(() => this.current?.abort());
    this.schedulePauseEnd();
    await this.run();
  }

  /**
   * Settings changed in the options page or the popup. What the page shows
   * is the background's to decide (it sends a new view); here only whether
   * to read the page, and how strictly to match it, matter.
   */
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
    }
  }

  /** A pause from the popup ends by itself. */
  private schedulePauseEnd(): void {
    if (this.resume !== undefined) clearTimeout(this.resume);
    const wait = this.settings.pausedUntil - Date.now();
    if (wait > 0)
      this.resume = this.ctx.setTimeout(() => void this.settingsChanged(), Math.min(wait + 50, 2 ** 31 - 1));
  }

  /** Start a run, aborting the one under way; or, when the budget is spent, once it has room. */
  private async run(): Promise<void> {
    // At a new address the old notes go first, and the run starts afresh from there.
    if (this.navigated()) return;
    const wait = this.budget.wait();
    if (wait > 0) {
      // One run waits, for whatever asked last; the notes on screen stay meanwhile.
      this.waiting ??= this.ctx.setTimeout(() => {
        this.waiting = undefined;
        void this.run();
      }, wait + 50);
      return;
    }
    if (this.waiting !== undefined) clearTimeout(this.waiting);
    this.waiting = undefined;
    this.budget.take();
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    this.runs++;
    if (this.runs > 1) startRun();
    return this.read(AbortSignal.any([controller.signal, this.ctx.signal]));
  }

  /** Read the article and send it to the background; or tell it the page has nothing. */
  private async read(signal: AbortSignal): Promise<void> {
    const url = pageAddress(location.href);
    const wanted = slice(
      'check',
      () => siteState(this.settings, location.hostname) === 'on' && /^https?:$/.test(location.protocol) && !!url,
    );
    // The check walks the whole page (shadow roots too) in slices; so does everything after it.
    const check = wanted && document.body ? await drive('check', checkSteps(document, isOurHost), signal) : null;
    if (signal.aborted) return;
    if (check) this.textLength = check.textLength;
    if (!check?.readerable) {
      this.guest.reportingFor(url);
      if (this.reported !== 'nothing') await this.ask(channels.clear, { url }, signal);
      this.reported = 'nothing';
      return;
    }
    // The article is read in the background, from a snapshot of the page taken a slice at a time.
    const snapshot = await drive('snapshot', snapshotSteps(document, isOurHost), signal);
    if (!snapshot) return;
    sending();
    this.guest.reportingFor(url);
    // What keeps a page out of the reader's remembered articles, which the snapshot cannot tell (it leaves inputs out).
    const never = {
      passwordField: document.querySelector('input[type="password" i]') !== null,
      incognito: browser.extension?.inIncognitoContext ?? false,
    };
    const answer = await this.ask(
      channels.annotate,
      { url, snapshot, threshold: thresholdOf(this.settings), ...never },
      signal,
    );
    if (!answer) return;
    this.reported = 'notes';
    if (!answer.ok) console.warn('Retold:', answer.error);
  }

  /** Send to the background, once more after a pause if it did not answer; null when aborted or unanswered. */
  private async ask<Req, Res>(to: Channel<Req, Res>, message: Req, signal: AbortSignal): Promise<Res | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        // Sending copies the message on this thread: that too is page time.
        const start = performance.now();
        const answer = send(to, message);
        sliceEnded('send', start);
        const got = await answer;
        return signal.aborted ? null : got;
      } catch (error) {
        if (attempt > 0 || signal.aborted) {
          if (!signal.aborted) console.warn('Retold: the background did not answer', error);
          return null;
        }
        await new Promise((r) => setTimeout(r, RETRY_MS));
      }
    }
  }

  /**
   * Watch the page for late-loaded or replaced text. Each batch of changes
   * re-anchors after a pause; a page whose text grew or shrank noticeably is
   * read again, a bounded number of times.
   */
  private observe(): void {
    if (!document.body) return;
    if (!this.observer) {
      this.observer = new MutationObserver(() => {
        if (this.navigated()) return;
        // A throttle, not a debounce: a page that never stops changing (a live ticker) is still looked at.
        if (this.timer !== undefined) return;
        this.timer = this.ctx.setTimeout(() => {
          this.timer = undefined;
          void this.changed();
        }, this.settle);
      });
      this.ctx.onInvalidated(() => this.observer?.disconnect());
    }
    this.observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  private async changed(): Promise<void> {
    const length = await drive('check', textLengthSteps(document, isOurHost), this.ctx.signal);
    if (length === null || this.navigated()) return;
    const textChanged = Math.abs(length - this.textLength) / Math.max(1, this.textLength) >= TEXT_CHANGE_TO_RERUN;
    if (textChanged && this.runs < MAX_RUNS_PER_URL) {
      this.settle = SETTLE_MS;
      void this.run();
      return;
    }
    this.settle = Math.min(MAX_SETTLE_MS, this.settle * 2);
    void this.guest.reanchor();
    if (this.runs >= MAX_RUNS_PER_URL && !this.guest.hasNotes) this.observer?.disconnect();
  }

  /**
   * A new address without a new document (single-page apps, or a page that
   * rewrites its address as it scrolls): notes whose text is still on the
   * page stay, the others go at once (with the overlay, when none stays), and
   * the page is read again once it has rendered, within the budget.
   */
  private navigated(): boolean {
    // Called whenever the address may have changed; only a change counts.
    if (location.href === this.href) return false;
    this.href = location.href;
    this.current?.abort();
    this.runs = 0;
    this.settle = SETTLE_MS;
    const url = pageAddress(location.href);
    void this.guest.keepWhatStays().then((kept) => {
      if (kept || this.href !== location.href) return;
      this.guest.reportingFor(url);
      this.reported = 'nothing';
      void send(channels.clear, { url }).catch(() => undefined);
    });
    this.observe();
    // Single-page apps render the new article after the URL changes; the observer catches it, and
    // this first try catches apps that render before.
    this.ctx.setTimeout(() => void this.run(), SETTLE_MS);
    return true;
  }
}
