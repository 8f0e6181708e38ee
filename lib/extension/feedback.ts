/**
 * What the reader said about notes: "hide this note" and "this note is
 * wrong". Kept on this computer (storage.local), listed on the options page
 * where each can be undone, and exported as a JSON file a maintainer can
 * read: each entry holds the page, the note's text and what it was matched
 * with, so a wrong match can be found again without the page.
 *
 * Both kinds hide the note on the page it was given for. The list is read
 * through its zod schema; entries that fail it are dropped and counted.
 * Where it is stored: lib/extension/feedback-area.
 */
import { z } from 'zod/mini';
import type { FigureView, RemarkView } from './messages';

z.config({ jitless: true });

/** Most entries kept; the oldest go first. A reader hides a few notes a week: years of use. */
export const MAX_FEEDBACK = 1000;

export const VerdictSchema = z.enum(['hidden', 'wrong']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const FeedbackEntrySchema = z.strictObject({
  /** Which note on which page (see noteKey). */
  key: z.string().check(z.maxLength(4000)),
  verdict: VerdictSchema,
  /** When the reader said so, ISO 8601. */
  at: z.string(),
  /** The page the note was on, without its fragment. */
  page: z.string().check(z.maxLength(2000)),
  kind: z.enum(['remark', 'figure']),
  /** The note's text on that page: the quote or the figure. */
  text: z.string().check(z.maxLength(2000)),
  speaker: z.nullable(z.string()),
  /** Set when the note was on a remark the page paraphrases: its text is the page's words, not a quotation. */
  paraphrased: z.optional(z.literal(true)),
  /** What the note matched it with, as the reader saw it. */
  matched: z
    .array(
      z.strictObject({
        outlet: z.nullable(z.string()),
        title: z.nullable(z.string()),
        url: z.nullable(z.string()),
        text: z.string(),
        /** Remarks: how alike the wordings are, 0 to 1. */
        similarity: z.optional(z.number()),
      }),
    )
    .check(z.maxLength(50)),
});
export type FeedbackEntry = z.infer<typeof FeedbackEntrySchema>;

/** The file the options page exports. */
export interface FeedbackExport {
  format: 'retold-note-feedback';
  version: 1;
  entries: FeedbackEntry[];
}

const pageOf = (url: string) => url.replace(/#.*$/, '');

/** One note on one page, the same however often the page is read: its kind, page and text. */
export function noteKey(url: string, kind: 'remark' | 'figure', text: string): string {
  return `${kind}|${pageOf(url)}|${text}`;
}

/** A feedback entry for a note as the reader saw it. */
export function entryFor(
  url: string,
  note: { kind: 'remark'; remark: RemarkView } | { kind: 'figure'; figure: FigureView },
  verdict: Verdict,
  now = new Date(),
): FeedbackEntry {
  const cut = (s: string) => s.slice(0, 2000);
  if (note.kind === 'remark') {
    const r = note.remark;
    return {
      key: noteKey(url, 'remark', r.selectors[0]?.exact ?? r.quote),
      verdict,
      at: now.toISOString(),
      page: cut(pageOf(url)),
      kind: 'remark',
      text: cut(r.quote),
      speaker: r.speaker,
      ...(r.paraphrased ? { paraphrased: true as const } : {}),
      matched: r.outlets
        .flatMap((o) =>
          o.wordings.map((w) => ({
            outlet: o.outlet,
            title: o.title,
            url: o.url ?? null,
            text: cut(w.quote),
            similarity: Math.round(w.similarity * 1000) / 1000,
          })),
        )
        .slice(0, 50),
    };
  }
  const f = note.figure;
  return {
    key: noteKey(url, 'figure', f.selector.exact),
    verdict,
    at: now.toISOString(),
    page: cut(pageOf(url)),
    kind: 'figure',
    text: cut(f.text),
    speaker: f.claimant ?? null,
    matched: f.others
      .map((o) => ({ outlet: o.outlet, title: o.title, url: o.url ?? null, text: cut(o.text) }))
      .slice(0, 50),
  };
}

/** The list as stored, read through the schema; `dropped` counts entries that failed it. */
export function parseFeedback(stored: unknown): { entries: FeedbackEntry[]; dropped: number } {
  if (!Array.isArray(stored)) return { entries: [], dropped: stored == null ? 0 : 1 };
  const entries: FeedbackEntry[] = [];
  for (const item of stored) {
    const parsed = FeedbackEntrySchema.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
  }
  return { entries, dropped: stored.length - entries.length };
}

/** The list with `entry` added (replacing any for the same note), the oldest beyond the cap dropped. */
export function withEntry(entries: readonly FeedbackEntry[], entry: FeedbackEntry): FeedbackEntry[] {
  return [...entries.filter((e) => e.key !== entry.key), entry].slice(-MAX_FEEDBACK);
}

/** The list without the entry for `key` (the reader undid it). */
export function withoutEntry(entries: readonly FeedbackEntry[], key: string): FeedbackEntry[] {
  return entries.filter((e) => e.key !== key);
}

/** The keys of every note the reader hid or called wrong: the view leaves them out. */
export const hiddenKeys = (entries: readonly FeedbackEntry[]) => new Set(entries.map((e) => e.key));

/** The export file's text: every entry, pretty-printed so a maintainer can read it. */
export function exportFeedback(entries: readonly FeedbackEntry[]): string {
  const file: FeedbackExport = { format: 'retold-note-feedback', version: 1, entries: [...entries] };
  return `${JSON.stringify(file, null, 2)}\n`;
}
