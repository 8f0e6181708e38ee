/**
 * A corpus that grows one article at a time, as the reader's remembered
 * articles do: a new article's quote sentences are indexed and scored only
 * against the candidates the index finds for them, with the builder's own
 * decision (`earlierSameRemark`, read from the pair's earlier side as the
 * builder reads it), so the remarks come out as `corpusFromEntries` would
 * group the same articles in the same order; only the numbering of remarks,
 * which needs no scoring, is done again over the whole.
 *
 * Forgetting an article leaves its quotes in the lists, marked forgotten
 * (never matched, never a bridge between two groups), until more than half
 * the sentences are forgotten ones; then the lists are rebuilt from the
 * articles still remembered, reusing every pair already decided, so no
 * sentence is scored again.
 *
 * Figures are not grouped into quantities here: a page's figures are paired
 * with the corpus's at annotation time (the Annotator), and a pack exported
 * from the remembered articles is built whole by `corpusFromEntries`.
 */
import { Annotator } from './annotate';
import {
  earlierSameRemark,
  quoteSentences,
  remarksFromGroups,
  UnionFind,
  type ArticleEntries,
  type QuoteSentence,
} from './corpus';
import { QuoteIndex } from './match';
import type { Corpus } from './schema';
import type { SynonymTable } from '../text/wordnet';
import type { Lexicon } from '../text/similarity';

/** A pair of sentences decided the same remark: `[sentence, other article's id, its sentence]`, sentences counted within each article. */
export type DecidedPair = [number, string, number];

/** Forgotten sentences kept in place at most: past this share of all sentences, the lists are rebuilt. */
const FORGOTTEN_SHARE = 0.5;

export class GrowingCorpus {
  private corpus!: Corpus;
  private annotatorMade!: Annotator;
  private sentences!: QuoteSentence[];
  /** The sentences' words, the list the sentence index is built on and grows with. */
  private sentenceTexts!: { quote: string }[];
  /** The index sentences are scored through; made on the first article scored, not for one taken in (see `load`). */
  private sentenceIndex!: QuoteIndex | null;
  /** Of each sentence, the earlier sentences it is the same remark as. */
  private pairs!: number[][];
  private groups!: UnionFind;
  /** The groups are stale: a forgotten sentence may have joined two of them. */
  private regroup = false;
  /** Each article's entries and its sentences' range, by article id, in the order they were added. */
  private articles = new Map<string, { entries: ArticleEntries; from: number; to: number }>();
  private forgotten = new Set<string>();
  private forgottenSentences = 0;
  private deadSentence!: Uint8Array;
  /** The articles in the order their sentences were appended (see articleOfSentence); null when stale. */
  private ranges: { entries: ArticleEntries; from: number; to: number }[] | null = null;

  constructor(
    private readonly synonyms: SynonymTable,
    private readonly lexicon: Lexicon = {},
  ) {
    this.reset();
  }

  private reset(): void {
    this.corpus = {
      format: 'retold-corpus/1',
      articles: [],
      quotes: [],
      remarks: [],
      figures: [],
      groups: [],
      synonyms: this.synonyms,
      antonyms: this.lexicon.antonyms ?? {},
      rarity: this.lexicon.rarity ?? {},
      notices: [],
    };
    this.annotatorMade = new Annotator(this.corpus);
    this.sentences = [];
    this.sentenceTexts = [];
    this.sentenceIndex = null;
    this.pairs = [];
    this.groups = new UnionFind(0);
    this.deadSentence = new Uint8Array(64);
    this.articles = new Map();
    this.ranges = null;
    this.forgotten = new Set();
    this.forgottenSentences = 0;
  }

  /** Articles remembered (not counting forgotten ones). */
  get size(): number {
    return this.articles.size - this.forgotten.size;
  }

