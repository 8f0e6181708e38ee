/**
 * The one place text is taken apart: typography folded, sentences found,
 * words scanned, and an article read once (`prepareArticle`) for every
 * detector that reads it. Quotes, figures, the corpus, the diff and the
 * anchor all ask this module rather than keeping a rule of their own.
 *
 * Sentences and words are hand rules, not `Intl.Segmenter`: on news text the
 * segmenter ends a sentence after "Mr." and "Gen." and before "President" in
 * "the U.S. President", and it splits "year-old" and "twenty-five" into two
 * words and drops the dots of "U.S."; the detectors need all of these the
 * other way.
 */
import { foldChar, normalize, type NormalizedText } from './normalize';

// Typography -----------------------------------------------------------------

/** Marks that read as a single quotation mark or an apostrophe. */
const SINGLE_MARKS = /[\u2018\u2019\u201a\u201b\u2032\u2039\u203a\u02bc`]/;
/** Marks that read as a double quotation mark. */
const DOUBLE_MARKS = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const SINGLE_MARKS_ALL = new RegExp(SINGLE_MARKS.source, 'g');

/** One character of a quotation mark or apostrophe as its straight form (`'` or `"`); anything else as it is. */
export function straightQuote(ch: string): string {
  if (ch.length !== 1 || ch.charCodeAt(0) < 0x60) return ch;
  if (SINGLE_MARKS.test(ch)) return "'";
  if (DOUBLE_MARKS.test(ch)) return '"';
  return ch;
}

/** Apostrophes and single quotation marks as `'`: "Putin’s" and "Putin's" are one word. */
export function straightApostrophes(text: string): string {
  return text.replace(SINGLE_MARKS_ALL, "'");
}

/**
 * Text with the typography that is not wording folded: each character as
 * `normalize` folds it (`foldChar`: dashes, exotic spaces, NFKC), quotation
 * marks straightened, runs of whitespace as one space, the ends trimmed.
 * Positions are not kept: for comparing and showing wordings, not for
 * finding them in a page.
 */
export function foldTypography(text: string): string {
  let out = '';
  for (const ch of text) out += straightQuote(foldChar(ch));
  return out.replace(/\s+/g, ' ').trim();
}

// Sentences ------------------------------------------------------------------

/** Words before a full stop that do not end a sentence: initials ("U.S.", "J. Smith"), titles, months. */
const ABBREVIATION =
  /(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc))$/;
/** Characters before a full stop read for an abbreviation: the longest one ("Sept") and the boundary before it. */
const ABBREVIATION_WINDOW = 5;
const LOWER_CASE = /\p{Ll}/u;

/**
 * Whether a sentence ends at `text[p]`: a newline; or `.`, `!` or `?` (or, with
 * `clauses`, `;`) followed by whitespace or the end, unless a full stop closes
 * an abbreviation, or the next word after `.`, `!` or `?` begins in lower case
 * ("we will win... and they know it").
 */
function endsAt(text: string, p: number, clauses: boolean): boolean {
  const c = text[p]!;
  if (c === '\n') return true;
  if (c !== '.' && c !== '!' && c !== '?' && !(clauses && c === ';')) return false;
  const next = text[p + 1];
  if (next !== undefined && !/\s/.test(next)) return false;
  if (c === '.' && ABBREVIATION.test(text.slice(Math.max(0, p - ABBREVIATION_WINDOW), p))) return false;
  if (c === ';') return true;
  const word = text[p + 2];
  return word === undefined || next === '\n' || !LOWER_CASE.test(word);
}

/**
 * The sentences of a text, found in one pass and then looked up by binary
 * search: a detector asks for the sentence around each of thousands of
 * numbers or quotes, and a paragraph with no full stop must not be walked
 * once per question.
 */
export class Sentences {
  /** Index of every character that ends a sentence (the stop itself, or a newline), ascending. */
  private readonly stops: Int32Array;

