/**
 * The three decisions the corpus builder and the page's matcher must make
 * alike, each made here and nowhere else: whether two wordings are the same
 * remark, which articles tell the same story, and whether figures for one
 * quantity differ. The builder groups the corpus with them, the annotator
 * writes a page's notes with them, and the popup's search and the page's
 * cards show what they decided, so the two can never disagree.
 */
import { remarkSimilarity, SAME_REMARK_THRESHOLD, type Lexicon, type Prepared } from '../text/similarity';
import type { SynonymTable } from '../text/wordnet';
import type { Corpus } from './schema';

// Same remark -----------------------------------------------------------------

/**
 * Whether two quotes may be by one speaker: their surnames match ("Putin",
 * "Vladimir Putin"), or neither is attributed. A quote whose speaker is
 * unknown, or a role the article does not name ("a Hamas official"), is
 * never linked to a named speaker's remark: wording alone cannot tell a
 * stock phrase in another mouth from the same remark.
 */
export function speakersCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return !a && !b;
  const surname = (s: string) => s.split(/\s+/).at(-1)!.toLowerCase();
  return surname(a) === surname(b);
}

/**
 * Whether a similarity score says "same remark" at `threshold` (see
 * REMARK_THRESHOLDS). The score is compared as computed, never rounded.
 */
export function isSameRemark(score: number, threshold = SAME_REMARK_THRESHOLD): boolean {
  return score >= threshold;
}

/**
 * Days between a remark and the reports of it that still tell of the same
 * occasion: papers report the next day, weeklies and late translations a few
 * days on. A page dated more than this before every report the corpus has of
 * a remark is quoting something else: a remark cannot be quoted before it
 * was said.
 */
export const REPORTING_WINDOW_DAYS = 7;
/**
 * A page dated this long after every report of a remark is more likely
 * quoting a like remark of a later occasion than re-quoting this one. It is
 * evidence, not a veto (remarks are re-quoted months later): such a pair
 * needs LATE_QUOTE_MARGIN more similarity.
 */
export const LATE_QUOTE_DAYS = 90;
export const LATE_QUOTE_MARGIN = 0.05;

const DAY_MS = 86_400_000;
/** Day number of an ISO date or date-time ("2023-10-25", "2023-10-25T09:00:00Z"); null when it is none. */
function dayOf(date: string | null | undefined): number | null {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null;
}

/**
 * Whether a page dated `pageDate` can quote a remark the corpus has from
 * articles dated `remarkDates`: not when every one of them is later than the
 * page by more than REPORTING_WINDOW_DAYS. An undated page is never ruled
 * out, nor is a remark with an undated article (it may be the earlier one).
 */
export function quotableOn(pageDate: string | null, remarkDates: readonly (string | null)[]): boolean {
  const page = dayOf(pageDate);
  const days = remarkDates.map(dayOf);
  if (page === null || days.length === 0 || days.includes(null)) return true;
  return Math.min(...(days as number[])) <= page + REPORTING_WINDOW_DAYS;
}

/**
 * The similarity a pair needs, given the dates: `threshold`, or
 * LATE_QUOTE_MARGIN more when the page is dated LATE_QUOTE_DAYS after every
 * dated report of the remark.
 */
export function remarkThreshold(
  threshold: number,
  pageDate: string | null,
  remarkDates: readonly (string | null)[],
): number {
  const page = dayOf(pageDate);
  const days = remarkDates.map(dayOf).filter((d) => d !== null);
  if (page === null || days.length === 0) return threshold;
  return page - Math.max(...days) > LATE_QUOTE_DAYS ? threshold + LATE_QUOTE_MARGIN : threshold;
}

/** A wording of a remark ready for the decision: prepared for scoring, and who said it. */
export interface Wording {
  prepared: Prepared;
  speaker: string | null;
}

/** The page's wording, and the page's date (ISO; null when the page shows none). */
export interface PageWording extends Wording {
  date: string | null;
}

/** A corpus wording, and the dates of every article that quotes its remark (null for an undated one). */
export interface CorpusWording extends Wording {
  dates: readonly (string | null)[];
}

/** The corpus's word tables the measure reads (see Lexicon). */
export interface WordTables extends Lexicon {
  synonyms: SynonymTable;
}

/**
 * Whether two corpus wordings are the same remark: their speakers may be
 * one, and their similarity passes the threshold. The builder asks the two
 * halves apart (`speakersCompatible`, then `isSameRemark`) only so that a
 * wording shared by many quotes is scored once.
 */
export function sameRemark(a: Wording, b: Wording, tables: WordTables, threshold = SAME_REMARK_THRESHOLD): boolean {
  return (
    speakersCompatible(a.speaker, b.speaker) &&
    isSameRemark(remarkSimilarity(a.prepared, b.prepared, tables.synonyms, tables), threshold)
  );
}

