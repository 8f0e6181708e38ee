/**
 * The bench's own arithmetic and its scale curve: every figure is a median
 * with min, max and n, and the SVG it writes into docs/ is well-formed text
 * whatever the labels hold.
 */
import { describe, expect, it } from 'vitest';
import { summary, describe as describeSummary } from '../scripts/bench/stats';
import { scaleSvg } from '../scripts/bench/svg';
import type { ScaleRow } from '../scripts/bench/scale';

describe('the bench', () => {
  it('summarises measurements as median, min, max and n', () => {
    expect(summary([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, n: 3 });
    expect(summary([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
    expect(summary([]).n).toBe(0);
    expect(describeSummary(summary([12, 10, 15]))).toBe('12 ms (10–15, n=3)');
  });

  it('draws the scale curve as SVG with a point per corpus', () => {
    const s = (median: number) => ({ median, min: median, max: median, n: 1 });
    const row = (articles: number, ms: number) =>
      ({
        articles,
        load: { parse: 0, unpack: 0, index: 0, total: ms * 10 },
        match: { inCorpus: { cold: s(ms), warm: s(ms) }, notInCorpus: { cold: s(ms * 2), warm: s(ms) } },
      }) as unknown as ScaleRow;
    const svg = scaleSvg([row(5, 1), row(1000, 2), row(100_000, 8)]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.match(/<circle /g)).toHaveLength(9);
    expect(svg).toContain('100,000');
    expect(svg).not.toMatch(/NaN|undefined|<script/);
  });
});
