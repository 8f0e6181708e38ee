/**
 * `npm run eval`: how well Retold decides "same remark" on the labelled pairs
 * (tests/eval/remark-pairs.json, and the older tests/fixtures/remark-pairs.json,
 * counted as dev). Each pair goes through the whole decision the product
 * makes (lib/corpus/decisions: speakers, dates, similarity), side a as the
 * page and side b as a corpus article. For each split: precision and recall
 * at each named threshold, and the AUC of the decision's score.
 * `--verbose` lists every pair; `--dev` leaves the test part out (tune on dev,
 * read the test part once). Then the paraphrase pairs
 * (tests/eval/paraphrase-pairs.json): a page's unquoted paraphrase against a
 * corpus quote, through the paraphrase decision at PARAPHRASE_THRESHOLD.
 *
 * `npm run eval -- --figures [--verbose]`: figure linking instead, on the
 * labelled figure set (see scripts/eval-figures.ts): the test part, then the
 * development part it was tuned on.
 */
import { readFileSync } from 'node:fs';
import { printFigureEval } from './eval-figures';
import {
  paraphraseSimilarity,
  prepare,
  remarkSimilarity,
  REMARK_THRESHOLDS,
  SAME_REMARK_THRESHOLD,
} from '../lib/text/similarity';
import { PARAPHRASE_THRESHOLD } from '../lib/text/thresholds';
import { antonymTable, synonymTable } from '../lib/text/wordnet';
import { rarityTable } from '../lib/text/rarity';
import { loadWordFrequencies, loadWordNet } from '../lib/node/io';
import { words } from '../lib/text/words';
import {
  isSameRemark,
  quotableOn,
  remarkThreshold,
  speakersCompatible,
  type WordTables,
} from '../lib/corpus/decisions';

export interface RemarkPair {
  id?: string;
  split: 'dev' | 'test';
  same: boolean;
  kind?: string;
  a: string;
  b: string;
  aSpeaker?: string | null;
  bSpeaker?: string | null;
  aDate?: string | null;
  bDate?: string | null;
}

/** The labelled pairs: the 272 of tests/eval and the 44 older ones (used for tuning before, so dev). */
export function loadRemarkPairs(): RemarkPair[] {
  const read = (path: string) =>
    (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { pairs: RemarkPair[] }).pairs;
  return [
    ...read('../tests/eval/remark-pairs.json'),
    ...read('../tests/fixtures/remark-pairs.json').map((p, i) => ({
      ...p,
      id: `older-${i + 1}`,
      split: 'dev' as const,
    })),
  ];
}

/** The labelled paraphrase pairs: side a is a page's reported clause, side b a corpus quote. */
export function loadParaphrasePairs(): RemarkPair[] {
  return (
    JSON.parse(readFileSync(new URL('../tests/eval/paraphrase-pairs.json', import.meta.url), 'utf8')) as {
      pairs: RemarkPair[];
    }
  ).pairs;
}

/**
 * The word tables a corpus of the pairs' b sides would carry: only one
 * side's words are in a real corpus.
 */
export function tablesFor(pairs: readonly RemarkPair[]): WordTables {
  const { wordnet } = loadWordNet();
  const vocabulary = pairs.flatMap((p) => words(p.b).map((w) => w.word));
  return {
    synonyms: synonymTable(wordnet, vocabulary),
    antonyms: antonymTable(wordnet, vocabulary),
    rarity: rarityTable(
      loadWordFrequencies(),
      pairs.map((p) => p.b),
    ),
  };
}

/**
 * The decision's score for a pair at `threshold`: its similarity less the
 * margin the dates ask for, or 0 when speakers or dates rule it out; it
 * passes `threshold` exactly when the decision says "same remark".
 */
export function decisionScore(pair: RemarkPair, tables: WordTables, threshold: number): number {
  const page = { speaker: pair.aSpeaker ?? null, date: pair.aDate ?? null };
  const dates = [pair.bDate ?? null];
  if (!speakersCompatible(page.speaker, pair.bSpeaker ?? null) || !quotableOn(page.date, dates)) return 0;
  const score = remarkSimilarity(prepare(pair.a), prepare(pair.b), tables.synonyms, tables);
  return score - (remarkThreshold(threshold, page.date, dates) - threshold);
}

export function auc(scored: readonly { same: boolean; score: number }[]): number {
  const pos = scored.filter((s) => s.same);
  const neg = scored.filter((s) => !s.same);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
  return wins / (pos.length * neg.length || 1);
}

