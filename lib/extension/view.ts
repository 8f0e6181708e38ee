/**
 * What a tab shows, decided in one place. The background keeps every note it
 * found for a page (see tab-store); `view` lets through what the reader's
 * settings allow, and the page's overlay, the toolbar badge and the popup
 * are all drawn from its answer, so they cannot disagree.
 */
import { siteState, type Settings } from './settings';
import type { PageNotes, TabView } from './messages';
import { noteKey } from './feedback';

/** What the background knows of the page in one tab. */
export interface TabPage {
  /** The page's address as its content script last reported it. */
  url: string;
  /** Every note the background found for the page; null before it was read, or when it has no article. */
  notes: PageNotes | null;
  /** Whether the reader wants highlights and markers shown on this page. */
  visible: boolean;
}

const NONE: PageNotes = { remarks: [], figures: [], outletCount: 0 };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * The notes the reader's settings let through, less those the reader hid or
 * called wrong on this page, counting the other outlets of those notes only.
 */
function shown(notes: PageNotes, settings: Settings, url: string, hidden: ReadonlySet<string>): PageNotes {
  const remarks = settings.showRemarks
    ? notes.remarks.filter((r) => !hidden.has(noteKey(url, 'remark', r.selectors[0]?.exact ?? r.quote)))
    : [];
  const figures = settings.showFigures
    ? notes.figures.filter((f) => !hidden.has(noteKey(url, 'figure', f.selector.exact)))
    : [];
  // The same count as presentNotes makes: each other article a shown note draws on.
  const articles = new Set([
    ...remarks.flatMap((r) => r.outlets.map((o) => o.articleId)),
    ...figures.flatMap((f) => f.others.map((o) => o.articleId)),
  ]);
  return { remarks, figures, outletCount: articles.size, ...(notes.clipped ? { clipped: notes.clipped } : {}) };
}

/**
 * What the tab shows under `settings` at time `now`: the overlay's notes, the
 * badge, the popup's counts. `hidden` holds the keys (see noteKey) of notes
 * the reader hid or called wrong.
 */
export function view(
  page: TabPage,
  settings: Settings,
  now = Date.now(),
  hidden: ReadonlySet<string> = new Set(),
): TabView {
  const host = hostOf(page.url);
  const state = siteState(settings, host, now);
  const notes = state === 'on' && page.notes ? shown(page.notes, settings, page.url, hidden) : NONE;
  const count = notes.remarks.length + notes.figures.length;
  return {
    url: page.url,
    host,
    state,
    notes,
    visible: page.visible,
    look: { palette: settings.palette, highlightStyle: settings.highlightStyle },
    badge: {
      text: count > 0 ? String(count) : '',
      title:
        count > 0
          ? `Retold: ${plural(notes.remarks.length, 'remark')} and ${plural(notes.figures.length, 'figure')} also reported elsewhere`
          : 'Retold',
    },
  };
}
