/**
 * The few things the content script does with the live page: read its text
 * nodes, turn selectors into `Range`s, measure them, paint them with the CSS
 * Custom Highlight API, and tell a dark page from a light one. The page's
 * nodes are only ever read, and none of ours is put in the page but the
 * overlay's host (highlight rules go in an adopted stylesheet).
 */
import { TextMap, type TextQuoteSelector } from '../../lib/page/anchor';
import type { TextBox, Viewport } from '../../lib/page/layout';
import { FIGURE_LINES, PALETTES } from '../../lib/extension/highlight-colours';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION']);
export const HOST_TAG = 'retold-ui';

/** Whether an element is our UI's host (named `retold-ui`, or `retold-ui-…` when a page took the name). */
export const isOurHost = (el: Element) => el.localName === HOST_TAG || el.localName.startsWith(`${HOST_TAG}-`);

/** Characters of page text mapped for anchoring at most (a page with more is anchored in its first this many). */
export const MAX_MAPPED_CHARS = 2_000_000;
/** Nodes walked between two yields. */
const NODES_PER_STEP = 500;

/**
 * The page's text nodes in document order, without scripts, styles and our
 * own UI, including the text of open shadow roots (where web components keep
 * their content) before their hosts' own children; a step at a time, and no
 * further than MAX_MAPPED_CHARS characters of text.
 */
export function* textNodeSteps(root: Element): Generator<void, Text[]> {
  const out: Text[] = [];
  let chars = 0;
  let n = 0;
  // Iterative depth-first walk: a page nested thousands deep cannot exhaust the stack.
  const stack: Node[] = [root];
  while (stack.length && chars < MAX_MAPPED_CHARS) {
    const node = stack.pop()!;
    if (++n % NODES_PER_STEP === 0) yield;
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node as Text);
      chars += (node as Text).length;
      continue;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (SKIPPED.has(el.tagName) || isOurHost(el)) continue;
    } else if (node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) continue;
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    const shadow = (node as Element).shadowRoot;
    if (shadow) stack.push(shadow);
  }
  return out;
}

/** The page's text nodes and their map (see TextMap), built a step at a time. */
export function* mapSteps(root: Element): Generator<void, { nodes: Text[]; map: TextMap }> {
  const nodes = yield* textNodeSteps(root);
  // A node past the cap (the one that crossed it) is mapped only up to it.
  let left = MAX_MAPPED_CHARS;
  const texts = nodes.map((n) => {
    const text = left >= n.data.length ? n.data : n.data.slice(0, Math.max(0, left));
    left -= text.length;
    return text;
  });
  yield;
  return { nodes, map: yield* TextMap.steps(texts) };
}

/**
 * Ranges for each selector found in a map of the page; the first placement
 * that is rendered (has line boxes) wins, so a hidden copy of a quote is
 * passed over. The page may change while the map is built step by step; a
 * text node that went away then yields no range, and is passed over too.
 */
export function* locateSteps(
  { nodes, map }: { nodes: Text[]; map: TextMap },
  selectors: ReadonlyMap<string, TextQuoteSelector>,
): Generator<void, Map<string, Range>> {
  const out = new Map<string, Range>();
  for (const [id, selector] of selectors) {
    yield;
    for (const place of map.locateAll(selector)) {
      const range = nodes[0]!.ownerDocument.createRange();
      const [start, end] = [nodes[place.start.node]!, nodes[place.end.node]!];
      if (!start.isConnected || !end.isConnected) continue;
      try {
        range.setStart(start, place.start.offset);
        range.setEnd(end, place.end.offset);
      } catch {
        continue; // the node's text got shorter meanwhile
      }
      if (range.getClientRects().length > 0) {
        out.set(id, range);
        break;
      }
    }
  }
  return out;
}

export function viewport(): Viewport {
  return {
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    width: document.documentElement.clientWidth,
    height: window.innerHeight,
    topInset: headerInset(),
  };
}

/**
 * How far down the window a site's fixed or sticky header reaches: the
 * bottom of the lowest such element found at the top edge, at three points
 * across the window (a page's own bars, never our UI). 0 when there is none.
 * Capped at a third of the window, so a fixed full-page layer does not hide everything.
 */
export function headerInset(): number {
  const width = document.documentElement.clientWidth;
  let inset = 0;
  for (const x of [width * 0.25, width * 0.5, width * 0.75]) {
    for (const hit of document.elementsFromPoint(x, 2)) {
      if (isOurHost(hit)) continue;
      for (
        let el: Element | null = hit;
        el && el !== document.body && el !== document.documentElement;
        el = el.parentElement
      ) {
        const position = getComputedStyle(el).position;
        if (position !== 'fixed' && position !== 'sticky') continue;
        const rect = el.getBoundingClientRect();
        if (rect.top <= 2) inset = Math.max(inset, rect.bottom);
        break;
      }
    }
  }
  return Math.min(inset, window.innerHeight / 3);
}

