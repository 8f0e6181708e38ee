/**
 * What the content script, the popup and the background say to each other
 * (each message travels on a channel of its own, see lib/extension/channels),
 * and the notes as the page shows them. Every side parses what it receives
 * with these schemas: a message from an older tab, a stopped worker or a
 * page pretending to be us gets a clear error, never half-read data.
 *
 * zod's mini build keeps the content script small; it is jitless for the
 * same reason as the corpus schema (Manifest V3 forbids `new Function`).
 */
import { z } from 'zod/mini';
import { SnapshotSchema } from '../page/snapshot';
import { CoverageSchema, DiffPartSchema, SearchResultSchema } from '../corpus/schema';

z.config({ jitless: true });

/** Longest address a message carries. */
const MAX_URL_CHARS = 2_048;

/**
 * A page's address as Retold keeps and sends it: scheme, host and path. The
 * query string and the fragment (where sites put session tokens, search
 * terms and tracking ids) and any user name and password never go into a
 * message; every message that names a page checks it.
 */
export function pageAddress(href: string): string {
  try {
    const url = new URL(href);
    return url.origin === 'null' ? '' : `${url.origin}${url.pathname}`.slice(0, MAX_URL_CHARS);
  } catch {
    return '';
  }
}

/** An address made by `pageAddress`: no query string, no fragment, no credentials. */
export const PageUrlSchema = z.string().check(
  z.maxLength(MAX_URL_CHARS),
  z.refine((url) => url === pageAddress(url), 'a page address carries no query string, fragment or credentials'),
);

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
  /**
   * Where the outlet published the article, when the corpus records it (an
   * address to link to, never fetched). Absent from notes kept by an older version.
   */
  url: z.optional(z.nullable(z.string())),
  /** Set when the article is one the reader read and Retold remembered (not the bundled corpus): its address. */
  fromReading: z.optional(z.strictObject({ url: z.string() })),
};

/**
 * Why another outlet's wording was taken for the same remark, from the
 * diff and the similarity: the same words; this page's quote inside a longer
 * one; a shorter excerpt of this page's quote; or other words for the same
 * sentence (most often another translation); or, for a note on a paraphrase,
 * the outlet's quoted words for what this page reports in its own.
 */
export const MatchReasonSchema = z.enum(['same-words', 'longer-quote', 'shorter-excerpt', 'other-words', 'paraphrase']);
export type MatchReason = z.infer<typeof MatchReasonSchema>;

export const RemarkViewSchema = z.strictObject({
  id: z.string(),
  /** This page's fullest wording of the remark (for a paraphrase, the clause that reports it). */
  quote: z.string(),
  /**
   * Set when this page does not quote the remark but reports it in its own
   * words, without quotation marks ("X accused the council of …"): the note
   * is "paraphrased here", never shown as a quote. Absent on a quote's note.
   */
  paraphrased: z.optional(z.literal(true)),
  speaker: z.nullable(z.string()),
  /** Every place the page quotes the remark (headline, pull quote, body), in page order: one note, each place highlighted. */
  selectors: z.array(Selector).check(z.minLength(1)),
  /** Each other outlet that quotes the remark, with each of its wordings, best match first. */
  outlets: z.array(
    z.strictObject({
      ...Source,
      wordings: z.array(
        z.strictObject({
          quote: z.string(),
          speaker: z.nullable(z.string()),
          similarity: z.number(),
          /** Why it was matched, in a reader's words (see MatchReasonSchema). */
          reason: MatchReasonSchema,
          /**
           * From this page's wording to the outlet's. For a paraphrase, only the
           * outlet's words: `same` where this page's paraphrase uses them too, `added` elsewhere.
           */
          diff: z.array(DiffPartSchema),
        }),
      ),
    }),
  ),
});

/** What a figure's words allow (docs/figures.md), the day it is given for, and who claims it. */
const FigureReading = {
  low: z.nullable(z.number()),
  high: z.nullable(z.number()),
  lowOpen: z.boolean(),
  highOpen: z.boolean(),
  /** ISO date, or null when the article is undated. */
  day: z.nullable(z.string()),
  claimant: z.nullable(z.string()),
};

