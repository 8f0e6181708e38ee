import { describe, expect, it } from 'vitest';
import { coverageOf } from '../lib/corpus/coverage';
import type { Corpus } from '../lib/corpus/schema';
import { loadAnnotator } from '../scripts/golden';

const corpus = loadAnnotator().corpus;

describe('what the corpus covers', () => {
  it('counts articles, named outlets and events, and gives the first and last dates', () => {
    expect(coverageOf(corpus)).toEqual({
      articles: 5,
      outlets: 4,
      events: 2,
      from: '2023-10-13',
      to: '2024-06-06',
    });
  });

  it('counts an outlet or event once however many articles share it, and skips what is not a date', () => {
    const article = (over: Partial<Corpus['articles'][number]>): Corpus['articles'][number] => ({
      id: 'a',
      outlet: null,
      title: null,
      date: null,
      event: null,
      url: null,
      fingerprint: [],
      names: [],
      ...over,
    });
    const articles = [
      article({ outlet: 'Forbes', event: 'e', date: '2024-02-01' }),
      article({ outlet: 'Forbes', event: 'e', date: 'last Tuesday' }),
      article({ outlet: null, event: null, date: '2023-12-31' }),
    ];
    expect(coverageOf({ articles })).toEqual({
      articles: 3,
      outlets: 1,
      events: 1,
      from: '2023-12-31',
      to: '2024-02-01',
    });
    expect(coverageOf({ articles: [] })).toEqual({ articles: 0, outlets: 0, events: 0, from: null, to: null });
  });
});
