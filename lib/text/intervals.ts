/**
 * What a reported figure's words allow: "more than 1.3 million" is any value
 * above 1.3 million, "about 90" is 85 to 95. One documented meaning per hedge
 * (docs/figures.md has the table, tests/intervals.test.ts a test per row),
 * and no tolerance beyond what the words say, so that two figures are called
 * contradictory exactly when no value satisfies both wordings.
 *
 * Written by hand: no library reads newsroom hedges as intervals.
 */

/** A set of values: `low`/`high` null for no bound; `lowOpen`/`highOpen` when the bound itself is excluded. */
export interface Interval {
  low: number | null;
  high: number | null;
  lowOpen: boolean;
  highOpen: boolean;
}

/** How a figure is hedged. Each kind has one meaning (see `intervalOf`). */
export type Hedge = 'exact' | 'atLeast' | 'moreThan' | 'atMost' | 'fewerThan' | 'about' | 'nearly' | 'range';

/** The words of each hedge, as they stand before the number (lower case, spaces single). */
export const HEDGE_WORDS: Record<Exclude<Hedge, 'exact' | 'range'>, readonly string[]> = {
  atLeast: ['at least', 'no fewer than', 'no less than', 'a minimum of', 'not less than'],
  moreThan: ['more than', 'over', 'upwards of', 'in excess of', 'above', 'exceeding', 'well over', 'just over'],
  atMost: ['at most', 'up to', 'no more than', 'a maximum of', 'as many as', 'as much as', 'not more than'],
  fewerThan: ['fewer than', 'less than', 'under', 'below', 'not quite'],
  about: [
    'about',
    'around',
    'approximately',
    'roughly',
    'some',
    'an estimated',
    'estimated',
    'circa',
    'approx.',
    'an approximate',
    'or so',
  ],
  nearly: ['nearly', 'almost', 'close to', 'just under', 'nearing', 'approaching', 'just shy of'],
};

/**
 * "about X" allows at least this share of X either way: the word itself says
 * the number is not exact, beyond its rounding ("about 5,300" is 5,035 to
 * 5,565; "approximately 15,000" still cannot be "14,000").
 */
export const ABOUT_SHARE = 0.05;

/** "nearly 2,000" is below 2,000 by at most this share of it: 1,800 to just under 2,000. */
export const NEARLY_SHARE = 0.1;

/**
 * The precision a number is stated to. A number written with a scale word
 * and decimals is rounded to its last written digit ("1.1 million" → 0.1
 * million, "1.25 million" → 0.01 million); a whole number of millions
 * ("1 million", "two million") to a fifth of a million, so it reads as 0.9 to
 * 1.1 million: a newsroom that had 1.3 million would have written it, and one
 * that rounds 1.1 million to "1 million" in a headline is not contradicted.
 * A number in digits ends in as many zeros as it was rounded to ("15,000" →
 * 1,000; "90" → 10; "36,586" → 1).
 */
export function statedPrecision(value: number, scaled: { scale: number; decimals: number } | null): number {
  if (scaled) return scaled.decimals > 0 ? scaled.scale / 10 ** scaled.decimals : scaled.scale / 5;
  if (!Number.isInteger(value) || value === 0) return 1;
  let unit = 1;
  while (value % (unit * 10) === 0) unit *= 10;
  return unit;
}

/**
 * The interval a figure's words allow.
 *
 * - exact, in digits ("1,250"): that value. Newsrooms print counts they have.
 * - exact, with a scale word ("1.1 million", "two million"): half a unit of the
 *   stated precision either way, upper end open ("1.1 million" → [1.05M, 1.15M)).
 * - about X ("about", "around", "some", "an estimated"…): X ± half a unit of
 *   its stated precision, or ± ABOUT_SHARE of X when that is wider ("about
 *   90" → [85, 95]; "about 14,000" → [13,300, 14,700]).
 * - nearly X ("nearly", "almost", "close to"…): below X, by at most
 *   NEARLY_SHARE of it ("nearly 2,000" → [1,800, 2,000)).
 * - at least X: [X, ∞). more than X: (X, ∞), however X is rounded.
 * - at most X ("up to", "as many as"): [0, X]. fewer than X: [0, X).
 * - a range ("between 4,000 and 4,500", "30–40"): [low, high].
 */
export function intervalOf(
  hedge: Hedge,
  value: number,
  precision: number,
  options: { scaled?: boolean; upper?: number } = {},
): Interval {
  const half = precision / 2;
  switch (hedge) {
    case 'exact':
      return options.scaled
        ? { low: value - half, high: value + half, lowOpen: false, highOpen: true }
        : { low: value, high: value, lowOpen: false, highOpen: false };
    case 'about': {
      const spread = Math.max(half, value * ABOUT_SHARE);
      return { low: value - spread, high: value + spread, lowOpen: false, highOpen: false };
    }
    case 'nearly':
      return { low: value * (1 - NEARLY_SHARE), high: value, lowOpen: false, highOpen: true };
    case 'atLeast':
      return { low: value, high: null, lowOpen: false, highOpen: false };
    case 'moreThan':
      return { low: value, high: null, lowOpen: true, highOpen: false };
    case 'atMost':
      return { low: 0, high: value, lowOpen: false, highOpen: false };
    case 'fewerThan':
      return { low: 0, high: value, lowOpen: false, highOpen: true };
    case 'range':
      return { low: value, high: options.upper ?? value, lowOpen: false, highOpen: false };
  }
}

/** Whether some value satisfies both intervals: if none does, the two figures cannot both be right. */
export function intervalsMeet(a: Interval, b: Interval): boolean {
  // The larger of the two lower bounds against the smaller of the two upper bounds.
  const [low, lowOpen] =
    a.low === null
      ? [b.low, b.lowOpen]
      : b.low === null
        ? [a.low, a.lowOpen]
        : maxBound(a.low, a.lowOpen, b.low, b.lowOpen);
  const [high, highOpen] =
    a.high === null
      ? [b.high, b.highOpen]
      : b.high === null
        ? [a.high, a.highOpen]
        : minBound(a.high, a.highOpen, b.high, b.highOpen);
  if (low === null || high === null) return true;
  return low < high || (low === high && !lowOpen && !highOpen);
}

function maxBound(x: number, xOpen: boolean, y: number, yOpen: boolean): [number, boolean] {
  return x > y ? [x, xOpen] : y > x ? [y, yOpen] : [x, xOpen || yOpen];
}
function minBound(x: number, xOpen: boolean, y: number, yOpen: boolean): [number, boolean] {
  return x < y ? [x, xOpen] : y < x ? [y, yOpen] : [x, xOpen || yOpen];
}

/** An interval as a reader would say it: "more than 1,300", "85–95", "1,250". */
export function describeInterval(i: Interval): string {
  const n = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (i.low !== null && i.high !== null && i.low === i.high) return n(i.low);
  if (i.high === null) return i.low === null ? 'any number' : `${i.lowOpen ? 'more than' : 'at least'} ${n(i.low)}`;
  if (i.low === null || i.low === 0) return `${i.highOpen ? 'fewer than' : 'at most'} ${n(i.high)}`;
  return `${n(i.low)}–${n(i.high)}`;
}
