/**
 * The reader's remembered articles, in the extension's IndexedDB on this
 * device (never synced, never sent): one record per article address (see
 * RememberedArticle), indexed by when it was read and by host, so the
 * oldest-read go first and a site can be forgotten at once. Kept apart from
 * the bundled corpus, which nothing here touches.
 *
 * Through `idb`: a promise wrapper over the browser's own IndexedDB (about
 * 1 KB gzipped, well kept), so every request is awaited and every failure
 * reaches the caller, instead of the event callbacks of the raw API where a
 * forgotten `onerror` fails silently.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { RememberedArticle } from './remember';

export const MEMORY_DB = 'retold-memory';

/**
 * Articles kept at most; past it, the least recently read are dropped. The
 * remembered articles' index grows one article at a time (GrowingCorpus), so
 * the limit is what the device holds, not what a rebuild costs: 3,000 is
 * months of a keen reader's news, well under the storage budget (see `npm
 * run bench -- --only personal`).
 */
export const MAX_REMEMBERED = 3000;
/** Days an article is kept after it was last read. */
export const MAX_AGE_DAYS = 180;
const DAY_MS = 86_400_000;

interface MemorySchema extends DBSchema {
  articles: {
    key: string;
    value: RememberedArticle;
    indexes: { readAt: number; host: string };
  };
}

type Upgrade = (
  db: IDBPDatabase<MemorySchema>,
  tx: IDBPTransaction<MemorySchema, StoreNames<MemorySchema>[], 'versionchange'>,
) => void;

/**
 * The database's layout by version, each step upgrading from the one before
 * (IndexedDB runs them in the upgrade transaction, so a step that fails
 * leaves the old layout whole). 1: the articles by address, indexed by
 * `readAt` and `host`.
 */
export const MIGRATIONS: Record<number, Upgrade> = {
  1: (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'url' });
    articles.createIndex('readAt', 'readAt');
    articles.createIndex('host', 'host');
  },
};
export const MEMORY_VERSION = Math.max(...Object.keys(MIGRATIONS).map(Number));

/** The browser's storage quota for the extension is reached: nothing more can be remembered until some is forgotten. */
export class QuotaReachedError extends Error {
  constructor() {
    super(
      'The browser has no more room for remembered articles: new ones are not kept. ' +
        'Forget some (older articles, or a site) to make room.',
    );
    this.name = 'QuotaReachedError';
  }
}

const isQuotaError = (error: unknown) =>
  error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));

export interface MemoryStats {
  articles: number;
  bytes: number;
}

export interface Limits {
  maxArticles: number;
  maxAgeDays: number;
}

export class Memory {
  private constructor(
    private readonly db: IDBPDatabase<MemorySchema>,
    readonly limits: Limits,
  ) {}

  /** Open (creating or upgrading) the database. */
  static async open(
    name = MEMORY_DB,
    limits: Limits = { maxArticles: MAX_REMEMBERED, maxAgeDays: MAX_AGE_DAYS },
  ): Promise<Memory> {
    const db = await openDB<MemorySchema>(name, MEMORY_VERSION, {
      upgrade(db, from, to, tx) {
        for (let v = from + 1; v <= (to ?? MEMORY_VERSION); v++) MIGRATIONS[v]!(db, tx);
      },
    });
    return new Memory(db, limits);
  }

  close(): void {
    this.db.close();
  }

  /**
   * Keep an article (replacing an earlier reading of the same address), then
   * hold to the limits; returns the addresses dropped for them. Throws
   * QuotaReachedError when the browser has no room.
   */
  async add(article: RememberedArticle): Promise<string[]> {
    try {
      await this.db.put('articles', article);
    } catch (error) {
      if (isQuotaError(error)) throw new QuotaReachedError();
      throw error;
    }
    return this.prune(article.readAt);
  }

  /** Drop what is past the limits: read longer ago than maxAgeDays, then the least recently read past maxArticles. */
  async prune(now = Date.now()): Promise<string[]> {
    const dropped = await this.forgetOlder(this.limits.maxAgeDays, now);
    const tx = this.db.transaction('articles', 'readwrite');
    let over = (await tx.store.count()) - this.limits.maxArticles;
    for (
      let cursor = await tx.store.index('readAt').openCursor();
      cursor && over > 0;
      cursor = await cursor.continue()
    ) {
      dropped.push(cursor.primaryKey);
      await cursor.delete();
      over--;
    }
    await tx.done;
    return dropped;
  }

  /** Every remembered article, least recently read first. */
  all(): Promise<RememberedArticle[]> {
    return this.db.getAllFromIndex('articles', 'readAt');
  }

  async stats(): Promise<MemoryStats> {
    let bytes = 0;
    let articles = 0;
    for (
      let cursor = await this.db.transaction('articles').store.openCursor();
      cursor;
      cursor = await cursor.continue()
    ) {
      articles++;
      bytes += cursor.value.bytes;
    }
    return { articles, bytes };
  }

  forgetAll(): Promise<void> {
    return this.db.clear('articles');
  }

  /** Forget every article from `host`, with or without `www.`; returns their addresses. */
  async forgetSite(host: string): Promise<string[]> {
    const hosts = host.startsWith('www.') ? [host, host.slice(4)] : [host, `www.${host}`];
    const tx = this.db.transaction('articles', 'readwrite');
    const dropped: string[] = [];
    for (const h of hosts)
      for (let cursor = await tx.store.index('host').openCursor(h); cursor; cursor = await cursor.continue()) {
        dropped.push(cursor.primaryKey);
        await cursor.delete();
      }
    await tx.done;
    return dropped;
  }

  /** Forget every article last read more than `days` days ago; returns their addresses. */
  async forgetOlder(days: number, now = Date.now()): Promise<string[]> {
    const tx = this.db.transaction('articles', 'readwrite');
    const dropped: string[] = [];
    const range = IDBKeyRange.upperBound(now - days * DAY_MS, true);
    for (let cursor = await tx.store.index('readAt').openCursor(range); cursor; cursor = await cursor.continue()) {
      dropped.push(cursor.primaryKey);
      await cursor.delete();
    }
    await tx.done;
    return dropped;
  }
}
