/**
 * Matches an article's quotes and figures against a corpus: the heart of a
 * note. Retrieval goes through an inverted index of stems (and their
 * synonyms), so a page never scans every corpus quote; scoring uses
 * `similarity`; every acceptance passes a named threshold.
 */
import type { Corpus, CorpusFigure, CorpusQuote } from './schema';
import {
  sortedIncludes,
  prepare,
  similarity,
  remarkSimilarity,
  paraphraseSimilarity,
  SAME_REMARK_THRESHOLD,
  type Lexicon,
  type Prepared,
} from '../text/similarity';
import { isNamedMeasure, type Figure, type Quantity } from '../text/figures';
import type { SynonymTable } from '../text/wordnet';
import { contentStems } from '../text/words';
import { isSameRemark, quotableOn, remarkThreshold, reportedBeforeSaid, speakersCompatible } from './decisions';
import { PARAPHRASE_THRESHOLD } from '../text/thresholds';

/**
 * A quote less than this share of whose stems a page quote has can only
 * match it as a whole, never as an excerpt (see MIN_PARTIAL_COVERAGE, here
 * loosened for synonyms): the coverage ranking leaves it to the weight one.
 */
const COVERAGE_FLOOR = 0.5;
/** Candidates scored in full per page quote, after the index has ranked them. */
const CANDIDATES_PER_QUOTE = 40;
/**
 * A borderline match (within this of the threshold) is dropped when the same
 * article holds another quote scoring within this of it: the matcher cannot
 * tell which of the two the page means, and a wrong note is worse than none.
 */
export const AMBIGUITY_MARGIN = 0.05;

/**
 * Postings longer than this bring in no new candidates once the index has
 * found a page quote's candidates from rarer stems: a stem in thousands of
 * quotes ("said", "people") adds almost nothing to a ranking (its weight is
 * log(1 + N/n)) and walking its postings would cost more than all the rest
 * of the look-up as the corpus grows.
 */
const COMMON_POSTINGS = 1500;

/**
 * An inverted index from content stems to the quotes that use them. A page
 * word that is only a synonym of a corpus word is found through the synonym
 * table read backwards (page stem → corpus stems it may stand for), so the
 * index holds each quote once per stem, not once per synonym. Quotes are
 * prepared for scoring (trigrams and all) on first use only: a page touches
 * a few hundred of a large corpus's quotes, and preparing all of them up
 * front is most of a worker start's time and memory.
 */
