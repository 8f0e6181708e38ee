/**
 * The article text a page carries. Readability finds the article in a
 * document; it rewrites the document it reads, so it always reads a clone.
 * The DOM is a parameter: the content script passes the page's, tests and
 * the command line pass a linkedom document.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';

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
  const clone = cloneWithShadows(doc);
  // The serializer hands back Readability's article element itself: no markup
  // string is ever built or parsed.
  const parsed = new Readability<Element>(clone, { keepClasses: false, serializer: (el) => el as Element }).parse();
  if (!parsed?.content) return null;
  const text = blockText(parsed.content);
  const title = parsed.title?.trim() || null;
  return { title, text: title && !text.startsWith(title) ? `${title}\n\n${text}` : text };
}

/**
 * A clone of `doc` in which the content of every open shadow root is copied
 * in as children of its host, so an article a page renders inside web
 * components is still read. (`cloneNode` alone leaves shadow roots out.)
 */
export function cloneWithShadows(doc: Document): Document {
  const clone = doc.cloneNode(true) as Document;
  if (!doc.documentElement) return clone;
  // Original and clone are walked side by side; iterative, so a page nested thousands deep cannot exhaust the stack.
  const stack: [Element, Element][] = [[doc.documentElement, clone.documentElement]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const ac = a.children;
    const bc = b.children;
    for (let i = 0; i < ac.length && i < bc.length; i++) stack.push([ac[i]!, bc[i]!]);
    const shadow = (a as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (!shadow) continue;
    for (const child of Array.from(shadow.childNodes)) {
      const copy = clone.importNode(child, true);
      b.appendChild(copy);
      if (child.nodeType === 1) stack.push([child as Element, copy as Element]);
    }
  }
  return clone;
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
