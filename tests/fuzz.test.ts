/**
 * Property-based tests: whatever text a page holds, the text pipeline never
 * throws, and every position it reports slices the text to exactly what it
 * reports. Inputs are arbitrary Unicode and news-like text built from
 * fragments that exercise quotes, attributions and figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectorFor, TextMap } from '../lib/page/anchor';
import { wordDiff } from '../lib/text/diff';
import { detectFigures } from '../lib/text/figures';
import { normalize } from '../lib/text/normalize';
import { detectQuotes } from '../lib/text/quotes';
import { DEFAULTS, parseSettings } from '../lib/extension/settings';
import { loadAnnotator } from '../scripts/golden';

/** Runs per property; each test states how many cases ran in total. */
export const RUNS = 300;

const FRAGMENTS = [
  '“',
  '”',
  '"',
  "'",
  '‘',
  '’',
  '«',
  '»',
  ' ',
  '\n\n',
  '. ',
  ', ',
  ' — ',
  '…',
  '\u00a0',
  '\u200b',
  'Putin said',
  'said Vladimir Putin',
  'according to Reuters',
  'he added',
  'Putin:',
  'Mr. ',
  'at least 36,586',
  'more than 1.1 million',
  'about 15,000 fighters',
  'killed',
  'people',
  'on October 7',
  '2023',
  '24 hours',
  'It is a kind of total destruction',
  'does not resemble a war',
  'unacceptable',
  'Gaza',
  'Israel',
  '½',
  '٣٤٥',
  '𝟙𝟚𝟛',
  'ﬁ',
  'e\u0301',
  '🇺🇦',
  '\ud800',
  '<img src=x onerror=alert(1)>',
];
const newsy = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  newsy,
);

describe('the text pipeline on arbitrary input', () => {
  it('normalises without losing a position', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const n = normalize(text);
        expect(n.starts.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.starts[i]!).toBeGreaterThanOrEqual(0);
          expect(n.ends[i]!).toBeLessThanOrEqual(text.length);
          expect(n.starts[i]!).toBeLessThan(n.ends[i]!);
          if (i > 0) expect(n.starts[i]!).toBeGreaterThanOrEqual(n.starts[i - 1]!);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reports quotes whose positions slice the text to exactly the quote', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const q of detectQuotes(text)) expect(text.slice(q.start, q.end)).toBe(q.quote);
      }),
      { numRuns: RUNS },
    );
  });

  it('reports figures whose positions slice the text to exactly the figure', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const f of detectFigures(text)) {
          expect(text.slice(f.start, f.end)).toBe(f.text);
          if (f.low !== null && f.high !== null) expect(f.low).toBeLessThanOrEqual(f.high);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('annotates any text against the bundled corpus without throwing', () => {
    const annotator = loadAnnotator();
    fc.assert(
      fc.property(anyText, (text) => {
        const notes = annotator.annotate(text);
        for (const r of notes.remarks) expect(text.slice(r.start, r.end)).toBe(r.quote);
        for (const f of notes.figures) expect(text.slice(f.start, f.end)).toBe(f.text);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds any stretch of page text again, however the page splits it into nodes', () => {
    fc.assert(
      fc.property(
        newsy.filter((t) => /[\p{L}\p{N}]/u.test(t)),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        (text, cuts, a, b) => {
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
          const nodes = [0, ...points, text.length]
            .slice(1)
            .map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1]!, end));
          const map = new TextMap(nodes.length ? nodes : [text]);
          // Quotes and figures begin and end on whole characters (graphemes), so selections do too.
          const bounds = [...new Intl.Segmenter().segment(text)].map((g) => g.index).concat(text.length);
          const i = a % (bounds.length - 1);
          const j = i + 1 + (b % (bounds.length - 1 - i));
          const selector = selectorFor(text, bounds[i]!, bounds[j]!);
          const place = map.locate(selector);
          if (!/[\p{L}\p{N}]/u.test(selector.exact)) return;
          expect(place).not.toBeNull();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('diffs any two wordings without throwing', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        for (const p of wordDiff(a, b)) expect(['same', 'added', 'removed']).toContain(p.kind);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads stored settings of any shape back to a complete set', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const { settings } = parseSettings(stored);
        expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULTS).sort());
      }),
      { numRuns: RUNS },
    );
  });
});
