/**
 * `npm run bench -- --only personal [--remembered N]`: the reader's
 * remembered articles at the limit (3,000 by default), synthetic, measured
 * in Node on the code the background runs (lib/extension/remember,
 * personal-corpus, memory on fake-indexeddb, corpus-service's notesOf):
 * - what remembering one more article costs the worker: reading its entries,
 *   adding it to the index, dropping the least recently read past the
 *   limit, and the stories the next page works out again because of it;
 * - the first page after a worker restart: the bundled corpus unpacked and
 *   indexed, the article read from its HTML, and notes made, without and
 *   with the remembered articles (read from IndexedDB and taken in from the
 *   pairs kept with them); the target is a ratio of the two;
 * - what the records take: the size the options page counts, and each
 *   record as IndexedDB clones it (v8's structured serialisation).
 * Node's fake-indexeddb is not the browser's IndexedDB: its read time is a
 * stand-in, reported on its own line.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import { Annotator } from '../../lib/corpus/annotate';
import { pack, shapeOf, unpack } from '../../lib/corpus/packed';
import { CorpusSchema, type Corpus } from '../../lib/corpus/schema';
import { notesOf } from '../../lib/extension/corpus-service';
import { Memory } from '../../lib/extension/memory';
import { PersonalCorpus } from '../../lib/extension/personal-corpus';
import { rememberedArticle, withPairs, type RememberedArticle } from '../../lib/extension/remember';
import { readArticleFile } from '../../lib/node/io';
import { readingPages } from '../demo/site';
import { summary, type Summary } from './stats';
import { syntheticFolder } from './synthetic';

export interface PersonalResult {
  remembered: number;
  /** Milliseconds the worker spends remembering one article at the limit, and the part each step takes. */
  /** `index`: the article added and the one dropped forgotten; `store`: IndexedDB's put and prune (fake-indexeddb). */
  add: { total: Summary; read: Summary; index: Summary; store: Summary; stories: Summary };
  /** Milliseconds to the first page's notes after a worker restart. */
  restart: {
    bundledOnly: Summary;
    withRemembered: Summary;
    /** Of which: reading the records from (fake) IndexedDB, and taking them in. */
    dbRead: Summary;
    takeIn: Summary;
    /** Median of the per-run ratios with ÷ without. */
    ratio: number;
  };
  /** Bytes: as the options page counts them, and as IndexedDB clones the records. */
  storage: { counted: number; cloned: number };
  /** Notes the test page gets from the remembered articles (so the measure is of a page that has some). */
  notesFromReading: number;
}

const RESTARTS = 7;
const PAGE_URL = 'https://herald.example/reading/4-evening-herald.html';
const ADDS = 25;

const timed = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const out = work();
  return [out, performance.now() - start];
};
const timedAsync = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const out = await work();
  return [out, performance.now() - start];
};

/** Synthetic remembered articles: the scale benchmark's coverage, each on an outlet's host, read a minute apart. */
function syntheticRecords(count: number, start: number): RememberedArticle[] {
  const folder = syntheticFolder(count, resolve('seeds'), 11);
  return folder.manifest.articles.map(({ file, ...meta }, i) => {
    const text = folder.files.get(file) ?? readFileSync(join('seeds', file), 'utf8');
    const host = `${(meta.outlet ?? 'wire').toLowerCase().replace(/[^a-z]+/g, '-')}.example`;
    return rememberedArticle(
      `https://${host}/news/${file.replace(/\.\w+$/, '')}`,
      text,
      { outlet: meta.outlet, title: meta.title, published: meta.date },
      start + i * 60_000,
    );
  });
}