export class QuoteIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly prepared: (Prepared | undefined)[];
  /** Distinct content stems of each quote: how much of it a page quote can cover (grown by `indexAppended`). */
  private stemCounts: Uint16Array;
  /** Stem → corpus stems whose synonyms include it. */
  private readonly standsFor = new Map<string, string[]>();
  /**
   * Every quote with the same words as the first one of them, by that first
   * one's id. Syndicated copy repeats a wording across dozens of outlets: the
   * index holds each wording once, and a page quote scores it once.
   */
  private readonly copies = new Map<number, number[]>();
  /** How many distinct wordings the index holds. */
  private wordings: number;
  /** The first quote of each wording, so quotes appended later find their copies. */
  private readonly first = new Map<string, number>();
  /** How many quotes of the list are indexed. */
  private indexed = 0;

  constructor(
    private readonly quotes: readonly { quote: string }[],
    private readonly synonyms: SynonymTable,
    private readonly lexicon: Lexicon = {},
  ) {
    this.prepared = new Array<Prepared | undefined>(quotes.length);
    this.stemCounts = new Uint16Array(quotes.length);
    for (let id = 0; id < quotes.length; id++) this.indexQuote(id);
    this.indexed = quotes.length;
    this.wordings = this.first.size;
    for (const [stem, related] of Object.entries(synonyms)) {
      if (!this.postings.has(stem)) continue;
      for (const r of related) this.addStandsFor(r, stem);
    }
  }

  /** Index quote `id`, noting in `fresh` the stems new to the index. */
  private indexQuote(id: number, fresh?: string[]): void {
    const q = this.quotes[id]!;
    const original = this.first.get(q.quote);
    if (original !== undefined) {
      const list = this.copies.get(original);
      if (list) list.push(id);
      else this.copies.set(original, [original, id]);
      return;
    }
    this.first.set(q.quote, id);
    const stems = new Set(contentStems(q.quote));
    this.stemCounts[id] = Math.min(stems.size, 0xffff);
    for (const stem of stems) {
      let list = this.postings.get(stem);
      if (!list) {
        this.postings.set(stem, (list = []));
        fresh?.push(stem);
      }
      list.push(id);
    }
  }

  private addStandsFor(related: string, stem: string): void {
    const list = this.standsFor.get(related);
    if (list) list.push(stem);
    else this.standsFor.set(related, [stem]);
  }

  /**
   * Index the quotes appended to the list since the index was built (or last
   * grown): a corpus that grows one article at a time appends its quotes and
   * calls this, instead of building the index again. Ids stay in order, so
   * postings stay sorted.
   */
  indexAppended(): void {
    const total = this.quotes.length;
    if (total <= this.indexed) return;
    if (total > this.stemCounts.length) {
      const grown = new Uint16Array(Math.max(total, this.stemCounts.length * 2));
      grown.set(this.stemCounts);
      this.stemCounts = grown;
    }
    const fresh: string[] = [];
    for (let id = this.indexed; id < total; id++) this.indexQuote(id, fresh);
    this.prepared.length = total;
    this.indexed = total;
    this.wordings = this.first.size;
    for (const stem of fresh)
      if (Object.hasOwn(this.synonyms, stem)) for (const r of this.synonyms[stem]!) this.addStandsFor(r, stem);
  }

  preparedAt(id: number): Prepared {
    return (this.prepared[id] ??= prepare(this.quotes[id]!.quote));
  }

  /** The first quote with the same words as quote `id`: the one `candidates` returns for them. */
  wordingOf(id: number): number {
    return this.first.get(this.quotes[id]!.quote) ?? id;
  }

  /** The quotes with the same words as candidate `id` (itself first). */
  copiesOf(id: number): readonly number[] {
    return this.copies.get(id) ?? [id];
  }

  /**
   * The wordings worth scoring against `p` (each the first quote with those
   * words; see `copiesOf`), ranked two ways as the measure
   * itself reads quotes: half by the weight of the (rarer) stems they share
   * with `p`, half by how much of each quote `p` covers, so that a short
   * excerpt ("total destruction of the civilian population") is not crowded
   * out by many full wordings of the same remark in a large corpus.
   */
  candidates(p: Prepared, limit = CANDIDATES_PER_QUOTE): number[] {
    const keys = new Set<string>();
    const look = (key: string) => {
      if (this.postings.has(key)) keys.add(key);
      for (const s of this.standsFor.get(key) ?? []) keys.add(s);
    };
    p.words.forEach((w, i) => {
      if (!w.content) return;
      look(w.stem);
      const next = p.words[i + 1];
      if (next) look(`${w.stem}_${next.stem}`);
    });
    const lists = [...keys].map((k) => this.postings.get(k)!).sort((a, b) => a.length - b.length);
    const scores = new Map<number, { weight: number; hits: number }>();
    const common: number[][] = [];
    for (const list of lists) {
      if (list.length > COMMON_POSTINGS && scores.size >= limit) {
        common.push(list);
        continue;
      }
      const idf = Math.log(1 + this.wordings / list.length);
      for (const id of list) {
        const score = scores.get(id);
        if (score) {
          score.weight += idf;
          score.hits++;
        } else scores.set(id, { weight: idf, hits: 1 });
      }
    }
    // A common stem brings in no new candidates, but still counts for those the rarer ones found
    // (postings are sorted, so a binary search tells): coverage must not punish a quote for its common words.
    for (const list of common) {
      const idf = Math.log(1 + this.wordings / list.length);
      for (const [id, score] of scores)
        if (sortedIncludes(list, id)) {
          score.weight += idf;
          score.hits++;
        }
    }
    const all = [...scores.entries()].map(([id, { weight, hits }]) => ({
      id,
      weight,
      count: this.stemCounts[id]!,
      coverage: hits / Math.max(1, this.stemCounts[id]!),
    }));
    const byWeight = all.sort((a, b) => b.weight - a.weight || a.id - b.id);
    if (all.length <= limit) return byWeight.map((c) => c.id);
    // Among quotes covered alike, the shortest first: the weight ranking already favours the long ones.
    const byCoverage = all
      .filter((c) => c.coverage >= COVERAGE_FLOOR)
      .sort((a, b) => b.coverage - a.coverage || a.count - b.count || b.weight - a.weight || a.id - b.id);
    const out = new Set<number>();
    for (let i = 0; out.size < limit && i < byWeight.length; i++) {
      out.add(byWeight[i]!.id);
      const covered = byCoverage[i];
      if (covered && out.size < limit) out.add(covered.id);
    }
    return [...out];
  }

  similarity(p: Prepared, id: number): number {
    return remarkSimilarity(p, this.preparedAt(id), this.synonyms, this.lexicon);
  }
}

