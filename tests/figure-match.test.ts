/**
 * Which figures of two articles the matcher pairs as one quantity, on
 * sentences written for these tests: what is counted must agree in full, and
 * a count of a plain noun needs more than the noun to be taken for the same
 * count.
 */
import { describe, expect, it } from 'vitest';
import { detectFigures } from '../lib/text/figures';
import { figureFit } from '../lib/corpus/match';

const first = (text: string) => detectFigures(text)[0]!;

describe('pairing counts of a plain noun', () => {
  it('pairs a noun with the same state named in both', () => {
    expect(
      figureFit(first('Clinics logged 640 suspected cases by Monday.'), first('Suspected cases climbed to 790.'), {}),
    ).not.toBeNull();
  });

  it('does not pair the same noun counting different things in unlike sentences', () => {
    expect(
      figureFit(
        first('The commission said 12,400 polling stations had opened on time.'),
        first('Monitors found problems at 35 of the polling stations they visited in Darna.'),
        {},
      ),
    ).toBeNull();
  });

  it('does not pair a forecast with a result, nor sums for different things', () => {
    expect(
      figureFit(first('An exit poll gave the Civic Union 70 seats.'), first('The Civic Union won 64 seats.'), {}),
    ).toBeNull();
    expect(
      figureFit(first('The city set up a €4 million fund.'), first('The city spent €4 million for retraining.'), {}),
    ).toBeNull();
  });
});
