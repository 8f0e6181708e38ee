/**
 * The side panel (Chromium's side panel, Firefox's sidebar): every note of the
 * current tab's page. It follows the active tab of its window (or the tab
 * named by `?tab=`, when opened in a tab of its own), says which over a port
 * to the background, and draws the views the background sends back.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/overlay.css';
import '../../components/panel.css';
import { NotePanel } from '../../components/NotePanel';
import * as channels from '../../lib/extension/channels';
import { send } from '../../lib/extension/channels';
import { PanelMessageSchema, type TabView } from '../../lib/extension/messages';

const fixed = new URLSearchParams(location.search).get('tab');
let tabId: number | null = fixed !== null && /^\d+$/.test(fixed) ? Number(fixed) : null;
let view: TabView | null = null;
let focusId: string | null = null;
const dark = window.matchMedia('(prefers-color-scheme: dark)');

const port = browser.runtime.connect({ name: channels.VIEW_PORT });
port.onMessage.addListener((message: unknown) => {
  const parsed = PanelMessageSchema.safeParse(message);
  if (!parsed.success || parsed.data.tabId !== tabId) return;
  if (parsed.data.kind === 'view') view = parsed.data.view;
  else focusId = parsed.data.id;
  draw();
});

/** Follow the window's active tab (unless the panel was opened for one tab). */
async function follow(): Promise<void> {
  if (fixed === null) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id === undefined || active.id === tabId) return;
    tabId = active.id;
    view = null;
    focusId = null;
  }
  if (tabId !== null) port.postMessage({ tabId });
  draw();
}

function draw(): void {
  render(
    <div class={`r-root r-${dark.matches ? 'dark' : 'light'}`}>
      <NotePanel
        view={view}
        focusId={focusId}
        onReveal={(id) => tabId !== null && void send(channels.panelReveal, { tabId, id }).catch(() => undefined)}
        onFeedback={(id, verdict) =>
          tabId !== null && void send(channels.tabNoteFeedback, { tabId, id, verdict }).catch(() => undefined)
        }
      />
    </div>,
    document.getElementById('app')!,
  );
}

browser.tabs.onActivated.addListener(() => void follow());
dark.addEventListener('change', draw);
await follow();
