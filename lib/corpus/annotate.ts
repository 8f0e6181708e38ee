/**
 * From an article's text to the notes a reader sees: each quoted remark with
 * the other outlets' wordings of it, each figure with the other outlets'
 * figures for the same quantity. The one entry point the extension and the
 * command line share.
 */
import { prepareArticle } from '../text/analysis';
import { detectParaphrases, detectQuotes } from '../text/quotes';
import { detectFigures, describeQuantity } from '../text/figures';
import { fingerprint, resemblance, SAME_ARTICLE_JACCARD } from '../text/fingerprint';
import { matchParaphrase, matchQuote, pairFigures, QuoteIndex, remarksRegrouped } from './match';
import {
  figureDay,
  figuresDiffer,
  remarkDay,
  statedDay,
  figureVerdict,
  storiesOf,
  storyNames,
  type Stories,
  type Verdict,
} from './decisions';
import type { Corpus, CorpusArticle } from './schema';

/** Another outlet's wording of a remark the page quotes. */
export interface RemarkMatch {
  articleId: string;
  outlet: string | null;
  quote: string;
  speaker: string | null;
  similarity: number;
}

/** A quoted remark on the page that other outlets also quote, or a remark the page reports in its own words. */
export interface RemarkNote {
  /** The page's words: the quotation, or for a paraphrase the reported clause. */
  quote: string;
  start: number;
  end: number;
  speaker: string | null;
  matches: RemarkMatch[];
  /** Set when the page does not quote the remark but reports it without quotation marks ("X accused Y of …"). */
  paraphrased?: true;
}

/** Another outlet's figure for the same quantity, and what it says of the page's. */
export interface FigureOther {
  articleId: string;
  outlet: string | null;
  text: string;
  low: number | null;
  high: number | null;
  lowOpen: boolean;
  highOpen: boolean;
  /** The day it is given for, ISO, or null when its article is undated. */
  day: string | null;
  claimant: string | null;
  /** Against the page's figure: agree, differ, or a running count given for another day (see figureVerdict). */
  verdict: Verdict;
}

/** A figure on the page that other outlets also report. */
export interface FigureNote {
  text: string;
  start: number;
  end: number;
  quantity: string;
  low: number | null;
  high: number | null;
  lowOpen: boolean;
  highOpen: boolean;
  /** The day the page gives it for, ISO, or null when the page is undated. */
  day: string | null;
  claimant: string | null;
  others: FigureOther[];
  /** True when two of the figures (this page's and the others') cannot both be right for one day (see figuresDiffer). */
  differs: boolean;
}

export interface Notes {
  remarks: RemarkNote[];
  figures: FigureNote[];
  /** Corpus articles left out because the page is one of them. */
  excluded: string[];
}

/** Corpus plus its quote index, built once and reused for every page. */
export class Annotator {
  private readonly index: QuoteIndex;
  private readonly articles: Map<string, CorpusArticle>;
  private readonly figuresOf = new Map<string, Corpus['figures']>();
  private storiesMade: Stories | null = null;
  /** Articles of a growing corpus that were forgotten: still in its lists, never matched (see `forget`). */
  private readonly forgotten = new Set<string>();
  /** How many of the corpus's articles and figures are taken in (see `grown`). */
  private seen = { articles: 0, figures: 0 };
  /**
   * The remarks of each corpus quote, by article and words; built when a page
   * first has a paraphrase to check, again after the corpus grew or regrouped.
   */
  private remarkIds: Map<string, readonly number[]> | undefined;

  constructor(readonly corpus: Corpus) {
    this.index = new QuoteIndex(corpus.quotes, corpus.synonyms, corpus);
    this.articles = new Map();
    this.takeIn();
    this.storiesMade = storiesOf(corpus);
  }

  private takeIn(): void {
    const { articles, figures } = this.corpus;
    for (const a of articles.slice(this.seen.articles)) this.articles.set(a.id, a);
    for (const f of figures.slice(this.seen.figures)) {
      const list = this.figuresOf.get(f.articleId);
      if (list) list.push(f);
      else this.figuresOf.set(f.articleId, [f]);
    }
    this.seen = { articles: articles.length, figures: figures.length };
  }

  /** Which articles tell one story, over the articles not forgotten; worked out again after the corpus changed. */
  private get stories(): Stories {
    return (this.storiesMade ??= storiesOf(
      this.forgotten.size
        ? { ...this.corpus, articles: this.corpus.articles.filter((a) => !this.forgotten.has(a.id)) }
        : this.corpus,
    ));
  }