/**
 * The paraphrase decision's score for a pair (see paraphrasesRemark): 0 when
 * no speaker is named, speakers differ or dates rule it out; it passes
 * PARAPHRASE_THRESHOLD exactly when the decision says "reports that quote".
 */
export function paraphraseScore(pair: RemarkPair, tables: WordTables): number {
  const page = { speaker: pair.aSpeaker ?? null, date: pair.aDate ?? null };
  const dates = [pair.bDate ?? null];
  if (!page.speaker || !speakersCompatible(page.speaker, pair.bSpeaker ?? null) || !quotableOn(page.date, dates))
    return 0;
  const score = paraphraseSimilarity(prepare(pair.a), prepare(pair.b), tables.synonyms, tables);
  return score - (remarkThreshold(PARAPHRASE_THRESHOLD, page.date, dates) - PARAPHRASE_THRESHOLD);
}

/** Precision and recall of the decision at `threshold`. */
function rates(pairs: readonly RemarkPair[], tables: WordTables, threshold: number) {
  const said = pairs.map((p) => ({ p, yes: isSameRemark(decisionScore(p, tables, threshold), threshold) }));
  const tp = said.filter((s) => s.p.same && s.yes).length;
  const fp = said.filter((s) => !s.p.same && s.yes).length;
  const fn = said.filter((s) => s.p.same && !s.yes).length;
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), wrong: said.filter((s) => s.yes !== s.p.same) };
}

/** The remark evaluation, as lines to print. */
export function evaluateRemarks(options: { verbose?: boolean; devOnly?: boolean } = {}): string[] {
  const pairs = loadRemarkPairs();
  const paraphrases = loadParaphrasePairs();
  const tables = tablesFor([...pairs, ...paraphrases]);
  const out: string[] = [];
  const splits = options.devOnly ? (['dev'] as const) : (['dev', 'test'] as const);
  for (const split of splits) {
    const part = pairs.filter((p) => p.split === split);
    const scored = part.map((p) => ({ ...p, score: decisionScore(p, tables, SAME_REMARK_THRESHOLD) }));
    const same = part.filter((p) => p.same).length;
    out.push(
      `${split}: ${part.length} pairs (${same} same, ${part.length - same} different), AUC ${auc(scored).toFixed(3)}`,
    );
    for (const [name, t] of Object.entries(REMARK_THRESHOLDS)) {
      const r = rates(part, tables, t);
      out.push(`  ${name.padEnd(8)} (${t}): precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`);
    }
    if (options.verbose)
      for (const s of [...scored].sort((x, y) => y.score - x.score)) {
        const right = isSameRemark(s.score) === s.same;
        out.push(
          `    ${s.score.toFixed(3)} ${s.same ? 'same' : 'diff'} ${right ? ' ' : '✗'} ${(s.id ?? '').padEnd(10)} ${(s.kind ?? '').padEnd(18)} ${s.a.slice(0, 50)} | ${s.b.slice(0, 50)}`,
        );
      }
  }
  for (const split of splits) {
    const part = paraphrases.filter((p) => p.split === split);
    const said = part.map((p) => ({ p, score: paraphraseScore(p, tables) }));
    const yes = (s: { score: number }) => isSameRemark(s.score, PARAPHRASE_THRESHOLD);
    const tp = said.filter((s) => s.p.same && yes(s)).length;
    const fp = said.filter((s) => !s.p.same && yes(s)).length;
    const fn = said.filter((s) => s.p.same && !yes(s)).length;
    out.push(
      `paraphrases ${split}: ${part.length} pairs (${part.filter((p) => p.same).length} same), at ${PARAPHRASE_THRESHOLD}: ` +
        `precision ${(tp / (tp + fp || 1)).toFixed(3)}, recall ${(tp / (tp + fn || 1)).toFixed(3)}`,
    );
    if (options.verbose)
      for (const s of [...said].sort((x, y) => y.score - x.score))
        out.push(
          `    ${s.score.toFixed(3)} ${s.p.same ? 'same' : 'diff'} ${yes(s) === s.p.same ? ' ' : '✗'} ${(s.p.id ?? '').padEnd(10)} ${(s.p.kind ?? '').padEnd(18)} ${s.p.a.slice(0, 50)} | ${s.p.b.slice(0, 50)}`,
        );
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const verbose = process.argv.includes('--verbose');
  if (process.argv.includes('--figures')) {
    printFigureEval('test', verbose);
    printFigureEval('dev', verbose);
  } else for (const line of evaluateRemarks({ verbose, devOnly: process.argv.includes('--dev') })) console.log(line);
}
