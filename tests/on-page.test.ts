import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../lib/corpus/schema';
import { CorpusSearch } from '../lib/corpus/search';
import { noteOnPage } from '../lib/extension/on-page';
import { presentNotes } from '../lib/extension/present';
import { loadAnnotator } from '../scripts/golden';

const annotator = loadAnnotator();
const search = new CorpusSearch(annotator.corpus);
const text = readFileSync('scripts/demo/articles/retelling-st-petersburg.txt', 'utf8');
const notes = presentNotes(annotator.annotate(text), text, annotator.corpus);
const find = (query: string, test: (r: SearchResult) => boolean) => {
  const r = search.search(query).find(test);
  if (!r) throw new Error(`no result for ${query}`);
  return r;
};
const quoteOf = (id: string | null) => notes.remarks.find((n) => n.id === id)?.quote;

describe('a search result on the current page', () => {
  it('is the page’s note of the same remark, found through another outlet’s wording', () => {
    const r = find('total destruction', (r) => r.kind === 'remark' && r.wordings.length > 1);
    expect(quoteOf(noteOnPage(r, notes))).toBe('It is a kind of total destruction of the civilian population');
  });

  it('is not the note of another sentence of the same outlet quote', () => {
    // The outlet quotes both sentences as one; only the one the page quotes is on the page.
    const war = find('resemble a war', (r) => r.kind === 'remark');
    const destruction = find('total destruction', (r) => r.kind === 'remark');
    expect(noteOnPage(war, notes)).not.toBe(noteOnPage(destruction, notes));
    // The page quotes it twice (headline and body): one note.
    expect(quoteOf(noteOnPage(war, notes))).toMatch(/^does not resemble a war/);
  });

  it('is the page’s figure reported with another outlet’s same figure', () => {
    const r = find('fighters killed', (r) => r.kind === 'figure');
    const id = noteOnPage(r, notes);
    expect(notes.figures.find((f) => f.id === id)?.text).toBe('about 15,000');
  });

  it('is nothing for a remark the page does not quote, or on a page with no notes', () => {
    expect(
      noteOnPage(
        find('bloodshed', () => true),
        notes,
      ),
    ).toBeNull();
    const r = find('total destruction', (r) => r.kind === 'remark');
    expect(noteOnPage(r, { remarks: [], figures: [], outletCount: 0 })).toBeNull();
  });
});
