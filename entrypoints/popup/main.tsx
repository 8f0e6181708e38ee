/**
 * The toolbar popup: asks the background what the current tab shows (the
 * same view the page and the badge are drawn from), to search the corpus and
 * to show one of the page's notes; opens the corpus's articles in new tabs.
 * The tab may be given as `?tab=<id>` (the popup opened in a tab of its own,
 * as the tests do). It stays on the background's view port while open, so
 * notes that arrive after it opened (a page still being read) show at once.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/pages.css';
import { Popup } from '../../components/Popup';
import * as channels from '../../lib/extension/channels';
import { send } from '../../lib/extension/channels';
import { PanelMessageSchema, type TabView } from '../../lib/extension/messages';
import type { Coverage, SearchResult } from '../../lib/corpus/schema';
import { changeSettings, LABELS, loadSettings } from '../../lib/extension/settings';
import { hostMatches, normalizePattern } from '../../lib/extension/sites';
import { settingsArea, watchSettings } from '../../lib/extension/settings-area';

const area = settingsArea();
let searchable = 0;
let coverage: Coverage | null = null;
// Opened as a page of its own for a tab (`?tab=`), not as the toolbar's popup: it then stays open when it shows a note.
const ownPage = new URLSearchParams(location.search).has('tab');

async function currentTab(): Promise<number | undefined> {
  const given = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(given) && given > 0) return given;
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

/** What the tab shows, from the background; null where no page of ours runs (a browser page, a file). */
async function tabView(tabId: number | undefined, ask: typeof channels.tabView): Promise<TabView | null> {
  if (tabId === undefined) return null;
  try {
    return (await send(ask, { tabId })).view;
  } catch {
    return null;
  }
}

async function search(query: string): Promise<SearchResult[]> {
  const answer = await send(channels.search, { query }).catch(() => null);
  if (!answer?.ok) return [];
  searchable = answer.searchable;
  coverage = answer.coverage;
  return answer.results;
}

async function draw(tab: TabView | null): Promise<void> {
  const tabId = await currentTab();
  const { settings, reset } = await loadSettings(area);
  render(
    <Popup
      tab={tab}
      pausedUntil={settings.pausedUntil}
      reset={reset.map((r) => LABELS[r])}
      searchable={searchable}
      coverage={coverage}
      search={search}
      onReveal={async (id) => {
        if (tabId === undefined) return;
        const answer = await send(channels.tabReveal, { tabId, id }).catch(() => null);
        // The note is on the page now, where the popup would cover it.
        if (answer?.ok && !ownPage) window.close();
      }}
      onOpenArticle={(url) => void browser.tabs.create({ url })}
      onToggleNotes={async () => void draw(await tabView(tabId, channels.tabToggle))}
      onBlockSite={async (block) => {
        if (!tab) return;
        const site = normalizePattern(tab.host);
        if (!site) return;
        // A function of the list as stored by then: an options tab may have changed it since this popup drew.
        await changeSettings(area, (now) => ({
          blocked: block
            ? [...now.blocked.filter((p) => p !== site), site]
            : now.blocked.filter((p) => !hostMatches(p, tab.host)),
        }));
      }}
      onPause={(minutes) => void changeSettings(area, { pausedUntil: minutes > 0 ? Date.now() + minutes * 60_000 : 0 })}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      remember={{ on: settings.remember, offered: settings.rememberOffered }}
      onRemember={(on) => void changeSettings(area, { remember: on, rememberOffered: true })}
      onForgetSite={async () => {
        if (!tab) return '';
        const left = await send(channels.memoryForget, { scope: 'site', host: tab.host }).catch(() => null);
        return left
          ? `Forgot every article remembered from ${tab.host}.`
          : 'Retold could not reach its remembered articles; nothing was forgotten.';
      }}
    />,
    document.getElementById('app')!,
  );
}

const refresh = async () => draw(await tabView(await currentTab(), channels.tabView));
// Count what can be searched before the first draw, so the hint is right at once.
await search('').catch(() => []);
await refresh();
// The background sends the tab's view again whenever it changes (the page's notes arrive, a setting changes).
const followed = await currentTab();
if (followed !== undefined) {
  const port = browser.runtime.connect({ name: channels.VIEW_PORT });
  port.onMessage.addListener((message: unknown) => {
    const parsed = PanelMessageSchema.safeParse(message);
    if (parsed.success && parsed.data.kind === 'view' && parsed.data.tabId === followed) void draw(parsed.data.view);
  });
  port.postMessage({ tabId: followed });
}
// The background reads the settings afresh for each answer: ask it again for the tab's new view.
watchSettings(() => void refresh());
