/**
 * `npm run eval`: how well the similarity measure separates same-remark from
 * different-remark pairs (tests/fixtures/remark-pairs.json): AUC, and
 * precision and recall at the threshold in use. `--verbose` lists every pair.
 *
 * `npm run eval -- --figures [--verbose]`: figure linking instead, on the
 * labelled figure set (see scripts/eval-figures.ts): the test part, then the
 * development part it was tuned on.
 */
import { readFileSync } from 'node:fs';
import { printFigureEval } from './eval-figures';
import { prepare, similarity, SAME_REMARK_THRESHOLD, REMARK_THRESHOLDS } from '../lib/text/similarity';
import { synonymTable } from '../lib/text/wordnet';
import { loadWordNet } from '../lib/node/io';
import { words } from '../lib/text/words';
import { isSameRemark } from '../lib/corpus/decisions';

interface Pair {
  a: string;
  b: string;
  same: boolean;
  source: string;
}

export function scorePairs(pairs: Pair[]) {
  const { wordnet } = loadWordNet();
  const vocab = pairs.flatMap((p) => [...words(p.a), ...words(p.b)].map((w) => w.word));
  // Only one side's vocabulary is in a real corpus: give the table the "b" side only.
  const corpusVocab = pairs.flatMap((p) => words(p.b).map((w) => w.word));
  void vocab;
  const synonyms = synonymTable(wordnet, corpusVocab);
  return pairs.map((p) => ({ ...p, score: similarity(prepare(p.a), prepare(p.b), synonyms) }));
}

export function auc(scored: { same: boolean; score: number }[]): number {
  const pos = scored.filter((s) => s.same);
  const neg = scored.filter((s) => !s.same);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

if (process.argv.includes('--figures')) {
  const verbose = process.argv.includes('--verbose');
  printFigureEval('test', verbose);
  printFigureEval('dev', verbose);
  process.exit(0);
}

const pairs = (
  JSON.parse(readFileSync(new URL('../tests/fixtures/remark-pairs.json', import.meta.url), 'utf8')) as { pairs: Pair[] }
).pairs;
const scored = scorePairs(pairs);
const tp = scored.filter((s) => s.same && isSameRemark(s.score)).length;
const fp = scored.filter((s) => !s.same && isSameRemark(s.score)).length;
const fn = scored.filter((s) => s.same && !isSameRemark(s.score)).length;
if (process.argv.includes('--verbose'))
  for (const s of [...scored].sort((x, y) => y.score - x.score))
    console.log(
      `${s.score.toFixed(3)} ${s.same ? 'same' : 'diff'} ${isSameRemark(s.score) === s.same ? '  ' : '✗ '}${s.a.slice(0, 50)} | ${s.b.slice(0, 50)}`,
    );
console.log(
  `pairs: ${scored.length} (${scored.filter((s) => s.same).length} same, ${scored.filter((s) => !s.same).length} different)`,
);
console.log(`AUC: ${auc(scored).toFixed(3)}`);
console.log(
  `at threshold ${SAME_REMARK_THRESHOLD}: precision ${(tp / (tp + fp || 1)).toFixed(3)}, recall ${(tp / (tp + fn || 1)).toFixed(3)}`,
);
for (const [name, t] of Object.entries(REMARK_THRESHOLDS)) {
  const hit = (s: { score: number }) => isSameRemark(s.score, t);
  const tpT = scored.filter((s) => s.same && hit(s)).length;
  const fpT = scored.filter((s) => !s.same && hit(s)).length;
  const fnT = scored.filter((s) => s.same && !hit(s)).length;
  console.log(
    `sensitivity ${name} (${t}): precision ${(tpT / (tpT + fpT || 1)).toFixed(3)}, recall ${(tpT / (tpT + fnT || 1)).toFixed(3)}`,
  );
}
