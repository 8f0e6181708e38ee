/**
 * Reading a page's article from its snapshot, in an extension document that
 * has a DOM: Chromium's offscreen document, or Firefox's background page.
 * The page's thread never runs Readability (see lib/page/snapshot).
 */
import { browser } from 'wxt/browser';
import { articleFromSnapshot } from '../page/article';
import type { ExtractResponse } from './messages';
import { extract, listen, send } from './channels';
import type { Snapshot } from '../page/snapshot';

/** Read here: this document must have a DOM. */
export function readHere(snapshot: Snapshot): ExtractResponse {
  try {
    // An inert document: nothing in it runs, loads or renders.
    const article = articleFromSnapshot(snapshot, document.implementation.createHTMLDocument(''));
    return { ok: true, text: article?.text ?? null, date: article?.date ?? null };
  } catch (error) {
    return { ok: false, error: `could not read the article: ${String(error)}` };
  }
}

/** In the offscreen document: answer the background's requests to read an article, and nothing else. */
export function answerExtractRequests(): void {
  listen(extract, ({ snapshot }) => readHere(snapshot));
}

const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

/** The offscreen document, created on first use and kept while the worker lives. */
async function offscreenReady(): Promise<void> {
  const chrome = browser as unknown as {
    runtime: { getContexts(filter: object): Promise<unknown[]>; getURL(path: string): string };
    offscreen: { createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void> };
  };
  const url = chrome.runtime.getURL(OFFSCREEN_PATH);
  const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open.length > 0) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER'],
      justification: "Read the article of a page (Readability) off the page's main thread.",
    })
    .finally(() => (creating = null));
  await creating;
}

/** Read the article of a snapshot where a DOM is: here (Firefox's background page) or in the offscreen document. */
export async function readArticle(snapshot: Snapshot): Promise<ExtractResponse> {
  if (typeof document !== 'undefined') return readHere(snapshot);
  await offscreenReady();
  try {
    return await send(extract, { snapshot });
  } catch (error) {
    return { ok: false, error: `no answer from the offscreen document: ${String(error)}` };
  }
}
