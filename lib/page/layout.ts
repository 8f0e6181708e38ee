/**
 * Where the note markers and the open note card go, from the rectangles of
 * the text they belong to. Pure geometry, so it is tested without a browser:
 * the content script measures `Range.getClientRects()` and hands the boxes
 * over in document coordinates.
 *
 * The rule is that nothing we draw covers the text being read: markers sit
 * in the margin beside the first line of their text, and the card opens in
 * the widest margin when one is wide enough, below the text otherwise.
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
}

export const MARKER_SIZE = 22;
/** Space between the column and a marker, and between markers on one line. */
export const MARKER_GAP = 6;
export const CARD_WIDTH = 360;
const CARD_MARGIN = 12;
/** Room kept free at the bottom of the window for the summary pill. */
export const PILL_CLEARANCE = 56;

export interface Placed {
  left: number;
  top: number;
}

/**
 * One marker per note, beside the first line of its text, in the left margin
 * when there is room and the right margin otherwise. Notes that start on the
 * same line get markers side by side, moving away from the text.
 */
export function placeMarkers(boxes: ReadonlyMap<string, TextBox>, viewport: Viewport): Map<string, Placed> {
  const out = new Map<string, Placed>();
  const perLine = new Map<string, number>();
  const step = MARKER_SIZE + MARKER_GAP;
  for (const [id, box] of boxes) {
    const first = box.rects[0];
    if (!first) continue;
    const lineKey = `${Math.round(first.top / 4)}:${Math.round(box.column.left)}`;
    const slot = perLine.get(lineKey) ?? 0;
    perLine.set(lineKey, slot + 1);
    const top = first.top + (first.height - MARKER_SIZE) / 2;
    const leftRoom = box.column.left - viewport.scrollX;
    const rightRoom = viewport.scrollX + viewport.width - box.column.right;
    const needed = MARKER_GAP + step * (slot + 1);
    let left: number;
    if (leftRoom >= needed) left = box.column.left - MARKER_GAP - MARKER_SIZE - step * slot;
    else if (rightRoom >= needed) left = box.column.right + MARKER_GAP + step * slot;
    else {
      // No margin at all (a narrow window): sit just above the start of the text.
      out.set(id, {
        left: Math.max(viewport.scrollX, first.left + step * slot),
        top: Math.max(0, first.top - MARKER_SIZE - 2),
      });
      continue;
    }
    out.set(id, { left, top });
  }
  return out;
}

/**
 * The open card: in the right margin when it fits, else the left margin,
 * else just below the last line of the text, inside the column. The top is
 * kept inside the visible area when the text is taller than it.
 */
export function placeCard(box: TextBox, viewport: Viewport, cardHeight: number): Placed & { width: number } {
  const first = box.rects[0]!;
  const last = box.rects[box.rects.length - 1]!;
  const viewRight = viewport.scrollX + viewport.width;
  const fitsRight = viewRight - box.column.right >= CARD_WIDTH + 2 * CARD_MARGIN + MARKER_SIZE;
  const fitsLeft = box.column.left - viewport.scrollX >= CARD_WIDTH + 2 * CARD_MARGIN + MARKER_SIZE;
  const clampTop = (top: number) =>
    Math.max(
      viewport.scrollY + CARD_MARGIN,
      Math.min(top, viewport.scrollY + viewport.height - cardHeight - PILL_CLEARANCE),
    );
  if (fitsRight)
    return { left: box.column.right + CARD_MARGIN + MARKER_SIZE, top: clampTop(first.top), width: CARD_WIDTH };
  if (fitsLeft)
    return {
      left: box.column.left - CARD_MARGIN - MARKER_SIZE - CARD_WIDTH,
      top: clampTop(first.top),
      width: CARD_WIDTH,
    };
  const width = Math.min(CARD_WIDTH, viewport.width - 2 * CARD_MARGIN);
  const left = Math.max(viewport.scrollX + CARD_MARGIN, Math.min(box.column.left, viewRight - width - CARD_MARGIN));
  return { left, top: last.top + last.height + 8, width };
}

/** The note whose text is under a point (document coordinates), if any. */
export function noteAt(boxes: ReadonlyMap<string, TextBox>, x: number, y: number): string | null {
  for (const [id, box] of boxes)
    for (const r of box.rects)
      if (x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height) return id;
  return null;
}