/** The element a range's text flows in: its nearest block ancestor wide enough to be a column. */
function columnOf(range: Range): Element | null {
  let el: Element | null =
    range.startContainer.nodeType === Node.ELEMENT_NODE
      ? (range.startContainer as Element)
      : range.startContainer.parentElement;
  while (el && el !== document.body) {
    const display = getComputedStyle(el).display;
    if (!display.startsWith('inline') && el.getBoundingClientRect().width >= 200) return el;
    el = el.parentElement;
  }
  return el;
}

/** Line boxes and column of each range, in document coordinates; ranges no longer rendered are left out. */
export function measure(ranges: ReadonlyMap<string, Range>): Map<string, TextBox> {
  const out = new Map<string, TextBox>();
  const { scrollX, scrollY } = window;
  for (const [id, range] of ranges) {
    const rects = [...range.getClientRects()]
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height }));
    if (rects.length === 0) continue;
    const column = columnOf(range)?.getBoundingClientRect();
    const left = column ? column.left + scrollX : Math.min(...rects.map((r) => r.left));
    const right = column ? column.right + scrollX : Math.max(...rects.map((r) => r.left + r.width));
    out.set(id, { rects, column: { left, right } });
  }
  return out;
}

/** Highlight names; the page's stylesheet gets one `::highlight()` rule for each. */
export const HIGHLIGHTS = ['retold-remark', 'retold-figure', 'retold-figure-differs', 'retold-active'] as const;
export type HighlightName = (typeof HIGHLIGHTS)[number];

function highlightCss(
  theme: 'light' | 'dark',
  look: { palette: keyof typeof PALETTES; highlightStyle: 'background' | 'underline' },
): string {
  const [tint, line, active] = PALETTES[look.palette][theme];
  const { agree, differ } = FIGURE_LINES[theme];
  const remark =
    look.highlightStyle === 'background'
      ? `background-color:${tint};text-decoration:underline 1px ${line}`
      : `text-decoration:underline 2px ${line}`;
  return [
    `::highlight(retold-remark){${remark};text-underline-offset:3px}`,
    `::highlight(retold-figure){text-decoration:underline 2px dotted ${agree};text-underline-offset:3px}`,
    `::highlight(retold-figure-differs){text-decoration:underline 2px wavy ${differ};text-underline-offset:3px}`,
    `::highlight(retold-active){background-color:${active}}`,
  ].join('\n');
}

/**
 * Our `::highlight()` rules, as a constructed stylesheet adopted by the
 * document: no element of ours in the page, and no id a page could take.
 */
let sheet: CSSStyleSheet | null = null;
let sheetCss = '';

function adopt(css: string): void {
  sheet ??= new CSSStyleSheet();
  if (sheetCss !== css) sheet.replaceSync((sheetCss = css));
  // A page that sets its own list drops ours; it is put back at the next paint.
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets.push(sheet);
}

/** Paint `ranges` under each highlight name (an empty list removes the name). */
export function paint(
  groups: Partial<Record<HighlightName, Range[]>>,
  theme: 'light' | 'dark',
  look: Parameters<typeof highlightCss>[1],
): void {
  if (!('highlights' in CSS)) return;
  adopt(highlightCss(theme, look));
  for (const name of HIGHLIGHTS) {
    const ranges = groups[name] ?? [];
    if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
    else CSS.highlights.delete(name);
  }
}

/** Remove every highlight and our highlight stylesheet. */
export function unpaint(): void {
  if ('highlights' in CSS) for (const name of HIGHLIGHTS) CSS.highlights.delete(name);
  if (!sheet) return;
  const at = document.adoptedStyleSheets.indexOf(sheet);
  if (at >= 0) document.adoptedStyleSheets.splice(at, 1);
}

/** 'dark' when the page's background is dark, read from the body or the root element. */
export function pageTheme(): 'light' | 'dark' {
  for (const el of [document.body, document.documentElement]) {
    if (!el) continue;
    const m = getComputedStyle(el).backgroundColor.match(
      /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?/,
    );
    if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) continue;
    const [r, g, b] = [m[1], m[2], m[3]].map((v) => Number(v) / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4 ? 'dark' : 'light';
  }
  // No background set: the canvas is white unless the page opted into a dark colour scheme.
  return getComputedStyle(document.documentElement).colorScheme.includes('dark') &&
    window.matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}
