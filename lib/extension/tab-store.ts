/**
 * The background's record of each tab, the one owner of per-tab state
 * (uBlock Origin's page store is the model): the page's address, every note
 * found for it, and whether the reader hid them. What the tab shows is
 * computed from this by `view`. Kept in memory and mirrored to an area that
 * outlives the worker (`browser.storage.session`), because Manifest V3 stops
 * an idle worker and the tabs it served are still open when it wakes.
 */
import { z } from 'zod/mini';
import { PageNotesSchema, PageUrlSchema } from './messages';
import type { TabPage } from './view';

z.config({ jitless: true });

const TabPageSchema = z.strictObject({ url: PageUrlSchema, notes: z.nullable(PageNotesSchema), visible: z.boolean() });

/** The part of a `browser.storage` area the store needs; passed in, so this module never touches `browser`. */
export interface TabArea {
  get(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

const PREFIX = 'tab:';
const keyOf = (tabId: number) => `${PREFIX}${tabId}`;

export class TabStore {
  private readonly pages = new Map<number, TabPage>();
  /** The reading under way for each tab; a newer one, a clear or the tab going away aborts it. */
  private readonly work = new Map<number, AbortController>();
  private loaded: Promise<void> | null = null;

  /** `area` null: memory only (the store forgets its tabs with the worker). */
  constructor(private readonly area: TabArea | null) {}

  /** The tabs a stopped worker knew, read once; entries that fail the schema are dropped. */
  private load(): Promise<void> {
    return (this.loaded ??= (async () => {
      if (!this.area) return;
      let stored: Record<string, unknown> = {};
      try {
        stored = await this.area.get();
      } catch {
        return; // storage failed: start empty, as a fresh worker would
      }
      for (const [key, value] of Object.entries(stored)) {
        const tabId = Number(key.slice(PREFIX.length));
        if (!key.startsWith(PREFIX) || !Number.isInteger(tabId) || this.pages.has(tabId)) continue;
        const page = TabPageSchema.safeParse(value);
        if (page.success) this.pages.set(tabId, page.data);
      }
    })());
  }

  private async save(tabId: number, page: TabPage): Promise<void> {
    this.pages.set(tabId, page);
    await this.area?.set({ [keyOf(tabId)]: page }).catch(() => undefined);
  }

  async get(tabId: number): Promise<TabPage | undefined> {
    await this.load();
    return this.pages.get(tabId);
  }

  /** Every tab the store knows. */
  async tabs(): Promise<number[]> {
    await this.load();
    return [...this.pages.keys()];
  }

  /**
   * Reading a page for `tabId` starts: whatever reading was under way for the
   * tab is aborted. The signal says when this one's result is moot.
   */
  begin(tabId: number): AbortSignal {
    this.work.get(tabId)?.abort();
    const controller = new AbortController();
    this.work.set(tabId, controller);
    return controller.signal;
  }

  /**
   * The tab shows `url` with `notes` (null: nothing to show). A new address
   * shows its notes again even if the reader hid the last page's.
   */
  async set(tabId: number, url: string, notes: TabPage['notes']): Promise<TabPage> {
    await this.load();
    const before = this.pages.get(tabId);
    const page = { url, notes, visible: before?.url === url ? before.visible : true };
    await this.save(tabId, page);
    return page;
  }

  /** Hide the tab's notes if shown, show them if hidden. Undefined for a tab the store does not know. */
  async toggle(tabId: number): Promise<TabPage | undefined> {
    await this.load();
    const before = this.pages.get(tabId);
    if (!before) return undefined;
    const page = { ...before, visible: !before.visible };
    await this.save(tabId, page);
    return page;
  }

  /** The tab closed or left its page: drop what the store knew of it and abort its reading. */
  async forget(tabId: number): Promise<void> {
    this.work.get(tabId)?.abort();
    this.work.delete(tabId);
    await this.load();
    this.pages.delete(tabId);
    await this.area?.remove([keyOf(tabId)]).catch(() => undefined);
  }
}
