/**
 * What a snapshot says about its article besides the text: the outlet
 * (`og:site_name`), the headline and the publication date (`<meta>` tags and
 * JSON-LD `datePublished`). Read from the snapshot's plain data, so the
 * background needs no DOM for it; the snapshot keeps these tags and scripts
 * and nothing else of the page's metadata (see lib/page/snapshot).
 */
import type { Snapshot } from './snapshot';

export interface SnapshotMeta {
  outlet: string | null;
  title: string | null;
  /** ISO `YYYY-MM-DD`, or null when the page gives no date that reads as one. */
  published: string | null;
}

/** Longest JSON-LD script read (a page's structured data is a few kilobytes; a larger one is not an article's). */
const MAX_JSON_LD_CHARS = 100_000;
/** Objects visited at most in one JSON-LD document, so a hostile page cannot keep the search going. */
const MAX_JSON_LD_NODES = 2_000;
/** Longest outlet name or headline kept. */
const MAX_NAME_CHARS = 300;

const clean = (s: string | undefined | null) => {
  const t = s?.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_CHARS);
  return t ? t : null;
};

/** `2024-05-02T10:00:00Z` or `2024-05-02` as `2024-05-02`; null when it is no date. */
export function isoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day) ? day : null;
}

/** The first `datePublished` in a JSON-LD document (objects, arrays and `@graph`), breadth first. */
function datePublished(json: unknown): string | null {
  const queue: unknown[] = [json];
  for (let seen = 0; queue.length > 0 && seen < MAX_JSON_LD_NODES; seen++) {
    const node = queue.shift();
    if (Array.isArray(node)) queue.push(...node);
    else if (node && typeof node === 'object') {
      const day = isoDay((node as Record<string, unknown>).datePublished);
      if (day) return day;
      queue.push(...Object.values(node as Record<string, unknown>).filter((v) => v && typeof v === 'object'));
    }
  }
  return null;
}

export function snapshotMeta(snapshot: Snapshot): SnapshotMeta {
  const meta = new Map<string, string>();
  let titleTag: string | null = null;
  let published: string | null = null;
  const tags = new Map<number, string>();
  snapshot.nodes.forEach((node, i) => {
    if (node.length === 3) {
      const [, tag, attributes] = node;
      tags.set(i, tag.toLowerCase());
      if (tag.toLowerCase() !== 'meta') return;
      const attr = (name: string) => {
        for (let a = 0; a + 1 < attributes.length; a += 2) if (attributes[a] === name) return attributes[a + 1];
        return undefined;
      };
      const key = (attr('property') ?? attr('name'))?.trim().toLowerCase();
      const content = attr('content');
      if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
      return;
    }
    const [parent, text] = node;
    const tag = tags.get(parent);
    if (tag === 'title') titleTag ??= text;
    else if (tag === 'script' && !published && text.length <= MAX_JSON_LD_CHARS) {
      try {
        published = datePublished(JSON.parse(text));
      } catch {
        // Not JSON: a page's broken structured data says nothing.
      }
    }
  });
  return {
    outlet: clean(meta.get('og:site_name')),
    title: clean(meta.get('og:title')) ?? clean(titleTag),
    published: isoDay(meta.get('article:published_time')) ?? published,
  };
}
