import { describe, expect, it } from 'vitest';
import {
  CARD_WIDTH,
  COMPACT_MARKER_SIZE,
  MARKER_SIZE,
  MIN_CARD_WIDTH,
  noteAt,
  placeCard,
  placeMarkers,
  type TextBox,
} from '../lib/page/layout';

const viewport = { scrollX: 0, scrollY: 0, width: 1280, height: 800 };
const line = (left: number, top: number, width = 300) => ({ left, top, width, height: 24 });
const box = (rects: TextBox['rects'], column = { left: 200, right: 800 }): TextBox => ({ rects, column });
const overlaps = (a: { left: number; top: number; width: number; height: number }, b: typeof a) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('where notes are drawn', () => {
  it('puts markers in the left margin beside the first line, side by side when two notes share a line', () => {
    const at = placeMarkers(
      new Map([
        ['a', box([line(300, 100)])],
        ['b', box([line(650, 100, 100)])],
        ['c', box([line(200, 300)])],
      ]),
      viewport,
    );
    expect(at.get('a')!.left + MARKER_SIZE).toBeLessThanOrEqual(200);
    expect(at.get('b')!.left + MARKER_SIZE).toBeLessThanOrEqual(at.get('a')!.left);
    expect(at.get('c')!.left).toBe(at.get('a')!.left);
    expect(at.get('a')!.top + MARKER_SIZE / 2).toBe(100 + 12);
  });

  it('uses the right margin when the column touches the left edge', () => {
    const at = placeMarkers(new Map([['a', box([line(0, 100)], { left: 0, right: 700 })]]), viewport);
    expect(at.get('a')!.left).toBeGreaterThanOrEqual(700);
  });

  it('opens a card in the margin when it fits, and never over the text', () => {
    const text = box([line(200, 400, 600), line(200, 424, 200)]);
    const card = placeCard(text, viewport, 300)!;
    expect(card.left).toBeGreaterThanOrEqual(800);
    expect(card.width).toBe(CARD_WIDTH);
    for (const r of text.rects) expect(overlaps({ ...card, height: 300 }, r)).toBe(false);
  });

  it('opens no card where no margin is wide enough, for a card below the text would cover the next paragraphs', () => {
    const narrow = { ...viewport, width: 700 };
    const text = box([line(20, 400, 660), line(20, 424, 200)], { left: 20, right: 680 });
    expect(placeCard(text, narrow, 300)).toBeNull();
  });

  it('fits a narrower card into a 320 px margin (a centred column at 1280 px)', () => {
    const text = box([line(320, 400, 640)], { left: 320, right: 960 });
    const card = placeCard(text, viewport, 300)!;
    expect(card.width).toBeGreaterThanOrEqual(MIN_CARD_WIDTH);
    expect(card.left).toBeGreaterThanOrEqual(960);
    expect(card.left + card.width).toBeLessThanOrEqual(1280);
  });

  it('keeps a card in the margin inside the window, clear of the summary pill and of a fixed header', () => {
    const card = placeCard(box([line(200, 760)]), viewport, 300)!;
    expect(card.top + 300).toBeLessThanOrEqual(800 - 40);
    const high = placeCard(box([line(200, 10)]), { ...viewport, topInset: 64 }, 300)!;
    expect(high.top).toBeGreaterThanOrEqual(64);
  });

  it('uses smaller markers in a narrow margin, and none where there is no margin or a header covers the line', () => {
    const phone = { scrollX: 0, scrollY: 0, width: 400, height: 800 };
    const text = (left: number, top = 100) => box([line(left, top, 352)], { left, right: 376 });
    const small = placeMarkers(new Map([['a', text(24)]]), phone).get('a')!;
    expect(small.size).toBe(COMPACT_MARKER_SIZE);
    expect(small.left).toBeGreaterThanOrEqual(0);
    expect(small.left + COMPACT_MARKER_SIZE).toBeLessThanOrEqual(24);
    expect(placeMarkers(new Map([['a', box([line(0, 100, 400)], { left: 0, right: 400 })]]), phone).size).toBe(0);
    expect(placeMarkers(new Map([['a', text(24, 30)]]), { ...phone, topInset: 64 }).size).toBe(0);
    // Across the window's top edge with no header, or above the window, a marker stays: Tab can still reach it.
    expect(placeMarkers(new Map([['a', text(24, 100)]]), { ...phone, scrollY: 105 }).size).toBe(1);
    expect(placeMarkers(new Map([['a', text(24, 30)]]), { ...phone, scrollY: 500, topInset: 64 }).size).toBe(1);
  });

  it('finds the note under a click', () => {
    const boxes = new Map([['a', box([line(300, 100)])]]);
    expect(noteAt(boxes, 310, 110)).toBe('a');
    expect(noteAt(boxes, 310, 200)).toBeNull();
  });
});
