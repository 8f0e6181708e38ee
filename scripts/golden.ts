/**
 * `npm run golden`: regenerate the expected notes of every golden case, so
 * the diff can be reviewed (never accepted blindly) with `git diff tests/golden`.
 *
 * A case is a folder in tests/golden/: either `source` naming a seed file
 * (the seed is annotated against the rest of the corpus) or `article.txt` /
 * `article.html`. To add a case: make a folder with the article, run this
 * script, read `expected.json` against the article, and commit both.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotator } from '../lib/corpus/annotate';
import { CorpusSchema } from '../lib/corpus/schema';
import { readArticleFile } from '../lib/node/io';

export const GOLDEN_DIR = join(import.meta.dirname, '../tests/golden/');
const SEEDS_DIR = join(import.meta.dirname, '../seeds/');

/** The article file of a golden case. */
export function caseArticle(dir: string): string {
  const source = join(dir, 'source');
  if (existsSync(source)) return join(SEEDS_DIR, readFileSync(source, 'utf8').trim());
  const file = ['article.txt', 'article.html'].map((f) => join(dir, f)).find(existsSync);
  if (!file) throw new Error(`${dir}: no article.txt, article.html or source`);
  return file;
}

/** What `annotate --json` prints for a case, as the golden file holds it. */
export function annotateCase(annotator: Annotator, dir: string): unknown {
  const article = readArticleFile(caseArticle(dir));
  const { excluded: _excluded, ...notes } = annotator.annotate(article.text, { date: article.date });
  return notes;
}

export function loadAnnotator(): Annotator {
  const corpus = CorpusSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../data/corpus.json'), 'utf8')));
  return new Annotator(corpus);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const annotator = loadAnnotator();
  for (const name of readdirSync(GOLDEN_DIR).sort()) {
    const dir = join(GOLDEN_DIR, name);
    writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(annotateCase(annotator, dir), null, 2)}\n`);
    console.log(`wrote ${name}/expected.json`);
  }
}
