/**
 * What Retold may remember of a page the reader reads, and what it keeps:
 * the rules that say "never" (checked before anything is stored) and the
 * record made of an article that passes them. Pure: the background hands
 * over what it knows of the page.
 */
import { articleEntries, type ArticleEntries } from '../corpus/corpus';
import type { DecidedPair } from '../corpus/growing';
import type { SnapshotMeta } from '../page/snapshot-meta';
import { siteState, type Settings } from './settings';

/** Why a page is not remembered; null when it may be. */
export type NotKept = 'setting-off' | 'private' | 'not-web' | 'site-not-on' | 'password-field' | 'no-article';

export interface PageFacts {
  settings: Settings;
  /** The page's address (its `pageAddress`: no query string, no fragment). */
  url: string;
  /** A private (incognito) window: the tab's own word, or the content script's. */
  incognito: boolean;
  /** The page has a password field (the content script looks; the snapshot leaves inputs out). */
  passwordField: boolean;
  /** The article text the background read; '' when the page passed no article gate. */
  article: string;
}

/** Whether a page may be remembered: never in a private window, on a site Retold does not run on, or with a password field. */
export function whyNotKept(page: PageFacts, now = Date.now()): NotKept | null {
  if (!page.settings.remember) return 'setting-off';
  if (page.incognito) return 'private';
  let url: URL;
  try {
    url = new URL(page.url);
  } catch {
    return 'not-web';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not-web';
  if (siteState(page.settings, url.hostname, now) !== 'on') return 'site-not-on';
  if (page.passwordField) return 'password-field';
  if (!page.article.trim()) return 'no-article';
  return null;
}

/** Prefix of a remembered article's corpus id, so it never meets a bundled article's id. */
export const REMEMBERED_ID_PREFIX = 'read:';

/** A remembered article, as stored: what the reader read, and what the engine found in it. */
export interface RememberedArticle {
  /** The page's address without query string or fragment; the key. */
  url: string;
  host: string;
  /** `og:site_name`, else the host. */
  outlet: string;
  title: string | null;
  /** ISO `YYYY-MM-DD` (`article:published_time`, JSON-LD `datePublished`), or null. */
  published: string | null;
  /** When it was last read (epoch ms): the oldest-read are dropped first. */
  readAt: number;
  text: string;
  /** Its quotes and figures, and what recognises it (see articleEntries). */
  entries: ArticleEntries;
  /**
   * Which of its quote sentences are the same remark as which of the articles
   * remembered before it (see GrowingCorpus.pairsOf), so a restarted worker
   * takes it in without scoring it again. Absent in a record kept before
   * pairs were; such a one is scored again when loaded.
   */
  pairs?: DecidedPair[];
  /** About its size as stored: the text, the entries and the pairs, in bytes. */
  bytes: number;
}

/** The record with the pairs its article was found to share, its size counted again. */
export function withPairs(record: RememberedArticle, pairs: DecidedPair[]): RememberedArticle {
  const { pairs: _, ...rest } = record;
  return { ...rest, pairs, bytes: sizeOf(rest.text, rest.entries, pairs) };
}

// Strings as UTF-16, two bytes a character, as browsers hold them; an estimate, not the disk's count.
const sizeOf = (text: string, entries: ArticleEntries, pairs: DecidedPair[] = []) =>
  2 * (text.length + JSON.stringify(entries).length + (pairs.length ? JSON.stringify(pairs).length : 0));

/** The record for an article that passed `whyNotKept`. */
export function rememberedArticle(url: string, text: string, meta: SnapshotMeta, now = Date.now()): RememberedArticle {
  const host = new URL(url).hostname;
  const outlet = meta.outlet ?? host;
  const title =
    meta.title ??
    (text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ||
      null);
  const entries = articleEntries(
    `${REMEMBERED_ID_PREFIX}${url}`,
    { outlet, title, date: meta.published, event: null, url },
    text,
  );
  return {
    url,
    host,
    outlet,
    title,
    published: meta.published,
    readAt: now,
    text,
    entries,
    bytes: sizeOf(text, entries),
  };
}

/**
 * The record for an article read from a corpus pack (see lib/corpus/pack):
 * its entries as the pack gives them, under the pack's address for it (an
 * http(s) address, or one made of the pack's file name and the article's id),
 * read now. A pack holds no article text, so none is kept.
 */
export function packedArticle(entries: ArticleEntries, packName: string, now = Date.now()): RememberedArticle {
  const { article } = entries;
  let web: URL | null = null;
  try {
    web = article.url ? new URL(article.url) : null;
  } catch {
    web = null;
  }
  if (web && web.protocol !== 'http:' && web.protocol !== 'https:') web = null;
  if (web) web.search = web.hash = '';
  const url = web ? web.href : `retold-pack:${encodeURIComponent(packName)}/${encodeURIComponent(article.id)}`;
  const id = `${REMEMBERED_ID_PREFIX}${url}`;
  const host = web?.hostname ?? '';
  const published = article.date && /^\d{4}-\d{2}-\d{2}$/.test(article.date) ? article.date : null;
  const mine: ArticleEntries = {
    article: { ...article, id, url: web ? web.href : null },
    quotes: entries.quotes.map((q) => ({ ...q, articleId: id })),
    figures: entries.figures.map((f) => ({ ...f, articleId: id })),
  };
  return {
    url,
    host,
    outlet: article.outlet ?? (host || packName),
    title: article.title,
    published,
    readAt: now,
    text: '',
    entries: mine,
    bytes: sizeOf('', mine),
  };
}
