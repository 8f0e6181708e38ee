/**
 * The shapes that cross a boundary — the seed manifest a user writes and the
 * corpus the builder emits — as zod schemas, so bad input is named field by
 * field instead of failing somewhere downstream.
 */
import { z } from 'zod/mini';

// zod's mini build: no `new Function` anywhere in it (Manifest V3's content
// security policy forbids it in extension pages), and it is the smaller one.
// Jitless as well, so nothing even tries.
z.config({ jitless: true });

const nullableText = z.nullable(z.string().check(z.minLength(1)));

export const ManifestEntrySchema = z.strictObject({
  /** File name inside the seeds folder. */
  file: z.string().check(z.regex(/^[^/\\]+\.(?:txt|html?)$/, 'a file name ending in .txt or .html')),
  /** The outlet that published it, as the text names it; null when the text does not. */
  outlet: nullableText,
  title: nullableText,
  /** Publication date, ISO `YYYY-MM-DD`, only when the text shows it. */
  date: z.nullable(z.iso.date()),
  /** A short name for the news event the article covers. */
  event: nullableText,
  url: z.nullable(z.url()),
});
export const ManifestSchema = z.strictObject({ articles: z.array(ManifestEntrySchema).check(z.minLength(1)) });
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

const text = z.string().check(z.minLength(1));
const maybe = z.nullable(z.string());
const index = z.int().check(z.nonnegative());

const QuantitySchema = z.strictObject({ measure: text, who: maybe, state: maybe, region: maybe, scope: maybe });

const span = { start: index, end: index };

export const CorpusSchema = z.strictObject({
  format: z.literal('retold-corpus/1'),
  articles: z.array(
    z.strictObject({
      id: text,
      outlet: maybe,
      title: maybe,
      date: maybe,
      event: maybe,
      url: maybe,
      /** MinHash of word shingles, to recognise the same article on a page. */
      fingerprint: z.array(z.int()),
      /** The people and places it names, to tell which articles report one story (see storyNames). */
      names: z.array(z.string()),
    }),
  ),
  quotes: z.array(
    z.strictObject({
      id: index,
      articleId: z.string(),
      quote: text,
      ...span,
      speaker: maybe,
      /** The remarks (one per sentence of a long quote) this quote gives a wording of. */
      remarks: z.array(index),
    }),
  ),
  remarks: z.array(
    z.strictObject({
      id: index,
      speaker: maybe,
      /** Each wording of the remark: the quote it stands in and the sentence of that quote. */
      variants: z.array(z.strictObject({ quote: index, text })),
    }),
  ),
  figures: z.array(
    z.strictObject({
      id: index,
      articleId: z.string(),
      text: text,
      ...span,
      low: z.nullable(z.number()),
      high: z.nullable(z.number()),
      /** Whether `low` / `high` are excluded ("more than 50" excludes 50; docs/figures.md). */
      lowOpen: z.boolean(),
      highOpen: z.boolean(),
      quantity: QuantitySchema,
      when: maybe,
      /** The day the figure is given for (its sentence's day, else the article's date), ISO; null when undated. */
      day: z.nullable(z.iso.date()),
      /** Who the article says the figure comes from ("health ministry"), when it says. */
      claimant: maybe,
      sentence: z.string(),
      /** Index of the group of figures, across outlets, that report this same quantity; null when alone. */
      group: z.nullable(index),
    }),
  ),
  groups: z.array(
    z.strictObject({
      id: index,
      quantity: z.string(),
      figures: z.array(z.int()),
      /** True when at least two outlets' figures cannot both be right. */
      differs: z.boolean(),
    }),
  ),
  /** Stem → stems that may stand for it, for this corpus's vocabulary (from WordNet). */
  synonyms: z.record(z.string(), z.array(z.string())),
  /**
   * Stem → stems of words that say its opposite, for this corpus's vocabulary (from WordNet; see lib/text/wordnet).
   * Optional, as is `rarity`, so a corpus built before they were added still loads (without them, no pair is
   * ruled out for antonyms and every word weighs the same).
   */
  antonyms: z.optional(z.record(z.string(), z.array(z.string()))),
  /** Stem → how much it tells one remark from another, below 1 (see lib/text/rarity); a stem not listed weighs 1. */
  rarity: z.optional(z.record(z.string(), z.number().check(z.gte(0), z.lte(1)))),
  /** Licence notices of the data the corpus carries. */
  notices: z.array(z.string()),
});
export type Corpus = z.infer<typeof CorpusSchema>;
export type CorpusArticle = Corpus['articles'][number];
export type CorpusQuote = Corpus['quotes'][number];
export type CorpusFigure = Corpus['figures'][number];

/** "articles[2].url: Invalid URL" — the path and message of every problem, one per line. */
export function describeIssues(error: { issues: readonly { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .map(
      (i) =>
        `${i.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, '')}: ${i.message}`,
    )
    .join('\n');
}

/** One part of a word-level diff between two wordings (see lib/text/diff). */
export const DiffPartSchema = z.strictObject({
  kind: z.enum(['same', 'removed', 'added', 'context', 'omitted']),
  text: z.string(),
});

/** A popup search result: a remark with each outlet's wording, or a figure with each outlet's value (see lib/corpus/search). */
const DiffParts = z.array(DiffPartSchema);
/** The article a wording or a figure comes from: its outlet, headline, date and address, as far as the corpus has them. */
const SourceOnly = {
  articleId: z.string(),
  outlet: z.nullable(z.string()),
  title: z.nullable(z.string()),
  date: z.nullable(z.string()),
  url: z.nullable(z.string()),
};

export const SearchResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('remark'),
    id: z.string(),
    speaker: z.nullable(z.string()),
    wordings: z.array(z.strictObject({ ...SourceOnly, quote: z.string(), diff: DiffParts })),
  }),
  z.strictObject({
    kind: z.literal('figure'),
    id: z.string(),
    quantity: z.string(),
    differs: z.boolean(),
    figures: z.array(z.strictObject({ ...SourceOnly, text: z.string() })),
  }),
]);
export type SearchResult = z.infer<typeof SearchResultSchema>;

/** What a corpus covers, for one line in the popup (see lib/corpus/coverage). */
export const CoverageSchema = z.strictObject({
  articles: index,
  /** Outlets named by their articles; unsigned wire copy counts as an article, not an outlet. */
  outlets: index,
  events: index,
  /** The first and last publication dates (ISO), null when no article is dated. */
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
});
export type Coverage = z.infer<typeof CoverageSchema>;