  /**
   * The corpus grew (see GrowingCorpus): articles, quotes and figures were
   * appended to its lists and its remarks numbered again. The new quotes are
   * indexed without building the index again; the stories are worked out
   * again on the next page.
   */
  grown(): void {
    this.index.indexAppended();
    this.takeIn();
    this.regrouped();
  }

  /** The corpus's remarks were numbered again (an article was added or forgotten). */
  regrouped(): void {
    remarksRegrouped(this.corpus);
    this.storiesMade = null;
    this.remarkIds = undefined;
  }

  /** Never match these articles again: a growing corpus forgets them in place until it is compacted. */
  forget(articleIds: Iterable<string>): void {
    for (const id of articleIds) this.forgotten.add(id);
    this.regrouped();
  }

  /** Corpus articles that are this page: the same URL, or near-identical text. */
  sameArticles(text: string, url: string | null): Set<string> {
    const print = fingerprint(text);
    const out = new Set<string>();
    for (const a of this.corpus.articles)
      if (
        !this.forgotten.has(a.id) &&
        ((url && a.url && sameUrl(a.url, url)) || resemblance(a.fingerprint, print) >= SAME_ARTICLE_JACCARD)
      )
        out.add(a.id);
    return out;
  }

  /**
   * Notes for an article; `threshold` is the remark similarity a match needs
   * (see REMARK_THRESHOLDS), `date` the article's date of publication (ISO),
   * when it shows one: no remark is linked that the corpus has only from
   * later than it was made (see quotableOn; the day it was made is the day
   * its sentence names, "on Wednesday", read against the page's date, see
   * remarkDay, else the page's date), and figures are given for the days their sentences
   * name, read against it (see figureDay).
   */
  annotate(text: string, options: { url?: string | null; threshold?: number; date?: string | null } = {}): Notes {
    const same = this.sameArticles(text, options.url ?? null);
    const exclude = this.forgotten.size ? new Set([...same, ...this.forgotten]) : same;
    const outlet = (id: string) => this.articles.get(id)?.outlet ?? null;

    const article = prepareArticle(text);
    const remarks: RemarkNote[] = [];
    const quotes = detectQuotes(article);
    for (const q of quotes) {
      // The day the remark was made, where its sentence says ("on Wednesday"): the occasion the causal rule reads.
      const matches = matchQuote(
        q.quote,
        q.speaker,
        this.corpus,
        this.index,
        exclude,
        options.threshold,
        remarkDay(q.said, options.date ?? null),
        statedDay(q.said, options.date ?? null),
      );
      if (matches.length === 0) continue;
      remarks.push({
        quote: q.quote,
        start: q.start,
        end: q.end,
        speaker: q.speaker,
        matches: matches.map((m) => ({
          articleId: m.quote.articleId,
          outlet: outlet(m.quote.articleId),
          quote: m.quote.quote,
          speaker: m.quote.speaker,
          similarity: m.similarity,
        })),
      });
    }

    remarks.push(...this.paraphrased(article, quotes, remarks, exclude, options.date ?? null));
    remarks.sort((a, b) => a.start - b.start || a.end - b.end);

    // A figure is compared only with articles that tell the same story as the
    // page, as the builder groups the corpus's figures (see Stories). Numbers
    // alone ("250,000 residents", "2 million people live there") say too
    // little to link two unrelated articles.
    const pageFigures = detectFigures(article)
      .filter((f) => f.quantity)
      .map((f) => ({ ...f, day: figureDay(f.when, options.date ?? null) }));
    // Only figures need the stories, which a growing corpus works out again after each change.
    const sameStory = pageFigures.length
      ? this.stories.storyOfPage(
          remarks.map((r) => r.matches.map((m) => m.articleId)),
          storyNames(text),
        )
      : new Set<string>();
    const others = new Map<(typeof pageFigures)[number], FigureOther[]>();
    for (const articleId of [...sameStory].sort()) {
      const list = this.figuresOf.get(articleId);
      if (!list || exclude.has(articleId)) continue;
      for (const [mine, theirs] of pairFigures(pageFigures, list, this.corpus.synonyms)) {
        const entry: FigureOther = {
          articleId,
          outlet: outlet(articleId),
          text: theirs.text,
          low: theirs.low,
          high: theirs.high,
          lowOpen: theirs.lowOpen,
          highOpen: theirs.highOpen,
          day: theirs.day,
          claimant: theirs.claimant,
          verdict: figureVerdict(mine, theirs),
        };
        others.set(mine, [...(others.get(mine) ?? []), entry]);
      }
    }
    const figures: FigureNote[] = pageFigures
      .filter((f) => others.has(f))
      .map((f) => ({
        text: f.text,
        start: f.start,
        end: f.end,
        quantity: describeQuantity(f.quantity!),
        low: f.low,
        high: f.high,
        lowOpen: f.lowOpen,
        highOpen: f.highOpen,
        day: f.day,
        claimant: f.claimant,
        others: others.get(f)!,
        differs: figuresDiffer([f, ...others.get(f)!]),
      }));
    return { remarks, figures, excluded: [...same].sort() };
  }

