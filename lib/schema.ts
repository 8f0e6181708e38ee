/**
 * The shapes that cross a boundary — the seed manifest a user writes and the
 * corpus the builder emits — as zod schemas, so bad input is named field by
 * field instead of failing somewhere downstream.
 */
import { z } from 'zod';

// zod 4 compiles validators with `new Function` by default, which Manifest V3's
// content security policy forbids in extension pages.
z.config({ jitless: true });

const nullableText = z.string().min(1).nullable();

export const ManifestEntrySchema = z.strictObject({
  /** File name inside the seeds folder. */
  file: z.string().regex(/^[^/\\]+\.(?:txt|html?)$/, 'a file name ending in .txt or .html'),
  /** The outlet that published it, as the text names it; null when the text does not. */
  outlet: nullableText,
  title: nullableText,
  /** Publication date, ISO `YYYY-MM-DD`, only when the text shows it. */
  date: z.iso.date().nullable(),
  /** A short name for the news event the article covers. */
  event: nullableText,
  url: z.url().nullable(),
});
export const ManifestSchema = z.strictObject({ articles: z.array(ManifestEntrySchema).min(1) });
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

const QuantitySchema = z.strictObject({
  measure: z.string().min(1),
  who: z.string().nullable(),
  state: z.string().nullable(),
  region: z.string().nullable(),
});

const span = { start: z.int().nonnegative(), end: z.int().nonnegative() };

export const CorpusSchema = z.strictObject({
  format: z.literal('retold-corpus/1'),
  articles: z.array(
    z.strictObject({
      id: z.string().min(1),
      outlet: z.string().nullable(),
      title: z.string().nullable(),
      date: z.string().nullable(),
      event: z.string().nullable(),
      url: z.string().nullable(),
      /** MinHash of word shingles, to recognise the same article on a page. */
      fingerprint: z.array(z.int()),
    }),
  ),
  quotes: z.array(
    z.strictObject({
      id: z.int().nonnegative(),
      articleId: z.string(),
      quote: z.string().min(1),
      ...span,
      speaker: z.string().nullable(),
      /** The remarks (one per sentence of a long quote) this quote gives a wording of. */
      remarks: z.array(z.int().nonnegative()),
    }),
  ),
  remarks: z.array(
    z.strictObject({
      id: z.int().nonnegative(),
      speaker: z.string().nullable(),
      /** Each wording of the remark: the quote it stands in and the sentence of that quote. */
      variants: z.array(z.strictObject({ quote: z.int().nonnegative(), text: z.string().min(1) })),
    }),
  ),
  figures: z.array(
    z.strictObject({
      id: z.int().nonnegative(),
      articleId: z.string(),
      text: z.string().min(1),
      ...span,
      low: z.number().nullable(),
      high: z.number().nullable(),
      quantity: QuantitySchema,
      when: z.string().nullable(),
      sentence: z.string(),
      /** Index of the group of figures, across outlets, that report this same quantity; null when alone. */
      group: z.int().nonnegative().nullable(),
    }),
  ),
  groups: z.array(
    z.strictObject({
      id: z.int().nonnegative(),
      quantity: z.string(),
      figures: z.array(z.int()),
      /** True when at least two outlets' figures cannot both be right. */
      differs: z.boolean(),
    }),
  ),
  /** Stem → stems that may stand for it, for this corpus's vocabulary (from WordNet). */
  synonyms: z.record(z.string(), z.array(z.string())),
  /** Licence notices of the data the corpus carries. */
  notices: z.array(z.string()),
});
export type Corpus = z.infer<typeof CorpusSchema>;
export type CorpusArticle = Corpus['articles'][number];
export type CorpusQuote = Corpus['quotes'][number];
export type CorpusFigure = Corpus['figures'][number];

/** "articles[2].url: Invalid URL" — the path and message of every problem, one per line. */
export function describeIssues(error: z.ZodError): string {
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
