/**
 * The bundled corpus as the background serves it: the notes for a page's
 * article, and searches from the popup. The corpus is a data file of the
 * extension (CORPUS_FILE, packed by column at build time; see
 * modules/corpus.ts), fetched from the extension's own files — never the
 * network — and unpacked when the worker starts, while the page's article is
 * still being read; the search index is built on the first search.
 */
import { browser } from 'wxt/browser';
import { Annotator } from '../corpus/annotate';
import { CorpusSearch } from '../corpus/search';
import { CorpusSchema, type Corpus } from '../corpus/schema';
import { shapeOf, unpack } from '../corpus/packed';
import type { Snapshot } from '../page/snapshot';
import { CORPUS_FILE } from './corpus-file';
import type { PageNotes, SearchResponse } from './messages';
import { presentNotes } from './present';
import { readArticle } from './read-article';

let annotator: Promise<Annotator> | null = null;
let index: CorpusSearch | null = null;

/**
 * The corpus and its quote index, loaded once per worker. The file was
 * checked in full against CorpusSchema when the extension was built, and
 * nothing but the build writes it; here `unpack` checks that it was packed
 * for this schema and that its columns add up (a full check would cost a
 * large corpus several hundred milliseconds at every worker start).
 */
export function loadCorpus(): Promise<Annotator> {
  annotator ??= (async () => {
    // An extension's own file: read from its package, never from the network.
    const url = (browser.runtime as unknown as { getURL(path: string): string }).getURL(`/${CORPUS_FILE}`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`The bundled corpus could not be read (${response.status})`);
    const corpus = unpack(await response.json(), shapeOf(CorpusSchema)) as Corpus;
    return new Annotator(corpus);
  })().catch((error: unknown) => {
    // The next page tries again.
    annotator = null;
    throw new Error(`The bundled corpus could not be loaded: ${(error as Error).message}`);
  });
  return annotator;
}

/** Every note for the article in `snapshot` (none when the page holds no article). Throws when it cannot be read. */
export async function notesFor(snapshot: Snapshot, url: string, threshold: number | undefined): Promise<PageNotes> {
  const loading = loadCorpus();
  const article = await readArticle(snapshot);
  if (!article.ok) throw new Error(article.error);
  const text = article.text ?? '';
  if (!text) return { remarks: [], figures: [], outletCount: 0 };
  const a = await loading;
  return presentNotes(a.annotate(text, { url, threshold }), text, a.corpus);
}

/** The popup's search over the whole corpus. */
export async function searchCorpus(query: string): Promise<SearchResponse> {
  try {
    index ??= new CorpusSearch((await loadCorpus()).corpus);
    return { ok: true, results: index.search(query), searchable: index.size };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}