/**
 * Whether a page's wording quotes a corpus remark: the same speaker, a page
 * not dated before the remark was said (`quotableOn`), and a similarity that
 * passes the threshold the dates ask for (`remarkThreshold`). The matcher
 * asks the parts apart for the same reason as the builder.
 */
export function quotesRemark(
  page: PageWording,
  corpus: CorpusWording,
  tables: WordTables,
  threshold = SAME_REMARK_THRESHOLD,
): boolean {
  return (
    speakersCompatible(page.speaker, corpus.speaker) &&
    quotableOn(page.date, corpus.dates) &&
    isSameRemark(
      remarkSimilarity(page.prepared, corpus.prepared, tables.synonyms, tables),
      remarkThreshold(threshold, page.date, corpus.dates),
    )
  );
}

// Same story ------------------------------------------------------------------

/** An article as stories see it: its id, and the event it was filed under, if any. */
export interface StoryArticle {
  id: string;
  event?: string | null;
}

/**
 * Which articles tell one story: those filed under one event; and an article
 * with no event joins, through each remark it shares, the first article of
 * that remark (in corpus order) that has an event, or all of them when none
 * has. A page is an article with no event. This keeps "at least 40 killed"
 * in one flood from pairing with every other disaster's death toll, and a
 * remark quoted across events (a stock phrase, two speakers of one surname)
 * never joins two events.
 */
export class Stories {
  private readonly order = new Map<string, number>();
  private readonly parent: Int32Array;
  private members: Map<number, string[]> | null = null;

  constructor(private readonly articles: readonly StoryArticle[]) {
    articles.forEach((a, i) => this.order.set(a.id, i));
    this.parent = Int32Array.from(articles, (_, i) => i);
    const firstOfEvent = new Map<string, number>();
    articles.forEach((a, i) => {
      if (!a.event) return;
      const first = firstOfEvent.get(a.event);
      if (first === undefined) firstOfEvent.set(a.event, i);
      else this.union(first, i);
    });
  }

  private find(x: number): number {
    while (this.parent[x] !== x) x = this.parent[x] = this.parent[this.parent[x]!]!;
    return x;
  }

  private union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  /**
   * The articles a remark links, as indices in corpus order: its anchor (the
   * first with an event, else the first) and every one with no event.
   */
  private linked(articleIds: readonly string[]): number[] {
    const members = [...new Set(articleIds.map((id) => this.order.get(id)).filter((i) => i !== undefined))].sort(
      (a, b) => a - b,
    );
    const anchor = members.find((i) => this.articles[i]!.event) ?? members[0];
    return members.filter((i) => i === anchor || !this.articles[i]!.event);
  }

  /** Record that the articles `articleIds` quote one remark. */
  link(articleIds: readonly string[]): void {
    const [anchor, ...rest] = this.linked(articleIds);
    for (const i of rest) this.union(anchor!, i);
    this.members = null;
  }

  /** Every story, as article ids in corpus order, stories in the order of their first article. */
  groups(): string[][] {
    return [...this.byRoot().values()];
  }

  /**
   * The articles that tell one story with a page that shares remarks with
   * them: `remarks` lists, for each remark the page quotes, the articles
   * that quote it too. The page joins as an article with no event would.
   */
  storyOfPage(remarks: readonly (readonly string[])[]): Set<string> {
    const roots = new Set<number>();
    for (const ids of remarks) for (const i of this.linked(ids)) roots.add(this.find(i));
    const byRoot = this.byRoot();
    return new Set([...roots].flatMap((r) => byRoot.get(r)!));
  }

  private byRoot(): Map<number, string[]> {
    if (!this.members) {
      this.members = new Map();
      this.articles.forEach((a, i) => {
        const root = this.find(i);
        const list = this.members!.get(root);
        if (list) list.push(a.id);
        else this.members!.set(root, [a.id]);
      });
    }
    return this.members;
  }
}

/** A corpus's stories: its events, and the remarks its articles share. */
export function storiesOf(corpus: Corpus): Stories {
  const stories = new Stories(corpus.articles);
  for (const r of corpus.remarks) stories.link(r.variants.map((v) => corpus.quotes[v.quote]!.articleId));
  return stories;
}

// Figures that differ ---------------------------------------------------------

/** A figure as an interval (null = an open end), and the article it is from (null for the page being read). */
export interface ReportedFigure {
  articleId?: string | null;
  low: number | null;
  high: number | null;
}

/** Whether two figures for one quantity can both be right: their intervals share a value. */
export function figuresAgree(a: ReportedFigure, b: ReportedFigure): boolean {
  return (a.low ?? -Infinity) <= (b.high ?? Infinity) && (b.low ?? -Infinity) <= (a.high ?? Infinity);
}

/** Whether figures for one quantity cannot all be right: two of them, from different articles, do not agree. */
export function figuresDiffer(figures: readonly ReportedFigure[]): boolean {
  return figures.some((f, i) =>
    figures.some((g, j) => j > i && (f.articleId ?? null) !== (g.articleId ?? null) && !figuresAgree(f, g)),
  );
}
