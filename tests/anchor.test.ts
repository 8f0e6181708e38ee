import { describe, expect, it } from 'vitest';
import { selectorFor, TextMap } from '../lib/page/anchor';

/** The text between two node points of a list of text nodes. */
function textAt(nodes: string[], place: ReturnType<TextMap['locate']>): string {
  if (!place) return '<not found>';
  const { start, end } = place;
  if (start.node === end.node) return nodes[start.node]!.slice(start.offset, end.offset);
  return [
    nodes[start.node]!.slice(start.offset),
    ...nodes.slice(start.node + 1, end.node),
    nodes[end.node]!.slice(0, end.offset),
  ].join('');
}

describe('finding a note’s text again in the page', () => {
  // The article text comes from a Readability clone: blank lines between blocks, typography as written.
  const article =
    'Putin on Gaza\n\n“It is a kind of total destruction,” he said.\n\nLater: 36,000 killed. Also 36,000 fans.';
  // The page splits the same text over inline elements and formatting whitespace.
  const page = [
    'Putin on Gaza',
    '\n    ',
    '“It is a ',
    'kind',
    ' of total\n  destruction,” he said.',
    'Later: 36,000 killed. Also ',
    '36,000',
    ' fans.',
  ];
  const map = new TextMap(page);

  it('finds a quote that runs across several text nodes and a line break', () => {
    const start = article.indexOf('It is');
    const end = article.indexOf(',”');
    expect(textAt(page, map.locate(selectorFor(article, start, end)))).toBe('It is a kind of total\n  destruction');
  });

  it('tells two identical figures apart by the words around them', () => {
    const second = article.lastIndexOf('36,000');
    const place = map.locate(selectorFor(article, second, second + 6));
    expect(place?.start.node).toBe(6);
    const first = article.indexOf('36,000');
    expect(map.locate(selectorFor(article, first, first + 6))?.start).toEqual({ node: 5, offset: 7 });
  });

  it('matches across straight and curly quotes', () => {
    const m = new TextMap(['He said "it is a kind" today']);
    expect(textAt(m.nodes as string[], m.locate(selectorFor('He said “it is a kind” today', 8, 22)))).toBe(
      '"it is a kind"',
    );
  });

  it('reports text that is no longer on the page as not found', () => {
    expect(map.locate({ exact: 'absolutely unacceptable', prefix: '', suffix: '', position: 0 })).toBeNull();
    expect(map.locateAll({ exact: '   ', prefix: '', suffix: '', position: 0 })).toEqual([]);
  });

  it('keeps a selector’s context short and its position relative', () => {
    const text = `${'a'.repeat(100)}QUOTE${'b'.repeat(100)}`;
    const s = selectorFor(text, 100, 105);
    expect(s.exact).toBe('QUOTE');
    expect(s.prefix).toBe('a'.repeat(32));
    expect(s.suffix).toBe('b'.repeat(32));
    expect(s.position).toBeCloseTo(100 / 205);
  });

  it('builds the map of a long page in steps, and finds text across the seams between steps', () => {
    // 3,000 nodes of 10 characters; one surrogate pair ("𝟙", read as "1") is split over two nodes near a seam.
    const nodes = Array.from({ length: 3000 }, (_, i) => `node ${String(i).padStart(4, '0')} `);
    nodes[1999] = `${nodes[1999]}x\ud835`;
    nodes[2000] = `\udfd9 second`;
    const steps = TextMap.steps(nodes);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThan(0);
    const stepped = step.value;
    for (const map of [stepped, new TextMap(nodes)]) {
      expect(textAt(nodes, map.locate(selectorFor(nodes.join(''), 19_990, 20_007)))).toBe(
        nodes.join('').slice(19_990, 20_007),
      );
      expect(map.locate({ exact: '1 second', prefix: '', suffix: '', position: 0 })).not.toBeNull();
      expect(map.locate({ exact: 'node 2999', prefix: '', suffix: '', position: 1 })).not.toBeNull();
    }
  });
});
