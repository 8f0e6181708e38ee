/**
 * The figure evaluation (npm run eval -- --figures) on the development part
 * of the labelled figure set, the part the reader was tuned on: a guard that
 * a change does not bring back wrong links or wrong verdicts. The test part
 * is reported in the closing notes and never tuned on, so it is not asserted.
 */
import { describe, expect, it } from 'vitest';
import { evaluateFigures } from '../scripts/eval-figures';

describe('figure linking on the development part of the labelled set', () => {
  const result = evaluateFigures('dev');
  it('links few figures that count different quantities', () => {
    expect(result.links).toBeGreaterThan(50);
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
  });
  it('gives linked figures the verdict a careful reader gives', () => {
    expect(result.verdictAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
