import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildFromFolder, serialise } from '../data/build';
import { buildCorpus } from '../lib/corpus/corpus';
import { CorpusSchema } from '../lib/corpus/schema';

const root = new URL('..', import.meta.url).pathname;
const corpusFile = join(root, 'data/corpus.json');

function seedsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'retold-seeds-'));
  cpSync(join(root, 'seeds'), dir, { recursive: true });
  return dir;
}

function runBuilder(folder: string, out: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'data/build.ts'), folder, '--out', out], {
    encoding: 'utf8',
  });
}

describe('the bundled corpus', () => {
  it('validates against its schema and rebuilds byte-identical from seeds/', () => {
    const bundled = readFileSync(corpusFile, 'utf8');
    expect(CorpusSchema.safeParse(JSON.parse(bundled)).success).toBe(true);
    expect(serialise(buildFromFolder(join(root, 'seeds')))).toBe(bundled);
  });

  it('groups the seeds’ shared remarks and quantities', () => {
    const corpus = CorpusSchema.parse(JSON.parse(readFileSync(corpusFile, 'utf8')));
    const remarkOf = (text: string) => corpus.remarks.find((r) => r.variants.some((v) => v.text === text))!;
    const unacceptable = remarkOf('absolutely unacceptable');
    const outlets = new Set(unacceptable.variants.map((v) => corpus.quotes[v.quote]!.articleId.slice(0, 3)));
    expect([...outlets].sort()).toEqual(['002', '003', '004']);
    const killed = corpus.groups.find((g) =>
      g.figures.some((id) => corpus.figures[id]!.text === 'approximately 15,000'),
    )!;
    expect(killed.figures.map((id) => corpus.figures[id]!.text).sort()).toEqual(['14,000', 'approximately 15,000']);
    expect(killed.differs).toBe(true);
  });

  it('ships the WordNet licence notice with the synonyms', () => {
    const corpus = CorpusSchema.parse(JSON.parse(readFileSync(corpusFile, 'utf8')));
    expect(corpus.notices.join('\n')).toContain('WordNet 3.0 Copyright 2006 by Princeton University');
  });
});

describe('the corpus builder at the scale of many stories', () => {
  /** A corpus of small articles, each `[event, text]`, built with no synonyms. */
  const build = (articles: [string | null, string][]) =>
    buildCorpus(
      {
        articles: articles.map(([event], i) => ({
          file: `${i}.txt`,
          outlet: `Outlet ${i}`,
          title: null,
          date: null,
          event,
          url: null,
        })),
      },
      articles.map(([, text], i) => ({ file: `${i}.txt`, text })),
      {},
      [],
    );

  it('groups a figure only with the figures of its own story, not with every toll of the same kind', () => {
    const corpus = build([
      ['Floods in Varna', 'At least 40 people were killed in the floods in Varna.'],
      ['Floods in Varna', 'The floods in Varna killed 42 people.'],
      ['Earthquake in Osgrad', 'At least 300 people were killed in the earthquake in Osgrad.'],
      ['Earthquake in Osgrad', 'The earthquake in Osgrad killed 310 people.'],
    ]);
    const groups = corpus.groups.map((g) => g.figures.map((id) => corpus.figures[id]!.text).sort());
    expect(groups.sort()).toEqual([
      ['310', 'At least 300'],
      ['42', 'At least 40'],
    ]);
  });

  it('does not let a quote of unknown speaker join two speakers’ remarks into one', () => {
    const remark = 'We will rebuild every school and every clinic in the northern villages before the winter';
    const corpus = build([
      [null, `“${remark},” Maria Kovac said.`],
      [null, `“${remark},” the ministry said in a statement.`],
      [null, `“${remark},” Daniel Okafor said.`],
    ]);
    const remarksOf = (speaker: string) => corpus.quotes.find((q) => q.speaker === speaker)!.remarks;
    expect(corpus.quotes.map((q) => q.speaker)).toEqual(['Maria Kovac', null, 'Daniel Okafor']);
    expect(remarksOf('Maria Kovac')).not.toEqual(remarksOf('Daniel Okafor'));
  });
});