  /**
   * Notes for the remarks the page reports without quoting them: its
   * paraphrases (see detectParaphrases) that match a corpus quote of the
   * same speaker (see matchParaphrase). A paraphrase inside a quotation, or
   * of a remark the page also quotes, adds no note: the quote's note is it.
   */
  private paraphrased(
    article: ReturnType<typeof prepareArticle>,
    quotes: readonly { start: number; end: number }[],
    quoted: readonly RemarkNote[],
    exclude: ReadonlySet<string>,
    date: string | null,
  ): RemarkNote[] {
    const outlet = (id: string) => this.articles.get(id)?.outlet ?? null;
    const remarkIds = (this.remarkIds ??= new Map(
      this.corpus.quotes.map((q) => [`${q.articleId}\u0000${q.quote}`, q.remarks]),
    ));
    const remarksOf = (m: { articleId: string; quote: string }) =>
      remarkIds.get(`${m.articleId}\u0000${m.quote}`) ?? [];
    const alreadyQuoted = new Set(quoted.flatMap((r) => r.matches.flatMap(remarksOf)));
    const out: RemarkNote[] = [];
    for (const p of detectParaphrases(article)) {
      if (quotes.some((q) => q.start < p.end && p.start < q.end)) continue;
      const said = remarkDay(p.said, date);
      const matches = matchParaphrase(
        p.text,
        p.speaker,
        this.corpus,
        this.index,
        exclude,
        said,
        statedDay(p.said, date),
      ).map((m) => ({
        articleId: m.quote.articleId,
        outlet: outlet(m.quote.articleId),
        quote: m.quote.quote,
        speaker: m.quote.speaker,
        similarity: m.similarity,
      }));
      if (matches.length === 0 || matches.some((m) => remarksOf(m).some((r) => alreadyQuoted.has(r)))) continue;
      out.push({ quote: p.text, start: p.start, end: p.end, speaker: p.speaker, matches, paraphrased: true });
    }
    return out;
  }
}

function sameUrl(a: string, b: string): boolean {
  const strip = (u: string) =>
    u
      .replace(/^https?:\/\/(www\.)?/, '')
      .replace(/[?#].*$/, '')
      .replace(/\/$/, '');
  return strip(a) === strip(b);
}

/**
 * The notes of one page from two corpora (the bundled one and the reader's
 * remembered articles), as one answer: a remark or figure both found is one
 * note with both corpora's matches, the first corpus's first.
 *
 * Whether a merged figure's outlets differ is worked out again over all of
 * them; what each corpus said stays true (a pair that differs still does).
 * Across the two corpora the figures' measure is not known here, so a
 * population or an area given for two days is compared as a running count
 * would be: called "over time" rather than "differ".
 */
export function mergeNotes(first: Notes, second: Notes): Notes {
  const key = (n: { start: number; end: number }) => `${n.start}:${n.end}`;
  const remarks = new Map(first.remarks.map((r) => [key(r), { ...r, matches: [...r.matches] }]));
  for (const r of second.remarks) {
    const mine = remarks.get(key(r));
    if (mine) mine.matches.push(...r.matches);
    else remarks.set(key(r), r);
  }
  const figures = new Map(first.figures.map((f) => [key(f), { ...f, others: [...f.others] }]));
  for (const f of second.figures) {
    const mine = figures.get(key(f));
    if (!mine) figures.set(key(f), f);
    else {
      mine.others.push(...f.others);
      mine.differs =
        mine.differs || f.differs || figuresDiffer([{ ...f, articleId: null, quantity: null }, ...mine.others]);
    }
  }
  const byStart = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start - b.start || a.end - b.end;
  return {
    remarks: [...remarks.values()].sort(byStart),
    figures: [...figures.values()].sort(byStart),
    excluded: [...new Set([...first.excluded, ...second.excluded])].sort(),
  };
}
