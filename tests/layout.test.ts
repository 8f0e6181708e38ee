import { describe, expect, it } from 'vitest';
import { CARD_WIDTH, MARKER_SIZE, noteAt, placeCard, placeMarkers, type TextBox } from '../lib/page/layout';

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
    const card = placeCard(text, viewport, 300);
    expect(card.left).toBeGreaterThanOrEqual(800);
    expect(card.width).toBe(CARD_WIDTH);
    for (const r of text.rects) expect(overlaps({ ...card, height: 300 }, r)).toBe(false);
  });

  it('opens a card below the text in a narrow window', () => {
    const narrow = { ...viewport, width: 700 };
    const text = box([line(20, 400, 660), line(20, 424, 200)], { left: 20, right: 680 });
    const card = placeCard(text, narrow, 300);
    expect(card.top).toBeGreaterThanOrEqual(448);
    expect(card.left + card.width).toBeLessThanOrEqual(700);
    for (const r of text.rects) expect(overlaps({ ...card, height: 300 }, r)).toBe(false);
  });

  it('keeps a card in the margin inside the window, clear of the summary pill', () => {
    const card = placeCard(box([line(200, 760)]), viewport, 300);
    expect(card.top + 300).toBeLessThanOrEqual(800 - 40);
  });

  it('finds the note under a click', () => {
    const boxes = new Map([['a', box([line(300, 100)])]]);
    expect(noteAt(boxes, 310, 110)).toBe('a');
    expect(noteAt(boxes, 310, 200)).toBeNull();
  });
});
