/**
 * The bundled corpus as the background serves it: the notes for a page's
 * article, and searches from the popup. Parsed on first use (a Manifest V3
 * worker starts often, and starting must stay cheap); the search index is
 * built on the first search.
 */
import corpusJson from '../../data/corpus.json';
import { Annotator } from '../corpus/annotate';
import { CorpusSearch } from '../corpus/search';
import { CorpusSchema, describeIssues } from '../corpus/schema';
import type { Snapshot } from '../page/snapshot';
import type { PageNotes, SearchResponse } from './messages';
import { presentNotes } from './present';
import { readArticle } from './read-article';

let annotator: Annotator | null = null;
let index: CorpusSearch | null = null;

function load(): Annotator {
  if (annotator) return annotator;
  const parsed = CorpusSchema.safeParse(corpusJson);
  if (!parsed.success) throw new Error(`The bundled corpus is invalid:\n${describeIssues(parsed.error)}`);
  return (annotator = new Annotator(parsed.data));
}

/** Every note for the article in `snapshot` (none when the page holds no article). Throws when it cannot be read. */
export async function notesFor(snapshot: Snapshot, url: string, threshold: number | undefined): Promise<PageNotes> {
  const article = await readArticle(snapshot);
  if (!article.ok) throw new Error(article.error);
  const text = article.text ?? '';
  if (!text) return { remarks: [], figures: [], outletCount: 0 };
  const a = load();
  return presentNotes(a.annotate(text, { url, threshold, date: article.date ?? null }), text, a.corpus);
}

/** The popup's search over the whole corpus. */
export function searchCorpus(query: string): SearchResponse {
  try {
    index ??= new CorpusSearch(load().corpus);
    return { ok: true, results: index.search(query), searchable: index.size };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}
