import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { focusedDiff, wordDiff, type DiffPart } from '../lib/text/diff';

const of = (parts: DiffPart[], kind: DiffPart['kind']) =>
  parts
    .filter((p) => p.kind === kind)
    .map((p) => p.text.trim())
    .filter(Boolean);

describe('word-level differences between two wordings', () => {
  it('marks the words each side alone has', () => {
    const parts = wordDiff(
      'It is a kind of total destruction of the civilian population',
      'It is some kind of total destruction of the civilian population',
    );
    expect(of(parts, 'removed')).toEqual(['a']);
    expect(of(parts, 'added')).toEqual(['some']);
    expect(of(parts, 'same')).toEqual(['It is', 'kind of total destruction of the civilian population']);
  });

  it('does not count typography or case as a difference', () => {
    const parts = wordDiff('“Putin’s war — now”', '"putin\'s War - now"');
    expect(of(parts, 'added')).toEqual([]);
    expect(of(parts, 'removed')).toEqual([]);
  });

  it('compares only the sentence that gives the remark when the other outlet quotes more', () => {
    const parts = focusedDiff(
      'Now the main thing is to stop the bloodshed',
      'And most importantly, the civilian casualties will be absolutely unacceptable. Now the main thing is to stop the bloodshed',
    );
    expect(of(parts, 'context')).toEqual([
      'And most importantly, the civilian casualties will be absolutely unacceptable.',
    ]);
    expect(of(parts, 'added')).toEqual([]);
    expect(of(parts, 'same')).toEqual(['Now the main thing is to stop the bloodshed']);
  });

  it('shows the other outlet’s extra words at either end as context, never as added', () => {
    const parts = focusedDiff('does not resemble a war', 'It does not resemble a war at all');
    expect(of(parts, 'context')).toEqual(['It', 'at all']);
    expect(of(parts, 'added')).toEqual([]);
    expect(of(parts, 'same')).toEqual(['does not resemble a war']);
  });

  it('never strikes through this page’s quote where the other outlet quotes a shorter excerpt', () => {
    const parts = focusedDiff(
      'the civilian casualties will be absolutely unacceptable for everyone',
      'absolutely unacceptable',
    );
    expect(of(parts, 'removed')).toEqual([]);
    expect(of(parts, 'omitted')).toEqual(['the civilian casualties will be', 'for everyone']);
    expect(of(parts, 'same')).toEqual(['absolutely unacceptable']);
  });

  it('keeps a different word at an end marked as a difference', () => {
    const parts = focusedDiff('A kind of total destruction', 'Some kind of total destruction');
    expect(of(parts, 'removed')).toEqual(['A']);
    expect(of(parts, 'added')).toEqual(['Some']);
  });
});

/** One side of a diff read back: its parts of those kinds, in order, spacing, typography and case aside. */
const side = (parts: DiffPart[], kinds: DiffPart['kind'][]) =>
  squash(
    parts
      .filter((p) => kinds.includes(p.kind))
      .map((p) => p.text)
      .join(''),
  );
const squash = (s: string) =>
  s
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '')
    .toLowerCase();

describe('the parts of a diff', () => {
  const word = fc.constantFrom(
    'the',
    'war',
    'said',
    'Putin',
    'civilian',
    'a',
    'kind',
    'of',
    'it',
    'is',
    'not',
    '15,000',
  );
  const sentence = fc
    .array(word, { minLength: 1, maxLength: 9 })
    .chain((ws) => fc.constantFrom('', '.', '!', ';').map((stop) => ws.join(' ') + stop));
  const wording = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));

  it('rebuild both wordings, whatever the two are', () => {
    fc.assert(
      fc.property(wording, wording, (here, there) => {
        const parts = focusedDiff(here, there);
        expect(side(parts, ['same', 'removed', 'omitted'])).toBe(squash(here));
        expect(side(parts, ['same', 'added', 'context'])).toBe(squash(there));
      }),
      { numRuns: 300 },
    );
  });

  it('mark nothing as added or removed at an end where only one side has words', () => {
    // Words around the shared wording that it never uses, so the shared part can only align with itself.
    const aside = fc.array(fc.constantFrom('Moscow', 'yesterday', 'officials', 'added'), {
      minLength: 1,
      maxLength: 6,
    });
    const around = aside.map((ws) => ws.join(' '));
    fc.assert(
      fc.property(around, wording, around, (before, shared, after) => {
        for (const parts of [
          focusedDiff(shared, `${before} ${shared} ${after}`),
          focusedDiff(`${before} ${shared} ${after}`, shared),
        ]) {
          const marked = parts.filter((p) => p.kind === 'added' || p.kind === 'removed');
          expect(marked).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
