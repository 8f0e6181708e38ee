/**
 * The background owns the corpus, the matcher and the search index (so no
 * page ever loads them), and the state of every tab: the tab store keeps each
 * page's notes, `view` decides what the page shows under the reader's
 * settings, and from that one answer the background sets the toolbar badge,
 * sends the page what to draw, and answers the popup.
 *
 *   content script ─ annotate / clear / toggle / leave ─▶ tab store ─▶ view ─▶ badge, page, popup, side panel
 *   shortcut (toggle-notes), popup ─────────────────────────▲
 *   settings change, note feedback ──────────────────────────────────▲
 *   popup ─ tab-reveal ─▶ (a note of the tab's view) ─▶ reveal ─▶ page
 *
 * Full runs keep to each tab's budget (lib/extension/run-budget), and
 * matching takes turns between tabs (lib/extension/fair-queue). It also
 * routes between the side panel and the page (a note opened in the panel, a
 * note in the panel revealed in the page) and runs the keyboard commands
 * (open the panel, jump to the next note).
 *
 * With the reader's consent (the `remember` setting) the background also
 * keeps the articles read, in IndexedDB (lib/extension/memory), and matches
 * pages against them beside the bundled corpus (lib/extension/personal-corpus).
 *
 * The article itself is read off the page: the content script sends a
 * snapshot of the page's DOM, and Readability runs in a document of the
 * extension (see lib/extension/read-article).
 */
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import * as channels from '../lib/extension/channels';
import { listen, sendToTab } from '../lib/extension/channels';
import { articleOf, bundledSynonyms, loadCorpus, notesOf, searchCorpus } from '../lib/extension/corpus-service';
import { Memory, QuotaReachedError } from '../lib/extension/memory';
import { PersonalCorpus } from '../lib/extension/personal-corpus';
import { loadMemoryStatus, recordMemoryChange } from '../lib/extension/memory-area';
import { rememberedArticle, whyNotKept, withPairs } from '../lib/extension/remember';
import { clipArticle } from '../lib/page/article';
import { snapshotMeta } from '../lib/page/snapshot-meta';
import { FairQueue } from '../lib/extension/fair-queue';
import { RunBudget } from '../lib/extension/run-budget';
import { loadSettings } from '../lib/extension/settings';
import { settingsArea, watchSettings } from '../lib/extension/settings-area';
import { TabStore } from '../lib/extension/tab-store';
import { view } from '../lib/extension/view';
import { entryFor, hiddenKeys, withEntry, type Verdict } from '../lib/extension/feedback';
import { changeFeedback, loadFeedback, watchFeedback } from '../lib/extension/feedback-area';
import {
  PanelHelloSchema,
  type Ack,
  type ForgetRequest,
  type MemoryStatsView,
  type PanelMessage,
  type TabView,
} from '../lib/extension/messages';

