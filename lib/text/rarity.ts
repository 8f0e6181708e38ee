/**
 * How much a word tells one remark from another: "civilian population" is
 * said about every war, "wholesale eradication" by one speaker on one day.
 * The weight of a stem blends how rare it is in English at large (a word
 * frequency list, read at build time) with how rare it is among the corpus's
 * own quotes (a story's place names are everywhere in its corpus). Pure: the
 * caller reads the frequency list and passes it in; the table travels in
 * the corpus, so the list itself never ships.
 */
import { contentStems, stem } from './words';

/** Stem → weight in [MIN_RARITY, 1]; a stem the table lacks is as rare as can be (1). */
export type RarityTable = Record<string, number>;

/** The weight of the commonest content words: they still count, a little. */
export const MIN_RARITY = 0.15;
/**
 * Zipf values (log10 of occurrences per billion words) between which a word
 * goes from common to rare: at 6 and above ("work", "play", "must") a word
 * says nothing of which remark it is in; at 2 and below ("eradication",
 * "spectators") it says a lot.
 */
export const ZIPF_COMMON = 6;
export const ZIPF_RARE = 2;
/**
 * How far a stem's share of the corpus's quotes lowers its weight: a stem in
 * every quote of the corpus keeps this share less of it. The general list
 * comes from film subtitles, where "ceasefire" and "inflation" are rare;
 * in a news corpus they are not.
 */
export const CORPUS_SHARE_WEIGHT = 0.6;
/** The commonest words of English that get an entry even when the corpus lacks them, so a page's common words weigh little. */
export const COMMON_WORDS = 5000;

/**
 * Words of degree and framing that translators render freely, so they say
 * little about which remark a wording gives: "amounts to the wholesale
 * eradication" and "is akin to the complete elimination" are one sentence.
 * They weigh MIN_RARITY whatever their frequency.
 */
export const FRAMING_WORDS = [
  'akin',
  'amount',
  'amounts',
  'complete',
  'entire',
  'equivalent',
  'full',
  'sheer',
  'tantamount',
  'total',
  'utter',
  'whole',
  'wholesale',
];

/** One entry of a word frequency list. */
export interface WordCount {
  word: string;
  count: number;
}

/**
 * The rarity table for a corpus: an entry for every content stem of its
 * quotes and of the `COMMON_WORDS` commonest words of `frequencies`.
 */
export function rarityTable(frequencies: readonly WordCount[], quotes: readonly string[]): RarityTable {
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, count } of frequencies) {
    total += count;
    const s = stem(word.toLowerCase());
    counts.set(s, (counts.get(s) ?? 0) + count);
  }
  const df = new Map<string, number>();
  const distinct = [...new Set(quotes)];
  for (const q of distinct) for (const s of new Set(contentStems(q))) df.set(s, (df.get(s) ?? 0) + 1);

  const framing = new Set(FRAMING_WORDS.map(stem));
  const keys = new Set([...df.keys(), ...framing]);
  const byCount = [...frequencies].sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
  for (const { word } of byCount.slice(0, COMMON_WORDS)) keys.add(stem(word.toLowerCase()));

  const out: RarityTable = {};
  for (const key of [...keys].sort()) {
    const zipf = Math.log10((((counts.get(key) ?? 0) + 1) / Math.max(1, total)) * 1e9);
    const general = Math.min(1, Math.max(0, (ZIPF_COMMON - zipf) / (ZIPF_COMMON - ZIPF_RARE)));
    const share = distinct.length ? (df.get(key) ?? 0) / distinct.length : 0;
    const weight = (MIN_RARITY + (1 - MIN_RARITY) * general) * (1 - CORPUS_SHARE_WEIGHT * Math.sqrt(share));
    const rounded = framing.has(key) ? MIN_RARITY : Math.round(Math.max(MIN_RARITY, weight) * 100) / 100;
    // Rare words are the default: leaving them out keeps the table small.
    if (rounded < 1) out[key] = rounded;
  }
  return out;
}

/** The weight of a stem (see RarityTable); every stem weighs 1 without a table. */
export function rarityOf(table: RarityTable | undefined, s: string): number {
  return table?.[s] ?? 1;
}