/** A corpus quote that matches a page quote. */
export interface QuoteMatch {
  quote: CorpusQuote;
  similarity: number;
}

/** The dates of every article that quotes a remark a corpus quote gives a wording of, by quote id. */
const remarkDatesOf = new WeakMap<
  Corpus,
  { byQuote: Map<number, (string | null)[]>; dateOf: Map<string, string | null> }
>();
/** A corpus that grows (see GrowingCorpus) has regrouped its remarks: the dates read from them are stale. */
export function remarksRegrouped(corpus: Corpus): void {
  remarkDatesOf.delete(corpus);
}
function remarkDates(corpus: Corpus, quote: CorpusQuote): readonly (string | null)[] {
  let cache = remarkDatesOf.get(corpus);
  // Each article's date, once per corpus, not once per quote: a large corpus has thousands of articles.
  if (!cache)
    remarkDatesOf.set(
      corpus,
      (cache = { byQuote: new Map(), dateOf: new Map(corpus.articles.map((a) => [a.id, a.date])) }),
    );
  let dates = cache.byQuote.get(quote.id);
  if (!dates) {
    const articles = new Set([quote.articleId]);
    for (const r of quote.remarks)
      for (const v of corpus.remarks[r]?.variants ?? []) articles.add(corpus.quotes[v.quote]!.articleId);
    const { dateOf } = cache;
    cache.byQuote.set(quote.id, (dates = [...articles].map((id) => dateOf.get(id) ?? null)));
  }
  return dates;
}

/**
 * Corpus quotes that give a wording of the same remark as `text`, from
 * articles other than `exclude`, one entry per distinct wording per article.
 * Whether a quote is the same remark is decided by the decisions the
 * builder shares (`speakersCompatible`, `quotableOn` and `isSameRemark` at
 * `remarkThreshold` on the unrounded score, given the page's `date`), and
 * none whose every report predates the day the page says the remark was
 * made (`reportedBeforeSaid`, given `saidDay`); a borderline match the same
 * article could mean twice is then left out.
 */