/** The two browsers' side panel APIs, as far as Retold uses them (Chromium's sidePanel, Firefox's sidebarAction). */
interface PanelApis {
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Open the side panel. Both browsers allow it only in answer to something the
 * reader did (a command, a click the page passed on); otherwise it rejects
 * and the caller falls back. Called before any await, so the gesture holds.
 */
function openPanel(where: { tabId?: number; windowId?: number }): Promise<boolean> {
  const apis = browser as unknown as PanelApis;
  try {
    const opened = apis.sidePanel ? apis.sidePanel.open(where) : apis.sidebarAction?.open();
    return opened ? opened.then(() => true).catch(() => false) : Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
}

/** The manifest's command that hides or shows the notes of the current tab (see wxt.config.ts). */
const TOGGLE_COMMAND = 'toggle-notes';
/** A toggle from the page this soon after one from the browser's shortcut (or the other way) is the same key press. */
const SAME_PRESS_MS = 500;

export default defineBackground(() => {
  // A worker is mostly started by a page's article: the corpus loads while the article is read.
  void loadCorpus().catch((error: unknown) => console.error('Retold:', error));
  const session = browser.storage.session;
  const store = new TabStore(
    session
      ? {
          get: () => session.get(null),
          set: (items) => session.set(items),
          remove: (keys) => session.remove(keys),
        }
      : null,
  );
  // Manifest V3 (Chromium) calls the toolbar button `action`; Firefox's Manifest V2 build, `browserAction`.
  const action = browser.action ?? browser.browserAction;

  /** The tab's view under the settings stored now, less the notes the reader hid; null for a tab no page of ours reported. */
  async function viewOf(tabId: number): Promise<TabView | null> {
    const page = await store.get(tabId);
    if (!page) return null;
    const hidden = hiddenKeys(await loadFeedback());
    return view(page, (await loadSettings(settingsArea())).settings, Date.now(), hidden);
  }

  // Open side panels: each one's port and the tab it shows (-1 until it says).
  const panels = new Map<Browser.runtime.Port, number>();
  /** A note the page asked to open in a panel that was still opening; the panel gets it when it says hello. */
  const pendingFocus = new Map<number, string>();
  const panelsOf = (tabId: number) => [...panels].filter(([, t]) => t === tabId).map(([port]) => port);
  const post = (port: Browser.runtime.Port, message: PanelMessage) => {
    try {
      port.postMessage(message);
    } catch {
      panels.delete(port); // the panel closed meanwhile
    }
  };
  browser.runtime.onConnect.addListener((port) => {
    // Only the extension's own pages (a content script's port comes from the page's address).
    const ours = (browser.runtime as unknown as { getURL(path: string): string }).getURL('/');
    if (port.name !== channels.VIEW_PORT || port.sender?.id !== browser.runtime.id) return;
    if (!port.sender.url?.startsWith(ours)) return;
    panels.set(port, -1);
    port.onDisconnect.addListener(() => panels.delete(port));
    port.onMessage.addListener((message: unknown) => {
      const hello = PanelHelloSchema.safeParse(message);
      if (!hello.success) return;
      const { tabId } = hello.data;
      panels.set(port, tabId);
      void viewOf(tabId).then((shown) => {
        post(port, { kind: 'view', tabId, view: shown });
        const id = pendingFocus.get(tabId);
        if (id) {
          pendingFocus.delete(tabId);
          post(port, { kind: 'focus', tabId, id });
        }
      });
    });
  });

  /** The tab's view changed: show it on the badge and send it to the page. */
  async function publish(tabId: number): Promise<TabView | null> {
    const shown = await viewOf(tabId);
    if (!shown) return null;
    // The tab may have closed meanwhile; then there is nothing to update.
    void action.setBadgeText({ tabId, text: shown.badge.text }).catch(() => undefined);
    void action.setBadgeBackgroundColor({ tabId, color: '#3a55c4' }).catch(() => undefined);
    void action.setTitle({ tabId, title: shown.badge.title }).catch(() => undefined);
    for (const port of panelsOf(tabId)) post(port, { kind: 'view', tabId, view: shown });
    await sendToTab(tabId, channels.view, shown).catch(() => undefined);
    return shown;
  }

  const tabOf = (sender: { tab?: { id?: number } }) => sender.tab!.id!;

  /** Each tab's budget of full runs, counted here too: a page that reloads itself starts a new content script. */
  const budgets = new Map<number, RunBudget>();
  /** Matching takes turns between tabs. */
  const matching = new FairQueue();

  /** Wait until the tab's budget has room for a run; false when the run was superseded meanwhile. */
  async function admitted(tabId: number, signal: AbortSignal): Promise<boolean> {
    let budget = budgets.get(tabId);
    if (!budget) budgets.set(tabId, (budget = new RunBudget()));
    for (let wait = budget.wait(); wait > 0; wait = budget.wait()) {
      await new Promise((r) => setTimeout(r, wait));
      if (signal.aborted) return false;
    }
    budget.take();
    return true;
  }

  // The reader's remembered articles: the database opened, and the corpus read from it, on first use.
  let memoryDb: Promise<Memory> | null = null;
  let personal: Promise<PersonalCorpus> | null = null;
  const memory = () => (memoryDb ??= Memory.open());
  const personalCorpus = () =>
    (personal ??= memory().then(async (db) => {
      const corpus = new PersonalCorpus(await bundledSynonyms());
      corpus.replace(await db.all());
      return corpus;
    }));

  async function memoryStats(): Promise<MemoryStatsView> {
    // Why the last article could not be remembered, kept in storage so a restarted worker still says it.
    return { ...(await (await memory()).stats()), problem: (await loadMemoryStatus()).problem };
  }

  async function forget(request: ForgetRequest): Promise<MemoryStatsView> {
    const db = await memory();
    const corpus = await personalCorpus();
    if (request.scope === 'all') {
      await db.forgetAll();
      corpus.replace([]);
    } else
      corpus.remove(request.scope === 'site' ? await db.forgetSite(request.host) : await db.forgetOlder(request.days));
    await recordMemoryChange(null);
    return memoryStats();
  }

  listen(channels.annotate, async ({ url, snapshot, threshold, passwordField, incognito }, sender): Promise<Ack> => {
    const tabId = tabOf(sender);
    const signal = store.begin(tabId);
    try {
      if (!(await admitted(tabId, signal))) return { ok: true };
      const settingsNow = loadSettings(settingsArea());
      // The remembered articles load while the article is read, as the bundled corpus does.
      void settingsNow.then(({ settings }) => (settings.remember ? personalCorpus() : null)).catch(() => {});
      const article = await articleOf(snapshot);
      const annotator = await loadCorpus();
      if (signal.aborted) return { ok: true };
      const { settings } = await settingsNow;
      const loading = settings.remember ? personalCorpus() : null;
      // After a worker restart the remembered articles may still be loading: the page gets the bundled corpus's
      // notes now, and the notes from the reading when they have loaded, instead of waiting for both.
      const ready = loading && (await Promise.race([loading, Promise.resolve(null)]));
      const mine = ready ? ready.annotator() : null;
      const notes = await matching.run(tabId, () => notesOf(annotator, article, url, threshold, mine), signal);
      if (!notes || signal.aborted) return { ok: true };
      await store.set(tabId, url, notes);
      await publish(tabId);
      // (None remembered yet: nothing to add, and the page is still to be remembered below.)
      const later = loading && !ready ? (await loading).annotator() : null;
      if (later) {
        const merged = await matching.run(tabId, () => notesOf(annotator, article, url, threshold, later), signal);
        if (!merged || signal.aborted) return { ok: true };
        await store.set(tabId, url, merged);
        await publish(tabId);
      }
      // Remembered after the notes are shown, so the reader never waits for it; never a page the rules keep out.
      const facts = {
        settings,
        url,
        article: article.text,
        passwordField: !!passwordField,
        incognito: !!(incognito || sender.tab?.incognito),
      };
      if (whyNotKept(facts) === null) {
        const record = await matching.run(
          tabId,
          () => rememberedArticle(url, clipArticle(article.text).text, snapshotMeta(snapshot)),
          signal,
        );
        if (record) {
          const corpus = await personalCorpus();
          try {
            // Into the index first: the record keeps the pairs found, so a restarted worker need not find them again.
            const pairs = corpus.add(record);
            corpus.remove(await (await memory()).add(withPairs(record, pairs)));
            await recordMemoryChange(null);
          } catch (error) {
            corpus.remove([record.url]);
            console.error('Retold:', error);
            await recordMemoryChange(
              error instanceof QuotaReachedError
                ? error.message
                : `An article could not be remembered: ${String(error)}`,
            ).catch(() => undefined);
          }
        }
      }
      return { ok: true };
    } catch (error) {
      console.error('Retold:', error);
      if (!signal.aborted) await store.set(tabId, url, null).then(() => publish(tabId));
      return { ok: false, error: String(error) };
    }
  });

  listen(channels.clear, async ({ url }, sender) => {
    const tabId = tabOf(sender);
    store.begin(tabId);
    await store.set(tabId, url, null);
    await publish(tabId);
    return { ok: true };
  });

  /**
   * Whether a tab's notes are shown is the background's. The reader hides or
   * shows them with the browser's shortcut (the manifest's `toggle-notes`,
   * Alt+Shift+R unless rebound; it works from the address bar too), the
   * page's own key listener where the browser let the key through, the
   * list's button, or the popup. One key press reaching us both ways counts once.
   */
  const toggled = new Map<number, { at: number; by: 'command' | 'page' }>();
  async function toggleTab(tabId: number, by: 'command' | 'page'): Promise<void> {
    const last = toggled.get(tabId);
    if (last && last.by !== by && Date.now() - last.at < SAME_PRESS_MS) return;
    toggled.set(tabId, { at: Date.now(), by });
    if (await store.toggle(tabId)) await publish(tabId);
  }

  listen(channels.toggle, async (_, sender) => {
    await toggleTab(tabOf(sender), 'page');
    return { ok: true };
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_COMMAND) return;
    void (async () => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId !== undefined) await toggleTab(tabId, 'command');
    })();
  });

