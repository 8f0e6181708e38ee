/**
 * Word-level difference between two wordings of one remark, as the note card
 * shows it: words both outlets use, words only this page uses, words only the
 * other outlet uses. The diff itself is jsdiff's; this module only folds
 * typography that is not wording (curly vs straight quotes, dashes, case), so
 * a reader is shown only differences of words.
 */
import { diffWords } from 'diff';
import { countWords, foldTypography as fold, sentences } from './analysis';

/**
 * `context` is the rest of a long quote around the sentences that give the
 * remark: shown, but not compared.
 */
export type DiffPart = { kind: 'same' | 'removed' | 'added' | 'context'; text: string };

/**
 * From `here` (this page's wording) to `there` (another outlet's): `removed`
 * parts are words only this page has, `added` parts words only the other
 * outlet has. Concatenating `same` and `added` parts gives `there`, with
 * typography folded.
 */
export function wordDiff(here: string, there: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffWords(fold(here), fold(there), { ignoreCase: true })) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}

const wordsIn = (parts: readonly DiffPart[], kind: DiffPart['kind']) =>
  parts.filter((p) => p.kind === kind).reduce((n, p) => n + countWords(p.text), 0);

/** How well a diff's two sides fit: shared words count for it, words only one side has count against it. */
const fit = (parts: readonly DiffPart[]) =>
  wordsIn(parts, 'same') - 0.5 * (wordsIn(parts, 'added') + wordsIn(parts, 'removed'));

/**
 * Like `wordDiff`, but when the other outlet quotes more than this page (a
 * long quote of which this page gives one sentence), only the run of its
 * sentences that shares the most words with this page is compared; the rest
 * is returned as `context`. Otherwise a reader would see a sentence of
 * "differences" that are only the other outlet quoting at greater length.
 */
export function focusedDiff(here: string, there: string): DiffPart[] {
  const whole = wordDiff(here, there);
  const runs = sentences(fold(there), { clauses: true });
  if (runs.length < 2) return whole;
  // A run's closing full stop is not a difference when this page's wording stops mid-sentence.
  const midSentence = /[\p{L}\p{N}]$/u.test(fold(here));
  let best: { from: number; to: number; parts: DiffPart[]; score: number } | null = null;
  for (let from = 0; from < runs.length; from++)
    for (let to = from + 1; to <= runs.length; to++) {
      if (from === 0 && to === runs.length) continue;
      const run = runs.slice(from, to).join(' ');
      const stop = midSentence ? (run.match(/[.!?;]+$/)?.[0] ?? '') : '';
      const parts = wordDiff(here, run.slice(0, run.length - stop.length));
      if (stop) parts.push({ kind: 'context', text: stop });
      const score = fit(parts);
      if (!best || score > best.score) best = { from, to, parts, score };
    }
  if (!best || best.score <= fit(whole)) return whole;
  const before = runs.slice(0, best.from).join(' ');
  const after = runs.slice(best.to).join(' ');
  return [
    ...(before ? [{ kind: 'context' as const, text: `${before} ` }] : []),
    ...best.parts,
    ...(after ? [{ kind: 'context' as const, text: ` ${after}` }] : []),
  ];
}