  /** The articles' entries, in the order they were added, forgotten ones left out. */
  entries(): ArticleEntries[] {
    return [...this.articles.entries()].filter(([id]) => !this.forgotten.has(id)).map(([, a]) => a.entries);
  }

  /** The annotator over the corpus as it stands. */
  annotator(): Annotator {
    if (this.regroup) this.numberRemarks();
    return this.annotatorMade;
  }

  /** The corpus as it stands, forgotten articles still in its lists (see `entries` for the live ones). */
  get current(): Corpus {
    if (this.regroup) this.numberRemarks();
    return this.corpus;
  }

  /** The entries of the article of this id, when it is held (and not forgotten). */
  held(id: string): ArticleEntries | undefined {
    return this.forgotten.has(id) ? undefined : this.articles.get(id)?.entries;
  }

  /**
   * Add an article. One of an id held before (a page read again that
   * changed) takes the earlier one's place: that one is forgotten and the
   * lists rebuilt first, as one id cannot stand for two articles.
   */
  add(entries: ArticleEntries): void {
    const id = entries.article.id;
    if (this.articles.has(id)) {
      this.forgotten.add(id);
      const a = this.articles.get(id)!;
      for (let n = a.from; n < a.to; n++) this.deadSentence[n] = 1;
      this.compact();
    }
    this.append(entries, null);
    this.numberRemarks();
    this.annotatorMade.grown();
  }

  /**
   * Append an article's quotes, figures and sentences; pair its sentences
   * with the earlier ones, or take the pairs given (decided before, in a
   * rebuild), by the sentences' offset within the article.
   */
  private append(entries: ArticleEntries, decided: ((local: number) => number[]) | null): void {
    const id = entries.article.id;
    if (this.articles.has(id)) throw new Error(`the article ${id} is in the corpus already`);
    const { corpus } = this;
    corpus.articles.push(entries.article);
    const firstQuote = corpus.quotes.length;
    for (const q of entries.quotes) corpus.quotes.push({ id: corpus.quotes.length, ...q, remarks: [] });
    for (const f of entries.figures) corpus.figures.push({ id: corpus.figures.length, ...f, group: null });
    const from = this.sentences.length;
    for (const s of quoteSentences(corpus.quotes.slice(firstQuote))) {
      this.sentences.push(s);
      this.sentenceTexts.push({ quote: s.text });
    }
    const to = this.sentences.length;
    this.articles.set(id, { entries, from, to });
    this.ranges = null;
    this.groups.grow(to);
    if (this.deadSentence.length < to) {
      const grown = new Uint8Array(Math.max(to, this.deadSentence.length * 2));
      grown.set(this.deadSentence);
      this.deadSentence = grown;
    }
    const index = decided ? null : this.scoringIndex();
    for (let n = from; n < to; n++) {
      const earlier = index
        ? earlierSameRemark(index, this.sentences, n, (j) => !this.deadSentence[j])
        : decided!(n - from);
      this.pairs.push(earlier);
      for (const j of earlier) this.groups.union(j, n);
    }
  }

  /**
   * The pairs of sentences decided when the article `id` was added, as
   * `[its sentence, other article's id, that article's sentence]` (sentences
   * counted within each article): what `load` needs to take the article in
   * again without scoring. Empty when the article is not held.
   */
  pairsOf(id: string): DecidedPair[] {
    const a = this.held(id) && this.articles.get(id)!;
    if (!a) return [];
    const out: DecidedPair[] = [];
    for (let n = a.from; n < a.to; n++)
      for (const j of this.pairs[n]!) {
        const other = this.articleOfSentence(j);
        if (other) out.push([n - a.from, other.entries.article.id, j - other.from]);
      }
    return out;
  }

  private articleOfSentence(n: number): { entries: ArticleEntries; from: number; to: number } | undefined {
    // Articles are in the order their sentences were appended: a binary search over their ranges.
    const list = (this.ranges ??= [...this.articles.values()]);
    let [lo, hi] = [0, list.length - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const a = list[mid]!;
      if (n < a.from) hi = mid - 1;
      else if (n >= a.to) lo = mid + 1;
      else return a;
    }
    return undefined;
  }