describe('the corpus builder on bad input', () => {
  const cases: [string, (dir: string) => void, RegExp][] = [
    [
      'a manifest field of the wrong type',
      (d) => {
        const m = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
        m.articles[2].date = 20231013;
        writeFileSync(join(d, 'manifest.json'), JSON.stringify(m));
      },
      /manifest\.json: articles\.2\.date/,
    ],
    [
      'a manifest with a missing field',
      (d) => {
        const m = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
        delete m.articles[1].outlet;
        writeFileSync(join(d, 'manifest.json'), JSON.stringify(m));
      },
      /manifest\.json: articles\.1\.outlet/,
    ],
    [
      'a manifest that is not JSON',
      (d) => writeFileSync(join(d, 'manifest.json'), '{ nope'),
      /manifest\.json: \(whole file\): not valid JSON/,
    ],
    [
      'an empty article',
      (d) => writeFileSync(join(d, '003_6b2e10c6dedfae58.txt'), ''),
      /003_6b2e10c6dedfae58\.txt: \(text\): the article is empty/,
    ],
    [
      'a binary article',
      (d) => writeFileSync(join(d, '001_790c6556cd2dca1e.txt'), Buffer.from([0x89, 0x50, 0x00, 0x01])),
      /001_790c6556cd2dca1e\.txt: \(text\): binary data/,
    ],
    [
      'two articles with the same id',
      (d) => {
        const m = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
        writeFileSync(join(d, '000_bc9d5f5d0ffe9631.html'), '<html><body><p>x</p></body></html>');
        m.articles.push({ ...m.articles[0], file: '000_bc9d5f5d0ffe9631.html' });
        writeFileSync(join(d, 'manifest.json'), JSON.stringify(m));
      },
      /articles\.5\.file: two articles have the id "000_bc9d5f5d0ffe9631"/,
    ],
    [
      'an article that is a symbolic link out of the folder',
      (d) => {
        const outside = mkdtempSync(join(tmpdir(), 'retold-outside-'));
        writeFileSync(join(outside, 'secret.txt'), 'Private notes that must never reach a corpus.');
        symlinkSync(join(outside, 'secret.txt'), join(d, 'linked.txt'));
        const m = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
        m.articles[0].file = 'linked.txt';
        writeFileSync(join(d, 'manifest.json'), JSON.stringify(m));
      },
      /manifest\.json: articles\.0\.file: "linked\.txt" leads outside the folder/,
    ],
    [
      'an article path that climbs out of the folder',
      (d) => {
        const m = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
        m.articles[3].file = '../elsewhere.txt';
        writeFileSync(join(d, 'manifest.json'), JSON.stringify(m));
      },
      /manifest\.json: articles\.3\.file: .*a file name ending in \.txt or \.html/,
    ],
    [
      'an article that is a named pipe (it would block a reader forever)',
      (d) => {
        spawnSync('mkfifo', [join(d, 'pipe.txt')]);
        const m = JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
        m.articles[4].file = 'pipe.txt';
        writeFileSync(join(d, 'manifest.json'), JSON.stringify(m));
      },
      /pipe\.txt: \(text\): not a regular file/,
    ],
  ];
  for (const [what, spoil, message] of cases) {
    it(`fails on ${what}, naming file and field, and leaves the previous corpus untouched`, () => {
      const dir = seedsCopy();
      const out = join(dir, 'previous-corpus.json');
      writeFileSync(out, 'previous');
      spoil(dir);
      const run = runBuilder(dir, out);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(readFileSync(out, 'utf8')).toBe('previous');
    });
  }

  it('refuses a folder as --out, saying so, and leaves no temporary file behind', () => {
    const dir = seedsCopy();
    const out = join(dir, 'out-folder');
    mkdirSync(out);
    const run = runBuilder(dir, out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/out-folder is a folder; name the file to write/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('reads a Windows-1252 article with its curly quotes, and names the file in a warning', () => {
    const dir = seedsCopy();
    // “We will rebuild every bridge,” in Windows-1252: 0x93 and 0x94 are the curly double quotes.
    const text =
      'Mayor on the bridges\n\nThe river rose overnight. \x93We will rebuild every bridge before winter,\x94 Mayor Ana Lindqvist said on Monday.\n';
    writeFileSync(join(dir, 'cp1252.txt'), Buffer.from(text, 'latin1'));
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    m.articles.push({ file: 'cp1252.txt', outlet: 'Valley Times', title: null, date: null, event: null, url: null });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    const out = join(dir, 'corpus.json');
    const run = runBuilder(dir, out);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/cp1252\.txt: not valid UTF-8; read as Windows-1252/);
    const corpus = CorpusSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    const article = corpus.articles.find((a) => a.outlet === 'Valley Times')!;
    expect(corpus.quotes.filter((q) => q.articleId === article.id).map((q) => q.quote)).toEqual([
      'We will rebuild every bridge before winter',
    ]);
  });

  it('builds a corpus from a folder of HTML articles a user points it at', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retold-user-'));
    const page = (quote: string) =>
      `<html><head><title>Mayor on the port</title></head><body><nav>Home | World</nav><article><h1>Mayor on the port</h1>` +
      `<p>${'The city debated its harbour for weeks, and the council heard many residents speak at length about the plan. '.repeat(4)}</p>` +
      `<p>“${quote},” Mayor Ana Lindqvist said on Monday.</p><p>${'Officials said the vote would follow next week after more hearings. '.repeat(4)}</p></article></body></html>`;
    writeFileSync(join(dir, 'a.html'), page('We will not allow the port to be closed, whatever the cost'));
    writeFileSync(join(dir, 'b.html'), page('We shall not allow the port to be closed, whatever it costs'));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        articles: ['a.html', 'b.html'].map((file) => ({
          file,
          outlet: file,
          title: null,
          date: null,
          event: null,
          url: null,
        })),
      }),
    );
    const out = join(dir, 'corpus.json');
    const run = runBuilder(dir, out);
    expect(run.stderr).toBe('');
    const corpus = CorpusSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(corpus.quotes.map((q) => [q.articleId, q.speaker])).toEqual([
      ['a', 'Ana Lindqvist'],
      ['b', 'Ana Lindqvist'],
    ]);
    expect(corpus.quotes[0]!.remarks).toEqual(corpus.quotes[1]!.remarks);
  });
});
