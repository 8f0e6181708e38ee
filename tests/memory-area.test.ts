/**
 * The remembered articles' status in storage.local, on WXT's fake browser:
 * the quota message outlives the worker that saw it (a fresh load still reads
 * it), a page watching the status hears of every change, and an unreadable
 * status reads as no problem rather than failing the options page.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const { fakeBrowser } = await vi.hoisted(async () => {
  const fake = await import('wxt/testing/fake-browser');
  (globalThis as { chrome?: unknown }).chrome = fake.fakeBrowser;
  return fake;
});

const fresh = () => import('../lib/extension/memory-area');

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

describe('the remembered articles’ status', () => {
  it('keeps the quota message for a worker started later, until an article is remembered again', async () => {
    const message = 'The browser has no more room for remembered articles: new ones are not kept.';
    await (await fresh()).recordMemoryChange(message);
    vi.resetModules();
    expect((await (await fresh()).loadMemoryStatus()).problem).toBe(message);
    await (await fresh()).recordMemoryChange(null);
    expect((await (await fresh()).loadMemoryStatus()).problem).toBeNull();
  });

  it('tells a watching page of each change', async () => {
    const area = await fresh();
    const heard = vi.fn();
    area.watchMemoryStatus(heard);
    await area.recordMemoryChange(null);
    await area.recordMemoryChange('full');
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(2));
  });

  it('reads an unreadable status as no problem', async () => {
    await fakeBrowser.storage.local.set({ memoryStatus: { problem: 42, changedAt: 'yesterday' } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await (await fresh()).loadMemoryStatus()).toEqual({ problem: null, changedAt: 0 });
    expect(warn).toHaveBeenCalled();
  });
});
