/**
 * The three decisions the corpus builder and the page's matcher must make
 * alike, each made here and nowhere else: whether two wordings are the same
 * remark, which articles tell the same story, and whether figures for one
 * quantity differ. The builder groups the corpus with them, the annotator
 * writes a page's notes with them, and the popup's search and the page's
 * cards show what they decided, so the two can never disagree.
 */
import {
  paraphraseSimilarity,
  remarkSimilarity,
  SAME_REMARK_THRESHOLD,
  type Lexicon,
  type Prepared,
} from '../text/similarity';
import { PARAPHRASE_THRESHOLD } from '../text/thresholds';
import type { SynonymTable } from '../text/wordnet';
import { intervalsMeet, type Interval } from '../text/intervals';
import { isPeopleCount } from '../text/figures';
import type { Corpus } from './schema';

// Same remark -----------------------------------------------------------------

/**
 * Whether two quotes may be by one speaker: their surnames match ("Putin",
 * "Vladimir Putin") and their given names do not tell two people apart
 * ("Anna Okafor" and "Tomas Okafor"), or neither is attributed. A quote whose speaker is
 * unknown, or a role the article does not name ("a Hamas official"), is
 * never linked to a named speaker's remark: wording alone cannot tell a
 * stock phrase in another mouth from the same remark.
 */
export function speakersCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return !a && !b;
  const parts = (s: string) => s.toLowerCase().split(/\s+/);
  const [pa, pb] = [parts(a), parts(b)];
  if (pa.at(-1) !== pb.at(-1)) return false;
  // Namesakes: "Anna Okafor" is not "Tomas Okafor". The given names of the
  // shorter name must be among the longer's ("Tayyip Erdogan", "Recep Tayyip
  // Erdogan"), an initial standing for a name ("V. Putin"); a surname alone fits any.
  const [short, long] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  const given = long.slice(0, -1);
  const fits = (g: string) => given.some((h) => h === g || (/^\p{L}\.?$/u.test(g) && h.startsWith(g.replace('.', ''))));
  return short.slice(0, -1).every(fits);
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
 * Days a report may carry an earlier date than the remark it reports: a
 * time zone, a weekday read against a page dated the day after. Beyond it,
 * a report older than the remark is of another occasion.
 */
export const EARLIER_REPORT_DAYS = 2;

/**
 * Whether a remark the page says was made on `saidDay` (its sentence names
 * the day: "told rail unions on Monday", see saidWhen and remarkDay) is
 * another occasion than a corpus remark every report of which is dated more
 * than EARLIER_REPORT_DAYS before that day: those reports were written
 * before the page's remark was made, so they quote an earlier saying of the
 * same words. A speaker who repeats a line in May is not the March remark.
 * Null `saidDay` (no day named, or only "last week"), or any undated report,
 * rules nothing out.
 */
export function reportedBeforeSaid(saidDay: string | null, remarkDates: readonly (string | null)[]): boolean {
  const said = dayOf(saidDay);
  const days = remarkDates.map(dayOf);
  if (said === null || days.length === 0 || days.includes(null)) return false;
  return Math.max(...(days as number[])) < said - EARLIER_REPORT_DAYS;
}

/**
 * The day a remark was made, ISO, from the day its sentence names, read
 * against the page's date; null when it names none, only "last week" (a
 * span, not a day), or the page is undated. See remarkDay.
 */
export function statedDay(said: string | null | undefined, pageDate: string | null): string | null {
  return said && said !== 'last-week' ? remarkDay(said, pageDate) : null;
}

/**
 * The day a remark was made, ISO, from when its sentence says it was
 * ("on Wednesday", "yesterday", "last week"; see saidWhen) and the page's
 * date: the weekday on or before the page's date, the day before it, or for
 * "last week" the last day of the week before (the latest it can be, so
 * the causal rule never rules out a remark it should not). The page's own
 * date when the sentence names no day; null for an undated page.
 */
