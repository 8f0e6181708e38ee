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

/**
 * The notes of a case as a reader sees them, which the golden file holds:
 * each remark with the wordings it links to; each figure with what it counts,
 * who claims it and, for each other outlet's figure, whether they agree,
 * differ or report another day. Scores and offsets are left out: they change
 * with every tuning, and a reader sees none of them.
 */
export function annotateCase(annotator: Annotator, dir: string): unknown {
  const article = readArticleFile(caseArticle(dir));
  const notes = annotator.annotate(article.text, { date: article.date });
  return {
    remarks: notes.remarks.map((r) => ({
      quote: r.quote,
      speaker: r.speaker,
      ...(r.paraphrased ? { paraphrased: true } : {}),
      matches: r.matches.map((m) => ({ articleId: m.articleId, quote: m.quote, speaker: m.speaker })),
    })),
    figures: notes.figures.map((f) => ({
      text: f.text,
      quantity: f.quantity,
      claimant: f.claimant,
      differs: f.differs,
      others: f.others.map((o) => ({ articleId: o.articleId, text: o.text, verdict: o.verdict })),
    })),
  };
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
