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
import { NEGATORS, words, type Word } from './words';
import type { AntonymTable, SynonymTable } from './wordnet';
import { rarityOf, type RarityTable } from './rarity';

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
export const MIN_PARTIAL_COVERAGE = 0.55;
/** …and this share of them found word for word, not only as synonyms. */
export const MIN_PARTIAL_EXACT = 0.5;
/** Quotes with fewer content words than this are never matched: too little to tell remarks apart. */
export const MIN_CONTENT_WORDS = 2;
/**
 * A partial quote of fewer than MIN_PARTIAL_CONTENT_WORDS content words must
 * carry this much distinctive content (the summed rarity of its words, see
 * RarityTable): "absolutely unacceptable" stands for one remark, "the strike
 * is working" is said of every strike.
 */
export const MIN_PARTIAL_RARITY = 0.7;

/**
 * What the measure knows about words beyond their spelling, all from the
 * corpus: synonyms, antonyms and how rare each word is. Without antonyms no
 * pair is vetoed for them; without rarity every word weighs the same.
 */
export interface Lexicon {
  antonyms?: AntonymTable;
  rarity?: RarityTable;
}

/** A remark prepared for comparison: computed once, compared many times. */
export interface Prepared {
  words: Word[];
  content: Word[];
  trigrams: Map<string, number>;
  norm: number;
  /** Stems of the names the remark uses: capitalised words that do not open a sentence ("Geneva", "Dravik"). */
  names: Set<string>;
}

export function prepare(text: string): Prepared {
  const w = words(text);
  const content = w.filter((x) => x.content);
  const trigrams = trigramCounts(w.map((x) => x.word).join(' '));
  let sq = 0;
  for (const c of trigrams.values()) sq += c * c;
  return { words: w, content, trigrams, norm: Math.sqrt(sq), names: namesIn(text) };
}

