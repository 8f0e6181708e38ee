import { describe, expect, it } from 'vitest';
import { detectFigures, describeQuantity } from '../lib/text/figures';

const one = (text: string) => {
  const figures = detectFigures(text);
  expect(figures).toHaveLength(1);
  const f = figures[0]!;
  expect(text.slice(f.start, f.end)).toBe(f.text);
  return { text: f.text, low: f.low, high: f.high, quantity: f.quantity && describeQuantity(f.quantity) };
};

describe('detectFigures', () => {
  it('turns modifiers into intervals', () => {
    expect(one('at least 36,586 Palestinians have been killed')).toEqual({
      text: 'at least 36,586',
      low: 36586,
      high: null,
      quantity: 'palestinians killed',
    });
    expect(one('Hamas has reported over 36,000 Palestinian deaths')).toMatchObject({
      low: 36000,
      high: null,
      quantity: 'palestinians killed',
    });
    expect(one('it has killed approximately 15,000 Hamas operatives')).toMatchObject({
      low: 14250,
      high: 15750,
      quantity: 'fighters killed',
    });
    expect(one('verifying close to 25,000 deaths')).toMatchObject({ low: 23750, high: 25000 });
    expect(one('nearly two million people were displaced')).toMatchObject({
      text: 'nearly two million',
      low: 1_425_000,
      high: 2.5e6,
    });
    expect(one('ordered more than a million people to evacuate')).toMatchObject({
      text: 'more than a million',
      low: 500000,
      high: null,
      quantity: 'evacuated',
    });
    expect(one('the call for 1.1 million people to clear out')).toMatchObject({
      low: 1050000,
      high: 1150000,
      quantity: 'evacuated',
    });
  });

  it('never reports dates, years, ages, ordinals or times of day', () => {
    const text =
      'On October 7, 2023 and on 7 Mar 2023, in 1991 and in the 1967 borders, a 45-year-old man, aged 30, came 3rd at 16:15 on 2023-10-13.';
    expect(detectFigures(text)).toEqual([]);
  });

  it('tells what is counted, who, and whether they are still held', () => {
    expect(one('the release of the remaining 124 captives')).toMatchObject({ quantity: 'hostages (held)' });
    expect(one('a Hamas attack killing 1,200 people')).toMatchObject({ quantity: 'killed' });
    expect(one('the agency employs 1,200 personnel')).toMatchObject({ quantity: 'soldiers personnel' });
    expect(one('about 36,000 fans are expected at the stadium')).toMatchObject({ quantity: 'fans' });
  });
});
