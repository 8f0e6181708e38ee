/**
 * A page's DOM as plain data, so that its article can be read somewhere
 * other than the page's main thread. Readability cannot be cut into pieces:
 * on a page of 50,000 words one parse holds the page for a fifth of a
 * second. So the content script only walks the page (in slices of a few
 * milliseconds, between which the page runs) and sends this snapshot; an
 * extension document rebuilds it node by node and runs Readability there.
 *
 * No markup is ever serialised or parsed: elements are rebuilt with
 * `createElement`, attributes with `setAttribute` and text with
 * `createTextNode`, in an inert document where nothing runs or loads.
 * Open shadow roots are walked as if their content were the host's children,
 * as `cloneWithShadows` does for in-page reading.
 *
 * The snapshot carries what an article reader needs and nothing more: text,
 * tag names and the few attributes Readability reads (`KEPT`). Never form
 * controls or their values, hidden inputs, editable regions, `data-*`,
 * links' addresses, or metadata other than an article's own (so no CSRF
 * token in a `<meta>` either). It never leaves the machine, but the
 * extension has no use for the rest.
 */
import { z } from 'zod/mini';
import { runAll } from '../text/steps';

z.config({ jitless: true });

/** An element: [parent index, tag name, attribute names and values in turn]. A text: [parent index, text]. */
export type SnapshotNode = [parent: number, tag: string, attributes: string[]] | [parent: number, text: string];

/** The page in document order: every node comes after its parent; the first is the root element. */
export interface Snapshot {
  nodes: SnapshotNode[];
}

/** Nodes a snapshot holds at most (a page with more is read up to there). */
export const MAX_SNAPSHOT_NODES = 400_000;
/**
 * Characters of text a snapshot holds at most (a page with more is read up to
 * there, a longer node cut): what the background would read of the article
 * is far less (see MAX_READ_CHARS in lib/page/article), and sending more would
 * only cost the page's thread the copy.
 */
export const MAX_SNAPSHOT_CHARS = 2_000_000;
/** Attribute values longer than this (inline images as data URLs, mostly) are left out. */
const MAX_ATTRIBUTE_CHARS = 2_000;

export const SnapshotSchema = z.strictObject({
  nodes: z
    .array(
      z.union([
        z.tuple([z.int().check(z.gte(-1)), z.string(), z.array(z.string())]),
        z.tuple([z.int().check(z.gte(-1)), z.string()]),
      ]),
    )
    .check(z.minLength(1), z.maxLength(MAX_SNAPSHOT_NODES)),
});

/**
 * Elements whose content is never article text: styles and media (which cost
 * the most to send), and form controls, whose values are the reader's own.
 */
const SKIPPED = new Set([
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'BUTTON',
  'DATALIST',
  'OUTPUT',
]);

/** The attributes Readability and its "is this an article?" check read; every other one is left out. */
const KEPT = new Set([
  'class',
  'id',
  'role',
  'itemprop',
  'hidden',
  'aria-hidden',
  'aria-modal',
  'lang',
  'dir',
  'rel',
  'summary',
  'rowspan',
  'colspan',
  'datatable',
  'datetime',
]);

/** `<meta>` names and properties that describe the article (Readability's metadata, the publication date). */
const ARTICLE_META =
  /^\s*(?:(?:og|article|dc|dcterm|dcterms|twitter|parsely|sailthru|weibo:article|weibo:webpage)\s*[-.:]\s*)?(?:author|creator|pub-?date|published_time|modified_time|date|description|title|site_name)\s*$/i;

/** Whether an element stays out of the snapshot: scripts (but for their metadata), styles, media, form controls, editable regions, and what `skip` names. */
function skipped(el: Element, skip: (el: Element) => boolean): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'SCRIPT') return el.getAttribute('type') !== 'application/ld+json';
  const editable = el.getAttribute('contenteditable');
  return SKIPPED.has(tag) || (editable !== null && editable.toLowerCase() !== 'false') || skip(el);
}

