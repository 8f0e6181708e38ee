/**
 * Searching the corpus from the popup: every remark by its words, speaker or
 * outlets (one outlet's remark too: the reader may be looking for where it
 * was said), and figures several outlets report by what they count or their
 * outlets. The index is
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

/**
 * How much each further outlet raises a result's score. Remarks and figures
 * several outlets report are what Retold compares, so among results that
 * match a query about as well they come first; the lift is small, so a
 * remark one outlet quotes still leads when it matches the query better.
 */
export const OUTLET_BOOST = 0.15;
/** Outlets past this many lift a result no further. */
const MAX_BOOSTED_OUTLETS = 4;

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
    const source = (articleId: string) => {
      const a = articles.get(articleId);
      return {
        articleId,
        outlet: a?.outlet ?? null,
        title: a?.title ?? null,
        date: a?.date ?? null,
        url: a?.url ?? null,
      };
    };
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
        wordings.push({ ...source(quote.articleId), quote: v.text, diff: [] });
      }
      if (wordings.length === 0) continue;
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
      const list = members.map((f) => ({ ...source(f.articleId), text: f.text }));
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
        boostDocument: (id) => {
          const result = this.results.get(String(id));
          const n = !result ? 1 : result.kind === 'remark' ? result.wordings.length : result.figures.length;
          return 1 + OUTLET_BOOST * (Math.min(n, MAX_BOOSTED_OUTLETS) - 1);
        },
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
