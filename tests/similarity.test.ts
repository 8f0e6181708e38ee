import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { prepare, similarity, SAME_REMARK_THRESHOLD } from '../lib/text/similarity';
import { synonymTable } from '../lib/text/wordnet';
import { loadWordNet } from '../lib/node/io';
import { words } from '../lib/text/words';

interface Pair {
  a: string;
  b: string;
  same: boolean;
}
const { pairs } = JSON.parse(readFileSync(new URL('./fixtures/remark-pairs.json', import.meta.url), 'utf8')) as {
  pairs: Pair[];
};
const { wordnet } = loadWordNet();
// As in a real corpus, only one side's words are in the synonym table.
const synonyms = synonymTable(
  wordnet,
  pairs.flatMap((p) => words(p.b).map((w) => w.word)),
);
const score = (a: string, b: string) => similarity(prepare(a), prepare(b), synonyms);

describe('similarity', () => {
  it('scores translation variants and partial quotes of one remark as the same remark', () => {
    expect(
      score(
        'What is happening now in Gaza in response to the terrorist attack on Israel does not resemble a war. It is a kind of total destruction of the civilian population',
        'What is currently happening in Gaza in response to the terrorist attack on Israel does not resemble a war at all. It is akin to the complete elimination of the civilian population',
      ),
    ).toBeGreaterThanOrEqual(SAME_REMARK_THRESHOLD);
    expect(
      score(
        'absolutely unacceptable',
        'And most importantly, the civilian casualties will be absolutely unacceptable.',
      ),
    ).toBeGreaterThanOrEqual(SAME_REMARK_THRESHOLD);
  });

  it('never matches a remark with its negation', () => {
    expect(
      score('There is no military solution to this conflict', 'There is a military solution to this conflict'),
    ).toBe(0);
    expect(score('does not resemble a war', 'it resembles a war')).toBe(0);
  });

  it('matches a remark that names one thing both outside and inside a negation with itself', () => {
    const remark = 'The people of Kyiv will not be silenced by the failure of the authorities in Kyiv this week.';
    expect(score(remark, remark)).toBeGreaterThanOrEqual(0.99);
    expect(score(remark, remark.replace('will not', 'will'))).toBe(0);
  });

  it('does not take a short quote for an excerpt of a long one that only has synonyms of its words', () => {
    const long =
      'Our volunteers are determined to end the chaotic shortages of the pension fund in Mirna, and we will hold those ' +
      'responsible to account. This is about the unprecedented blockade of the water supply, and people here know it';
    const short = 'Now the main thing is to stop the bloodshed';
    // A large corpus has both quotes' words in its synonym table.
    const table = synonymTable(
      wordnet,
      [...words(long), ...words(short)].map((w) => w.word),
    );
    expect(similarity(prepare(short), prepare(long), table)).toBeLessThan(SAME_REMARK_THRESHOLD);
    // An excerpt that keeps its words still matches.
    expect(
      similarity(prepare('the unprecedented blockade of the water supply'), prepare(long), table),
    ).toBeGreaterThanOrEqual(SAME_REMARK_THRESHOLD);
  });

  it('does not match a partial quote of one or two common words that is not verbatim', () => {
    expect(
      score('total failure', 'clear example of the failure of United States policy in the Middle East'),
    ).toBeLessThan(SAME_REMARK_THRESHOLD);
    expect(score('unacceptable', 'the casualties will be absolutely unacceptable')).toBe(0);
  });

  it('separates the labelled pairs: AUC at least 0.9, precision at least 0.85 at the threshold', () => {
    const scored = pairs.map((p) => ({ same: p.same, s: score(p.a, p.b) }));
    const pos = scored.filter((x) => x.same);
    const neg = scored.filter((x) => !x.same);
    let wins = 0;
    for (const p of pos) for (const n of neg) wins += p.s > n.s ? 1 : p.s === n.s ? 0.5 : 0;
    expect(wins / (pos.length * neg.length)).toBeGreaterThanOrEqual(0.9);
    const tp = pos.filter((x) => x.s >= SAME_REMARK_THRESHOLD).length;
    const fp = neg.filter((x) => x.s >= SAME_REMARK_THRESHOLD).length;
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.85);
    expect(tp / pos.length).toBeGreaterThanOrEqual(0.85);
  });

  it('derives destruction ~ annihilation and resemble ~ look like from WordNet', () => {
    const table = synonymTable(wordnet, ['destruction', 'resemble']);
    expect(table['destruct']).toContain('annihil');
    expect(table['resembl']).toContain('look_like');
  });
});
