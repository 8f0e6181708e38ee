/**
 * The few things the content script does with the live page: read its text
 * nodes, turn selectors into `Range`s, measure them, paint them with the CSS
 * Custom Highlight API, and tell a dark page from a light one. The page's
 * nodes are only ever read.
 */
import { TextMap, type TextQuoteSelector } from '../../lib/page/anchor';
import type { TextBox, Viewport } from '../../lib/page/layout';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION']);
export const HOST_TAG = 'retold-ui';

/** Whether an element is our UI's host (named `retold-ui`, or `retold-ui-…` when a page took the name). */
export const isOurHost = (el: Element) => el.localName === HOST_TAG || el.localName.startsWith(`${HOST_TAG}-`);

/**
 * The page's text nodes in document order, without scripts, styles and our
 * own UI, including the text of open shadow roots (where web components keep
 * their content) before their hosts' own children.
 */
export function pageTextNodes(root: Element): Text[] {
  const out: Text[] = [];
  // Iterative depth-first walk: a page nested thousands deep cannot exhaust the stack.
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node as Text);
      continue;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (SKIPPED.has(el.tagName) || isOurHost(el)) continue;
    } else if (node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) continue;
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    const shadow = (node as Element).shadowRoot;
    if (shadow) stack.push(shadow);
  }
  return out;
}

/** The page's text nodes and their map (see TextMap), built a step at a time. */
export function* mapSteps(root: Element): Generator<void, { nodes: Text[]; map: TextMap }> {
  const nodes = pageTextNodes(root);
  yield;
  return { nodes, map: yield* TextMap.steps(nodes.map((n) => n.data)) };
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

/** Highlight colours per palette, for light and dark pages: [tint, line, active]. Figures keep their own colours. */
const PALETTES = {
  amber: {
    light: ['rgb(250 204 21 / 0.22)', 'rgb(202 138 4 / 0.85)', 'rgb(58 85 196 / 0.2)'],
    dark: ['rgb(250 204 21 / 0.16)', 'rgb(250 204 21 / 0.75)', 'rgb(142 162 255 / 0.3)'],
  },
  blue: {
    light: ['rgb(59 130 246 / 0.16)', 'rgb(29 78 216 / 0.8)', 'rgb(245 158 11 / 0.25)'],
    dark: ['rgb(96 165 250 / 0.18)', 'rgb(147 197 253 / 0.8)', 'rgb(251 191 36 / 0.25)'],
  },
  magenta: {
    light: ['rgb(217 70 239 / 0.13)', 'rgb(162 28 175 / 0.8)', 'rgb(14 165 233 / 0.2)'],
    dark: ['rgb(232 121 249 / 0.16)', 'rgb(240 171 252 / 0.8)', 'rgb(56 189 248 / 0.25)'],
  },
} as const;

function highlightCss(
  theme: 'light' | 'dark',
  look: { palette: keyof typeof PALETTES; highlightStyle: 'background' | 'underline' },
): string {
  const [tint, line, active] = PALETTES[look.palette][theme];
  const [agree, differ] =
    theme === 'dark'
      ? ['rgb(110 231 183 / 0.8)', 'rgb(255 153 102 / 0.9)']
      : ['rgb(15 118 110 / 0.75)', 'rgb(194 65 12 / 0.9)'];
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

const STYLE_ID = 'retold-highlights';

/** Paint `ranges` under each highlight name (an empty list removes the name). */
export function paint(
  groups: Partial<Record<HighlightName, Range[]>>,
  theme: 'light' | 'dark',
  look: Parameters<typeof highlightCss>[1],
): void {
  if (!('highlights' in CSS)) return;
  let style = document.getElementById(STYLE_ID);
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    (document.head ?? document.documentElement).append(style);
  }
  const css = highlightCss(theme, look);
  if (style.textContent !== css) style.textContent = css;
  for (const name of HIGHLIGHTS) {
    const ranges = groups[name] ?? [];
    if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
    else CSS.highlights.delete(name);
  }
}

/** Remove every highlight and our highlight stylesheet. */
export function unpaint(): void {
  if ('highlights' in CSS) for (const name of HIGHLIGHTS) CSS.highlights.delete(name);
  document.getElementById(STYLE_ID)?.remove();
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
