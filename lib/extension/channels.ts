/**
 * The extension's message channels: one per purpose, each with the schema of
 * its request and of its answer and the one kind of sender it takes. A
 * message names its channel, so no listener has to guess what a message is
 * from who sent it; both ends check what they receive (lib/extension/messages).
 *
 *   content script ─ annotate, clear, toggle, leave, ──────▶ background
 *                    note-feedback, open-note
 *   popup ────────── search, tab-view, tab-toggle, tab-reveal ▶ background
 *   side panel ───── tab-view, reveal, tab-note-feedback ───▶ background
 *   background ───── view, reveal, reveal-note, jump ───────▶ content script (one tab)
 *   popup, options ─ memory, memory-forget, memory-reload ───▶ background
 *   background ───── extract ─────────────────────────▶ offscreen document (Chromium)
 *   background ◀──── view port (see VIEW_PORT) ───────▶ side panel, popup
 */
import { browser, type Browser } from 'wxt/browser';
import type { z } from 'zod/mini';
import {
  AckSchema,
  AnnotateRequestSchema,
  ClearRequestSchema,
  EmptySchema,
  ExtractRequestSchema,
  NoteFeedbackRequestSchema,
  OpenNoteRequestSchema,
  OpenNoteResponseSchema,
  RevealNoteSchema,
  TabNoteFeedbackRequestSchema,
  ExtractResponseSchema,
  ForgetRequestSchema,
  MemoryStatsSchema,
  RevealRequestSchema,
  SearchRequestSchema,
  SearchResponseSchema,
  TabRequestSchema,
  TabRevealRequestSchema,
  TabViewResponseSchema,
  TabViewSchema,
} from './messages';

/** Who may send on a channel: a content script in a tab, or a page or worker of the extension itself. */
export type Sender = 'content' | 'extension';

export interface Channel<Req, Res> {
  name: string;
  from: Sender;
  request: z.ZodMiniType<Req>;
  answer: z.ZodMiniType<Res>;
}

const channel = <Req, Res>(
  name: string,
  from: Sender,
  request: z.ZodMiniType<Req>,
  answer: z.ZodMiniType<Res>,
): Channel<Req, Res> => ({ name: `retold:${name}`, from, request, answer });

/** A page's article, to be matched; the notes come back as a `view`. */
export const annotate = channel('annotate', 'content', AnnotateRequestSchema, AckSchema);
/** A page with nothing to show (no article, Retold off there, or a new address in a single-page app). */
export const clear = channel('clear', 'content', ClearRequestSchema, AckSchema);
/** The page is going away (the tab loads another document); the background forgets it. */
export const leave = channel('leave', 'content', ClearRequestSchema, AckSchema);
/** The reader hid or showed the notes in the page (Alt+Shift+R, or the list's button). */
export const toggle = channel('toggle', 'content', EmptySchema, AckSchema);
export const search = channel('search', 'extension', SearchRequestSchema, SearchResponseSchema);
/** What a tab shows, for the popup. */
export const tabView = channel('tab-view', 'extension', TabRequestSchema, TabViewResponseSchema);
/** Hide or show a tab's notes from the popup; answers with the tab's new view. */
export const tabToggle = channel('tab-toggle', 'extension', TabRequestSchema, TabViewResponseSchema);
/** Scroll a tab's page to one of its notes and open it, from the popup (the background passes it on as `reveal`). */
export const tabReveal = channel('tab-reveal', 'extension', TabRevealRequestSchema, AckSchema);
/** What the page is to show now: sent by the background whenever it changes. */
export const view = channel('view', 'extension', TabViewSchema, AckSchema);
/** Scroll the page to one of its notes and open it; answers whether the page has that note drawn. */
export const reveal = channel('reveal', 'extension', RevealRequestSchema, AckSchema);
/** How many articles the reader's memory holds (see lib/extension/memory). */
export const memory = channel('memory', 'extension', EmptySchema, MemoryStatsSchema);
/** Forget remembered articles; answers with what is left. */
export const memoryForget = channel('memory-forget', 'extension', ForgetRequestSchema, MemoryStatsSchema);
/** The options page imported a corpus pack into the remembered articles: read them again; answers with what is kept. */
export const memoryReload = channel('memory-reload', 'extension', EmptySchema, MemoryStatsSchema);
/** Read an article from a snapshot, in Chromium's offscreen document. */
export const extract = channel('extract', 'extension', ExtractRequestSchema, ExtractResponseSchema);

