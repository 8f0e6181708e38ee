import { describe, expect, it } from 'vitest';
import type { PageNotes } from '../lib/extension/messages';
import { TabStore, type TabArea } from '../lib/extension/tab-store';

/** An in-memory stand-in for `browser.storage.session`, which outlives the worker. */
function memoryArea(initial: Record<string, unknown> = {}): TabArea & { items: Record<string, unknown> } {
  const items = { ...initial };
  return {
    items,
    get: async () => structuredClone(items),
    set: async (more) => void Object.assign(items, structuredClone(more)),
    remove: async (keys) => keys.forEach((k) => delete items[k]),
  };
}

const notes: PageNotes = { remarks: [], figures: [], outletCount: 0 };
const A = 'https://news.example/a';
const B = 'https://news.example/b';

describe('the tab store', () => {
  it('keeps each tab’s page and notes, shown until the reader hides them', async () => {
    const store = new TabStore(memoryArea());
    expect(await store.get(1)).toBeUndefined();
    await store.set(1, A, notes);
    await store.set(2, B, null);
    expect(await store.get(1)).toEqual({ url: A, notes, visible: true });
    expect(await store.get(2)).toEqual({ url: B, notes: null, visible: true });
    expect((await store.tabs()).sort()).toEqual([1, 2]);
  });

  it('toggles a tab’s notes; the same page read again keeps the choice, another page does not', async () => {
    const store = new TabStore(memoryArea());
    expect(await store.toggle(1)).toBeUndefined();
    await store.set(1, A, notes);
    expect((await store.toggle(1))?.visible).toBe(false);
    await store.set(1, A, notes);
    expect((await store.get(1))?.visible).toBe(false);
    await store.set(1, B, notes);
    expect((await store.get(1))?.visible).toBe(true);
  });

  it('aborts a tab’s reading when a newer one begins or the tab is forgotten, and only that tab’s', async () => {
    const store = new TabStore(null);
    const first = store.begin(1);
    const other = store.begin(2);
    const second = store.begin(1);
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
    await store.forget(1);
    expect(second.aborted).toBe(true);
    expect(other.aborted).toBe(false);
  });

  it('finds its tabs again after the worker restarts, and forgets a closed tab there too', async () => {
    const area = memoryArea();
    const before = new TabStore(area);
    await before.set(1, A, notes);
    await before.set(2, B, notes);
    await before.toggle(2);
    await before.forget(1);
    const after = new TabStore(area);
    expect(await after.tabs()).toEqual([2]);
    expect(await after.get(2)).toEqual({ url: B, notes, visible: false });
  });

  it('drops stored entries that fail the schema, and ignores keys that are not tabs', async () => {
    const area = memoryArea({
      'tab:1': { url: A, notes: { remarks: 'no' }, visible: true },
      'tab:x': { url: A, notes: null, visible: true },
      settings: { url: A, notes: null, visible: true },
      'tab:3': { url: B, notes: null, visible: false },
    });
    expect(await new TabStore(area).tabs()).toEqual([3]);
  });

  it('works from memory when its storage fails', async () => {
    const broken: TabArea = {
      get: () => Promise.reject(new Error('corrupt profile')),
      set: () => Promise.reject(new Error('corrupt profile')),
      remove: () => Promise.reject(new Error('corrupt profile')),
    };
    const store = new TabStore(broken);
    await store.set(1, A, notes);
    expect(await store.get(1)).toEqual({ url: A, notes, visible: true });
    await store.forget(1);
    expect(await store.get(1)).toBeUndefined();
  });
});