  listen(channels.search, ({ query }) => searchCorpus(query));

  listen(channels.memory, () => memoryStats());
  listen(channels.memoryForget, (request) => forget(request));
  // A pack imported by the options page, with the pairs found for its articles: taken in again without scoring.
  listen(channels.memoryReload, async () => {
    personal = null;
    await recordMemoryChange(null);
    return memoryStats();
  });

  listen(channels.tabView, async ({ tabId }) => ({ view: await viewOf(tabId) }));

  // Only a note the tab's view has: the page is asked about nothing it was not sent.
  listen(channels.tabReveal, async ({ tabId, id }): Promise<Ack> => {
    const shown = await viewOf(tabId);
    if (!shown || ![...shown.notes.remarks, ...shown.notes.figures].some((n) => n.id === id))
      return { ok: false, error: `No note ${id} on that page.` };
    return sendToTab(tabId, channels.reveal, { id }).catch((error: unknown) => ({ ok: false, error: String(error) }));
  });

  listen(channels.tabToggle, async ({ tabId }) => {
    if (!(await store.toggle(tabId))) return { view: null };
    return { view: await publish(tabId) };
  });

  // Settings decide what every tab shows: show each tab its new view.
  watchSettings(() => void store.tabs().then((tabs) => Promise.all(tabs.map(publish))));

