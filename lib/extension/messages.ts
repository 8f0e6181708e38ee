/**
 * What the content script and the background say to each other, and the
 * notes as the page shows them. Both sides parse what they receive with
 * these schemas: a message from an older tab, a stopped worker or a page
 * pretending to be us gets a clear error, never half-read data.
 *
 * zod's mini build keeps the content script small; it is jitless for the
 * same reason as the corpus schema (Manifest V3 forbids `new Function`).
 */
import { z } from 'zod/mini';
import { SnapshotSchema } from '../page/snapshot';
import { DiffPartSchema, SearchResultSchema } from '../corpus/schema';

z.config({ jitless: true });

/** Longest article text the background accepts (about 300,000 words). */
export const MAX_ARTICLE_CHARS = 2_000_000;

const Selector = z.strictObject({
  exact: z.string().check(z.minLength(1)),
  prefix: z.string(),
  suffix: z.string(),
  position: z.number(),
});

const Source = {
  articleId: z.string(),
  /** The outlet as its article names itself; null for unsigned wire copy. */
  outlet: z.nullable(z.string()),
  title: z.nullable(z.string()),
  /** ISO date of publication when known. */
  date: z.nullable(z.string()),
};

export const RemarkViewSchema = z.strictObject({
  id: z.string(),
  quote: z.string(),
  speaker: z.nullable(z.string()),
  selector: Selector,
  /** Each other outlet that quotes the remark, with each of its wordings, best match first. */
  outlets: z.array(
    z.strictObject({
      ...Source,
      wordings: z.array(
        z.strictObject({
          quote: z.string(),
          speaker: z.nullable(z.string()),
          similarity: z.number(),
          /** From this page's wording to the outlet's. */
          diff: z.array(DiffPartSchema),
        }),
      ),
    }),
  ),
});

export const FigureViewSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  /** What is counted, in words ("people killed in Gaza"). */
  quantity: z.string(),
  selector: Selector,
  /** True when at least one other outlet's figure cannot be reconciled with this one. */
  differs: z.boolean(),
  others: z.array(z.strictObject({ ...Source, text: z.string(), agrees: z.boolean() })),
});

export const PageNotesSchema = z.strictObject({
  remarks: z.array(RemarkViewSchema),
  figures: z.array(FigureViewSchema),
  /** How many other outlets the notes draw on. */
  outletCount: z.int(),
});

export type RemarkView = z.infer<typeof RemarkViewSchema>;
export type FigureView = z.infer<typeof FigureViewSchema>;
export type PageNotes = z.infer<typeof PageNotesSchema>;
export type OutletVersion = RemarkView['outlets'][number];

export const RequestSchema = z.discriminatedUnion('type', [
  /**
   * Notes for the article of a page, sent as a snapshot of its DOM (the
   * background reads the article off the page's thread; see lib/page/snapshot);
   * the sender's tab gets a badge with the count.
   */
  z.strictObject({
    type: z.literal('annotate'),
    url: z.string(),
    snapshot: SnapshotSchema,
    /** The remark similarity a match needs (the reader's sensitivity setting). */
    threshold: z.optional(z.number().check(z.gte(0.3), z.lte(1))),
  }),
  /** Search the corpus (from the popup). */
  z.strictObject({ type: z.literal('search'), query: z.string().check(z.maxLength(200)) }),
  /** The page shows no notes (no article, or it navigated away): clear the badge. */
  z.strictObject({ type: z.literal('clear') }),
]);
export type Request = z.infer<typeof RequestSchema>;

/** The background asks the extension document that reads articles (Chromium's offscreen document) for one. */
export const ExtractRequestSchema = z.strictObject({ type: z.literal('extract'), snapshot: SnapshotSchema });
export const ExtractResponseSchema = z.discriminatedUnion('ok', [
  /** `text` is null when the page holds no article Readability can find. */
  z.strictObject({ ok: z.literal(true), text: z.nullable(z.string().check(z.maxLength(MAX_ARTICLE_CHARS))) }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type ExtractResponse = z.infer<typeof ExtractResponseSchema>;

export const AnnotateResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), notes: PageNotesSchema }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type AnnotateResponse = z.infer<typeof AnnotateResponseSchema>;

/** The number of notes a page carries, as the toolbar badge and the summary pill count them. */
export const noteCount = (notes: PageNotes) => notes.remarks.length + notes.figures.length;

export const SearchResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    results: z.array(SearchResultSchema),
    /** How many remarks and figures the corpus has to search. */
    searchable: z.int(),
  }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

/** What the popup asks the content script of the current tab. */
export const TabRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tab-status') }),
  /** Show or hide this tab's notes (as Alt+Shift+R does). */
  z.strictObject({ type: z.literal('tab-toggle') }),
]);
export type TabRequest = z.infer<typeof TabRequestSchema>;

export const TabStatusSchema = z.strictObject({
  host: z.string(),
  /** Whether Retold runs here, and if not, why (see siteState). */
  state: z.enum(['on', 'off', 'paused', 'blocked', 'not-listed']),
  remarks: z.int(),
  figures: z.int(),
  visible: z.boolean(),
  /**
   * How long the last run took on the page's clock, in milliseconds (see
   * `npm run bench`): from the content script's start to notes painted, the
   * page-thread time spent reading the article, the wait for the
   * background's answer, and the longest stretch and the sum of main-thread
   * time of each kind of work.
   * Absent until a run has painted notes.
   */
  timing: z.optional(
    z.strictObject({
      pipeline: z.number(),
      extraction: z.number(),
      background: z.number(),
      slices: z.record(z.string(), z.number()),
      /** All main-thread time of each kind of work. */
      busy: z.record(z.string(), z.number()),
    }),
  ),
});
export type TabStatus = z.infer<typeof TabStatusSchema>;
