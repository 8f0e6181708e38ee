/**
 * The background owns the corpus, the matcher and the search index (so no
 * page ever loads them), and the state of every tab: the tab store keeps each
 * page's notes, `view` decides what the page shows under the reader's
 * settings, and from that one answer the background sets the toolbar badge,
 * sends the page what to draw, and answers the popup.
 *
 *   content script ─ annotate / clear / toggle / leave ─▶ tab store ─▶ view ─▶ badge, page, popup
 *   settings change ─────────────────────────────────────────────────▲
 *
 * The article itself is read off the page: the content script sends a
 * snapshot of the page's DOM, and Readability runs in a document of the
 * extension (see lib/extension/read-article).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import * as channels from '../lib/extension/channels';
import { listen, sendToTab } from '../lib/extension/channels';
import { loadCorpus, notesFor, searchCorpus } from '../lib/extension/corpus-service';
import { loadSettings } from '../lib/extension/settings';
import { settingsArea, watchSettings } from '../lib/extension/settings-area';
import { TabStore } from '../lib/extension/tab-store';
import { view } from '../lib/extension/view';
import type { Ack, TabView } from '../lib/extension/messages';

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

  /** The tab's view under the settings stored now; null for a tab no page of ours reported. */
  async function viewOf(tabId: number): Promise<TabView | null> {
    const page = await store.get(tabId);
    if (!page) return null;
    return view(page, (await loadSettings(settingsArea())).settings);
  }

  /** The tab's view changed: show it on the badge and send it to the page. */
  async function publish(tabId: number): Promise<TabView | null> {
    const shown = await viewOf(tabId);
    if (!shown) return null;
    // The tab may have closed meanwhile; then there is nothing to update.
    void action.setBadgeText({ tabId, text: shown.badge.text }).catch(() => undefined);
    void action.setBadgeBackgroundColor({ tabId, color: '#3a55c4' }).catch(() => undefined);
    void action.setTitle({ tabId, title: shown.badge.title }).catch(() => undefined);
    await sendToTab(tabId, channels.view, shown).catch(() => undefined);
    return shown;
  }

  const tabOf = (sender: { tab?: { id?: number } }) => sender.tab!.id!;

  listen(channels.annotate, async ({ url, snapshot, threshold }, sender): Promise<Ack> => {
    const tabId = tabOf(sender);
    const signal = store.begin(tabId);
    try {
      const notes = await notesFor(snapshot, url, threshold);
      if (signal.aborted) return { ok: true };
      await store.set(tabId, url, notes);
      await publish(tabId);
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

  listen(channels.toggle, async (_, sender) => {
    const tabId = tabOf(sender);
    if (await store.toggle(tabId)) await publish(tabId);
    return { ok: true };
  });

  listen(channels.search, ({ query }) => searchCorpus(query));

  listen(channels.tabView, async ({ tabId }) => ({ view: await viewOf(tabId) }));

  listen(channels.tabToggle, async ({ tabId }) => {
    if (!(await store.toggle(tabId))) return { view: null };
    return { view: await publish(tabId) };
  });

  // Settings decide what every tab shows: show each tab its new view.
  watchSettings(() => void store.tabs().then((tabs) => Promise.all(tabs.map(publish))));

  // A tab keeps nothing of a page it no longer shows. (The browser resets a tab's badge itself when it navigates.)
  browser.tabs.onRemoved.addListener((tabId) => void store.forget(tabId));
  listen(channels.leave, async ({ url }, sender) => {
    const tabId = tabOf(sender);
    // A page's leaving can only be overtaken by the next page's report if that comes first; keep the newer one.
    if ((await store.get(tabId))?.url === url) await store.forget(tabId);
    return { ok: true };
  });
});
