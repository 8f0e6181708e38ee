/**
 * Matching at scale: the background's index over the seed corpus and over
 * synthetic corpora of 1,000 to 100,000 articles, each measured in a fresh
 * process (see measure.ts) on the seed articles (in every corpus) and the
 * demo's retellings and unrelated article (in none), with the planted
 * variants scored for precision and recall. Built corpora are cached under
 * .bench/ and rebuilt when the code or the seeds change; the time a build
 * took is kept with it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildFromFolder, serialise } from '../../data/build';
import { writeSynthetic, type Planted } from './synthetic';
import type { Measured, Query } from './measure';
import { CorpusSchema, type Corpus, type Manifest } from '../../lib/corpus/schema';

export const BENCH_DIR = resolve('.bench');

export interface PlantedScore {
  /** Planted variants (same remark) the seed articles should find. */
  expected: number;
  found: number;
  recall: number;
  /** Matches into synthetic articles, and how many of them are right. */
  returned: number;
  correct: number;
  precision: number;
  /** Decoys (another speaker, a negation) that matched: each one a wrong note. */
  decoysMatched: number;
}

export interface ScaleRow extends Omit<Measured, 'matches'> {
  label: string;
  /** Seconds the builder took to build this corpus from its articles (kept with the cached corpus). */
  buildSeconds: number | null;
  planted: PlantedScore | null;
  /** Seed-to-seed matches found against the five seeds that this corpus still finds. */
  seedMatchesKept: { kept: number; of: number };
}

/** A digest of everything a built corpus depends on, so a stale cache is never measured. */
function inputsKey(extra: string): string {
  const hash = createHash('sha256').update(extra);
  const files = [
    ...['lib/text', 'lib/corpus', 'lib/node', 'seeds'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
        .sort(),
    ),
    'data/build.ts',
    'scripts/bench/synthetic.ts',
  ];
  for (const file of files) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

/** Build `folder`'s corpus unless the cached one was built from the same inputs. */
function ensureCorpus(folder: string, key: string): { file: string; buildSeconds: number | null } {
  const file = join(folder, 'corpus.json');
  const keyFile = join(folder, 'inputs.sha256');
  const secondsFile = join(folder, 'build-seconds.txt');
  if (existsSync(file) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key)
    return { file, buildSeconds: existsSync(secondsFile) ? Number(readFileSync(secondsFile, 'utf8')) : null };
  const start = performance.now();
  writeFileSync(file, serialise(buildFromFolder(folder, () => undefined)));
  const buildSeconds = (performance.now() - start) / 1000;
  writeFileSync(secondsFile, buildSeconds.toFixed(1));
  writeFileSync(keyFile, key);
  return { file, buildSeconds };
}

/** The synthetic folder of `articles` articles, generated unless current. */
export function syntheticCorpus(articles: number): { file: string; buildSeconds: number | null; planted: Planted[] } {
  const folder = join(BENCH_DIR, `synthetic-${articles}`);
  const key = inputsKey(`synthetic ${articles}`);
  const current =
    existsSync(join(folder, 'inputs.sha256')) && readFileSync(join(folder, 'inputs.sha256'), 'utf8') === key;
  if (!current) writeSynthetic(folder, articles);
  const built = ensureCorpus(folder, key);
  return { ...built, planted: JSON.parse(readFileSync(join(folder, 'planted.json'), 'utf8')) as Planted[] };
}

/**
 * The seeds plus only the planted articles of a synthetic folder: the
 * reference for "recall unchanged", the same variants without the thousands
 * of other articles competing for the index's attention.
 */
function plantedOnlyCorpus(
  articles: number,
  planted: Planted[],
): { file: string; buildSeconds: number | null; articles: number } {
  const source = join(BENCH_DIR, `synthetic-${articles}`);
  const folder = join(BENCH_DIR, `planted-${articles}`);
  mkdirSync(folder, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8')) as Manifest;
  const plantedFiles = new Set(planted.map((p) => `${p.articleId}.txt`));
  const kept = manifest.articles.filter((a) => !a.file.startsWith('syn_') || plantedFiles.has(a.file));
  for (const a of kept) copyFileSync(join(source, a.file), join(folder, a.file));
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ articles: kept }));
  return { ...ensureCorpus(folder, inputsKey(`planted ${articles}`)), articles: kept.length };
}

