/**
 * Where the reader's note feedback lives: one item in storage.local (see
 * lib/extension/feedback for what it holds). Written by the background and
 * the options page, read by both.
 */
import { storage } from 'wxt/utils/storage';
import { parseFeedback, type FeedbackEntry } from './feedback';

/** The storage item that holds the list. */
export const FEEDBACK_KEY = 'local:noteFeedback';

/** The stored list (entries that fail the schema are dropped and reported in the console). */
export async function loadFeedback(): Promise<FeedbackEntry[]> {
  const { entries, dropped } = parseFeedback(await storage.getItem<unknown>(FEEDBACK_KEY).catch(() => null));
  if (dropped) console.warn(`Retold: ${dropped} unreadable note feedback entries were left out`);
  return entries;
}

/** Change the stored list with a function of the list stored at that moment. */
export async function changeFeedback(change: (entries: FeedbackEntry[]) => FeedbackEntry[]): Promise<void> {
  await storage.setItem(FEEDBACK_KEY, change(await loadFeedback()));
}

/** Call `onChange` whenever the stored list changes (from any of the extension's pages); returns the unwatch. */
export function watchFeedback(onChange: () => void): () => void {
  return storage.watch(FEEDBACK_KEY, () => onChange());
}
