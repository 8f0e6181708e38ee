/**
 * The article text a page carries. Readability finds the article in a
 * document; it rewrites the document it reads, so it always reads a clone.
 * The DOM is a parameter: the content script passes the page's, tests and
 * the command line pass a linkedom document.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { rebuild, type Snapshot } from './snapshot';
import { cloneWithShadows } from './shadow';

/** The article of a page: its title and its text, paragraphs separated by blank lines. */
export interface Article {
  title: string | null;
  text: string;
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

/**
 * Text of a subtree with a blank line between blocks, so quotes never run
 * across paragraphs the page keeps apart.
 */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName.toUpperCase())) return;
      const block = BLOCKS.has(el.tagName.toUpperCase()) || el.tagName.toUpperCase() === 'BR';
      if (block) parts.push('\n\n');
      for (const child of Array.from(node.childNodes)) walk(child);
      if (block) parts.push('\n\n');
    }
  };
  walk(root);
  return parts
    .join('')
    .replace(/[ \t\f\r]*\n[\s]*\n\s*/g, '\n\n')
    .replace(/[ \t\f\r]+/g, ' ')
    .trim();
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
  // The serializer hands back Readability's article element itself: no markup
  // string is ever built or parsed.
  const parsed = new Readability<Element>(doc, { keepClasses: false, serializer: (el) => el as Element }).parse();
  if (!parsed?.content) return null;
  const text = blockText(parsed.content);
  const title = parsed.title?.trim() || null;
  return { title, text: title && !text.startsWith(title) ? `${title}\n\n${text}` : text };
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
  };
}
