/**
 * Corpus packs: the remembered articles exported in the corpus builder's
 * format and imported again (by another reader, or the same one on another
 * device), and packs that are corrupt in part or whole. IndexedDB is
 * fake-indexeddb's, in memory.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusSchema } from '../lib/corpus/schema';
import { packOf, readPack } from '../lib/corpus/pack';
import { Memory } from '../lib/extension/memory';
import { describeImport, importPack } from '../lib/extension/pack-import';
import { PersonalCorpus } from '../lib/extension/personal-corpus';
import { packedArticle, rememberedArticle } from '../lib/extension/remember';

const NOW = Date.UTC(2025, 4, 1);
const bundled = CorpusSchema.parse(JSON.parse(readFileSync('data/corpus.json', 'utf8')));

const story = (speaker: string, wording: string, figure: string) =>
  `Floods in Valdoria\n\nMayor ${speaker} spoke in Valdoria on Monday. "${wording}," ${speaker} said.\n\n` +
  `Officials said ${figure} residents were evacuated from Valdoria and the river towns.`;
const page = story('Elena Marsh', 'We will rebuild every single bridge', '1,500');
const read = [
  rememberedArticle(
    'https://ledger.example/floods',
    story('Elena Marsh', 'We will rebuild every bridge', '1,200'),
    { outlet: 'The Ledger', title: 'Floods', published: '2025-04-28' },
    NOW,
  ),
  rememberedArticle(
    'https://post.example/floods',
    story('Elena Marsh', 'We are going to rebuild every bridge', '1,200'),
    { outlet: 'The Post', title: null, published: '2025-04-29' },
    NOW,
  ),
];

let opened: Memory[] = [];
let dbCount = 0;
async function memory(maxArticles = 10): Promise<Memory> {
  const m = await Memory.open(`pack-test-${++dbCount}`, { maxArticles, maxAgeDays: 180 });
  opened.push(m);
  return m;
}
afterEach(() => {
  for (const m of opened) m.close();
  opened = [];
});

/** The outlets a page's remark note links to, from what a memory holds. */
async function outletsOnPage(m: Memory): Promise<string[]> {
  const personal = new PersonalCorpus(bundled.synonyms);
  personal.replace(await m.all());
  const notes = personal.annotator()?.annotate(page);
  return (notes?.remarks.flatMap((r) => r.matches.map((x) => x.outlet ?? '')) ?? []).sort();
}

