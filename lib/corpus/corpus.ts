/**
 * Builds a corpus from a folder's worth of articles and their manifest:
 * the quotes each article carries, grouped into remarks across outlets, and
 * the figures, grouped into quantities. Deterministic: the same input gives
 * byte-identical output.
 */
import { detectQuotes } from '../text/quotes';
import { detectFigures, describeQuantity } from '../text/figures';
import { fingerprint } from '../text/fingerprint';
import { pairFigures, QuoteIndex } from './match';
import { figureDay, figuresDiffer, isSameRemark, speakersCompatible, storiesOf, storyNames } from './decisions';
import { contentStems, words } from '../text/words';
import { prepareArticle, sentences } from '../text/analysis';
import {
  CorpusSchema,
  ManifestSchema,
  describeIssues,
  type Corpus,
  type CorpusArticle,
  type CorpusFigure,
  type CorpusQuote,
  type Manifest,
  type ManifestEntry,
} from './schema';
import type { SynonymTable } from '../text/wordnet';
import type { Lexicon } from '../text/similarity';

/** An article as read from disk. */
export interface SourceArticle {
  /** File name inside the folder, as the manifest names it. */
  file: string;
  /** The article's text (already extracted from HTML when the file was HTML). */
  text: string;
}

/** A problem with the input, naming the file and field at fault. */
export class CorpusInputError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ${field}: ${message}`);
    this.name = 'CorpusInputError';
  }
}

/** Parse and check a manifest; throws CorpusInputError naming the field. */
export function parseManifest(json: string, file = 'manifest.json'): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new CorpusInputError(file, '(whole file)', `not valid JSON (${(e as Error).message})`);
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new CorpusInputError(file, first.path.join('.') || '(root)', describeIssues(parsed.error));
  }
  const seen = new Set<string>();
  parsed.data.articles.forEach((a, i) => {
    const id = articleId(a.file);
    if (seen.has(id)) throw new CorpusInputError(file, `articles.${i}.file`, `two articles have the id "${id}"`);
    seen.add(id);
  });
  return parsed.data;
}

/** An article's id: its file name without the extension. */
export const articleId = (file: string) => file.replace(/\.[^.]+$/, '');

/** Every quote of the articles, for the rarity table. */
export function quoteTexts(articles: readonly SourceArticle[]): string[] {
  return articles.flatMap((a) => detectQuotes(a.text).map((q) => q.quote));
}

/** Every word the corpus's quotes use, for the synonym and antonym tables. */
export function quoteVocabulary(articles: readonly SourceArticle[]): string[] {
  const vocab = new Set<string>();
  for (const a of articles)
    for (const q of detectQuotes(a.text)) for (const w of words(q.quote)) if (w.content) vocab.add(w.word);
  return [...vocab].sort();
}

/** Split a quote into its sentences, each a remark of its own. */
export function sentencesOf(quote: string): string[] {
  return sentences(quote).filter((s) => contentStems(s).length > 0);
}

export class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) x = this.parent[x] = this.parent[this.parent[x]!]!;
    return x;
  }
  /** Room for `size` elements, the sets held kept. */
  grow(size: number): this {
    for (let i = this.parent.length; i < size; i++) this.parent.push(i);
    return this;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Build the corpus. `articles` must match the manifest entries; the synonym
 * and antonym tables should cover `quoteVocabulary(articles)`, the rarity
 * table the stems of the articles' quotes (see rarityTable).
 */
export function buildCorpus(
  manifest: Manifest,
  articles: readonly SourceArticle[],
  synonyms: SynonymTable,
  notices: string[],
  lexicon: Lexicon = {},
): Corpus {
  const byFile = new Map(articles.map((a) => [a.file, a]));
  const ids = new Set<string>();
  manifest.articles.forEach((entry, i) => {
    const source = byFile.get(entry.file);
    if (!source)
      throw new CorpusInputError('manifest.json', `articles.${i}.file`, `no file "${entry.file}" in the folder`);
    if (!source.text.trim()) throw new CorpusInputError(entry.file, '(text)', 'the article is empty');
    if (/\u0000/.test(source.text)) throw new CorpusInputError(entry.file, '(text)', 'binary data, not an article');
    const id = articleId(entry.file);
    if (ids.has(id))
      throw new CorpusInputError('manifest.json', `articles.${i}.file`, `two articles have the id "${id}"`);
    ids.add(id);
  });
  const entries = [...manifest.articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return corpusFromEntries(
    entries.map(({ file, ...meta }) => articleEntries(articleId(file), meta, byFile.get(file)!.text)),
    synonyms,
    notices,
    lexicon,
  );
}

/** What an article brings to a corpus before it is grouped with the others: its record, its quotes, its figures. */
export interface ArticleEntries {
  article: CorpusArticle;
  quotes: Omit<CorpusQuote, 'id' | 'remarks'>[];
  figures: Omit<CorpusFigure, 'id' | 'group'>[];
}

/**
 * One article's entries, read from its text. The bundled corpus and the
 * reader's remembered articles both go through here, so both are matched
 * the same way.
 */
export function articleEntries(id: string, meta: Omit<ManifestEntry, 'file'>, text: string): ArticleEntries {
  const article = prepareArticle(text);
  // The schema's fields only: when a quote was said (`said`) is read against the page's date, not stored.
  const quotes = detectQuotes(article).map((q) => ({
    articleId: id,
    quote: q.quote,
    start: q.start,
    end: q.end,
    speaker: q.speaker,
  }));
  const figures: ArticleEntries['figures'] = [];
  for (const f of detectFigures(article)) {
    if (!f.quantity) continue;
    const { quantity, ...rest } = f;
    figures.push({ articleId: id, ...rest, quantity, day: figureDay(f.when, meta.date) });
  }
  return { article: { id, ...meta, fingerprint: fingerprint(text), names: storyNames(text) }, quotes, figures };
}

/**
 * A corpus from articles' entries, in the order given: quotes and figures
 * numbered, quotes grouped into remarks and figures into quantities, the
 * result checked against the schema.
 */
export function corpusFromEntries(
  entries: readonly ArticleEntries[],
  synonyms: SynonymTable,
  notices: string[],
  lexicon: Lexicon = {},
): Corpus {
  const corpus: Corpus = {
    format: 'retold-corpus/1',
    articles: [],
    quotes: [],
    remarks: [],
    figures: [],
    groups: [],
    synonyms,
    antonyms: lexicon.antonyms ?? {},
    rarity: lexicon.rarity ?? {},
    notices,
  };
  const figuresByArticle = new Map<string, Corpus['figures']>();
  for (const entry of entries) {
    corpus.articles.push(entry.article);
    for (const q of entry.quotes) corpus.quotes.push({ id: corpus.quotes.length, ...q, remarks: [] });
    const list: Corpus['figures'] = [];
    for (const f of entry.figures) {
      list.push({ id: corpus.figures.length, ...f, group: null });
      corpus.figures.push(list.at(-1)!);
    }
    figuresByArticle.set(entry.article.id, list);
  }

  groupRemarks(corpus, synonyms, corpus);
  groupFigures(corpus, figuresByArticle, synonyms);
  const checked = CorpusSchema.safeParse(corpus);
  if (!checked.success) throw new Error(`the built corpus is invalid:\n${describeIssues(checked.error)}`);
  return checked.data;
}

/** A sentence of a corpus quote: each is a wording of one remark. */
export interface QuoteSentence {
  quote: number;
  text: string;
  speaker: string | null;
}

/** The sentences of quotes, in quote order. */
export function quoteSentences(quotes: readonly Pick<CorpusQuote, 'id' | 'quote' | 'speaker'>[]): QuoteSentence[] {
  const out: QuoteSentence[] = [];
  for (const q of quotes) for (const s of sentencesOf(q.quote)) out.push({ quote: q.id, text: s, speaker: q.speaker });
  return out;
}

/**
 * The later sentences that sentence `i` is the same remark as, among the
 * index's candidates for it: the one pairwise decision of grouping
 * (`speakersCompatible`, then `isSameRemark`), which the builder asks from
 * every sentence and a growing corpus asks from the new one's candidates.
 * `joined(j)` says `j` is already in `i`'s group, so the pair need not be scored.
 */
function sameRemarkPairs(
  index: QuoteIndex,
  sentences: readonly QuoteSentence[],
  i: number,
  joined: (j: number) => boolean,
): number[] {
  const out: number[] = [];
  const p = index.preparedAt(i);
  for (const candidate of index.candidates(p)) {
    // One score for every sentence with the candidate's words (see QuoteIndex.copiesOf).
    let score: number | undefined;
    for (const j of index.copiesOf(candidate)) {
      if (j <= i || !speakersCompatible(sentences[i]!.speaker, sentences[j]!.speaker) || joined(j)) continue;
      score ??= index.similarity(p, candidate);
      if (!isSameRemark(score)) break;
      out.push(j);
    }
  }
  return out;
}

/**
 * The earlier sentences that sentence `n` (the last indexed so far, or one
 * of the last article's) is the same remark as, by the builder's rule read
 * from the other side: the pair is decided as `sameRemarkPairs` decides it
 * from the earlier sentence, with the earlier one's words scored against the
 * new wording. `live(j)` leaves out sentences of forgotten articles.
 */
export function earlierSameRemark(
  index: QuoteIndex,
  sentences: readonly QuoteSentence[],
  n: number,
  live: (j: number) => boolean = () => true,
): number[] {
  const out: number[] = [];
  const wording = index.wordingOf(n);
  for (const candidate of index.candidates(index.preparedAt(n))) {
    let score: number | undefined;
    for (const j of index.copiesOf(candidate)) {
      if (j >= n || !live(j) || !speakersCompatible(sentences[j]!.speaker, sentences[n]!.speaker)) continue;
      score ??= index.similarity(index.preparedAt(j), wording);
      if (!isSameRemark(score)) break;
      out.push(j);
    }
  }
  return out;
}

/**
 * Number the remarks from the sentences' groups (`groupOf(i)`, a sentence
 * of each group standing for it; null for a sentence left out): a remark
 * per group, in the order of its first sentence, its variants in sentence
 * order; each quote told the remarks it gives a wording of.
 */
export function remarksFromGroups(
  corpus: Corpus,
  sentences: readonly QuoteSentence[],
  groupOf: (i: number) => number | null,
): void {
  const remarkOf = new Map<number, number>();
  sentences.forEach((s, i) => {
    const root = groupOf(i);
    if (root === null) return;
    let id = remarkOf.get(root);
    if (id === undefined) {
      id = corpus.remarks.length;
      remarkOf.set(root, id);
      corpus.remarks.push({ id, speaker: null, variants: [] });
    }
    const remark = corpus.remarks[id]!;
    remark.variants.push({ quote: s.quote, text: s.text });
    remark.speaker ??= s.speaker;
    const quote = corpus.quotes[s.quote]!;
    if (!quote.remarks.includes(id)) quote.remarks.push(id);
  });
}

/** Group quote sentences into remarks: sentences of different articles (or one) that score as the same remark. */
function groupRemarks(corpus: Corpus, synonyms: SynonymTable, lexicon: Lexicon): void {
  const sentences = quoteSentences(corpus.quotes);
  const index = new QuoteIndex(
    sentences.map((s) => ({ quote: s.text })),
    synonyms,
    lexicon,
  );
  // Speakers are compatible only within one class (one surname, or none), so
  // a group never holds two speakers' remarks: no sentence can bridge them.
  const uf = new UnionFind(sentences.length);
  sentences.forEach((_, i) => {
    for (const j of sameRemarkPairs(index, sentences, i, (j) => uf.find(i) === uf.find(j))) uf.union(i, j);
  });
  remarksFromGroups(corpus, sentences, (i) => uf.find(i));
}

/** Group figures reported by different articles of one story that count the same quantity. */
function groupFigures(corpus: Corpus, byArticle: Map<string, Corpus['figures']>, synonyms: SynonymTable): void {
  const uf = new UnionFind(corpus.figures.length);
  for (const ids of storiesOf(corpus).groups())
    for (let a = 0; a < ids.length; a++)
      for (let b = a + 1; b < ids.length; b++)
        for (const [x, y] of pairFigures(byArticle.get(ids[a]!)!, byArticle.get(ids[b]!)!, synonyms))
          uf.union(x.id, y.id);
  const groupOf = new Map<number, number[]>();
  for (const f of corpus.figures) {
    const root = uf.find(f.id);
    groupOf.set(root, [...(groupOf.get(root) ?? []), f.id]);
  }
  for (const members of groupOf.values()) {
    if (members.length < 2) continue;
    const id = corpus.groups.length;
    const figs = members.map((m) => corpus.figures[m]!);
    const differs = figuresDiffer(figs);
    corpus.groups.push({ id, quantity: describeQuantity(figs[0]!.quantity), figures: members, differs });
    for (const f of figs) f.group = id;
  }
}