export async function runPersonal(log: (line: string) => void, remembered = 3000): Promise<PersonalResult> {
  const bundledText = readFileSync('data/corpus.json', 'utf8');
  const bundled = CorpusSchema.parse(JSON.parse(bundledText));
  const packedText = JSON.stringify(pack(bundled, shapeOf(CorpusSchema)));

  log(`personal: ${remembered + ADDS} synthetic articles read as remembered articles`);
  const start = Date.UTC(2026, 0, 1);
  const all = syntheticRecords(remembered + ADDS, start);
  const held = all.slice(0, remembered);
  log(`personal: ${remembered} remembered articles grouped one by one (as read)`);
  const personal = new PersonalCorpus(bundled.synonyms);
  const dbName = `bench-${Date.now()}`;
  const memory = await Memory.open(dbName, { maxArticles: remembered, maxAgeDays: 3650 });
  for (const [i, r] of held.entries()) {
    held[i] = withPairs(r, personal.add(r));
    await memory.add(held[i]);
    if (i % 500 === 499) log(`personal: ${i + 1}`);
  }

  // The page: the fourth outlet's report of the demo's invented event, read from its HTML as the offscreen document does.
  const pages = readingPages();
  const dir = mkdtempSync(join(tmpdir(), 'retold-personal-'));
  const pagePath = join(dir, 'page.html');
  writeFileSync(pagePath, Object.entries(pages).find(([path]) => path.includes('4-evening-herald'))![1]);
  // The three other outlets' reports are among those remembered, so the page has notes from the reading.
  const reading = Object.entries(pages)
    .filter(([path]) => !path.includes('4-evening-herald'))
    .map(([path, html], i) => {
      const file = join(dir, `r${i}.html`);
      writeFileSync(file, html);
      const { text } = readArticleFile(file);
      return rememberedArticle(
        `https://reading-${i}.example${path}`,
        text,
        { outlet: `Reading ${i}`, title: null, published: '2025-03-14' },
        // Read after the others, so remembering more at the limit drops others first.
        start + remembered * 60_000,
      );
    });
  for (const r of reading) {
    personal.remove(await memory.add(withPairs(r, personal.add(r))));
  }

  log('personal: remembering one more article at the limit');
  const pageText = readArticleFile(pagePath).text;
  const parts = {
    total: [] as number[],
    read: [] as number[],
    index: [] as number[],
    store: [] as number[],
    stories: [] as number[],
  };
  for (const next of all.slice(remembered)) {
    const [record, read] = timed(() =>
      rememberedArticle(next.url, next.text, { outlet: next.outlet, title: next.title, published: next.published }),
    );
    const [pairs, indexed] = timed(() => personal.add(record));
    const [dropped, stored] = await timedAsync(() => memory.add(withPairs(record, pairs)));
    const [, forgotten] = timed(() => personal.remove(dropped));
    const index = indexed + forgotten;
    if (dropped.length !== 1) throw new Error(`expected one article dropped at the limit, not ${dropped.length}`);
    // The next page pays for the stories worked out again; the page after it does not.
    const annotator = personal.annotator()!;
    const [, cold] = timed(() => annotator.annotate(pageText));
    const [, warm] = timed(() => annotator.annotate(pageText));
    const stories = Math.max(0, cold - warm);
    parts.read.push(read);
    parts.index.push(index);
    parts.store.push(stored);
    parts.stories.push(stories);
    parts.total.push(read + index + stored + stories);
  }

  log('personal: the first page after a worker restart, without and with the remembered articles');
  const restart = {
    bundledOnly: [] as number[],
    withRemembered: [] as number[],
    dbRead: [] as number[],
    takeIn: [] as number[],
  };
  const ratios: number[] = [];
  let notesFromReading = 0;
  for (let run = 0; run < RESTARTS; run++) {
    // Without: unpack and index the bundled corpus, read the article, make its notes.
    const [, without] = timed(() => {
      const annotator = new Annotator(unpack(JSON.parse(packedText), shapeOf(CorpusSchema)) as Corpus);
      const text = readArticleFile(pagePath).text;
      return notesOf(annotator, { text, date: '2025-03-14' }, PAGE_URL, undefined);
    });
    // With: the same, and the remembered articles read from IndexedDB and taken in from their pairs.
    let dbRead = 0;
    let takeIn = 0;
    const [, withRemembered] = await timedAsync(async () => {
      const annotator = new Annotator(unpack(JSON.parse(packedText), shapeOf(CorpusSchema)) as Corpus);
      const text = readArticleFile(pagePath).text;
      const [records, read] = await timedAsync(async () => {
        const db = await Memory.open(dbName);
        const out = await db.all();
        db.close();
        return out;
      });
      const [mine, took] = timed(() => {
        const p = new PersonalCorpus(bundled.synonyms);
        p.replace(records);
        return p;
      });
      dbRead = read;
      takeIn = took;
      const notes = notesOf(annotator, { text, date: '2025-03-14' }, PAGE_URL, undefined, mine.annotator());
      notesFromReading = notes.remarks.filter((r) => r.outlets.some((o) => o.fromReading)).length;
      return notes;
    });
    restart.bundledOnly.push(without);
    restart.withRemembered.push(withRemembered);
    restart.dbRead.push(dbRead);
    restart.takeIn.push(takeIn);
    ratios.push(withRemembered / without);
  }

  const records = await memory.all();
  memory.close();
  const storage = {
    counted: records.reduce((sum, r) => sum + r.bytes, 0),
    cloned: records.reduce((sum, r) => sum + serialize(r).length, 0),
  };
  return {
    remembered: records.length,
    add: {
      total: summary(parts.total),
      read: summary(parts.read),
      index: summary(parts.index),
      store: summary(parts.store),
      stories: summary(parts.stories),
    },
    restart: {
      bundledOnly: summary(restart.bundledOnly),
      withRemembered: summary(restart.withRemembered),
      dbRead: summary(restart.dbRead),
      takeIn: summary(restart.takeIn),
      ratio: summary(ratios).median,
    },
    storage,
    notesFromReading,
  };
}