export const FigureViewSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  /** What is counted, in words ("people killed in Gaza"). */
  quantity: z.string(),
  selector: Selector,
  /** True when two of the outlets' figures cannot both be right for one day. */
  differs: z.boolean(),
  ...FigureReading,
  others: z.array(
    z.strictObject({
      ...Source,
      text: z.string(),
      ...FigureReading,
      /** Against this page's figure (see figureVerdict): agree, differ, or a running count given for another day. */
      verdict: z.enum(['agree', 'differ', 'over-time']),
      /** The verdict is not "differ". */
      agrees: z.boolean(),
    }),
  ),
});

export const PageNotesSchema = z.strictObject({
  remarks: z.array(RemarkViewSchema),
  figures: z.array(FigureViewSchema),
  /** How many other outlets the notes draw on. */
  outletCount: z.int(),
  /** Set when the article was longer than is read (MAX_READ_CHARS): the number of its first characters that were. */
  clipped: z.optional(z.int()),
});

export type RemarkView = z.infer<typeof RemarkViewSchema>;
export type FigureView = z.infer<typeof FigureViewSchema>;
export type PageNotes = z.infer<typeof PageNotesSchema>;
export type OutletVersion = RemarkView['outlets'][number];

/**
 * Notes for the article of a page, sent as a snapshot of its DOM (the
 * background reads the article off the page's thread; see lib/page/snapshot).
 * The background answers with an acknowledgement; the notes reach the page
 * as a view (see TabViewSchema), like every other change to what it shows.
 */
export const AnnotateRequestSchema = z.strictObject({
  url: PageUrlSchema,
  snapshot: SnapshotSchema,
  /** The remark similarity a match needs (the reader's sensitivity setting). */
  threshold: z.optional(z.number().check(z.gte(0.3), z.lte(1))),
  /** The page has a password field (the snapshot leaves inputs out): it is never remembered. */
  passwordField: z.optional(z.boolean()),
  /** The content script runs in a private window (`extension.inIncognitoContext`): the page is never remembered. */
  incognito: z.optional(z.boolean()),
});
export type AnnotateRequest = z.infer<typeof AnnotateRequestSchema>;

/** The page at `url` has no notes to show: no article, or Retold does not run on it. */
export const ClearRequestSchema = z.strictObject({ url: PageUrlSchema });

/** An answer that carries nothing but whether the request was carried out. */
export const AckSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type Ack = z.infer<typeof AckSchema>;

/** Nothing: the request's channel says it all (show or hide the notes of the sender's tab). */
export const EmptySchema = z.strictObject({});

/** Search the corpus (from the popup). */
export const SearchRequestSchema = z.strictObject({ query: z.string().check(z.maxLength(200)) });

/** The popup asks about one tab (the current one, or the one it was opened for). */
export const TabRequestSchema = z.strictObject({ tabId: z.int().check(z.nonnegative()) });

/** A note's id, as the tab's view names it ("remark-1234"). */
const NoteId = z.string().check(z.minLength(1), z.maxLength(200));

/** The popup (its card opened) or the side panel (its highlight flashed) asks for one of a tab's notes to be shown. */
export const TabRevealRequestSchema = z.strictObject({ tabId: z.int().check(z.nonnegative()), id: NoteId });

/** The background asks the page to scroll to one of its notes and open it. */
export const RevealRequestSchema = z.strictObject({ id: NoteId });

