/**
 * How likely two quotations are the same remark. Written by hand: the
 * measure has to survive the ways newsrooms render one spoken sentence —
 * different translations ("does not resemble a war" / "does not really look
 * like a war"), partial quotes ("absolutely unacceptable" inside a longer
 * quote) and light edits — while refusing negations and different remarks.
 *
 * Two views are averaged:
 * - character trigram cosine, which catches spelling variants and shared
 *   phrasing without any notion of words;
 * - a synonym-aware word alignment (soft Dice over content stems), which
 *   catches translations that share meaning but not letters.
 * For a short quote inside a longer one, containment replaces the symmetric
 * scores. A negation on one side and not the other rules a pair out.
 */
import { words, type Word } from './words';
import type { SynonymTable } from './wordnet';

export { SAME_REMARK_THRESHOLD, REMARK_THRESHOLDS, type Sensitivity } from './thresholds';

/**
 * Share of the character-trigram view in the score; the rest is the word
 * view. Trigrams reward shared spelling even where one word flips the claim
 * ("a catastrophe for farmers" / "a victory for farmers"), so words weigh more.
 */
export const TRIGRAM_WEIGHT = 0.35;
/** A word that is a synonym of the other side's word counts this much of an exact match. */
export const SYNONYM_WEIGHT = 0.8;
/**
 * A partial quote is an excerpt: it needs this many content words, or a
 * verbatim run of words in the longer quote ("absolutely unacceptable").
 */
export const MIN_PARTIAL_CONTENT_WORDS = 3;
/** …and this share of its content words found in the longer quote. */
export const MIN_PARTIAL_COVERAGE = 0.6;
/** …and this share of them found word for word, not only as synonyms. */
export const MIN_PARTIAL_EXACT = 0.5;
/** Quotes with fewer content words than this are never matched: too little to tell remarks apart. */
export const MIN_CONTENT_WORDS = 2;

/** A remark prepared for comparison: computed once, compared many times. */
export interface Prepared {
  words: Word[];
  content: Word[];
  trigrams: Map<string, number>;
  norm: number;
}

export function prepare(text: string): Prepared {
  const w = words(text);
  const content = w.filter((x) => x.content);
  const trigrams = trigramCounts(w.map((x) => x.word).join(' '));
  let sq = 0;
  for (const c of trigrams.values()) sq += c * c;
  return { words: w, content, trigrams, norm: Math.sqrt(sq) };
}

