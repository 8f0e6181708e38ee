/**
 * `npm run eval -- --figures [--split dev|test] [--verbose]`: how well figure
 * notes link the figures of one outlet to the same quantity in others, and
 * whether their verdicts are right, on the labelled figure set
 * (`tests/eval/figures/`: articles about invented events, every number-bearing
 * phrase labelled by hand, every pair of mentions labelled same or different
 * quantity, and agree / differ / over-time).
 *
 * Each article of a split is read as a page against a corpus built, by the
 * corpus builder, from all the split's articles (every event mixed, so a
 * flood's toll may not link to an earthquake's); the page's own article is
 * left out of its notes as the extension leaves it out. A link is a page
 * figure and another article's figure in one note. Precision counts links
 * between two mentions labelled the same quantity; recall, the labelled
 * same-quantity pairs linked from either side; verdict accuracy, the linked
 * same-quantity pairs whose verdict matches the label.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus, quoteVocabulary, type SourceArticle } from '../lib/corpus/corpus';
import { Annotator } from '../lib/corpus/annotate';
import { parseManifest } from '../lib/corpus/corpus';
import { synonymTable } from '../lib/text/wordnet';
import { loadWordNet } from '../lib/node/io';
import type { Verdict } from '../lib/corpus/decisions';
import { describeQuantity } from '../lib/text/figures';

const DIR = new URL('../tests/eval/figures/', import.meta.url).pathname;

interface Mention {
  id: string;
  file: string;
  exact: string;
  figure: boolean;
  quantity?: string;
  asOf?: string | null;
}
interface Pair {
  a: string;
  b: string;
  same: boolean;
  verdict?: Verdict;
}
interface Labels {
  mentions: Mention[];
  pairs: Pair[];
}

export interface FigureEval {
  split: string;
  articles: number;
  links: number;
  truePositives: number;
  labelledPairs: number;
  found: number;
  precision: number;
  recall: number;
  verdicts: number;
  verdictsRight: number;
  verdictAccuracy: number;
  mistakes: string[];
}

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function evaluateFigures(split: 'dev' | 'test'): FigureEval {
  const manifestRaw = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
    articles: ({ split: string; file: string } & Record<string, unknown>)[];
  };
  const entries = manifestRaw.articles
    .filter((a) => a.split === split)
    .map(({ split: _s, ...rest }) => ({ ...rest, file: rest.file.replace(/^articles\//, '') }));
  const manifest = parseManifest(JSON.stringify({ articles: entries }));
  const labels = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')) as Labels;
  const files = new Set(manifest.articles.map((a) => a.file));
  const articles: SourceArticle[] = manifest.articles.map((a) => ({
    file: a.file,
    text: readFileSync(join(DIR, 'articles', a.file), 'utf8').replace(/\r\n?/g, '\n'),
  }));
  const textOf = new Map(articles.map((a) => [a.file, a.text]));

  // Where each labelled mention sits in its article.
  const mentions = labels.mentions
    .map((m) => ({ ...m, file: m.file.replace(/^articles\//, '') }))
    .filter((m) => files.has(m.file));
  const spans = new Map<string, { m: Mention; start: number; end: number }[]>();
  for (const m of mentions) {
    const start = textOf.get(m.file)!.indexOf(m.exact);
    if (start < 0) throw new Error(`labels.json: ${m.id}: "${m.exact}" is not in ${m.file}`);
    spans.set(m.file, [...(spans.get(m.file) ?? []), { m, start, end: start + m.exact.length }]);
  }
  const mentionAt = (file: string, start: number, end: number): Mention | null =>
    spans.get(file)?.find((s) => start < s.end && s.start < end)?.m ?? null;

  const { wordnet } = loadWordNet();
  const corpus = buildCorpus(manifest, articles, synonymTable(wordnet, quoteVocabulary(articles)), []);
  const annotator = new Annotator(corpus);
  const fileOf = new Map(
    corpus.articles.map((a, i) => [a.id, manifest.articles.find((e) => e.file.startsWith(a.id))?.file ?? String(i)]),
  );

  const labelled = new Map(labels.pairs.filter((p) => p.same).map((p) => [key(p.a, p.b), p]));
  const linked = new Map<string, { verdict: Verdict; what: string }>();
  const mistakes: string[] = [];
  for (const page of articles) {
    const date = manifest.articles.find((a) => a.file === page.file)?.date ?? null;
    const notes = annotator.annotate(page.text, { date });
    for (const note of notes.figures) {
      const mine = mentionAt(page.file, note.start, note.end);
      const taken = new Set<object>();
      for (const other of note.others) {
        const otherFile = fileOf.get(other.articleId)!;
        // The same words may stand twice in an article ("24 dead" in the headline, "rose to 24" below):
        // the linked one is the one that counts what the note counts.
        const candidates = corpus.figures.filter((f) => f.articleId === other.articleId && f.text === other.text);
        // A note that links both takes them in turn.
        const theirs =
          candidates.find(
            (f) => describeQuantity(f.quantity) === note.quantity && f.day === other.day && !taken.has(f),
          ) ?? candidates[0];
        if (theirs) taken.add(theirs);
        const them = theirs ? mentionAt(otherFile, theirs.start, theirs.end) : null;
        const what = `${page.file}: "${note.text}" ↔ ${otherFile}: "${other.text}"`;
        if (!mine || !them || !mine.figure || !them.figure) {
          mistakes.push(`wrong link (not a labelled figure): ${what}`);
          linked.set(`?${linked.size}`, { verdict: other.verdict, what });
          continue;
        }
        linked.set(key(mine.id, them.id), { verdict: other.verdict, what });
      }
    }
  }
  let truePositives = 0;
  let verdicts = 0;
  let verdictsRight = 0;
  for (const [k, link] of linked) {
    const label = labelled.get(k);
    if (!label) {
      if (!k.startsWith('?')) mistakes.push(`wrong link (different quantities): ${link.what}`);
      continue;
    }
    truePositives++;
    verdicts++;
    if (label.verdict === link.verdict) verdictsRight++;
    else mistakes.push(`wrong verdict (${link.verdict}, labelled ${label.verdict}): ${link.what}`);
  }
  const labelledPairs = [...labelled.keys()].filter((k) => {
    const [a, b] = k.split('|');
    return mentions.some((m) => m.id === a) && mentions.some((m) => m.id === b);
  });
  const found = labelledPairs.filter((k) => linked.has(k)).length;
  for (const k of labelledPairs) if (!linked.has(k)) mistakes.push(`missed: ${k.replace('|', ' ↔ ')}`);
  return {
    split,
    articles: articles.length,
    links: linked.size,
    truePositives,
    labelledPairs: labelledPairs.length,
    found,
    precision: linked.size ? truePositives / linked.size : 1,
    recall: labelledPairs.length ? found / labelledPairs.length : 1,
    verdicts,
    verdictsRight,
    verdictAccuracy: verdicts ? verdictsRight / verdicts : 1,
    mistakes,
  };
}

/** Print the figure evaluation of `split` (and every mistake with `verbose`). */
export function printFigureEval(split: 'dev' | 'test', verbose: boolean): FigureEval {
  const r = evaluateFigures(split);
  const pct = (x: number) => x.toFixed(3);
  console.log(
    `figures, ${split} part (${r.articles} articles): linking precision ${pct(r.precision)} (${r.truePositives}/${r.links}), ` +
      `recall ${pct(r.recall)} (${r.found}/${r.labelledPairs}), verdict accuracy ${pct(r.verdictAccuracy)} (${r.verdictsRight}/${r.verdicts})`,
  );
  if (verbose) for (const m of r.mistakes) console.log(`  ${m}`);
  return r;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const split = (argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : 'dev') as 'dev' | 'test';
  printFigureEval(split, argv.includes('--verbose'));
}
