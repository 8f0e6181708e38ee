/**
 * The corpus as the extension ships it (lib/corpus/packed, modules/corpus.ts):
 * packing is derived from the data, so the bundled corpus comes back exactly,
 * a field nobody told the packer about comes back too, and a file that does
 * not add up, or was packed for another schema, is refused.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { CorpusSchema } from '../lib/corpus/schema';
import { pack, shapeOf, unpack, type Column } from '../lib/corpus/packed';
import { packCorpusFile } from '../modules/corpus';

const corpus: unknown = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
const shape = shapeOf(CorpusSchema);
const roundTrip = (value: unknown, s = shape) => unpack(JSON.parse(JSON.stringify(pack(value, s))), s);

describe('the packed corpus', () => {
  it('unpacks to the bundled corpus exactly, and that passes the full schema check', () => {
    const back = roundTrip(corpus);
    expect(back).toStrictEqual(corpus);
    expect(CorpusSchema.safeParse(back).success).toBe(true);
  });

  it('is what the build writes into the extension, smaller than the JSON it comes from', () => {
    const built = packCorpusFile('data/corpus.json');
    expect(unpack(JSON.parse(built), shape)).toStrictEqual(corpus);
    expect(built.length).toBeLessThan(readFileSync('data/corpus.json', 'utf8').length);
  });

  it('fails the build on an invalid corpus, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retold-packed-'));
    const bad = structuredClone(corpus) as { quotes: { start: unknown }[] };
    bad.quotes[1]!.start = -1;
    writeFileSync(join(dir, 'corpus.json'), JSON.stringify(bad));
    expect(() => packCorpusFile(join(dir, 'corpus.json'))).toThrow(/quotes\[1\]\.start/);
  });

  it('carries a field it was never told about, nested or not, with no change to the packer', () => {
    const grown = structuredClone(corpus) as { quotes: Record<string, unknown>[]; figures: Record<string, unknown>[] };
    grown.quotes.forEach(
      (q, i) => (q.tone = i % 3 ? { kind: 'neutral', weight: i / 7 } : { kind: 'angry', weight: 1 }),
    );
    grown.figures.forEach((f, i) => (f.sources = i % 2 ? [] : [{ outlet: 'A', seen: true }]));
    expect(roundTrip(grown)).toStrictEqual(grown);
  });

  it('stores repeated strings, ids and lists by column', () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({ id: i, outlet: i % 2 ? 'A' : 'B', tags: [i, i + 1] }));
    const root = pack({ rows }, 'x').root as Extract<Column, { fields: string[] }>;
    const table = (root.columns[0] as Extract<Column, { lengths: number[] }>).items;
    expect(table).toEqual({
      fields: ['id', 'outlet', 'tags'],
      n: 6,
      columns: [
        { from: 0, n: 6 },
        { distinct: ['B', 'A'], at: [0, 1, 0, 1, 0, 1] },
        { lengths: [2, 2, 2, 2, 2, 2], items: { values: [0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6] } },
      ],
    });
    expect(roundTrip({ rows }, 'x')).toStrictEqual({ rows });
  });

  it('keeps maps (many keys of their own) as keys and values, and empty and mixed lists as they are', () => {
    const synonyms = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`stem${i}`, [`s${i}`]]));
    const value = { synonyms, empty: [], mixed: [1, 'a', null, { b: 2 }, [3]] };
    expect(roundTrip(value, 'x')).toStrictEqual(value);
  });

  it('refuses a file packed for another version of the schema', () => {
    const grown = z.extend(CorpusSchema, { figureNotes: z.array(z.string()) });
    expect(shapeOf(grown)).not.toBe(shape);
    expect(() => unpack(JSON.parse(JSON.stringify(pack(corpus, shape))), shapeOf(grown))).toThrow(
      /another version of the corpus schema/,
    );
  });

  it('refuses another format and columns whose lengths do not add up', () => {
    expect(() => unpack(JSON.parse(readFileSync('data/corpus.json', 'utf8')), shape)).toThrow(/not a packed corpus/);
    const packed = JSON.parse(JSON.stringify(pack(corpus, shape)));
    const articles = packed.root.columns[1].items;
    articles.columns[0].values = articles.columns[0].values.slice(1);
    expect(() => unpack(packed, shape)).toThrow(/values where \d+ were expected/);
  });
});