/** The attributes of `el` the snapshot keeps, as names and values in turn. */
function keptAttributes(el: Element, tag: string): string[] {
  const kept: string[] = [];
  for (const a of Array.from(el.attributes)) {
    const name = a.name.toLowerCase();
    if (a.value.length > MAX_ATTRIBUTE_CHARS) continue;
    if (KEPT.has(name)) kept.push(name, a.value);
    // Readability counts in-page links lighter than others; the address itself is not needed.
    else if (name === 'href' && tag === 'a') kept.push('href', a.value.startsWith('#') ? '#link' : 'link');
    // Only whether it hides the element matters.
    else if (name === 'style') {
      const hides = /display\s*:\s*none|visibility\s*:\s*hidden/i.exec(a.value);
      if (hides) kept.push('style', hides[0]);
    } else if (name === 'type' && tag === 'script') kept.push('type', a.value);
  }
  if (tag === 'meta') {
    const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
    const content = el.getAttribute('content');
    if (key !== null && content !== null && key.length <= 100 && ARTICLE_META.test(key))
      kept.push(
        el.hasAttribute('property') ? 'property' : 'name',
        key,
        'content',
        content.slice(0, MAX_ATTRIBUTE_CHARS),
      );
  }
  return kept;
}

/**
 * Walk `doc` into a snapshot, yielding after every `every` nodes so the
 * caller can give the page its thread back. `skip` leaves elements out (our
 * own UI). The DOM may change between slices; the snapshot then holds a mix,
 * which a later run corrects (the content script re-reads a changed page).
 */
export function* snapshotSteps(
  doc: Document,
  skip: (el: Element) => boolean = () => false,
  every = 100,
): Generator<void, Snapshot> {
  const nodes: SnapshotNode[] = [];
  const root = doc.documentElement;
  if (!root) return { nodes: [[-1, 'html', []]] };
  const stack: [Node, number][] = [[root, -1]];
  let sinceYield = 0;
  let chars = 0;
  while (stack.length && nodes.length < MAX_SNAPSHOT_NODES && chars < MAX_SNAPSHOT_CHARS) {
    const [node, parent] = stack.pop()!;
    if (++sinceYield >= every) {
      sinceYield = 0;
      yield;
    }
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      const text = chars + data.length <= MAX_SNAPSHOT_CHARS ? data : data.slice(0, MAX_SNAPSHOT_CHARS - chars);
      chars += text.length;
      nodes.push([parent, text]);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (parent >= 0 && skipped(el, skip)) continue;
    const tag = el.tagName.toLowerCase();
    const index = nodes.push([parent, tag, keptAttributes(el, tag)]) - 1;
    const children = [...Array.from(el.childNodes)];
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) children.push(...Array.from(shadow.childNodes));
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, index]);
  }
  return { nodes };
}

/** The whole snapshot at once (tests and tools; the content script slices it). */
export function snapshotOf(doc: Document, skip?: (el: Element) => boolean): Snapshot {
  return runAll(snapshotSteps(doc, skip));
}

/**
 * Rebuild a snapshot in `doc` (an empty document the caller made, e.g. with
 * `document.implementation.createHTMLDocument('')`), replacing its root.
 * A node whose parent is not before it, a tag or attribute name the DOM
 * refuses: each is left out, never a crash.
 */
export function rebuild(snapshot: Snapshot, doc: Document): Document {
  const made: (Node | null)[] = [];
  snapshot.nodes.forEach((n, i) => {
    const parent = n[0] >= 0 && n[0] < i ? made[n[0]] : null;
    if ((n[0] >= 0 && !parent) || (n[0] < 0 && i > 0)) return made.push(null);
    let node: Node;
    if (n.length === 2) node = doc.createTextNode(n[1]);
    else {
      let el: Element;
      try {
        el = doc.createElement(n[1]);
      } catch {
        el = doc.createElement('span');
      }
      const attributes = n[2];
      for (let k = 0; k + 1 < attributes.length; k += 2) {
        try {
          el.setAttribute(attributes[k]!, attributes[k + 1]!);
        } catch {
          // A name the page's parser allowed but setAttribute does not ("@click"): not text, left out.
        }
      }
      node = el;
    }
    if (parent) parent.appendChild(node);
    else if (node.nodeType === 1) doc.replaceChild(node, doc.documentElement);
    else return made.push(null);
    made.push(node);
  });
  return doc;
}