  constructor(
    readonly text: string,
    options: { clauses?: boolean; work?: Work } = {},
  ) {
    const stops: number[] = [];
    for (let p = 0; p < text.length; p++) if (endsAt(text, p, options.clauses ?? false)) stops.push(p);
    this.stops = Int32Array.from(stops);
    if (options.work) options.work.units += text.length;
  }

  /** How many stops lie before index `i`. */
  private rank(i: number): number {
    let lo = 0;
    let hi = this.stops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.stops[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The sentence holding `[from, to)`: its start (just past the previous
   * stop) and its end (the index of its own stop, or the text's end).
   */
  around(from: number, to = from): [number, number] {
    const before = this.rank(from);
    const start = before > 0 ? this.stops[before - 1]! + 1 : 0;
    const after = this.rank(to);
    const end = after < this.stops.length ? this.stops[after]! : this.text.length;
    return [start, end];
  }

  /** Every sentence as text, its stop kept, whitespace around it trimmed, empty ones left out. */
  list(): string[] {
    const out: string[] = [];
    let start = 0;
    for (const stop of [...this.stops, this.text.length]) {
      const s = this.text.slice(start, stop + 1).trim();
      if (s) out.push(s);
      start = stop + 1;
    }
    return out;
  }
}

/** The sentences of `text` (with `clauses`, also split at semicolons). */
export function sentences(text: string, options: { clauses?: boolean } = {}): string[] {
  return new Sentences(text, options).list();
}

// Words ----------------------------------------------------------------------

/**
 * The word patterns the readers of a text use, side by side so that their
 * differences are deliberate:
 * - `prose`: words as attribution reads them, with internal apostrophes,
 *   hyphens and dots ("Putin’s", "al-Sisi", "U.S."), digits included;
 * - `letters`: words as figures read what is counted, letters only, with
 *   internal apostrophes and hyphens ("year-old", "Gazans"), so that "36,586"
 *   is not a word of the sentence;
 * - `remark`: words as remarks are compared, split at hyphens, "n't" a word of
 *   its own, and sentence punctuation kept as tokens (it ends a negation).
 */
export const WORD_PATTERNS = {
  prose: /[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*/gu,
  letters: /[\p{L}][\p{L}'-]*/gu,
  remark: /n't|[\p{L}\p{N}]+(?:'[\p{L}]+)?|[.,;:!?]/gu,
} as const;
export type WordPattern = keyof typeof WORD_PATTERNS;

/** A word found in a text, with its place: `text.slice(start, end) === word`. */
export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** The words of `text[from, to)` by one of the `WORD_PATTERNS`; a word starting before `to` is kept whole. */
export function wordSpans(text: string, pattern: WordPattern, from = 0, to = text.length): WordSpan[] {
  const re = new RegExp(WORD_PATTERNS[pattern]);
  re.lastIndex = from;
  const out: WordSpan[] = [];
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text))
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** How many words of letters and digits `text` holds. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

// An article, read once ------------------------------------------------------

/**
 * Units of work a detector did, for tests that must tell linear from
 * quadratic without a clock: each reader adds the characters or words it
 * examined.
 */
export interface Work {
  units: number;
}

/** An article read once, shared by every detector that reads it. */
export interface PreparedArticle {
  /** The text as given: every position a detector reports is an index into it. */
  readonly source: string;
  /** The normalised text and its map back to `source`. */
  readonly norm: NormalizedText;
  /** The sentences of the normalised text. */
  readonly sentences: Sentences;
  readonly work?: Work;
}

/** Normalise `source` and find its sentences, once for all detectors. */
export function prepareArticle(source: string, options: { work?: Work } = {}): PreparedArticle {
  const norm = normalize(source);
  if (options.work) options.work.units += source.length;
  return { source, norm, sentences: new Sentences(norm.text, { work: options.work }), work: options.work };
}

/** `text` as a prepared article, unless it is one already. */
export function articleOf(text: string | PreparedArticle): PreparedArticle {
  return typeof text === 'string' ? prepareArticle(text) : text;
}