function trigramCounts(s: string): Map<string, number> {
  const padded = ` ${s} `;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function trigramOverlap(a: Prepared, b: Prepared): number {
  let dot = 0;
  const [small, large] = a.trigrams.size <= b.trigrams.size ? [a, b] : [b, a];
  for (const [g, c] of small.trigrams) dot += c * (large.trigrams.get(g) ?? 0);
  return dot;
}

/**
 * How well word `w` is matched by one of `others` (1 exact stem, SYNONYM_WEIGHT
 * a synonym, else 0), and by which. Of several exact matches, one negated as
 * `w` is wins: "the people of X will not be silenced … in X" uses X twice,
 * once outside the negation and once inside, and must match itself.
 */
function bestMatch(w: Word, others: Word[], synonyms: SynonymTable): { score: number; index: number } {
  if (!mayMatch(w, lookupOf(others, synonyms), synonyms)) return { score: 0, index: -1 };
  let best = { score: 0, index: -1 };
  for (let i = 0; i < others.length; i++) {
    const o = others[i]!;
    if (o.stem === w.stem) {
      if (o.negated === w.negated) return { score: 1, index: i };
      if (best.score < 1) best = { score: 1, index: i };
    } else if (best.score < SYNONYM_WEIGHT && areSynonyms(w, o, others[i + 1], synonyms))
      best = { score: SYNONYM_WEIGHT, index: i };
  }
  return best;
}

/**
 * What a list of words offers a match, as sets: its stems, its two-word
 * stems ("look_like") and every stem its words' synonyms name. Most words of
 * a candidate quote match nothing; these sets say so without walking the
 * list, which is most of the cost of scoring candidates in a large corpus.
 */
interface Lookup {
  stems: Set<string>;
  pairs: Set<string>;
  standIns: Set<string>;
}
const lookups = new WeakMap<SynonymTable, WeakMap<Word[], Lookup>>();

function lookupOf(words: Word[], synonyms: SynonymTable): Lookup {
  let byWords = lookups.get(synonyms);
  if (!byWords) lookups.set(synonyms, (byWords = new WeakMap()));
  let look = byWords.get(words);
  if (!look) {
    look = { stems: new Set(), pairs: new Set(), standIns: new Set() };
    words.forEach((o, i) => {
      look!.stems.add(o.stem);
      const next = words[i + 1];
      if (next) look!.pairs.add(`${o.stem}_${next.stem}`);
      for (const s of synonyms[o.stem] ?? []) look!.standIns.add(s);
    });
    byWords.set(words, look);
  }
  return look;
}

/** Whether `w` can match any word of the list behind `look`: exactly, or as a synonym either way (see areSynonyms). */
function mayMatch(w: Word, look: Lookup, synonyms: SynonymTable): boolean {
  if (look.stems.has(w.stem) || look.standIns.has(w.stem)) return true;
  for (const s of synonyms[w.stem] ?? []) if (look.stems.has(s) || look.pairs.has(s)) return true;
  return false;
}

function areSynonyms(w: Word, o: Word, oNext: Word | undefined, synonyms: SynonymTable): boolean {
  const ws = synonyms[w.stem];
  const os = synonyms[o.stem];
  if (ws && (sortedIncludes(ws, o.stem) || (oNext && sortedIncludes(ws, `${o.stem}_${oNext.stem}`)))) return true;
  return !!os && sortedIncludes(os, w.stem);
}

/** Whether a sorted list holds `x`: synonym lists and postings are sorted, and binary search keeps look-ups cheap. */
export function sortedIncludes<T extends string | number>(sorted: readonly T[], x: T): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Align content words of `a` onto all words of `b`; returns the summed score,
 * or null when a word both share verbatim is negated on one side only.
 */
function align(a: Prepared, b: Prepared, synonyms: SynonymTable): { sum: number; exact: number } | null {
  let sum = 0;
  let exact = 0;
  for (const w of a.content) {
    const m = bestMatch(w, b.words, synonyms);
    if (m.score === 1 && b.words[m.index]!.negated !== w.negated) return null;
    sum += m.score;
    if (m.score === 1) exact++;
  }
  return { sum, exact };
}

/** Similarity of two remarks in [0, 1]; 0 when either is too short to tell or negation disagrees. */
export function similarity(a: Prepared, b: Prepared, synonyms: SynonymTable): number {
  if (a.content.length < MIN_CONTENT_WORDS || b.content.length < MIN_CONTENT_WORDS) return 0;
  const ab = align(a, b, synonyms);
  const ba = align(b, a, synonyms);
  if (ab === null || ba === null) return 0;
  const dot = trigramOverlap(a, b);
  const cosine = a.norm && b.norm ? dot / (a.norm * b.norm) : 0;
  const dice = (ab.sum + ba.sum) / (a.content.length + b.content.length);
  const whole = TRIGRAM_WEIGHT * cosine + (1 - TRIGRAM_WEIGHT) * dice;

  // A partial quote: the shorter one read against the longer one.
  const [short, long, shortInLong] = a.content.length <= b.content.length ? [a, b, ab] : [b, a, ba];
  if (short.content.length === long.content.length) return whole;
  const containedWords = shortInLong.sum / short.content.length;
  if (containedWords < MIN_PARTIAL_COVERAGE) return whole;
  // An excerpt keeps at least half its words as they were: a long quote has
  // room for a synonym of almost anything ("the main thing is to stop the
  // bloodshed" in a quote about the water main and a blockade).
  if (shortInLong.exact < short.content.length * MIN_PARTIAL_EXACT) return whole;
  if (short.content.length < MIN_PARTIAL_CONTENT_WORDS && !verbatimIn(short, long)) return whole;
  if (!negationAgrees(short, long, synonyms)) return 0;
  const containedTrigrams = Math.min(1, dot / sumCounts(short));
  return Math.max(whole, (containedTrigrams + containedWords) / 2);
}

/** A negator in the longer quote that governs a word the short quote shares must be in the short quote too. */
function negationAgrees(short: Prepared, long: Prepared, synonyms: SynonymTable): boolean {
  for (const w of long.content) {
    if (!w.negated) continue;
    const m = bestMatch(w, short.content, synonyms);
    if (m.score === 1 && !short.content[m.index]!.negated) return false;
  }
  return true;
}

/** The short quote's words, stop words included, appear in a row in the long one. */
function verbatimIn(short: Prepared, long: Prepared): boolean {
  const needle = ` ${short.words.map((w) => w.word).join(' ')} `;
  return ` ${long.words.map((w) => w.word).join(' ')} `.includes(needle);
}

function sumCounts(p: Prepared): number {
  let n = 0;
  for (const c of p.trigrams.values()) n += c * c;
  return n || 1;
}
