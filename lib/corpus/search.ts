/**
 * Searching the corpus from the popup: remarks by their words, speaker or
 * outlets, and figures by what they count or their outlets. The index is
 * MiniSearch's (prefix and typo-tolerant, no `eval`), built once per
 * corpus; each result carries everything the popup shows, diffs included.
 */
import MiniSearch from 'minisearch';
import { wordDiff } from '../text/diff';
import type { Corpus, SearchResult } from './schema';

/** One outlet's wording in a search result; `diff` runs from the first wording listed to this one (empty for the first). */
export type SearchWording = Extract<SearchResult, { kind: 'remark' }>['wordings'][number];
export type { SearchResult };

/** Results past this many are left out: the popup is small. */
export const MAX_RESULTS = 20;

interface Doc {
  id: string;
  text: string;
  /** Words around a figure: found by them, but ranked below a match on the figure itself. */
  context: string;
  /** What a figure counts ("fighters killed"). */
  quantity: string;
  speaker: string;
  outlets: string;
}

export class CorpusSearch {
  private readonly index: MiniSearch<Doc>;
  private readonly results = new Map<string, SearchResult>();

  constructor(corpus: Corpus) {
    const articles = new Map(corpus.articles.map((a) => [a.id, a]));
    const quotes = new Map(corpus.quotes.map((q) => [q.id, q]));
    const docs: Doc[] = [];
    for (const remark of corpus.remarks) {
      // One wording per article: the first quote of it that article gives.
      const seen = new Set<string>();
      const wordings: SearchWording[] = [];
      for (const v of remark.variants) {
        const quote = quotes.get(v.quote);
        if (!quote || seen.has(quote.articleId)) continue;
        seen.add(quote.articleId);
        const a = articles.get(quote.articleId);
        wordings.push({
          articleId: quote.articleId,
          outlet: a?.outlet ?? null,
          date: a?.date ?? null,
          quote: v.text,
          diff: [],
        });
      }
      // Only remarks quoted by more than one outlet have something to compare.
      if (wordings.length < 2) continue;
      for (const w of wordings.slice(1)) w.diff = wordDiff(wordings[0]!.quote, w.quote);
      const id = `remark-${remark.id}`;
      this.results.set(id, { kind: 'remark', id, speaker: remark.speaker, wordings });
      docs.push({
        id,
        text: wordings.map((w) => w.quote).join(' '),
        context: '',
        quantity: '',
        speaker: remark.speaker ?? '',
        outlets: wordings.map((w) => w.outlet ?? '').join(' '),
      });
    }
    const figures = new Map(corpus.figures.map((f) => [f.id, f]));
    for (const group of corpus.groups) {
      const members = group.figures.map((id) => figures.get(id)).filter((f) => f !== undefined);
      if (new Set(members.map((f) => f.articleId)).size < 2) continue;
      const id = `figure-${group.id}`;
      const list = members.map((f) => {
        const a = articles.get(f.articleId);
        return { articleId: f.articleId, outlet: a?.outlet ?? null, date: a?.date ?? null, text: f.text };
      });
      this.results.set(id, { kind: 'figure', id, quantity: group.quantity, differs: group.differs, figures: list });
      docs.push({
        id,
        text: members.map((f) => f.text).join(' '),
        quantity: group.quantity,
        context: members.map((f) => f.sentence).join(' '),
        speaker: '',
        outlets: list.map((f) => f.outlet ?? '').join(' '),
      });
    }
    this.index = new MiniSearch<Doc>({
      fields: ['text', 'quantity', 'context', 'speaker', 'outlets'],
      searchOptions: {
        boost: { speaker: 2, quantity: 3, outlets: 1.5, context: 0.3 },
        prefix: true,
        // One typo in five letters: "anihilation" finds "annihilation", "bloodshd" finds "bloodshed".
        fuzzy: 0.2,
        combineWith: 'AND',
      },
    });
    this.index.addAll(docs);
  }

  /** Remarks and figures for a query, best first; nothing for a blank query. */
  search(query: string): SearchResult[] {
    if (!query.trim()) return [];
    return this.index
      .search(query)
      .slice(0, MAX_RESULTS)
      .map((hit) => this.results.get(String(hit.id))!)
      .filter(Boolean);
  }

  /** How many remarks and figures can be searched. */
  get size(): number {
    return this.results.size;
  }
}