  /**
   * Take in articles whose pairs were decided before (`pairsOf`, kept with
   * each article), in the order given, without scoring any sentence: a
   * restarted worker gets the remarks it had. An article given no pairs
   * (kept before pairs were) is scored as `add` would, after the others.
   */
  load(articles: readonly { entries: ArticleEntries; pairs?: readonly DecidedPair[] }[]): void {
    const decided = articles.filter((a) => a.pairs);
    for (const a of decided) this.append(a.entries, () => []);
    for (const a of decided) {
      const mine = this.articles.get(a.entries.article.id)!;
      for (const [local, otherId, otherLocal] of a.pairs!) {
        const other = this.articles.get(otherId);
        if (!other || this.forgotten.has(otherId)) continue;
        const [x, y] = [mine.from + local, other.from + otherLocal];
        if (x >= mine.to || y >= other.to || x === y) continue;
        this.pairs[Math.max(x, y)]!.push(Math.min(x, y));
        this.groups.union(x, y);
      }
    }
    for (const a of articles) if (!a.pairs) this.append(a.entries, null);
    this.numberRemarks();
    this.annotatorMade.grown();
  }

  /** The sentence index, holding every sentence appended so far. */
  private scoringIndex(): QuoteIndex {
    if (!this.sentenceIndex) this.sentenceIndex = new QuoteIndex(this.sentenceTexts, this.synonyms, this.lexicon);
    else this.sentenceIndex.indexAppended();
    return this.sentenceIndex;
  }

  /** Forget articles: they are never matched again, and no longer join two remarks. */
  forget(ids: Iterable<string>): void {
    let any = false;
    for (const id of ids) {
      const a = this.articles.get(id);
      if (!a || this.forgotten.has(id)) continue;
      this.forgotten.add(id);
      for (let n = a.from; n < a.to; n++) this.deadSentence[n] = 1;
      this.forgottenSentences += a.to - a.from;
      any = true;
    }
    if (!any) return;
    if (this.forgotten.size === this.articles.size) this.reset();
    else if (this.forgottenSentences > this.sentences.length * FORGOTTEN_SHARE) this.compact();
    else {
      this.annotatorMade.forget(this.forgotten);
      // The groups are made again from the pairs decided, without the forgotten sentences: no scoring.
      this.regroup = true;
    }
  }

  /** Rebuild the lists from the remembered articles, reusing the pairs already decided. */
  private compact(): void {
    const kept = [...this.articles.values()].filter((a) => !this.forgotten.has(a.entries.article.id));
    const pairs = this.pairs;
    const renumber = new Int32Array(this.sentences.length).fill(-1);
    let next = 0;
    for (const a of kept) for (let n = a.from; n < a.to; n++) renumber[n] = next++;
    this.reset();
    for (const a of kept)
      this.append(a.entries, (local) => pairs[a.from + local]!.map((j) => renumber[j]!).filter((j) => j >= 0));
    this.numberRemarks();
    this.annotatorMade.grown();
  }

  /** Number the remarks again from the pairs, leaving forgotten sentences out. */
  private numberRemarks(): void {
    if (this.regroup) {
      this.groups = new UnionFind(this.sentences.length);
      this.pairs.forEach((earlier, n) => {
        if (this.deadSentence[n]) return;
        for (const j of earlier) if (!this.deadSentence[j]) this.groups.union(j, n);
      });
      this.regroup = false;
    }
    const { corpus } = this;
    corpus.remarks = [];
    for (const q of corpus.quotes) q.remarks = [];
    remarksFromGroups(corpus, this.sentences, (i) => (this.deadSentence[i] ? null : this.groups.find(i)));
    this.annotatorMade.regrouped();
  }
}