  /** Keep the reader's word on one of a tab's notes, and show the tab without it. */
  async function feedback(tabId: number, id: string, verdict: Verdict): Promise<Ack> {
    const page = await store.get(tabId);
    const remark = page?.notes?.remarks.find((r) => r.id === id);
    const figure = page?.notes?.figures.find((f) => f.id === id);
    if (!page || (!remark && !figure)) return { ok: false, error: 'no such note on this page' };
    const entry = entryFor(
      page.url,
      remark ? { kind: 'remark', remark } : { kind: 'figure', figure: figure! },
      verdict,
    );
    await changeFeedback((list) => withEntry(list, entry));
    await publish(tabId);
    return { ok: true };
  }
  listen(channels.noteFeedback, ({ id, verdict }, sender) => feedback(tabOf(sender), id, verdict));
  listen(channels.tabNoteFeedback, ({ tabId, id, verdict }) => feedback(tabId, id, verdict));
  // Undone on the options page: every tab shows its notes again.
  watchFeedback(() => void store.tabs().then((tabs) => Promise.all(tabs.map(publish))));

  // A note whose card would cover the article opens in the side panel: one already open on the tab, or
  // one opened for it (the reader's click in the page may let it open); else the page shows a sheet.
  listen(channels.openNote, async ({ id }, sender) => {
    const tabId = tabOf(sender);
    const open = panelsOf(tabId);
    if (open.length) {
      for (const port of open) post(port, { kind: 'focus', tabId, id });
      return { where: 'panel' as const };
    }
    pendingFocus.set(tabId, id);
    if (await openPanel({ tabId, windowId: sender.tab?.windowId })) return { where: 'panel' as const };
    pendingFocus.delete(tabId);
    return { where: 'sheet' as const };
  });

  listen(channels.panelReveal, async ({ tabId, id }) =>
    sendToTab(tabId, channels.revealNote, { id }).catch((error: unknown) => ({
      ok: false as const,
      error: String(error),
    })),
  );

  async function jumpToNextNote(tabId: number | undefined): Promise<void> {
    const [active] = tabId === undefined ? await browser.tabs.query({ active: true, currentWindow: true }) : [];
    const id = tabId ?? active?.id;
    if (id !== undefined) await sendToTab(id, channels.jump, {}).catch(() => undefined);
  }

  // Keyboard commands (see wxt.config.ts): open the side panel; move focus to the next note in the page.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'open-panel') void openPanel({ windowId: tab?.windowId, tabId: tab?.id });
    if (command === 'next-note') void jumpToNextNote(tab?.id);
  });

  // A tab keeps nothing of a page it no longer shows. (The browser resets a tab's badge itself when it navigates.)
  browser.tabs.onRemoved.addListener((tabId) => {
    budgets.delete(tabId);
    void store.forget(tabId);
  });
  listen(channels.leave, async ({ url }, sender) => {
    const tabId = tabOf(sender);
    // A page's leaving can only be overtaken by the next page's report if that comes first; keep the newer one.
    if ((await store.get(tabId))?.url === url) await store.forget(tabId);
    return { ok: true };
  });
});
