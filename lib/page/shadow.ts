/**
 * Pages that keep their article inside web components' shadow roots, read
 * as if that content were in the light DOM; and the content script's check
 * that a page looks like an article, Readability's own rules walked a step at
 * a time. Kept apart from Readability's parser so the content script can
 * check a page without carrying it.
 */
import { runAll } from '../text/steps';

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

/** What the content script's check finds: whether the page looks like an article, and how much text it has. */
export interface PageCheck {
  readerable: boolean;
  /** Characters in the page's text nodes (open shadow roots included; scripts and styles not). */
  textLength: number;
}

/** Readability's thresholds (Readability-readerable.js): a candidate counts from this many characters… */
const MIN_CONTENT_LENGTH = 140;
/** …and the page is an article once the candidates' score passes this. */
const MIN_SCORE = 20;
/**
 * One candidate with this many characters passes the score on its own
 * (√(541 − 140) > 20), so a candidate's text is read up to here and no
 * further: a 10 MB paragraph costs what a short one does.
 */
const DECISIVE_LENGTH = MIN_CONTENT_LENGTH + MIN_SCORE * MIN_SCORE + 1;
/** Characters of a candidate's text kept while it is read: twice the decisive length. */
const KEPT_CHARS = DECISIVE_LENGTH * 2;
/** Nodes read under one candidate at most; one holding more (and still short of text) counts what was read. */
const MAX_CANDIDATE_NODES = 5_000;
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

const shadowOf = (el: Element) => (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot ?? null;

/** The children of a node as the reader sees them: an open shadow root's content first, then its own. */
function* childrenOf(node: Node): Generator<Node> {
  const shadow = node.nodeType === 1 ? shadowOf(node as Element) : null;
  if (shadow) for (let c = shadow.firstChild; c; c = c.nextSibling) yield c;
  for (let c = node.firstChild; c; c = c.nextSibling) yield c;
}

/** Readability's visibility test for a candidate. */
function visible(el: Element): boolean {
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  const className = typeof el.className === 'string' ? el.className : '';
  return (
    (!style || style.display !== 'none') &&
    !el.hasAttribute('hidden') &&
    (el.getAttribute('aria-hidden') !== 'true' || className.includes('fallback-image'))
  );
}

/**
 * The trimmed length of a candidate's text (its `textContent`, shadow content
 * included), read up to DECISIVE_LENGTH characters past the first that is not
 * a space, or MAX_CANDIDATE_NODES nodes. Counts each node it reads in `seen`.
 */
function* candidateLength(el: Element, seen: { nodes: number }, every: number): Generator<void, number> {
  let text = '';
  let visited = 0;
  const stack: Node[] = [el];
  while (stack.length && visited < MAX_CANDIDATE_NODES) {
    const node = stack.pop()!;
    visited++;
    if (++seen.nodes % every === 0) yield;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      // Past the decisive length only whether any non-space follows matters.
      text +=
        data.length > KEPT_CHARS ? data.slice(0, KEPT_CHARS) + (/\S/.test(data.slice(KEPT_CHARS)) ? 'x' : '') : data;
      text = text.trimStart().slice(0, KEPT_CHARS + 1);
      if (text.length >= DECISIVE_LENGTH && /\S/.test(text.slice(DECISIVE_LENGTH - 1))) return DECISIVE_LENGTH;
      continue;
    }
    const kids = [...childrenOf(node)];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return text.trim().length;
}

/**
 * Whether the page looks like an article (Readability's `isProbablyReaderable`,
 * with the content of open shadow roots read as their hosts' children, where
 * web components keep an article), and the length of its text, a step at a
 * time: one walk of the page, yielding every `every` nodes, so a page of
 * 180,000 elements or one 10 MB text node never holds the page's thread for
 * long. `skip` leaves elements out (our own UI). Readability's score sums over candidates and stops once it passes,
 * so the order of the walk does not change the answer; a candidate's text is
 * read only as far as can change it.
 */
export function* checkSteps(
  doc: Document,
  skip: (el: Element) => boolean = () => false,
  every = 200,
): Generator<void, PageCheck> {
  const seen = { nodes: 0 };
  let textLength = 0;
  let score = 0;
  let readerable = false;
  if (!doc.documentElement) return { readerable, textLength };
  const stack: [Node, boolean][] = [[doc.documentElement, false]];
  while (stack.length) {
    const [node, inList] = stack.pop()!;
    if (++seen.nodes % every === 0) yield;
    if (node.nodeType === 3) {
      textLength += (node as Text).data.length;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) continue;
    const el = node as Element;
    const tag = node.nodeType === 1 ? el.tagName.toUpperCase() : '';
    if (NOT_TEXT.has(tag) || (tag && skip(el))) continue;
    const kids = [...childrenOf(node)];
    if (!readerable && node.nodeType === 1) {
      const candidate =
        ((tag === 'P' && !inList) || tag === 'PRE' || tag === 'ARTICLE' || tag === 'DIV') &&
        (tag !== 'DIV' || kids.some((k) => k.nodeType === 1 && (k as Element).tagName.toUpperCase() === 'BR'));
      const match = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
      if (candidate && visible(el) && !(UNLIKELY.test(match) && !MAYBE.test(match))) {
        const length = yield* candidateLength(el, seen, every);
        if (length >= MIN_CONTENT_LENGTH) score += Math.sqrt(length - MIN_CONTENT_LENGTH);
        readerable = score > MIN_SCORE;
      }
    }
    const listed = inList || tag === 'LI';
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, listed]);
  }
  return { readerable, textLength };
}

/** Characters in the page's text nodes, counted as `checkSteps` counts them, a step at a time. */
export function* textLengthSteps(
  doc: Document,
  skip: (el: Element) => boolean = () => false,
  every = 500,
): Generator<void, number> {
  let length = 0;
  if (!doc.documentElement) return 0;
  const stack: Node[] = [doc.documentElement];
  let n = 0;
  while (stack.length) {
    const node = stack.pop()!;
    if (++n % every === 0) yield;
    if (node.nodeType === 3) length += (node as Text).data.length;
    else if (
      (node.nodeType === 1 && !NOT_TEXT.has((node as Element).tagName.toUpperCase()) && !skip(node as Element)) ||
      node.nodeType === 11
    )
      for (const child of childrenOf(node)) stack.push(child);
  }
  return length;
}

/** Whether the page looks like an article, all at once (tests and tools; the content script slices `checkSteps`). */
export function readerable(doc: Document): boolean {
  return runAll(checkSteps(doc)).readerable;
}
