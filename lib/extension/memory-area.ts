/**
 * What the options page must know about the remembered articles between two
 * of its questions to the background: why the last article could not be
 * remembered (the browser's quota reached), kept in storage.local so it
 * outlives a stopped worker, and when the articles last changed, so an open
 * options page counts them again as soon as one is remembered or forgotten.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';

/** The storage item that holds the status. */
export const MEMORY_STATUS_KEY = 'local:memoryStatus';

const MemoryStatusSchema = z.strictObject({
  /** What went wrong the last time an article was to be remembered; null once one is again, or some are forgotten. */
  problem: z.nullable(z.string().check(z.maxLength(1000))),
  /** When the remembered articles last changed (epoch ms). */
  changedAt: z.number(),
});
export type MemoryStatus = z.infer<typeof MemoryStatusSchema>;

/** The stored status; an unreadable one reads as no problem, and is reported in the console. */
export async function loadMemoryStatus(): Promise<MemoryStatus> {
  const raw = await storage.getItem<unknown>(MEMORY_STATUS_KEY).catch(() => null);
  const parsed = MemoryStatusSchema.safeParse(raw ?? { problem: null, changedAt: 0 });
  if (parsed.success) return parsed.data;
  console.warn('Retold: the remembered articles’ stored status was unreadable and was reset');
  return { problem: null, changedAt: 0 };
}

/** Record that the remembered articles changed, and what went wrong if anything did. */
export async function recordMemoryChange(problem: string | null): Promise<void> {
  await storage.setItem(MEMORY_STATUS_KEY, { problem, changedAt: Date.now() } satisfies MemoryStatus);
}

/** Call `onChange` whenever the status changes; returns the unwatch. */
export function watchMemoryStatus(onChange: () => void): () => void {
  return storage.watch(MEMORY_STATUS_KEY, () => onChange());
}
