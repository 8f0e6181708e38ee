/**
 * Anchoring and painting: the notes of a view found again in the live page
 * (by their quoted text and its surroundings, a slice at a time) and painted
 * with the CSS Custom Highlight API. The page's nodes are only read.
 */
import type { TextQuoteSelector } from '../../lib/page/anchor';
import type { PageNotes, TabView } from '../../lib/extension/messages';
import { locateSteps, mapSteps, paint, type HighlightName } from './page';
import { drive } from './slices';

/** The key of a note's place on the page: its id for the first place, its id and the place's number for the others. */
export const placeKey = (id: string, place: number) => (place === 0 ? id : `${id}\u0000${place}`);
/** The note a place key belongs to. */
export const noteOfPlace = (key: string) => key.split('\u0000')[0]!;

/**
 * A range in the live page for each place of each note found there (see
 * placeKey); null when `signal` aborted the search.
 */
export async function anchorNotes(notes: PageNotes, signal: AbortSignal): Promise<Map<string, Range> | null> {
  if (!document.body) return null;
  const selectors = new Map<string, TextQuoteSelector>();
  for (const r of notes.remarks) r.selectors.forEach((s, k) => selectors.set(placeKey(r.id, k), s));
  for (const f of notes.figures) selectors.set(f.id, f.selector);
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
    for (const r of view.notes.remarks) r.selectors.forEach((_, k) => add('retold-remark', placeKey(r.id, k)));
    for (const f of view.notes.figures) add(f.differs ? 'retold-figure-differs' : 'retold-figure', f.id);
    if (openId) add('retold-active', openId);
  }
  paint(groups, theme, view.look);
}