export function matchQuote(
  text: string,
  speaker: string | null,
  corpus: Corpus,
  index: QuoteIndex,
  exclude: ReadonlySet<string>,
  threshold = SAME_REMARK_THRESHOLD,
  date: string | null = null,
  saidDay: string | null = null,
): QuoteMatch[] {
  const p = prepare(text);
  const byArticle = new Map<string, (QuoteMatch & { score: number })[]>();
  for (const id of index.candidates(p)) {
    let score: number | undefined;
    for (const copy of index.copiesOf(id)) {
      const quote = corpus.quotes[copy]!;
      if (exclude.has(quote.articleId) || !speakersCompatible(speaker, quote.speaker)) continue;
      const dates = remarkDates(corpus, quote);
      if (!quotableOn(date, dates) || reportedBeforeSaid(saidDay, dates)) continue;
      score ??= index.similarity(p, id);
      if (score === 0) break;
      // The margin a late page asks for, taken off the score so one threshold decides.
      const decided = score - (remarkThreshold(threshold, date, dates) - threshold);
      let list = byArticle.get(quote.articleId);
      if (!list) byArticle.set(quote.articleId, (list = []));
      list.push({ quote, similarity: round(score), score: decided });
    }
  }
  const out: QuoteMatch[] = [];
  for (const list of byArticle.values()) {
    list.sort((a, b) => b.similarity - a.similarity || a.quote.id - b.quote.id);
    const [best, runnerUp] = list;
    if (!best || !isSameRemark(best.score, threshold)) continue;
    const borderline = best.score < threshold + AMBIGUITY_MARGIN;
    if (
      borderline &&
      runnerUp &&
      !isSameRemark(runnerUp.score, threshold) &&
      best.score - runnerUp.score < AMBIGUITY_MARGIN
    )
      continue;
    const seen = new Set<string>();
    for (const { quote, similarity, score } of list) {
      if (!isSameRemark(score, threshold) || seen.has(quote.quote)) continue;
      seen.add(quote.quote);
      out.push({ quote, similarity });
    }
  }
  return out.sort((a, b) => b.similarity - a.similarity || a.quote.id - b.quote.id);
}

/**
 * Corpus quotes whose words a page's unquoted `paraphrase` reports, by the
 * parts of `paraphrasesRemark` (a named speaker, dates, paraphraseSimilarity
 * at PARAPHRASE_THRESHOLD). A paraphrase says less than a quote of which
 * sentence it gives: when it fits quotes of two remarks the corpus keeps
 * apart, alike within AMBIGUITY_MARGIN, it is linked to neither.
 */