/** The reader hid a note in the page, or said it is wrong. */
export const noteFeedback = channel('note-feedback', 'content', NoteFeedbackRequestSchema, AckSchema);
/** The same from the side panel. */
export const tabNoteFeedback = channel('tab-note-feedback', 'extension', TabNoteFeedbackRequestSchema, AckSchema);
/** A note whose card would cover the article: open it in the side panel, or say to use a sheet. */
export const openNote = channel('open-note', 'content', OpenNoteRequestSchema, OpenNoteResponseSchema);
/** The side panel asks for a note to be shown in its page (the background passes it on as `revealNote`). */
export const panelReveal = channel('panel-reveal', 'extension', TabRevealRequestSchema, AckSchema);
/** Scroll the page to a note and flash its highlight. */
export const revealNote = channel('reveal-note', 'extension', RevealNoteSchema, AckSchema);
/** Move keyboard focus to the next note's marker (the jump-to-next-note command). */
export const jump = channel('jump', 'extension', EmptySchema, AckSchema);

/**
 * The port an extension page (the side panel, the popup) keeps open to the
 * background to be sent its tab's view whenever it changes (see PanelHelloSchema):
 * notes that arrive after the page opened are shown without asking again.
 */
export const VIEW_PORT = 'retold:view';

interface Envelope {
  channel: string;
  message: unknown;
}

const isEnvelope = (m: unknown): m is Envelope =>
  typeof m === 'object' && m !== null && typeof (m as Envelope).channel === 'string' && 'message' in m;

/**
 * Who sent a message: only our own extension sends us anything at all; of
 * its senders, a content script is in a tab at the page's address, while our
 * pages (even one opened in a tab) and our worker are at the extension's.
 */
function sentBy(sender: Browser.runtime.MessageSender): Sender | null {
  if (sender.id !== browser.runtime.id) return null;
  // WXT types getURL for the extension's own files only; the origin is the address of "/".
  const ours = (browser.runtime as unknown as { getURL(path: string): string }).getURL('/');
  return sender.tab?.id !== undefined && !sender.url?.startsWith(ours) ? 'content' : 'extension';
}

function parseAnswer<Res>(to: Channel<unknown, Res>, answer: unknown): Res {
  const parsed = to.answer.safeParse(answer);
  if (!parsed.success) throw new Error(`Retold: unexpected answer on ${to.name}: ${parsed.error.message}`);
  return parsed.data;
}

/** Send on a channel to the background (or, from the background, to the extension's pages); the answer is checked. */
export async function send<Req, Res>(to: Channel<Req, Res>, message: Req): Promise<Res> {
  return parseAnswer(to, await browser.runtime.sendMessage({ channel: to.name, message } satisfies Envelope));
}

/** Send on a channel to the content script of one tab's top frame; the answer is checked. */
export async function sendToTab<Req, Res>(tabId: number, to: Channel<Req, Res>, message: Req): Promise<Res> {
  const answer = await browser.tabs.sendMessage(tabId, { channel: to.name, message } satisfies Envelope, {
    frameId: 0,
  });
  return parseAnswer(to, answer);
}

/**
 * Answer one channel. Messages for other channels, from a sender the channel
 * does not take, or that fail its schema are left unanswered (a sender that
 * waits gets the browser's "no receiver" error). Returns the unsubscribe.
 */
export function listen<Req, Res>(
  on: Channel<Req, Res>,
  answer: (message: Req, sender: Browser.runtime.MessageSender) => Res | Promise<Res>,
): () => void {
  const listener = (envelope: unknown, sender: Browser.runtime.MessageSender): Promise<Res> | undefined => {
    if (!isEnvelope(envelope) || envelope.channel !== on.name) return undefined;
    if (sentBy(sender) !== on.from) return undefined;
    const request = on.request.safeParse(envelope.message);
    if (!request.success) {
      console.warn(`Retold: malformed message on ${on.name}:`, request.error.message);
      return undefined;
    }
    return Promise.resolve(answer(request.data, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
