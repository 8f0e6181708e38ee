/**
 * The bundled corpus as the background serves it: the notes for a page's
 * article, and searches from the popup. The corpus is a data file of the
 * extension (CORPUS_FILE, packed by column at build time; see
 * modules/corpus.ts), fetched from the extension's own files — never the
 * network — and unpacked when the worker starts, while the page's article is
 * still being read; the search index and what
 * the corpus covers are worked out on the first search.
 */
import { browser } from 'wxt/browser';
import { Annotator, mergeNotes } from '../corpus/annotate';
import { coverageOf } from '../corpus/coverage';
import { CorpusSearch } from '../corpus/search';
import { CorpusSchema, type Corpus, type Coverage } from '../corpus/schema';
import { shapeOf, unpack } from '../corpus/packed';
import { clipArticle, MAX_READ_CHARS } from '../page/article';
import type { Snapshot } from '../page/snapshot';
import { CORPUS_FILE } from './corpus-file';
import type { PageNotes, SearchResponse } from './messages';
import { presentNotes } from './present';
import { readArticle } from './read-article';

let annotator: Promise<Annotator> | null = null;
let index: CorpusSearch | null = null;
let coverage: Coverage | null = null;

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

/** The article in `snapshot`: its text ('' when the page holds none) and its date of publication when it shows one. Throws when it cannot be read. */
export async function articleOf(snapshot: Snapshot): Promise<{ text: string; date: string | null }> {
  // The corpus loads while the article is read.
  void loadCorpus().catch(() => {});
  const article = await readArticle(snapshot);
  if (!article.ok) throw new Error(article.error);
  return { text: article.text ?? '', date: article.date ?? null };
}

/**
 * Every note for an article's text, of which the first MAX_READ_CHARS
 * characters are read. Runs on the worker's thread: the caller takes turns
 * with other tabs (see fair-queue).
 */
export function notesOf(
  a: Annotator,
  article: { text: string; date: string | null },
  url: string,
  threshold: number | undefined,
  personal: Annotator | null = null,
): PageNotes {
  if (!article.text) return { remarks: [], figures: [], outletCount: 0 };
  const { text, clipped } = clipArticle(article.text);
  const options = { url, threshold, date: article.date };
  // The reader's remembered articles (see personal-corpus), matched the same way, their notes merged with the corpus's.
  const found = personal
    ? mergeNotes(a.annotate(text, options), personal.annotate(text, options))
    : a.annotate(text, options);
  const corpus = personal ? { ...a.corpus, articles: [...a.corpus.articles, ...personal.corpus.articles] } : a.corpus;
  const notes = presentNotes(found, text, corpus);
  return clipped ? { ...notes, clipped: MAX_READ_CHARS } : notes;
}

/** The bundled corpus's synonym table, which the reader's remembered articles are matched with too. */
export const bundledSynonyms = async () => (await loadCorpus()).corpus.synonyms;

/** The popup's search over the whole corpus. */
export async function searchCorpus(query: string): Promise<SearchResponse> {
  try {
    const { corpus } = await loadCorpus();
    index ??= new CorpusSearch(corpus);
    coverage ??= coverageOf(corpus);
    return { ok: true, results: index.search(query), searchable: index.size, coverage };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}
