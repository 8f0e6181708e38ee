/**
 * What a corpus covers, in the few numbers a reader needs to judge a search
 * over it: how many articles, from how many outlets, on how many events, and
 * over which dates.
 */
import type { Corpus, Coverage } from './schema';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function coverageOf(corpus: Pick<Corpus, 'articles'>): Coverage {
  const outlets = new Set<string>();
  const events = new Set<string>();
  const dates: string[] = [];
  for (const a of corpus.articles) {
    if (a.outlet) outlets.add(a.outlet);
    if (a.event) events.add(a.event);
    // ISO dates sort as text; anything else the builder let through is not a date to show.
    if (a.date && ISO_DATE.test(a.date)) dates.push(a.date);
  }
  dates.sort();
  return {
    articles: corpus.articles.length,
    outlets: outlets.size,
    events: events.size,
    from: dates[0] ?? null,
    to: dates.at(-1) ?? null,
  };
}