/** The background asks the extension document that reads articles (Chromium's offscreen document) for one. */
export const ExtractRequestSchema = z.strictObject({ snapshot: SnapshotSchema });
export const ExtractResponseSchema = z.discriminatedUnion('ok', [
  /** `text` is null when the page holds no article Readability can find; `date` is its publication date, when it shows one. */
  z.strictObject({
    ok: z.literal(true),
    text: z.nullable(z.string().check(z.maxLength(MAX_ARTICLE_CHARS))),
    date: z.optional(z.nullable(z.iso.date())),
  }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type ExtractResponse = z.infer<typeof ExtractResponseSchema>;

/** The number of notes a page carries, as the toolbar badge and the summary pill count them. */
export const noteCount = (notes: PageNotes) => notes.remarks.length + notes.figures.length;

export const SearchResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    results: z.array(SearchResultSchema),
    /** How many remarks and figures the corpus has to search. */
    searchable: z.int(),
    /** What the corpus covers: articles, outlets, events, dates. */
    coverage: CoverageSchema,
  }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

/** Whether Retold runs on a site, and if not, why (see siteState in lib/extension/settings). */
export const SiteStateSchema = z.enum(['on', 'off', 'paused', 'blocked', 'not-listed']);

/**
 * What one tab shows, as the background decides it (see lib/extension/view):
 * the page draws it, the toolbar badge and the popup say it. Sent to the
 * page whenever it changes, and to the popup when it asks.
 */
export const TabViewSchema = z.strictObject({
  /** The page the view is for (its `pageAddress`); a page that has moved on to another address draws nothing of it. */
  url: PageUrlSchema,
  host: z.string(),
  state: SiteStateSchema,
  /** The notes to draw: those the settings let through; none when Retold does not run here. */
  notes: PageNotesSchema,
  /** Whether highlights and markers are shown (the reader can hide them; the pill stays). */
  visible: z.boolean(),
  /** How highlights look (the reader's colour and style settings). */
  look: z.strictObject({
    palette: z.enum(['amber', 'blue', 'magenta']),
    highlightStyle: z.enum(['background', 'underline']),
  }),
  /** The toolbar badge: the number of notes shown, and a tooltip that says what they are. */
  badge: z.strictObject({ text: z.string(), title: z.string() }),
});
export type TabView = z.infer<typeof TabViewSchema>;

/** The popup's answer about a tab: its view, or null where no page of ours reported (a browser page, a file). */
export const TabViewResponseSchema = z.strictObject({ view: z.nullable(TabViewSchema) });
export type TabViewResponse = z.infer<typeof TabViewResponseSchema>;

/** The reader hides a note, or says it is wrong, in the page (the page's address picks the notes). */
export const NoteFeedbackRequestSchema = z.strictObject({
  url: z.string(),
  id: NoteId,
  verdict: z.enum(['hidden', 'wrong']),
});
/** The same from the side panel, for one tab. */
export const TabNoteFeedbackRequestSchema = z.strictObject({
  tabId: z.int().check(z.nonnegative()),
  id: NoteId,
  verdict: z.enum(['hidden', 'wrong']),
});

/** The page asks where a note can open when no margin beside its text is wide enough for a card. */
export const OpenNoteRequestSchema = z.strictObject({ id: NoteId });
/** In the side panel (open, or opened for it), or in a sheet at the bottom of the page. */
export const OpenNoteResponseSchema = z.strictObject({ where: z.enum(['panel', 'sheet']) });
export type OpenNoteResponse = z.infer<typeof OpenNoteResponseSchema>;

/** The background asks the page to scroll to a note and flash it. */
export const RevealNoteSchema = z.strictObject({ id: NoteId });

/**
 * The side panel's port to the background. The panel says which tab it
 * shows; the background sends it that tab's view whenever it changes, and the
 * note to bring forward when the page opened one in the panel.
 */
export const PanelHelloSchema = z.strictObject({ tabId: z.int().check(z.nonnegative()) });
export const PanelMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('view'), tabId: z.int(), view: z.nullable(TabViewSchema) }),
  z.strictObject({ kind: z.literal('focus'), tabId: z.int(), id: NoteId }),
]);
export type PanelMessage = z.infer<typeof PanelMessageSchema>;
/** How much the reader's remembered articles take, and why the last one could not be kept, if it could not. */
export const MemoryStatsSchema = z.strictObject({
  articles: z.int(),
  bytes: z.int(),
  /** Set when an article could not be remembered (the browser's quota reached): what to do about it. */
  problem: z.nullable(z.string()),
});
export type MemoryStatsView = z.infer<typeof MemoryStatsSchema>;

/** Forget remembered articles: all, one site's, or those last read more than some days ago. */
export const ForgetRequestSchema = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('all') }),
  z.strictObject({ scope: z.literal('site'), host: z.string().check(z.minLength(1), z.maxLength(253)) }),
  z.strictObject({ scope: z.literal('older'), days: z.int().check(z.gte(1), z.lte(36_500)) }),
]);
export type ForgetRequest = z.infer<typeof ForgetRequestSchema>;
