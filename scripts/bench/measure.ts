/**
 * One corpus measured as the background worker uses it, in a process of its
 * own so that memory figures are this corpus's alone:
 * `node --expose-gc --import tsx scripts/bench/measure.ts corpus.json queries.json`
 * prints one JSON object: load times, heap, per-article matching time (and
 * with the notes presented), and the matches found for each query article.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Annotator } from '../../lib/corpus/annotate';
import { presentNotes } from '../../lib/extension/present';
import { CorpusSchema, describeIssues } from '../../lib/corpus/schema';

/** Each query article is matched this many times; the median counts. */
const REPEATS = 15;

export interface Measured {
  articles: number;
  quotes: number;
  /** Milliseconds: JSON parse, schema check, index build, and their sum (a worker start). */
  load: { parse: number; validate: number; index: number; total: number };
  /** MB of heap in use after the load, and the part of it the corpus and index take. */
  heap: { total: number; corpus: number };
  /** Median milliseconds to match one article (annotate), per query, and their median. */
  perArticle: number[];
  medianPerArticle: number;
  /** The same with the notes presented as the page gets them (each match diffed word by word). */
  medianWithPresent: number;
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
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function measure(corpusFile: string, queries: string[]): Measured {
  const raw = readFileSync(corpusFile, 'utf8');
  const before = heapMB();
  const t0 = performance.now();
  const json: unknown = JSON.parse(raw);
  const t1 = performance.now();
  const parsed = CorpusSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${corpusFile}: ${describeIssues(parsed.error)}`);
  const t2 = performance.now();
  const annotator = new Annotator(parsed.data);
  const t3 = performance.now();

  const matches: Measured['matches'] = [];
  const withPresent: number[] = [];
  const perArticle = queries.map((text) => {
    const notes = annotator.annotate(text);
    presentNotes(notes, text, annotator.corpus);
    matches.push(
      notes.remarks.flatMap((r) => r.matches.map((m) => ({ page: r.quote, articleId: m.articleId, quote: m.quote }))),
    );
    const times: number[] = [];
    const presented: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      let start = performance.now();
      const again = annotator.annotate(text);
      times.push(performance.now() - start);
      start = performance.now();
      presentNotes(again, text, annotator.corpus);
      presented.push(times.at(-1)! + performance.now() - start);
    }
    withPresent.push(median(presented));
    return median(times);
  });
  const after = heapMB();
  return {
    articles: parsed.data.articles.length,
    quotes: parsed.data.quotes.length,
    load: { parse: t1 - t0, validate: t2 - t1, index: t3 - t2, total: t3 - t0 },
    heap: { total: after, corpus: after - before },
    perArticle,
    medianPerArticle: median(perArticle),
    medianWithPresent: median(withPresent),
    matchesPerArticle: matches.reduce((sum, list) => sum + list.length, 0) / Math.max(1, matches.length),
    matches,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [corpusFile, queriesFile] = process.argv.slice(2);
  const queries = JSON.parse(readFileSync(queriesFile!, 'utf8')) as string[];
  process.stdout.write(`${JSON.stringify(measure(corpusFile!, queries))}\n`);
}
