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
 * `context` is the other outlet's words beyond this page's quote (the rest of
 * a longer quote, or words it quotes before or after the same remark): shown,
 * greyed, never compared. `omitted` is the same at this page's end: words
 * this page quotes that the other outlet's shorter excerpt leaves out. It is
 * not a difference of wording, so never struck through.
 *
 * Reading the parts of one kind in order gives back both wordings (typography
 * and case folded): `same`, `removed` and `omitted` give this page's,
 * `same`, `added` and `context` the other outlet's.
 */
export type DiffPart = { kind: 'same' | 'removed' | 'added' | 'context' | 'omitted'; text: string };

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

/**
 * How well a diff's two sides fit: shared words count for it, words only one
 * side has count against it (read after `quoteEnds`, so a side quoting more
 * at an end costs nothing).
 */
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
  return quoteEnds(focusedRun(here, there));
}

const hasWord = (p: DiffPart) => /[\p{L}\p{N}]/u.test(p.text);

/**
 * Words only one side has at an end of the comparison are one outlet quoting
 * more of the remark than the other, not a different wording: the other
 * outlet's become `context`, this page's `omitted`. Where both sides have
 * words of their own at one end, the ends differ in wording and stay marked.
 */
export function quoteEnds(parts: DiffPart[]): DiffPart[] {
  const first = parts.findIndex((p) => p.kind === 'same' && hasWord(p));
  if (first < 0) return parts;
  let last = parts.length - 1;
  while (!(parts[last]!.kind === 'same' && hasWord(parts[last]!))) last--;
  const out = parts.map((p) => ({ ...p }));
  const relabel = (from: number, to: number) => {
    const end = out.slice(from, to).filter((p) => p.kind !== 'context' && p.kind !== 'same');
    const kinds = new Set(end.map((p) => p.kind));
    if (kinds.size !== 1) return;
    for (const p of end) p.kind = p.kind === 'added' ? 'context' : p.kind === 'removed' ? 'omitted' : p.kind;
  };
  relabel(0, first);
  relabel(last + 1, out.length);
  const merged: DiffPart[] = [];
  for (const p of out) {
    const prev = merged[merged.length - 1];
    if (prev && prev.kind === p.kind) prev.text += p.text;
    else merged.push(p);
  }
  return merged;
}

function focusedRun(here: string, there: string): DiffPart[] {
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
      const score = fit(quoteEnds(parts));
      if (!best || score > best.score) best = { from, to, parts, score };
    }
  if (!best || best.score <= fit(quoteEnds(whole))) return whole;
  const before = runs.slice(0, best.from).join(' ');
  const after = runs.slice(best.to).join(' ');
  return [
    ...(before ? [{ kind: 'context' as const, text: `${before} ` }] : []),
    ...best.parts,
    ...(after ? [{ kind: 'context' as const, text: ` ${after}` }] : []),
  ];
}
