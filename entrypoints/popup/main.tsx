/**
 * The toolbar popup: asks the current tab's content script how the page is
 * doing, and the background to search the corpus. The tab may be given as
 * `?tab=<id>` (the popup opened in a tab of its own, as the tests do).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/pages.css';
import { Popup } from '../../components/Popup';
import { SearchResponseSchema, TabStatusSchema, type TabStatus } from '../../lib/extension/messages';
import type { SearchResult } from '../../lib/corpus/schema';
import { changeSettings, LABELS, loadSettings } from '../../lib/extension/settings';
import { hostMatches, normalizePattern } from '../../lib/extension/sites';
import { settingsArea, watchSettings } from '../../lib/extension/settings-area';

const area = settingsArea();
let searchable = 0;

async function currentTab(): Promise<number | undefined> {
  const given = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(given) && given > 0) return given;
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

async function tabStatus(tabId: number | undefined, type: 'tab-status' | 'tab-toggle'): Promise<TabStatus | null> {
  if (tabId === undefined) return null;
  try {
    const parsed = TabStatusSchema.safeParse(await browser.tabs.sendMessage(tabId, { type }));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // no content script there: a browser page, a file, the web store
  }
}

async function search(query: string): Promise<SearchResult[]> {
  const parsed = SearchResponseSchema.safeParse(await browser.runtime.sendMessage({ type: 'search', query }));
  if (!parsed.success || !parsed.data.ok) return [];
  searchable = parsed.data.searchable;
  return parsed.data.results;
}

async function draw(tab: TabStatus | null): Promise<void> {
  const tabId = await currentTab();
  const { settings, reset } = await loadSettings(area);
  render(
    <Popup
      tab={tab}
      pausedUntil={settings.pausedUntil}
      reset={reset.map((r) => LABELS[r])}
      searchable={searchable}
      search={search}
      onToggleNotes={async () => void draw(await tabStatus(tabId, 'tab-toggle'))}
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
    />,
    document.getElementById('app')!,
  );
}

const refresh = async () => draw(await tabStatus(await currentTab(), 'tab-status'));
// Count what can be searched before the first draw, so the hint is right at once.
await search('').catch(() => []);
await refresh();
// The content script applies settings changes itself; ask it again for the new state.
watchSettings(() => setTimeout(() => void refresh(), 100));
