/**
 * The article text a page carries. Readability finds the article in a
 * document; it rewrites the document it reads, so it always reads a clone.
 * The DOM is a parameter: the content script passes the page's, tests and
 * the command line pass a linkedom document.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { rebuild, type Snapshot } from './snapshot';
import { cloneWithShadows } from './shadow';
import { datelineDate, isoDateOf } from '../text/dates';

/** The article of a page: its title, its text (paragraphs separated by blank lines) and when it was published. */
export interface Article {
  title: string | null;
  text: string;
  /** Publication date, `YYYY-MM-DD`, from the page's metadata or a dateline; null when it shows none. */
  date: string | null;
}

/** `<meta>` names and properties that give the publication date, most telling first. */
const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'dc.date',
  'dcterms.date',
  'date',
];
/** JSON-LD scripts read for `datePublished`, and the characters read of each. */
const MAX_JSON_LD = 10;
const MAX_JSON_LD_CHARS = 100_000;

/**
 * The publication date a document states in its metadata: a `<meta>` tag
 * (see DATE_META) or a JSON-LD `datePublished`; null when it states none.
 */
export function metadataDate(doc: Document): string | null {
  const metas = new Map<string, string>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop'))?.toLowerCase();
    const content = m.getAttribute('content');
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  for (const key of DATE_META) {
    const date = isoDateOf(metas.get(key) ?? '');
    if (date) return date;
  }
  const scripts = Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, MAX_JSON_LD);
  for (const s of scripts) {
    try {
      const date = jsonLdDate(JSON.parse((s.textContent ?? '').slice(0, MAX_JSON_LD_CHARS)) as unknown);
      if (date) return date;
    } catch {
      // Not JSON: a page's metadata is not ours to fix.
    }
  }
  return null;
}

/** `datePublished` of a JSON-LD value: the object itself, an item of an array, or of its `@graph`. */
function jsonLdDate(value: unknown, depth = 0): string | null {
  if (depth > 3 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) {
      const date = jsonLdDate(item, depth + 1);
      if (date) return date;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return isoDateOf(record.datePublished);
  return jsonLdDate(record['@graph'], depth + 1);
}

/** Paragraph-level elements whose text stands on lines of its own. */
const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'TR',
  'SECTION',
  'ARTICLE',
  'PRE',
]);

/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Text of a subtree with a blank line between blocks, so quotes never run
 * across paragraphs the page keeps apart. Iterative, and linear in the
 * subtree: a page nested tens of thousands deep, or a run of a million
 * spaces, costs no more than its size.
 */
export function blockText(root: Node): string {
  const parts: string[] = [];
  // A stack of nodes to enter, and of closing marks (null) for blocks to end.
  const stack: (Node | null)[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === null) {
      parts.push('\n\n');
      continue;
    }
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (HIDDEN.has(tag)) continue;
      const block = BLOCKS.has(tag) || tag === 'BR';
      if (block) {
        parts.push('\n\n');
        stack.push(null);
      }
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return collapseSpaces(parts.join(''));
}

/**
 * Runs of spaces and tabs become one space; a run of white space that holds
 * two line breaks becomes one blank line. Spaces are collapsed first, so the
 * blank-line pattern can only start at a line break (or the one space before
 * it): written the other way round it backtracked over every long run of
 * spaces, quadratic in its length.
 */
export function collapseSpaces(text: string): string {
  return text
    .replace(/[ \t\f\r]+/g, ' ')
    .replace(/ ?\n\s*\n\s*/g, '\n\n')
    .trim();
}

/**
 * Elements deeper than this are read as paragraphs of text: Readability's
 * scoring walks ancestors and subtrees, which on a page nested thousands deep
 * takes minutes (1,000 levels: 4 s; 2,000: 40 s). Real articles sit a few
 * dozen levels deep.
 */
export const MAX_READ_DEPTH = 200;

/**
 * Flatten what lies deeper than `MAX_READ_DEPTH` in `doc` (a clone or a
 * rebuilt snapshot, never the page): each element at that depth keeps its
 * text, as paragraphs, and loses the elements nested in its children.
 * Returns how many elements were flattened.
 */
export function flattenDeep(doc: Document, maxDepth = MAX_READ_DEPTH): number {
  if (!doc.documentElement) return 0;
  let flattened = 0;
  const stack: [Element, number][] = [[doc.documentElement, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth >= maxDepth) {
      let nested = false;
      for (let child = el.firstElementChild; child && !nested; child = child.nextElementSibling)
        nested = child.firstElementChild !== null;
      if (nested) {
        const text = blockText(el);
        while (el.firstChild) el.removeChild(el.firstChild);
        for (const paragraph of text.split('\n\n')) {
          const p = doc.createElement('p');
          p.appendChild(doc.createTextNode(paragraph));
          el.appendChild(p);
        }
        flattened++;
      }
      continue;
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return flattened;
}

/**
 * The article in `doc`, or null when the page does not look like one.
 * `force` skips the cheap "is this an article?" gate (for files a user hands over).
 */
export function articleFromDocument(doc: Document, force = false): Article | null {
  if (!force && !isProbablyReaderable(doc)) return null;
  return withReadability(cloneWithShadows(doc));
}

/**
 * The article of a page the content script sent as a snapshot, rebuilt in
 * `empty` (a blank document of the reading context; see lib/page/snapshot).
 */
export function articleFromSnapshot(snapshot: Snapshot, empty: Document): Article | null {
  return withReadability(rebuild(snapshot, empty));
}

/** Readability on a document it may rewrite (a clone, or a rebuilt snapshot). */
function withReadability(doc: Document): Article | null {
  const stated = metadataDate(doc);
  flattenDeep(doc);
  // The serializer hands back Readability's article element itself: no markup
  // string is ever built or parsed.
  const parsed = new Readability<Element>(doc, { keepClasses: false, serializer: (el) => el as Element }).parse();
  if (!parsed?.content) return null;
  const text = blockText(parsed.content);
  const title = parsed.title?.trim() || null;
  const full = title && !text.startsWith(title) ? `${title}\n\n${text}` : text;
  return { title, text: full, date: stated ?? datelineDate(full) };
}

/** Plain text as an article: line endings unified, nothing else touched. */
export function articleFromText(text: string): Article {
  const clean = text.replace(/\r\n?/g, '\n');
  return {
    title:
      clean
        .split('\n')
        .find((l) => l.trim())
        ?.trim() ?? null,
    text: clean,
    date: datelineDate(clean),
  };
}

/**
 * Characters of an article that are read for notes: the first 100,000 (about
 * 16,000 words, longer than nearly every news article, long reads included).
 * Matching a text costs time in proportion to its length on one thread that
 * every tab shares; with the linear detectors, 100,000 characters of the
 * densest text (a paragraph of nothing but quotes) match in under 0.4 s, so
 * no tab's notes wait a second behind another's. The reader is told when an
 * article was cut.
 */
export const MAX_READ_CHARS = 100_000;

/** The part of `text` that is read: all of it, or its first MAX_READ_CHARS characters, cut at a space. */
export function clipArticle(text: string, max = MAX_READ_CHARS): { text: string; clipped: boolean } {
  if (text.length <= max) return { text, clipped: false };
  const space = text.lastIndexOf(' ', max);
  let end = space > max * 0.9 ? space : max;
  const high = text.charCodeAt(end - 1);
  if (high >= 0xd800 && high <= 0xdbff) end--;
  return { text: text.slice(0, end), clipped: true };
}