function measureIn(corpusFile: string, queriesFile: string): Measured {
  const run = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      resolve('scripts/bench/measure.ts'),
      corpusFile,
      queriesFile,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  if (run.status !== 0) throw new Error(`measuring ${corpusFile} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Measured;
}

type Match = Measured['matches'][number][number];
const key = (seed: number, m: Match) => `${seed}\u0000${m.page}\u0000${m.articleId}\u0000${m.quote}`;

/**
 * Precision and recall on the planted articles. A planted variant of seed
 * quote Q (in seed A) is expected when A is matched; a match into a planted
 * variant is right when the page quote and Q are wordings of one remark in
 * the seed corpus (the same quote, or quotes its builder grouped).
 */
export function scorePlanted(
  seedIds: string[],
  matches: Measured['matches'],
  planted: Planted[],
  seeds: Corpus,
): PlantedScore {
  const byArticle = new Map(planted.map((p) => [p.articleId, p]));
  const remarksOf = new Map<string, Set<number>>();
  for (const q of seeds.quotes) {
    const key = `${q.articleId}\u0000${q.quote}`;
    remarksOf.set(key, new Set([...(remarksOf.get(key) ?? []), ...q.remarks]));
  }
  const isSame = (seed: string, page: string, source: Planted['source']) => {
    const mine = remarksOf.get(`${seed}\u0000${page}`);
    const theirs = remarksOf.get(`${source.articleId}\u0000${source.quote}`);
    return !!mine && !!theirs && [...mine].some((r) => theirs.has(r));
  };

  const variants = planted.filter((p) => p.same);
  const found = variants.filter((p) => {
    const s = seedIds.indexOf(p.source.articleId);
    return matches[s]!.some((m) => m.articleId === p.articleId && m.page === p.source.quote);
  }).length;
  let returned = 0;
  let correct = 0;
  let decoysMatched = 0;
  matches.forEach((list, s) => {
    for (const m of new Map(list.map((m) => [key(s, m), m])).values()) {
      if (seedIds.includes(m.articleId)) continue;
      returned++;
      const p = byArticle.get(m.articleId);
      if (p && !p.same) decoysMatched++;
      if (p?.same && isSame(seedIds[s]!, m.page, p.source)) correct++;
    }
  });
  return {
    expected: variants.length,
    found,
    recall: variants.length ? found / variants.length : 1,
    returned,
    correct,
    precision: returned ? correct / returned : 1,
    decoysMatched,
  };
}

/** Articles the demo has that no corpus holds: retellings of the seed remarks, and an unrelated one. */
const OTHER_ARTICLES = 'scripts/demo/articles';

/** Measure the seed corpus and the synthetic corpora of `sizes` articles. */
export function runScale(sizes: number[], log: (line: string) => void = () => {}): ScaleRow[] {
  mkdirSync(BENCH_DIR, { recursive: true });
  const manifest = JSON.parse(readFileSync('seeds/manifest.json', 'utf8')) as Manifest;
  const seedIds = manifest.articles.map((a) => a.file.replace(/\.[^.]+$/, ''));
  const queriesFile = join(BENCH_DIR, 'queries.json');
  const queries: Query[] = [
    ...manifest.articles.map((a) => ({
      name: a.file,
      text: readFileSync(join('seeds', a.file), 'utf8'),
      inCorpus: true,
    })),
    ...readdirSync(OTHER_ARTICLES)
      .sort()
      .map((f) => ({ name: f, text: readFileSync(join(OTHER_ARTICLES, f), 'utf8'), inCorpus: false })),
  ];
  writeFileSync(queriesFile, JSON.stringify(queries));
  // The seeds come first: scoring reads their matches by seed.
  const seedsOnly = (matches: Measured['matches']) => matches.slice(0, seedIds.length);

  const seeds = measureIn(resolve('data/corpus.json'), queriesFile);
  const keys = (matches: Measured['matches']) =>
    new Set(seedsOnly(matches).flatMap((list, s) => list.map((m) => key(s, m))));
  const seedCorpus = CorpusSchema.parse(JSON.parse(readFileSync('data/corpus.json', 'utf8')));
  const seedKeys = keys(seeds.matches);
  const row = (label: string, file: string, buildSeconds: number | null, planted: Planted[] | null): ScaleRow => {
    log(`measuring ${label}`);
    const { matches, ...measured } = label === SEEDS ? seeds : measureIn(file, queriesFile);
    return {
      label,
      ...measured,
      buildSeconds,
      planted: planted ? scorePlanted(seedIds, seedsOnly(matches), planted, seedCorpus) : null,
      seedMatchesKept: { kept: [...keys(matches)].filter((k) => seedKeys.has(k)).length, of: seedKeys.size },
    };
  };
  const rows = [row(SEEDS, resolve('data/corpus.json'), null, null)];
  for (const n of sizes) {
    log(`building the ${n}-article corpus (cached after the first run)`);
    const synthetic = syntheticCorpus(n);
    if (n === 10000) {
      const reference = plantedOnlyCorpus(n, synthetic.planted);
      rows.push(
        row(`${reference.articles} (seeds + planted)`, reference.file, reference.buildSeconds, synthetic.planted),
      );
    }
    rows.push(row(String(n), synthetic.file, synthetic.buildSeconds, synthetic.planted));
  }
  return rows;
}

const SEEDS = '5 (seeds)';
