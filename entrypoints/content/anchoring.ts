/**
 * Anchoring and painting: the notes of a view found again in the live page
 * (by their quoted text and its surroundings, a slice at a time) and painted
 * with the CSS Custom Highlight API. The page's nodes are only read.
 */
import type { TextQuoteSelector } from '../../lib/page/anchor';
import type { PageNotes, TabView } from '../../lib/extension/messages';
import { locateSteps, mapSteps, paint, type HighlightName } from './page';
import { drive } from './slices';

/** A range in the live page for each note found there; null when `signal` aborted the search. */
export async function anchorNotes(notes: PageNotes, signal: AbortSignal): Promise<Map<string, Range> | null> {
  if (!document.body) return null;
  const selectors = new Map<string, TextQuoteSelector>();
  for (const n of [...notes.remarks, ...notes.figures]) selectors.set(n.id, n.selector);
  const mapped = await drive('map', mapSteps(document.body), signal);
  return mapped && drive('anchor', locateSteps(mapped, selectors), signal);
}

/** Paint each anchored note under its highlight name (none while the notes are hidden), the open one marked. */
export function paintNotes(
  view: TabView,
  ranges: ReadonlyMap<string, Range>,
  openId: string | null,
  theme: 'light' | 'dark',
): void {
  const groups: Partial<Record<HighlightName, Range[]>> = {};
  if (view.visible) {
    const add = (name: HighlightName, id: string) => {
      const r = ranges.get(id);
      if (r) (groups[name] ??= []).push(r);
    };
    for (const r of view.notes.remarks) add('retold-remark', r.id);
    for (const f of view.notes.figures) add(f.differs ? 'retold-figure-differs' : 'retold-figure', f.id);
    if (openId) add('retold-active', openId);
  }
  paint(groups, theme, view.look);
}