/** Capitalised words that do not open the text or a sentence, as stems; none in a title-case headline. */
function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  const long = text.match(/\p{L}{4,}/gu) ?? [];
  if (long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.7) return out;
  for (const m of text.matchAll(/(?<=[^.!?:;"\u201c\s[(]\s*|[^.!?:;"\u201c\s[(])\s+(\p{Lu}[\p{L}-]*)/gu))
    for (const part of words(m[1]!)) if (part.content) out.add(part.stem);
  return out;
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
function bestMatch(
  w: Word,
  others: Word[],
  synonyms: SynonymTable,
  pair?: string,
): { score: number; index: number; pair?: boolean } {
  const look = lookupOf(others, synonyms);
  const byPair = pair !== undefined && look.standIns.has(pair);
  if (!byPair && !mayMatch(w, look, synonyms)) return { score: 0, index: -1 };
  let best: { score: number; index: number; pair?: boolean } = { score: 0, index: -1 };
  for (let i = 0; i < others.length; i++) {
    const o = others[i]!;
    if (o.stem === w.stem) {
      if (o.negated === w.negated) return { score: 1, index: i };
      if (best.score < 1) best = { score: 1, index: i };
    } else if (best.score < SYNONYM_WEIGHT && areSynonyms(w, o, others[i + 1], synonyms))
      best = { score: SYNONYM_WEIGHT, index: i };
    else if (best.score < SYNONYM_WEIGHT && byPair && sortedIncludes(synonyms[o.stem] ?? [], pair))
      best = { score: SYNONYM_WEIGHT, index: i, pair: true };
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

interface Alignment {
  /** Summed match score of the content words, each weighted by its rarity. */
  sum: number;
  /** Summed rarity of the content words: what `sum` would be if every one matched. */
  total: number;
  /** How many content words matched word for word, and their summed rarity. */
  exact: number;
  exactRarity: number;
  /** Content words that matched nothing. */
  unmatched: Word[];
  /** Whether a word both share verbatim is negated on one side only. */
  clash: boolean;
}

/**
 * Align content words of `a` onto all words of `b`, each weighted by its
 * rarity. Two words of `a` may stand for one of `b` as one synonym ("come
 * back" for "return"; the synonym table lists the corpus's words, so the
 * pair is looked up in the list of `b`'s word); the second is then matched too.
 */
function align(a: Prepared, b: Prepared, synonyms: SynonymTable, rarity: RarityTable | undefined): Alignment {
  const out: Alignment = { sum: 0, total: 0, exact: 0, exactRarity: 0, unmatched: [], clash: false };
  const viaPair = new Set<Word>();
  for (const w of a.content) {
    const at = a.words.indexOf(w);
    const next = a.words[at + 1];
    const m = viaPair.has(w)
      ? { score: SYNONYM_WEIGHT, index: -1 }
      : bestMatch(w, b.words, synonyms, next && /^\p{L}/u.test(next.word) ? `${w.stem}_${next.stem}` : undefined);
    if ('pair' in m && m.pair && next) viaPair.add(next);
    if (m.score === 1 && m.index >= 0 && b.words[m.index]!.negated !== w.negated) out.clash = true;
    const weight = rarityOf(rarity, w.stem);
    out.sum += m.score * weight;
    out.total += weight;
    if (m.score === 1) {
      out.exact++;
      out.exactRarity += weight;
    }
    if (m.score === 0) out.unmatched.push(w);
  }
  return out;
}

/** Words after which a clause states the opposite of its plain sense: "until the shelling stops" is "as long as it continues". */
const CONDITION_FLIPS = new Set(['until', 'unless']);
/** Whether `p.words[k]` opens an "as long as" clause, which keeps the sense of the clause before it. */
const carriesAt = (p: Prepared, k: number) =>
  p.words[k]!.word === 'long' && p.words[k - 1]?.word === 'as' && p.words[k + 1]?.word === 'as';

/**
 * A word's polarity: negated, or after "until" (see CONDITION_FLIPS), but not
 * both. A negation's scope ends at "until" (see words), so a word after it
 * takes the negation of the clause the "until" closes: "will not return
 * until it stops" holds "stops" as negated and flipped, as "as long as it
 * continues" holds "continues" as negated.
 */
function polarity(p: Prepared, w: Word): boolean {
  const at = p.words.indexOf(w);
  let opens = -1;
  for (let k = at - 1; k >= 0 && opens < 0; k--)
    if (CONDITION_FLIPS.has(p.words[k]!.word) || carriesAt(p, k)) opens = k;
  if (opens < 0) return w.negated;
  // The clause before "until" ends at its word; before "as long as", at its first "as".
  const before = CONDITION_FLIPS.has(p.words[opens]!.word) ? opens - 1 : opens - 2;
  const clauseNegated = w.negated || (before >= 0 && p.words[before]!.negated);
  return CONDITION_FLIPS.has(p.words[opens]!.word) ? !clauseNegated : clauseNegated;
}

/**
 * Whether one side has a word where the other has its opposite
 * ("supports"/"opposes", "increase"/"cut"): the two words matched nothing
 * on the other side, one is in the other's antonym list, and they stand
 * with the same polarity (an antonym under a negation, "will not return
 * until it stops" against "as long as it continues", says the same).
 */
function opposed(a: Prepared, aOnly: Word[], b: Prepared, bOnly: Word[], antonyms: AntonymTable): boolean {
  const listed = (x: Word, y: Word) => sortedIncludes(antonyms[x.stem] ?? [], y.stem);
  return aOnly.some((x) => bOnly.some((y) => (listed(x, y) || listed(y, x)) && polarity(a, x) === polarity(b, y)));
}

/**
 * Similarity of two quotations as wordings of one remark: `similarity`, and
 * 0 when their words tell of two occasions: the same sentence about another
 * place ("we came to Geneva…" / "we came to Vienna…"; translations keep
 * names, and a name on one side only, "[Vestria's] soldiers", is an edit),
 * or one verb in another time. Figures compare their sentences with
 * `similarity` alone: two reports of one count are free to differ so.
 */
export function remarkSimilarity(a: Prepared, b: Prepared, synonyms: SynonymTable, lexicon: Lexicon = {}): number {
  if (tensesClash(a, b) || rolesSwapped(a, b)) return 0;
  const score = similarity(a, b, synonyms, lexicon);
  if (score === 0) return 0;
  const aOnly = a.content.filter((w) => a.names.has(w.stem) && !b.content.some((o) => o.stem === w.stem));
  const bOnly = b.content.filter((w) => b.names.has(w.stem) && !a.content.some((o) => o.stem === w.stem));
  return aOnly.length > 0 && bOnly.length > 0 ? 0 : score;
}

/**
 * Whether two words trade places around the same word: "more likely a cut
 * than a hike" / "a hike than a cut", "Dravik shelled Morava" / "Morava
 * shelled Dravik". The words are the same, the roles are not. Only words
 * that stand once in each quote count (a repeated word has no one place),
 * and only with a word between them in both: a translation that moves a
 * clause ("until the shelling stops, we will not return" / "we will not
 * return until the shelling stops") shares nothing between the moved words.
 */
function rolesSwapped(a: Prepared, b: Prepared): boolean {
  const once = (p: Prepared) => {
    const seen = new Map<string, number>();
    p.words.forEach((w, i) => {
      if (!/^\p{L}/u.test(w.word)) return;
      seen.set(w.stem, seen.has(w.stem) ? -1 : i);
    });
    return seen;
  };
  const [inA, inB] = [once(a), once(b)];
  // Content words at one place in each quote, in a's order, with their place in b.
  const shared = a.words
    .map((w, i) => ({ stem: w.stem, content: w.content, i, j: inB.get(w.stem) ?? -1 }))
    .filter((x) => x.content && inA.get(x.stem) === x.i && x.j >= 0);
  for (let x = 0; x < shared.length; x++)
    for (let y = x + 1; y < shared.length; y++) {
      const [p, q] = [shared[x]!, shared[y]!];
      if (q.j > p.j) continue; // same order in both
      // A word standing once in each, between the two in a and between them in b.
      for (let k = p.i + 1; k < q.i; k++) {
        const stem = a.words[k]!.stem;
        const j = inB.get(stem);
        if (inA.get(stem) === k && j !== undefined && j > q.j && j < p.j) return true;
      }
    }
  return false;
}

/** Auxiliaries that say an action is still to come, and those that say it is done. */
const FUTURE = new Set(['will', 'shall', "'ll", 'going']);
const DONE = new Set(['have', 'has', 'had', "'ve", "'d"]);

/** "future", "done" or null: the auxiliary right before a verb (one adverb may stand between). */
function tenseOf(p: Prepared, at: number): 'future' | 'done' | null {
  for (let k = at - 1; k >= 0 && k >= at - 2; k--) {
    const w = p.words[k]!.word;
    const aux = w.includes("'") ? w.slice(w.indexOf("'")) : w;
    if (FUTURE.has(aux)) return 'future';
    if (DONE.has(aux)) return 'done';
    if (!/ly$/.test(w) && !p.words[k]!.negated) return null;
  }
  return null;
}

/**
 * Whether the two quotes put one verb in different times: "we will install
 * new turnstiles" is a promise, "we have installed new turnstiles" its
 * report on a later occasion.
 */
function tensesClash(a: Prepared, b: Prepared): boolean {
  return a.words.some((w, i) => {
    if (!w.content) return false;
    const ta = tenseOf(a, i);
    if (!ta) return false;
    return b.words.some((o, j) => o.stem === w.stem && tenseOf(b, j) !== null && tenseOf(b, j) !== ta);
  });
}

/**
 * Similarity of two remarks in [0, 1]; 0 when either is too short to tell,
 * negation disagrees, or one says the opposite of the other.
 */
export function similarity(a: Prepared, b: Prepared, synonyms: SynonymTable, lexicon: Lexicon = {}): number {
  if (a.content.length < MIN_CONTENT_WORDS || b.content.length < MIN_CONTENT_WORDS) return 0;
  const ab = align(a, b, synonyms, lexicon.rarity);
  const ba = align(b, a, synonyms, lexicon.rarity);
  if (lexicon.antonyms && opposed(a, ab.unmatched, b, ba.unmatched, lexicon.antonyms)) return 0;
  const dot = trigramOverlap(a, b);
  const cosine = a.norm && b.norm ? dot / (a.norm * b.norm) : 0;
  const dice = (ab.sum + ba.sum) / (ab.total + ba.total);
  // Read as wholes, a word both share negated on one side only rules a pair out.
  const whole = ab.clash || ba.clash ? 0 : TRIGRAM_WEIGHT * cosine + (1 - TRIGRAM_WEIGHT) * dice;

  // A partial quote: the shorter one read against the longer one. Its
  // negation is judged by what governs the excerpt (see negationAgrees):
  // "cannot keep counting the dead" has "counting the dead" in it.
  const [short, long, shortInLong] = a.content.length <= b.content.length ? [a, b, ab] : [b, a, ba];
  if (short.content.length === long.content.length) return whole;
  const containedWords = shortInLong.sum / shortInLong.total;
  if (containedWords < MIN_PARTIAL_COVERAGE) return whole;
  // An excerpt keeps at least half its words as they were: a long quote has
  // room for a synonym of almost anything ("the main thing is to stop the
  // bloodshed" in a quote about the water main and a blockade).
  if (shortInLong.exact < short.content.length * MIN_PARTIAL_EXACT) return whole;
  if (!subjectsKept(short, long)) return whole;
  if (short.content.length < MIN_PARTIAL_CONTENT_WORDS) {
    if (!verbatimIn(short, long)) return whole;
    if (lexicon.rarity && shortInLong.exactRarity < MIN_PARTIAL_RARITY) return whole;
  }
  if (!negationAgrees(short, long, synonyms)) return 0;
  const containedTrigrams = Math.min(1, dot / sumCounts(short));
  return Math.max(whole, (containedTrigrams + containedWords) / 2);
}

/**
 * Whether a partial quote keeps the negation of the longer one as it is. A
 * negator inside the stretch of the longer quote that the short one covers
 * must be in the short one too ("… does not really look like a war" is not
 * "… does resemble a war"); one before that stretch counts only when the
 * short quote starts at the word it governs ("not absolutely unacceptable"
 * is not "absolutely unacceptable", but "cannot keep counting the dead"
 * leaves "counting the dead" its own words). The short quote's own negators
 * must govern words the longer one negates too ("we had not received
 * warnings" is not "we had received warnings").
 */
function negationAgrees(short: Prepared, long: Prepared, synonyms: SynonymTable): boolean {
  const at = short.content.map((w) => bestMatch(w, long.words, synonyms)).filter((m) => m.score > 0);
  const first = Math.min(...at.map((m) => m.index));
  const last = Math.max(...at.map((m) => m.index));
  let negator = -1;
  let head = false;
  for (let i = 0; i < long.words.length; i++) {
    const w = long.words[i]!;
    if (!w.content) {
      if (NEGATORS.has(w.word)) [negator, head] = [i, true];
      continue;
    }
    const isHead = head;
    head = false;
    if (!w.negated || !(isHead || (negator > first && negator <= last))) continue;
    // The head word may stand in the short quote as a synonym; the rest of its clause only as itself.
    const m = bestMatch(w, short.content, synonyms);
    if ((isHead ? m.score > 0 : m.score === 1) && !short.content[m.index]!.negated) return false;
  }
  return headsAgree(short, long, synonyms);
}

/** Every first content word a negator of `from` governs is negated in `to` too, where `to` has it or a synonym of it. */
function headsAgree(from: Prepared, to: Prepared, synonyms: SynonymTable): boolean {
  let head = false;
  for (const w of from.words) {
    if (!w.content) {
      if (NEGATORS.has(w.word)) head = true;
      continue;
    }
    const governed = head && w.negated;
    head = false;
    if (!governed) continue;
    // The head word itself or a synonym of it ("does not really look like" / "does resemble").
    const m = bestMatch(w, to.content, synonyms);
    if (m.score > 0 && !to.content[m.index]!.negated) return false;
  }
  return true;
}

/** Pronouns that say who acts: an excerpt keeps them. */
const PERSONS = new Set(['i', 'we', 'they', 'he', 'she', 'you']);

/**
 * Whether every person the short quote names by pronoun is in the longer
 * one too: "They monopolized the peace process" is not an excerpt of "we
 * need to work together rather than trying to monopolize the peace process".
 */
function subjectsKept(short: Prepared, long: Prepared): boolean {
  const persons = new Set(long.words.filter((w) => PERSONS.has(w.word)).map((w) => w.word));
  return short.words.every((w) => !PERSONS.has(w.word) || persons.has(w.word));
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

/**
 * A paraphrase ("X accused the council of hijacking the talks") is matched
 * against quotes on its content words only: it is the writer's sentence, so
 * its pronouns, tenses of reporting ("would") and framing are not the
 * speaker's. It needs this many content words…
 */
export const MIN_PARAPHRASE_CONTENT_WORDS = 3;
/** …this share of them found word for word in the quote (not as synonyms): a paraphrase keeps the speaker's key words… */
export const MIN_PARAPHRASE_EXACT = 0.6;
/**
 * …and the words it shares with the quote must carry this much distinctive
 * content (summed rarity, see RarityTable): "the aid must reach the civilian
 * population" shares only the stock phrase with "total destruction of the
 * civilian population", "the council of hijacking the talks" shares
 * "hijack" and "council" with "the council has hijacked these talks".
 */
export const MIN_PARAPHRASE_RARITY = 1.2;

/**
 * How well a quote gives the words a paraphrase reports, in [0, 1]: the
 * rarity-weighted share of the paraphrase's content words the quote has
 * (exactly, or a synonym for SYNONYM_WEIGHT of one). 0 when the paraphrase is
 * too short or too little of it is the quote's own words, and whenever the
 * quote measure itself rules the pair out (a negation on one side only, an
 * antonym, another place, another time; see remarkSimilarity). A stricter
 * reading than a quote's: the caller applies PARAPHRASE_THRESHOLD.
 */
export function paraphraseSimilarity(
  paraphrase: Prepared,
  quote: Prepared,
  synonyms: SynonymTable,
  lexicon: Lexicon = {},
): number {
  const n = paraphrase.content.length;
  if (n < MIN_PARAPHRASE_CONTENT_WORDS || quote.content.length < MIN_CONTENT_WORDS) return 0;
  if (remarkSimilarity(paraphrase, quote, synonyms, lexicon) === 0) return 0;
  const covered = align(paraphrase, quote, synonyms, lexicon.rarity);
  if (covered.clash || covered.exact < n * MIN_PARAPHRASE_EXACT) return 0;
  if (lexicon.rarity && covered.exactRarity < MIN_PARAPHRASE_RARITY) return 0;
  if (!negationAgrees(paraphrase, quote, synonyms)) return 0;
  return covered.sum / covered.total;
}
