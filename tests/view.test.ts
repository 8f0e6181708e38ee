import { describe, expect, it } from 'vitest';
import { DEFAULTS, type Settings } from '../lib/extension/settings';
import type { FigureView, PageNotes, RemarkView } from '../lib/extension/messages';
import { view, type TabPage } from '../lib/extension/view';
import { noteKey } from '../lib/extension/feedback';

const selector = { exact: 'x', prefix: '', suffix: '', position: 0 };
const source = (articleId: string) => ({ articleId, outlet: articleId.toUpperCase(), title: null, date: null });
const remark = (id: string, ...articles: string[]): RemarkView => ({
  id,
  quote: 'x',
  speaker: null,
  selectors: [selector],
  outlets: articles.map((a) => ({ ...source(a), wordings: [] })),
});
const reading = { low: 3, high: 3, lowOpen: false, highOpen: false, day: null, claimant: null };
const figure = (id: string, ...articles: string[]): FigureView => ({
  id,
  text: '3',
  quantity: 'x',
  selector,
  differs: false,
  ...reading,
  others: articles.map((a) => ({ ...source(a), text: '3', ...reading, verdict: 'agree' as const, agrees: true })),
});

/** Two remarks quoted by articles a and b, one figure reported by c and a: three other articles in all. */
const notes: PageNotes = {
  remarks: [remark('remark-1', 'a'), remark('remark-2', 'a', 'b')],
  figures: [figure('figure-1', 'c', 'a')],
  outletCount: 3,
};
const page: TabPage = { url: 'https://news.example/story', notes, visible: true };
const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULTS, ...over });
const NOW = 1_700_000_000_000;

describe('what a tab shows', () => {
  it('shows every note by default, and the badge counts them all', () => {
    const v = view(page, settings(), NOW);
    expect(v.state).toBe('on');
    expect(v.host).toBe('news.example');
    expect(v.notes).toEqual(notes);
    expect(v.badge).toEqual({ text: '3', title: 'Retold: 2 remarks and 1 figure also reported elsewhere' });
  });

  it('leaves out remarks when they are switched off: the badge and the outlets count the figure only', () => {
    const v = view(page, settings({ showRemarks: false }), NOW);
    expect(v.notes).toEqual({ remarks: [], figures: notes.figures, outletCount: 2 });
    expect(v.badge).toEqual({ text: '1', title: 'Retold: 0 remarks and 1 figure also reported elsewhere' });
  });

  it('leaves out figures when they are switched off', () => {
    const v = view(page, settings({ showFigures: false }), NOW);
    expect(v.notes).toEqual({ remarks: notes.remarks, figures: [], outletCount: 2 });
    expect(v.badge.text).toBe('2');
  });

  it('shows nothing, and an empty badge, when both kinds are switched off', () => {
    const v = view(page, settings({ showRemarks: false, showFigures: false }), NOW);
    expect(v.notes).toEqual({ remarks: [], figures: [], outletCount: 0 });
    expect(v.badge).toEqual({ text: '', title: 'Retold' });
  });

  it('shows nothing where Retold does not run, and says why', () => {
    expect(view(page, settings({ blocked: ['news.example'] }), NOW)).toMatchObject({
      state: 'blocked',
      notes: { remarks: [], figures: [], outletCount: 0 },
      badge: { text: '' },
    });
    expect(view(page, settings({ enabled: false }), NOW).state).toBe('off');
    expect(view(page, settings({ pausedUntil: NOW + 1 }), NOW).state).toBe('paused');
    expect(view(page, settings({ pausedUntil: NOW - 1 }), NOW).state).toBe('on');
    expect(view(page, settings({ siteMode: 'listed', allowed: ['other.example'] }), NOW).state).toBe('not-listed');
  });

  it('shows nothing for a page not read yet, or with no article', () => {
    const v = view({ ...page, notes: null }, settings(), NOW);
    expect(v.state).toBe('on');
    expect(v.notes).toEqual({ remarks: [], figures: [], outletCount: 0 });
    expect(v.badge.text).toBe('');
  });

  it('carries whether the reader hid the notes, and how highlights look', () => {
    const v = view({ ...page, visible: false }, settings({ palette: 'blue', highlightStyle: 'underline' }), NOW);
    expect(v.visible).toBe(false);
    expect(v.look).toEqual({ palette: 'blue', highlightStyle: 'underline' });
    // Hidden notes are still the page's notes: the badge still counts them.
    expect(v.badge.text).toBe('3');
  });

  it('has no host for an address it cannot read', () => {
    expect(view({ ...page, url: 'not a url' }, settings(), NOW).host).toBe('');
  });
});

describe('notes the reader hid', () => {
  it('are left out on the page they were hidden on, and counted nowhere', () => {
    const hidden = new Set([noteKey('https://news.example/story#top', 'remark', 'x')]);
    const v = view(page, settings(), NOW, hidden);
    expect(v.notes.remarks).toEqual([]);
    expect(v.notes.figures).toHaveLength(1);
    expect(v.notes.outletCount).toBe(2);
    expect(v.badge.text).toBe('1');
    expect(view({ ...page, url: 'https://news.example/other' }, settings(), NOW, hidden).notes.remarks).toHaveLength(2);
  });
});
