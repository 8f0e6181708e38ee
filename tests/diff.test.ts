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

  it('keeps the whole quote compared when no single sentence fits better', () => {
    const parts = focusedDiff('does not resemble a war', 'It does not resemble a war');
    expect(of(parts, 'context')).toEqual([]);
    expect(of(parts, 'added')).toEqual(['It']);
  });
});
