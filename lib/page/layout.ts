/**
 * Where the note markers and the open note card go, from the rectangles of
 * the text they belong to. Pure geometry, so it is tested without a browser:
 * the content script measures `Range.getClientRects()` and hands the boxes
 * over in document coordinates.
 *
 * The rule is that nothing we draw covers the article's text: markers sit in
 * the margin beside the first line of their text (smaller in a narrow margin,
 * left out where there is none: the text itself and the side panel still
 * open the note), never under a site's fixed header; the card opens in a
 * margin wide enough for it, and where there is none `placeCard` says so,
 * and the note opens in the side panel or a sheet instead.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A note's text as laid out: its line boxes and the column (paragraph) it sits in. */
export interface TextBox {
  rects: Rect[];
  column: { left: number; right: number };
}

export interface Viewport {
  /** Document coordinates of the visible area. */
  scrollX: number;
  scrollY: number;
  width: number;
  height: number;
  /** How far down the window a site's fixed or sticky header reaches: nothing is drawn under it. */
  topInset?: number;
}

export const MARKER_SIZE = 22;
/** Space between the column and a marker, and between markers on one line. */
export const MARKER_GAP = 6;
/** A marker in a narrow margin (a phone's page padding is often 16 to 24 px). */
export const COMPACT_MARKER_SIZE = 18;
const COMPACT_GAP = 3;
export const CARD_WIDTH = 360;
/**
 * The narrowest card that still reads well: about 35 characters a line. A
 * centred 640 px column at 1280 px leaves 320 px margins, room for a card of
 * 274 px; narrower than this the note goes to the side panel.
 */
export const MIN_CARD_WIDTH = 260;
const CARD_MARGIN = 12;
/** Room kept free at the bottom of the window for the summary pill. */
export const PILL_CLEARANCE = 56;

export interface Placed {
  left: number;
  top: number;
  /** The marker's size (MARKER_SIZE, or COMPACT_MARKER_SIZE in a narrow margin). */
  size?: number;
}

/**
 * One marker per note, beside the first line of its text, in the left margin
 * when there is room and the right margin otherwise; a smaller marker when
 * only a narrow margin has room, none when no margin has. Notes that start on
 * the same line get markers side by side, moving away from the text. A
 * marker whose line is under a fixed header is left out until it scrolls out.
 */
export function placeMarkers(boxes: ReadonlyMap<string, TextBox>, viewport: Viewport): Map<string, Placed> {
  const out = new Map<string, Placed>();
  const perLine = new Map<string, number>();
  for (const [id, box] of boxes) {
    const first = box.rects[0];
    if (!first) continue;
    const lineKey = `${Math.round(first.top / 4)}:${Math.round(box.column.left)}`;
    const slot = perLine.get(lineKey) ?? 0;
    perLine.set(lineKey, slot + 1);
    const leftRoom = box.column.left - viewport.scrollX;
    const rightRoom = viewport.scrollX + viewport.width - box.column.right;
    for (const [size, gap] of [
      [MARKER_SIZE, MARKER_GAP],
      [COMPACT_MARKER_SIZE, COMPACT_GAP],
    ] as const) {
      const step = size + gap;
      const needed = gap + step * (slot + 1);
      const top = first.top + (first.height - size) / 2;
      let left: number;
      if (leftRoom >= needed) left = box.column.left - gap - size - step * slot;
      else if (rightRoom >= needed) left = box.column.right + gap + step * slot;
      else continue;
      const inset = viewport.topInset ?? 0;
      if (inset > 0 && top < viewport.scrollY + inset && top + size > viewport.scrollY) break; // under the site's header
      out.set(id, size === MARKER_SIZE ? { left, top } : { left, top, size });
      break;
    }
  }
  return out;
}

/**
 * The open card: in the right margin when one is at least MIN_CARD_WIDTH wide
 * (up to CARD_WIDTH), else the left margin; null when neither is, for a card
 * anywhere else would cover the article. The top is kept inside the visible
 * area, below a fixed header, when the text is taller than the window.
 */
export function placeCard(box: TextBox, viewport: Viewport, cardHeight: number): (Placed & { width: number }) | null {
  const first = box.rects[0]!;
  const viewRight = viewport.scrollX + viewport.width;
  const reserve = 2 * CARD_MARGIN + MARKER_SIZE;
  const rightRoom = viewRight - box.column.right - reserve;
  const leftRoom = box.column.left - viewport.scrollX - reserve;
  const clampTop = (top: number) =>
    Math.max(
      viewport.scrollY + (viewport.topInset ?? 0) + CARD_MARGIN,
      Math.min(top, viewport.scrollY + viewport.height - cardHeight - PILL_CLEARANCE),
    );
  if (rightRoom >= MIN_CARD_WIDTH) {
    const width = Math.min(CARD_WIDTH, rightRoom);
    return { left: box.column.right + CARD_MARGIN + MARKER_SIZE, top: clampTop(first.top), width };
  }
  if (leftRoom >= MIN_CARD_WIDTH) {
    const width = Math.min(CARD_WIDTH, leftRoom);
    return { left: box.column.left - CARD_MARGIN - MARKER_SIZE - width, top: clampTop(first.top), width };
  }
  return null;
}

/** The note whose text is under a point (document coordinates), if any. */
export function noteAt(boxes: ReadonlyMap<string, TextBox>, x: number, y: number): string | null {
  for (const [id, box] of boxes)
    for (const r of box.rects)
      if (x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height) return id;
  return null;
}