export function remarkDay(said: string | null | undefined, pageDate: string | null): string | null {
  if (!pageDate || !/^\d{4}-\d{2}-\d{2}/.test(pageDate)) return null;
  const date = pageDate.slice(0, 10);
  if (said === 'last-week') {
    const published = new Date(`${date}T12:00:00Z`);
    // Weeks run Monday to Sunday in news copy: the Sunday before this week's Monday.
    const back = ((published.getUTCDay() + 6) % 7) + 1;
    return new Date(published.getTime() - back * DAY_MS).toISOString().slice(0, 10);
  }
  return figureDay(said ?? null, date);
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

/**
 * Whether a page's unquoted paraphrase reports a corpus remark: a named
 * speaker, the same one (a paraphrase with nobody named is the writer's
 * own sentence), a page not dated before the remark, and the paraphrase's
 * content found in the quote past PARAPHRASE_THRESHOLD (and the margin a
 * late page asks for; see remarkThreshold).
 */
export function paraphrasesRemark(page: PageWording, corpus: CorpusWording, tables: WordTables): boolean {
  return (
    page.speaker !== null &&
    speakersCompatible(page.speaker, corpus.speaker) &&
    quotableOn(page.date, corpus.dates) &&
    isSameRemark(
      paraphraseSimilarity(page.prepared, corpus.prepared, tables.synonyms, tables),
      remarkThreshold(PARAPHRASE_THRESHOLD, page.date, corpus.dates),
    )
  );
}

// Same story ------------------------------------------------------------------

/** An article as stories see it: its id, the event it was filed under, if any, and the names it mentions. */
export interface StoryArticle {
  id: string;
  event?: string | null;
  /** The people and places it names (`storyNames`), lower case. */
  names?: readonly string[];
}

/** Capitalised words that are not names of a story: titles, days, months, words that open headlines. */
const NOT_NAMES = new Set(
  (
    'the a an and but or of in on at to for from by with as this that these those it its he she they we his her their our ' +
    'mr mrs ms dr gen president minister prime ministry police officials official government state news agency reuters ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december jan feb mar apr jun jul aug sep sept oct nov dec north south east west northern southern ' +
    'eastern western central city town river street road national international world update live breaking exclusive'
  ).split(' '),
);
/** At most this many names are kept per article, its most frequent first. */
export const MAX_STORY_NAMES = 40;

/**
 * The people and places an article names: capitalised words that do not open
 * a sentence, lower case, most frequent first. Two outlets' reports of one
 * flood share "Almer", "Kessdale" and "Hollin"; two floods share only "River".
 */
export function storyNames(text: string): string[] {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\p{Lu}[\p{L}'’-]{2,}/gu)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    // A sentence or a paragraph opens here: the capital says nothing.
    if (m.index === 0 || /(?:[.!?"“‘(]\s*|\n\s*|:\s)$/.test(before)) continue;
    const name = m[0].toLowerCase().replace(/['’]s$/, '');
    if (NOT_NAMES.has(name)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_STORY_NAMES)
    .map(([name]) => name);
}

/**
 * Two articles tell one story by their names when the names they share weigh
 * this much: each shared name weighs ln(articles ÷ articles naming it), so a
 * name every article carries weighs nothing and a place only this story
 * names weighs most. At least STORY_MIN_NAMES names must be shared.
 */
export const STORY_NAME_WEIGHT = 3;
export const STORY_MIN_NAMES = 2;
/** Names carried by more articles than this share of the corpus (and at least 20) are too common to link anything. */
const COMMON_NAME_SHARE = 0.2;

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

  /** Name → indices of the articles naming it, for names not too common to link. */
  private readonly byName = new Map<string, number[]>();

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
    articles.forEach((a, i) => {
      for (const name of a.names ?? []) {
        const list = this.byName.get(name);
        if (list) list.push(i);
        else this.byName.set(name, [i]);
      }
    });
    const common = Math.max(20, articles.length * COMMON_NAME_SHARE);
    for (const [name, list] of this.byName) if (list.length > common) this.byName.delete(name);
    // A corpus of which no article has an event (the reader's remembered articles) joins articles by their names
    // only when every story is asked for: a page's story is walked from the page (see storyOfPage), which costs a
    // growing corpus far less after each article added than joining all of them again.
    if (articles.some((a) => a.event)) this.joinNames();
  }

  /** Whether every article has joined the articles it shares names with. */
  private namesJoined = false;

  private joinNames(): void {
    if (this.namesJoined) return;
    this.namesJoined = true;
    // An article with no event joins the story of the articles it shares names with, as it would through a remark.
    this.articles.forEach((a, i) => {
      if (a.event || !a.names) return;
      // (As `link` of the two would: with `a` of no event, the pair is always joined.)
      for (const j of this.namedWith(a.names)) if (j !== i) this.union(i, j);
    });
    this.members = null;
  }

  /** Scratch sums and counts by article for `namedWith`, zeroed again after each use (it runs once per article). */
  private scratch: { sum: Float64Array; count: Int32Array } | null = null;

  /** Articles whose names, shared with `names`, weigh enough to tell one story (see STORY_NAME_WEIGHT). */
  private namedWith(names: readonly string[]): number[] {
    const n = this.articles.length;
    const { sum, count } = (this.scratch ??= { sum: new Float64Array(n), count: new Int32Array(n) });
    const touched: number[] = [];
    for (const name of new Set(names)) {
      const list = this.byName.get(name);
      if (!list) continue;
      const w = Math.log(n / list.length);
      for (const j of list) {
        if (count[j] === 0) touched.push(j);
        sum[j]! += w;
        count[j]!++;
      }
    }
    const out: number[] = [];
    for (const j of touched) {
      if (count[j]! >= STORY_MIN_NAMES && sum[j]! >= STORY_NAME_WEIGHT) out.push(j);
      sum[j] = 0;
      count[j] = 0;
    }
    return out.sort((a, b) => a - b);
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
    this.joinNames();
    return [...this.byRoot().values()];
  }

  /**
   * The articles that tell one story with a page that shares remarks or
   * names with them: `remarks` lists, for each remark the page quotes, the
   * articles that quote it too; `names` are the page's `storyNames`. The
   * page joins as an article with no event would.
   */
  storyOfPage(remarks: readonly (readonly string[])[], names: readonly string[] = []): Set<string> {
    const roots = new Set<number>();
    for (const ids of remarks) for (const i of this.linked(ids)) roots.add(this.find(i));
    // A page names its story's people and places too: it joins the story of each article it shares them with.
    for (const j of this.namedWith(names)) for (const i of this.linked([this.articles[j]!.id])) roots.add(this.find(i));
    const byRoot = this.byRoot();
    if (this.namesJoined) return new Set([...roots].flatMap((r) => byRoot.get(r)!));
    // No article has an event, and the names are not joined yet: walk from the page's stories through the names
    // each of their articles shares, taking in each story so reached whole, as joining every article would.
    const out = new Set<string>();
    const queue = [...roots];
    while (queue.length) {
      for (const id of byRoot.get(queue.pop()!)!) {
        out.add(id);
        const names = this.articles[this.order.get(id)!]!.names;
        if (!names) continue;
        for (const j of this.namedWith(names)) {
          const root = this.find(j);
          if (!roots.has(root)) {
            roots.add(root);
            queue.push(root);
          }
        }
      }
    }
    return out;
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

// Figures: agree, differ, or a count that moved ------------------------------

/** A figure as a verdict sees it: its interval, the article it is from (null for the page), what it counts and the day it is for. */
export interface ReportedFigure {
  articleId?: string | null;
  low: number | null;
  high: number | null;
  lowOpen?: boolean;
  highOpen?: boolean;
  /** What is counted (`measure` and `scope` are read: whether the count runs over time). */
  quantity?: { measure: string; scope?: string | null } | null;
  /** The day the figure is given for, ISO `YYYY-MM-DD` (see `figureDay`), or null when unknown. */
  day?: string | null;
}

/** Whether two figures for one quantity can both be right: some value satisfies both wordings (docs/figures.md). */
export function figuresAgree(a: ReportedFigure, b: ReportedFigure): boolean {
  const interval = (f: ReportedFigure): Interval => ({
    low: f.low,
    high: f.high,
    lowOpen: f.lowOpen ?? false,
    highOpen: f.highOpen ?? false,
  });
  return intervalsMeet(interval(a), interval(b));
}

/** Counts that are facts of the place or the event, not running totals: their day does not change them. */
const FIXED_MEASURES = new Set([
  'population',
  'area',
  'magnitude',
  'turnout',
  'turnout (%)',
  'capacity',
  'workforce',
  'aboard',
]);

/**
 * What a careful editor says of two figures for one quantity:
 * - "over-time": a running count (killed, missing, evacuated…) given as
 *   different figures for different days ("41 on 3 May; 58 on 5 May"): the
 *   note shows each with its day, and never calls them contradictory;
 * - "agree": they can both be right;
 * - "differ": they cannot both be right for the same day.
 */
export type Verdict = 'agree' | 'differ' | 'over-time';

export function figureVerdict(a: ReportedFigure, b: ReportedFigure): Verdict {
  const measure = a.quantity?.measure ?? b.quantity?.measure ?? '';
  // The same figure on two days: a plan or an amount restated ("2,900 jobs", "a €50 million fund") has not
  // moved, and the outlets agree; a toll of people is shown with each day even when it held ("9 on
  // Tuesday; 9 on Thursday"): nobody counted it once for both.
  const same = a.low === b.low && a.high === b.high && !!a.lowOpen === !!b.lowOpen && !!a.highOpen === !!b.highOpen;
  // A count of one day ("arrested on the night", "killed on the first day") is done once that day is over:
  // two reports of it that can both be right agree; two that cannot are still shown by day, as a count
  // revised later is not two outlets contradicting each other.
  const oneDay = /^on /.test(a.quantity?.scope ?? b.quantity?.scope ?? '') && figuresAgree(a, b);
  if (a.day && b.day && a.day !== b.day && !FIXED_MEASURES.has(measure) && !oneDay && (!same || isPeopleCount(measure)))
    return 'over-time';
  return figuresAgree(a, b) ? 'agree' : 'differ';
}

/** Whether figures for one quantity cannot all be right: two of them, from different articles, differ for the same day. */
export function figuresDiffer(figures: readonly ReportedFigure[]): boolean {
  return figures.some((f, i) =>
    figures.some(
      (g, j) => j > i && (f.articleId ?? null) !== (g.articleId ?? null) && figureVerdict(f, g) === 'differ',
    ),
  );
}

const WEEKDAY_INDEX: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const MONTH_INDEX: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/**
 * The day a figure is given for, ISO `YYYY-MM-DD`: the day its sentence names
 * ("on Monday": the last Monday on or before the article's date; "a day
 * earlier", written "-1" by the reader: the day before; "Oct 7": in
 * the article's year, or the year before when that would be after the
 * article), else the article's own date (a running count is as of the day it
 * is published). Null when the article has no date.
 */
export function figureDay(when: string | null, articleDate: string | null): string | null {
  if (!articleDate || !/^\d{4}-\d{2}-\d{2}$/.test(articleDate)) return null;
  const published = new Date(`${articleDate}T12:00:00Z`);
  if (!when) return articleDate;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  if (when === '-1') return iso(new Date(published.getTime() - 86_400_000));
  if (when in WEEKDAY_INDEX) {
    const back = (published.getUTCDay() - WEEKDAY_INDEX[when]! + 7) % 7;
    return iso(new Date(published.getTime() - back * 86_400_000));
  }
  const m = /^([a-z]{3}) (\d{1,2})$/.exec(when);
  if (m && m[1]! in MONTH_INDEX) {
    let d = new Date(Date.UTC(published.getUTCFullYear(), MONTH_INDEX[m[1]!]!, Number(m[2]), 12));
    if (d > published) d = new Date(Date.UTC(published.getUTCFullYear() - 1, MONTH_INDEX[m[1]!]!, Number(m[2]), 12));
    return iso(d);
  }
  return articleDate;
}