describe('corpus packs', () => {
  it('export the remembered articles as a corpus the builder’s schema accepts, and import them into another memory', async () => {
    const text = packOf(
      read.map((r) => r.entries),
      bundled.synonyms,
      bundled.notices,
    );
    const pack = CorpusSchema.parse(JSON.parse(text));
    expect(pack.articles.map((a) => a.outlet)).toEqual(['The Ledger', 'The Post']);
    // The two wordings of the mayor's remark are one remark in the pack, as the builder groups them.
    expect(pack.remarks.some((r) => r.variants.length === 2)).toBe(true);

    const other = await memory();
    const result = await importPack(text, 'floods.json', other, bundled.synonyms, NOW);
    expect(result).toEqual({ imported: 2, alreadyKept: 0, overLimit: 0, problems: [] });
    const kept = await other.all();
    expect(kept.map((r) => r.url).sort()).toEqual(['https://ledger.example/floods', 'https://post.example/floods']);
    expect(kept.find((r) => r.url.includes('ledger'))!.outlet).toBe('The Ledger');
    expect(kept.every((r) => r.pairs !== undefined)).toBe(true);
    // The page's remark is linked to both outlets, from the imported articles.
    expect(await outletsOnPage(other)).toEqual(['The Ledger', 'The Post']);
    // Importing the same pack again keeps what is there.
    expect(await importPack(text, 'floods.json', other, bundled.synonyms, NOW)).toMatchObject({
      imported: 0,
      alreadyKept: 2,
    });
  });

  it('take the articles they can read from a corrupt pack, name what they cannot, and lose nothing remembered', async () => {
    const m = await memory();
    const mine = rememberedArticle('https://mine.example/a', story('Ada Quill', 'Bridges matter', '7'), {
      outlet: null,
      title: null,
      published: null,
    });
    await m.add(mine);
    const good = JSON.parse(packOf([read[0]!.entries, read[1]!.entries], bundled.synonyms, [])) as Record<
      string,
      unknown[]
    >;
    const articles = good.articles as { id: string; fingerprint: unknown }[];
    articles[1]!.fingerprint = 'not a fingerprint';
    (good.quotes![0] as { start: number }).start = -4;
    const result = await importPack(JSON.stringify(good), 'broken.json', m, bundled.synonyms, NOW);
    expect(result.imported).toBe(1);
    expect(result.problems).toHaveLength(2);
    // The post's article is left out with its one quote and one figure (each story has one of each).
    expect(result.problems[0]).toMatch(
      /^article "read:https:\/\/post\.example\/floods": fingerprint: .*left out, with its 1 quote and 1 figure$/,
    );
    expect(result.problems[1]).toMatch(/^article "read:https:\/\/ledger\.example\/floods", quote 1: start: /);
    expect(describeImport(result)).toBe('Imported 1 article. 2 parts of the file could not be read:');
    expect((await m.all()).map((r) => r.url).sort()).toEqual([
      'https://ledger.example/floods',
      'https://mine.example/a',
    ]);
  });

  it('take nothing from a file that is no corpus, and keep what is remembered', async () => {
    const m = await memory();
    await m.add(read[0]!);
    for (const [text, problem] of [
      ['{"articles": [', /^\(whole file\): not a corpus file, not even JSON/],
      ['{"format": "retold-settings/1", "articles": []}', /^format: "retold-settings\/1" is not a corpus format/],
      ['[1, 2]', /^\(whole file\): not a corpus file$/],
      ['{"format": "retold-corpus/1"}', /^articles: missing/],
    ] as const) {
      const result = await importPack(text, 'x.json', m, bundled.synonyms, NOW);
      expect(result.imported).toBe(0);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatch(problem);
    }
    expect((await m.all()).map((r) => r.url)).toEqual(['https://ledger.example/floods']);
  });

  it('import no more than the room left under the limit, never dropping a remembered article for it', async () => {
    const m = await memory(2);
    const mine = rememberedArticle('https://mine.example/a', story('Ada Quill', 'Bridges matter', '7'), {
      outlet: null,
      title: null,
      published: null,
    });
    await m.add(mine);
    const result = await importPack(
      packOf(
        read.map((r) => r.entries),
        bundled.synonyms,
        [],
      ),
      'floods.json',
      m,
      bundled.synonyms,
      NOW,
    );
    expect(result).toMatchObject({ imported: 1, overLimit: 1 });
    expect(describeImport(result)).toBe(
      'Imported 1 article. 1 article not imported: the limit of remembered articles is reached.',
    );
    expect((await m.all()).map((r) => r.url)).toContain('https://mine.example/a');
  });

  it('give an article of a pack built from a folder (no address) an address of its own', () => {
    const built = JSON.parse(readFileSync('data/corpus.json', 'utf8')) as { articles: { url: string | null }[] };
    built.articles[0]!.url = null;
    const { articles, problems } = readPack(JSON.stringify(built));
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(bundled.articles.length);
    const id = bundled.articles[0]!.id;
    const record = packedArticle(articles[0]!.entries, 'seeds.json', NOW);
    expect(record.url).toBe(`retold-pack:seeds.json/${id}`);
    expect(record.host).toBe('');
    // No link to open it: the note says "from your reading" without one.
    expect(record.entries.article.url).toBeNull();
    expect(record.entries.quotes.every((q) => q.articleId === `read:retold-pack:seeds.json/${id}`)).toBe(true);
  });
});