export function matchParaphrase(
  paraphrase: string,
  speaker: string,
  corpus: Corpus,
  index: QuoteIndex,
  exclude: ReadonlySet<string>,
  date: string | null = null,
  saidDay: string | null = null,
): QuoteMatch[] {
  const p = prepare(paraphrase);
  const found: (QuoteMatch & { score: number })[] = [];
  for (const id of index.candidates(p)) {
    let score: number | undefined;
    for (const copy of index.copiesOf(id)) {
      const quote = corpus.quotes[copy]!;
      if (exclude.has(quote.articleId) || !quote.speaker || !speakersCompatible(speaker, quote.speaker)) continue;
      const dates = remarkDates(corpus, quote);
      if (!quotableOn(date, dates) || reportedBeforeSaid(saidDay, dates)) continue;
      score ??= paraphraseSimilarity(p, index.preparedAt(id), corpus.synonyms, corpus);
      if (score === 0) break;
      const decided = score - (remarkThreshold(PARAPHRASE_THRESHOLD, date, dates) - PARAPHRASE_THRESHOLD);
      if (isSameRemark(decided, PARAPHRASE_THRESHOLD)) found.push({ quote, similarity: round(score), score: decided });
    }
  }
  if (found.length === 0) return [];
  found.sort((a, b) => b.score - a.score || a.quote.id - b.quote.id);
  // The remarks of the best match; a quote in none of them that scores near it makes the paraphrase ambiguous.
  const best = new Set(found[0]!.quote.remarks);
  const sameRemark = (q: CorpusQuote) => q.remarks.some((r) => best.has(r)) || q.quote === found[0]!.quote.quote;
  const rival = found.find((m) => !sameRemark(m.quote));
  if (rival && found[0]!.score - rival.score < AMBIGUITY_MARGIN) return [];
  const seen = new Set<string>();
  const out: QuoteMatch[] = [];
  for (const { quote, similarity } of found) {
    const key = `${quote.articleId}\u0000${quote.quote}`;
    if (!sameRemark(quote) || seen.has(key)) continue;
    seen.add(key);
    out.push({ quote, similarity });
  }
  return out.sort((a, b) => b.similarity - a.similarity || a.quote.id - b.quote.id);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** A figure as the matcher sees it: what it counts, when, and the words around it. */
export interface ComparableFigure {
  low: number | null;
  high: number | null;
  quantity: Quantity | null;
  when: string | null;
  sentence: string;
}

/**
 * Counts of other things pair only when their sentences score this similar
 * (the remark similarity): "12,400 polling stations had opened" and "35 of the
 * polling stations" count the same noun and different things. Chosen on the
 * development part of the labelled figure set.
 */
export const THING_CONTEXT = 0.35;

/** Two counts of one quantity: the same thing happened to the same people, in the same place, over the same time. */
function sameQuantity(a: Quantity, b: Quantity): boolean {
  return (
    a.measure === b.measure &&
    a.who === b.who &&
    a.state === b.state &&
    a.region === b.region &&
    (a.scope ?? null) === (b.scope ?? null)
  );
}

/**
 * How well two figures fit as reports of one quantity, or null when they
 * cannot be: what is counted must agree in full (scope included). Ties are
 * broken by the day and the surrounding words.
 */
export function figureFit(a: ComparableFigure, b: ComparableFigure, synonyms: SynonymTable): number | null {
  if (!a.quantity || !b.quantity || !sameQuantity(a.quantity, b.quantity)) return null;
  // A count of things ("polling stations", "seats") says less than a toll: its sentences must tell of the same thing.
  const context = similarity(preparedSentence(a.sentence), preparedSentence(b.sentence), synonyms);
  // ("640 suspected cases" and "suspected cases climbed to 790": a noun with the same state named says enough.)
  const namedByState = a.quantity.state !== null && a.quantity.state !== 'projected' && a.quantity.state !== 'in all';
  if (!isNamedMeasure(a.quantity.measure) && !namedByState && context < THING_CONTEXT) return null;
  // Counts of one quantity on different days still pair (the verdict says "over time"); the same day pairs first.
  const dateBonus = a.when && b.when ? (a.when === b.when ? 1 : 0) : !a.when && !b.when ? 0.5 : 0;
  return 1 + dateBonus + context * 0.5;
}

/** Figures are compared pairwise, so each sentence is prepared once, not once per pair. */
const sentenceCache = new Map<string, Prepared>();
const SENTENCE_CACHE_LIMIT = 5000;
function preparedSentence(sentence: string): Prepared {
  let p = sentenceCache.get(sentence);
  if (!p) {
    if (sentenceCache.size >= SENTENCE_CACHE_LIMIT) sentenceCache.clear();
    sentenceCache.set(sentence, (p = prepare(sentence)));
  }
  return p;
}

/**
 * Pair figures of one article with figures of another that report the same
 * quantity: every such pair, best fits first (a headline's "58 dead" and the
 * body's "58 people killed" both pair with another outlet's toll), so the
 * verdicts see every outlet's figure; "1,000 terrorists killed on October 7"
 * and "15,000 fighters killed" never pair, their scopes differ.
 */
export function pairFigures<A extends ComparableFigure, B extends ComparableFigure>(
  as: readonly A[],
  bs: readonly B[],
  synonyms: SynonymTable,
): [A, B][] {
  const pairs: { i: number; j: number; fit: number }[] = [];
  as.forEach((a, i) =>
    bs.forEach((b, j) => {
      const fit = figureFit(a, b, synonyms);
      if (fit !== null) pairs.push({ i, j, fit });
    }),
  );
  pairs.sort((x, y) => y.fit - x.fit || x.i - y.i || x.j - y.j);
  return pairs.map(({ i, j }) => [as[i]!, bs[j]!]);
}

export type { Figure, CorpusFigure };
