/**
 * One test per row of the hedge table in docs/figures.md. Every expected
 * interval is read off the words, as the table states it.
 */
import { describe, expect, it } from 'vitest';
import { describeInterval, intervalOf, intervalsMeet, statedPrecision, type Interval } from '../lib/text/intervals';
import { detectFigures } from '../lib/text/figures';

const closed = (low: number | null, high: number | null): Interval => ({ low, high, lowOpen: false, highOpen: false });

describe('the stated precision of a number', () => {
  it('is the last written digit of a number with a scale word and decimals, a fifth of the unit for a whole number', () => {
    expect(statedPrecision(1_100_000, { scale: 1e6, decimals: 1 })).toBe(100_000); // "1.1 million"
    expect(statedPrecision(1_250_000, { scale: 1e6, decimals: 2 })).toBe(10_000); // "1.25 million"
    expect(statedPrecision(2_000_000, { scale: 1e6, decimals: 0 })).toBe(200_000); // "two million": 1.9 to 2.1 million
  });
  it('is the trailing zeros of a number in digits', () => {
    expect(statedPrecision(15_000, null)).toBe(1000);
    expect(statedPrecision(90, null)).toBe(10);
    expect(statedPrecision(36_586, null)).toBe(1);
  });
});

describe('the interval each hedge allows (docs/figures.md)', () => {
  it('exact, in digits: "1,250" is 1,250', () => {
    expect(intervalOf('exact', 1250, 10)).toEqual(closed(1250, 1250));
  });
  it('exact, with a scale word: "1.1 million" is 1.05 to just under 1.15 million', () => {
    expect(intervalOf('exact', 1_100_000, 100_000, { scaled: true })).toEqual({
      low: 1_050_000,
      high: 1_150_000,
      lowOpen: false,
      highOpen: true,
    });
  });
  it('about: half a unit of precision or 5 % either way, the wider: "about 90" is 85 to 95; "about 14,000" is 13,300 to 14,700', () => {
    expect(intervalOf('about', 90, 10)).toEqual(closed(85, 95));
    expect(intervalOf('about', 14_000, 1000)).toEqual(closed(13_300, 14_700));
  });
  it('nearly: "nearly 2,000" is 1,800 to just under 2,000', () => {
    expect(intervalOf('nearly', 2000, 1000)).toEqual({ low: 1800, high: 2000, lowOpen: false, highOpen: true });
  });
  it('at least: "at least 4,210" is 4,210 or more', () => {
    expect(intervalOf('atLeast', 4210, 10)).toEqual(closed(4210, null));
  });
  it('more than: "more than 1.3 million" is anything above 1.3 million, however it was rounded', () => {
    expect(intervalOf('moreThan', 1_300_000, 100_000)).toEqual({
      low: 1_300_000,
      high: null,
      lowOpen: true,
      highOpen: false,
    });
  });
  it('at most: "up to 200" and "as many as 200" are 0 to 200', () => {
    expect(intervalOf('atMost', 200, 100)).toEqual(closed(0, 200));
  });
  it('fewer than: "fewer than 50" is 0 to just under 50', () => {
    expect(intervalOf('fewerThan', 50, 10)).toEqual({ low: 0, high: 50, lowOpen: false, highOpen: true });
  });
  it('a range: "between 4,000 and 4,500" is 4,000 to 4,500', () => {
    expect(intervalOf('range', 4000, 1000, { upper: 4500 })).toEqual(closed(4000, 4500));
  });
});

describe('whether two figures can both be right', () => {
  const moreThan = (v: number) => intervalOf('moreThan', v, 1);
  const million = (v: number, decimals: number) =>
    intervalOf('exact', v, statedPrecision(v, { scale: 1e6, decimals }), { scaled: true });
  it('"more than 1.3 million" cannot be "1.1 million" or "1 million"', () => {
    expect(intervalsMeet(moreThan(1_300_000), million(1_100_000, 1))).toBe(false);
    expect(intervalsMeet(moreThan(1_300_000), million(1_000_000, 0))).toBe(false);
  });
  it('"more than a million" and "1.1 million" can both be right, and so can "1 million" and "1.1 million"', () => {
    expect(intervalsMeet(moreThan(1_000_000), million(1_100_000, 1))).toBe(true);
    expect(intervalsMeet(million(1_000_000, 0), million(1_100_000, 1))).toBe(true);
  });
  it('"2 million" and "2.3 million" cannot both be right', () => {
    expect(intervalsMeet(million(2_000_000, 0), million(2_300_000, 1))).toBe(false);
  });
  it('"between 4,000 and 4,500" and "at least 4,210" can both be right', () => {
    expect(intervalsMeet(intervalOf('range', 4000, 1000, { upper: 4500 }), intervalOf('atLeast', 4210, 10))).toBe(true);
  });
  it('"at least 120" and "about 90" cannot both be right', () => {
    expect(intervalsMeet(intervalOf('atLeast', 120, 10), intervalOf('about', 90, 10))).toBe(false);
  });
  it('an open end excludes the bound itself: "more than 50" and "50" cannot both be right', () => {
    expect(intervalsMeet(moreThan(50), closed(50, 50))).toBe(false);
    expect(intervalsMeet(intervalOf('atLeast', 50, 10), closed(50, 50))).toBe(true);
  });
  it('is symmetric', () => {
    const all = [moreThan(10), closed(5, 10), intervalOf('fewerThan', 5, 1), closed(null, null), closed(10, 10)];
    for (const a of all) for (const b of all) expect(intervalsMeet(a, b)).toBe(intervalsMeet(b, a));
  });
});

describe('the hedges the reader finds in the words around a number (docs/figures.md)', () => {
  const interval = (text: string) => {
    const [f] = detectFigures(text);
    return { low: f!.low, high: f!.high, lowOpen: f!.lowOpen, highOpen: f!.highOpen };
  };
  it('"passed 900", "topped 70": more than, the bound left out', () => {
    expect(interval('Reported cases have passed 900.')).toEqual({
      low: 900,
      high: null,
      lowOpen: true,
      highOpen: false,
    });
    expect(interval('The toll topped 70 on Sunday.')).toEqual({ low: 70, high: null, lowOpen: true, highOpen: false });
  });
  it('"dozens", "hundreds", "thousands": at least two of the unit', () => {
    expect(interval('Dozens were hurt.')).toEqual(closed(24, null));
    expect(interval('Thousands were told to leave.')).toEqual(closed(2_000, null));
    expect(interval('Hundreds of thousands fled the city.')).toEqual(closed(200_000, null));
  });
});

describe('an interval in words', () => {
  it('says what the reader would', () => {
    expect(describeInterval(closed(1250, 1250))).toBe('1,250');
    expect(describeInterval(moreThanOf(1300))).toBe('more than 1,300');
    expect(describeInterval(closed(85, 95))).toBe('85–95');
    expect(describeInterval(closed(0, 200))).toBe('at most 200');
  });
});

function moreThanOf(v: number): Interval {
  return intervalOf('moreThan', v, 1);
}
