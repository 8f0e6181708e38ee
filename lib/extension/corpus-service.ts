/**
 * The bundled corpus as the background serves it: the notes for a page's
 * article, and searches from the popup. Parsed on first use (a Manifest V3
 * worker starts often, and starting must stay cheap); the search index and
 * what the corpus covers are worked out on the first search.
 */
import corpusJson from '../../data/corpus.json';
import { Annotator, mergeNotes } from '../corpus/annotate';
import { coverageOf } from '../corpus/coverage';
import { CorpusSearch } from '../corpus/search';
import { CorpusSchema, describeIssues, type Coverage } from '../corpus/schema';
import { clipArticle, MAX_READ_CHARS } from '../page/article';
import type { Snapshot } from '../page/snapshot';
import type { PageNotes, SearchResponse } from './messages';
import { presentNotes } from './present';
import { readArticle } from './read-article';

let annotator: Annotator | null = null;
let index: CorpusSearch | null = null;
let coverage: Coverage | null = null;

function load(): Annotator {
  if (annotator) return annotator;
  const parsed = CorpusSchema.safeParse(corpusJson);
  if (!parsed.success) throw new Error(`The bundled corpus is invalid:\n${describeIssues(parsed.error)}`);
  return (annotator = new Annotator(parsed.data));
}

/** The article in `snapshot`, as text ('' when the page holds none). Throws when it cannot be read. */
export async function articleOf(snapshot: Snapshot): Promise<string> {
  const article = await readArticle(snapshot);
  if (!article.ok) throw new Error(article.error);
  return article.text ?? '';
}

/**
 * Every note for an article's text, of which the first MAX_READ_CHARS
 * characters are read. Runs on the worker's thread: the caller takes turns
 * with other tabs (see fair-queue).
 */
export function notesOf(
  article: string,
  url: string,
  threshold: number | undefined,
  personal: Annotator | null = null,
): PageNotes {
  if (!article) return { remarks: [], figures: [], outletCount: 0 };
  const { text, clipped } = clipArticle(article);
  const a = load();
  // The reader's remembered articles (see personal-corpus), matched the same way, their notes merged with the corpus's.
  const found = personal
    ? mergeNotes(a.annotate(text, { url, threshold }), personal.annotate(text, { url, threshold }))
    : a.annotate(text, { url, threshold });
  const articles = personal ? { articles: [...a.corpus.articles, ...personal.corpus.articles] } : a.corpus;
  const notes = presentNotes(found, text, articles);
  return clipped ? { ...notes, clipped: MAX_READ_CHARS } : notes;
}

/** The bundled corpus's synonym table, which the reader's remembered articles are matched with too. */
export const bundledSynonyms = () => load().corpus.synonyms;

/** The popup's search over the whole corpus. */
export function searchCorpus(query: string): SearchResponse {
  try {
    index ??= new CorpusSearch(load().corpus);
    coverage ??= coverageOf(load().corpus);
    return { ok: true, results: index.search(query), searchable: index.size, coverage };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}
