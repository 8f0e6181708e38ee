/**
 * One corpus measured as the background worker uses it, in a process of its
 * own so that memory figures are this corpus's alone:
 * `node --expose-gc --import tsx scripts/bench/measure.ts corpus.json queries.json`
 * prints one JSON object: the corpus loaded as the extension ships it (the
 * packed file: parse, unpack with its structural check, index) beside the
 * JSON form with the full zod check it replaces; heap; and the time to match
 * one article, cold (the first time this process matches it) and warm (the
 * median of repeats), for articles in the corpus and articles not in it.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Annotator } from '../../lib/corpus/annotate';
import { presentNotes } from '../../lib/extension/present';
import { CorpusSchema, describeIssues, type Corpus } from '../../lib/corpus/schema';
import { pack, shapeOf, unpack } from '../../lib/corpus/packed';
import { summary, type Summary } from './stats';

/** Each query article is matched this many times after its first (cold) match; the median counts. */
const REPEATS = 9;

/** An article to match: its text, and whether the corpus holds it. */
export interface Query {
  name: string;
  text: string;
  inCorpus: boolean;
}

export interface Measured {
  articles: number;
  quotes: number;
  /** Bytes of the corpus as JSON and as the extension ships it (packed). */
  bytes: { json: number; packed: number };
  /** Milliseconds: the packed file (parse, unpack and its structural check), the index, and their sum. */
  load: { parse: number; unpack: number; index: number; total: number };
  /** Milliseconds the JSON form would take instead: parse and the full zod check. */
  jsonLoad: { parse: number; validate: number };
  /** MB of heap in use after the load (the corpus, its index, and the matching done since). */
  heap: number;
  /** Milliseconds to match one article: the first time (cold) and the median of repeats (warm), per group. */
  match: { inCorpus: { cold: Summary; warm: Summary }; notInCorpus: { cold: Summary; warm: Summary } };
  /** Warm matching plus presenting the notes as the page gets them, all queries. */
  withPresent: Summary;
  /** Matches found per query article, on average: more matches, more notes to present. */
  matchesPerArticle: number;
  /** For each query, the corpus quotes each page quote matched. */
  matches: { page: string; articleId: string; quote: string }[][];
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const timed = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const out = work();
  return [out, performance.now() - start];
};
const median = (xs: number[]) => summary(xs).median;

export function measure(corpusFile: string, queries: Query[]): Measured {
  const shape = shapeOf(CorpusSchema);
  let raw: string | null = readFileSync(corpusFile, 'utf8');
  // The JSON form with the full check, for comparison only.
  const [json, jsonParse] = timed(() => JSON.parse(raw!) as unknown);
  const [checked, validate] = timed(() => CorpusSchema.safeParse(json));
  if (!checked.success) throw new Error(`${corpusFile}: ${describeIssues(checked.error)}`);
  let packedText: string | null = JSON.stringify(pack(checked.data, shape));
  const bytes = { json: Buffer.byteLength(raw), packed: Buffer.byteLength(packedText) };
  raw = null;

  // The load as the background does it, from the packed text.
  const [parsed, parse] = timed(() => JSON.parse(packedText!) as unknown);
  packedText = null;
  const [corpus, unpacked] = timed(() => unpack(parsed, shape) as Corpus);
  const [annotator, index] = timed(() => new Annotator(corpus));
  const heap = heapMB();

  const matches: Measured['matches'] = [];
  const groups = { inCorpus: { cold: [] as number[], warm: [] as number[] }, notInCorpus: { cold: [], warm: [] } };
  const presented: number[] = [];
  for (const q of queries) {
    const group = q.inCorpus ? groups.inCorpus : groups.notInCorpus;
    const [notes, cold] = timed(() => annotator.annotate(q.text));
    group.cold.push(cold);
    matches.push(
      notes.remarks.flatMap((r) => r.matches.map((m) => ({ page: r.quote, articleId: m.articleId, quote: m.quote }))),
    );
    const times: number[] = [];
    const withPresent: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const [again, t] = timed(() => annotator.annotate(q.text));
      const [, p] = timed(() => presentNotes(again, q.text, annotator.corpus));
      times.push(t);
      withPresent.push(t + p);
    }
    group.warm.push(median(times));
    presented.push(median(withPresent));
  }
  const of = (g: { cold: number[]; warm: number[] }) => ({ cold: summary(g.cold), warm: summary(g.warm) });
  return {
    articles: corpus.articles.length,
    quotes: corpus.quotes.length,
    bytes,
    load: { parse, unpack: unpacked, index, total: parse + unpacked + index },
    jsonLoad: { parse: jsonParse, validate },
    heap,
    match: { inCorpus: of(groups.inCorpus), notInCorpus: of(groups.notInCorpus) },
    withPresent: summary(presented),
    matchesPerArticle: matches.reduce((sum, list) => sum + list.length, 0) / Math.max(1, matches.length),
    matches,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [corpusFile, queriesFile] = process.argv.slice(2);
  const queries = JSON.parse(readFileSync(queriesFile!, 'utf8')) as Query[];
  process.stdout.write(`${JSON.stringify(measure(corpusFile!, queries))}\n`);
}
