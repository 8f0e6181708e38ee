import { describe, expect, it } from 'vitest';
import {
  Sentences,
  countWords,
  foldTypography,
  prepareArticle,
  sentences,
  straightApostrophes,
  wordSpans,
  type Work,
} from '../lib/text/analysis';
import { detectFigures } from '../lib/text/figures';
import { detectQuotes } from '../lib/text/quotes';
import { paragraph } from '../scripts/bench/paragraph';

describe('sentences', () => {
  it('keeps abbreviations, initials and decimals inside a sentence', () => {
    expect(
      sentences(
        'Mr. Putin met the U.S. President on Oct. 7 in St. Petersburg. About 1.5 million people fled! Did they? Yes.',
      ),
    ).toEqual([
      'Mr. Putin met the U.S. President on Oct. 7 in St. Petersburg.',
      'About 1.5 million people fled!',
      'Did they?',
      'Yes.',
    ]);
  });

  it('does not end a sentence at an ellipsis the sentence goes on after, and ends one at a newline', () => {
    expect(sentences('We must leave... at once. Then\nwe go')).toEqual(['We must leave... at once.', 'Then', 'we go']);
  });

  it('splits at semicolons only when asked for clauses', () => {
    expect(sentences('One thing; another.')).toEqual(['One thing; another.']);
    expect(sentences('One thing; another.', { clauses: true })).toEqual(['One thing;', 'another.']);
  });

  it('finds the sentence around a span: from just past the previous stop to its own stop', () => {
    const text = 'First one. Second one here. Third.';
    const s = new Sentences(text);
    const at = text.indexOf('one here');
    expect(text.slice(...s.around(at, at + 3))).toBe(' Second one here');
    expect(s.around(0)).toEqual([0, text.indexOf('.')]);
  });
});

describe('typography and words', () => {
  it('folds quotation marks, dashes and spaces, and nothing that is wording', () => {
    expect(foldTypography('  “It’s a\u00a0war”—they   said «no» ')).toBe(`"It's a war" - they said "no"`);
    expect(straightApostrophes('Putin’s ‘war’')).toBe("Putin's 'war'");
  });

  it('scans words by the pattern each reader uses', () => {
    const text = 'A 36,586-strong year-old U.S. force';
    expect(wordSpans(text, 'letters').map((w) => w.word)).toEqual(['A', 'strong', 'year-old', 'U', 'S', 'force']);
    expect(wordSpans(text, 'prose').map((w) => w.word)).toEqual(['A', '36', '586-strong', 'year-old', 'U.S.', 'force']);
    expect(countWords(text)).toBe(9);
  });
});

describe('an article read once', () => {
  it('gives the detectors what they find in the raw text', () => {
    const text = 'At least 1,200 people were killed, "a massacre," Putin said. Some 240 hostages remain held.';
    const article = prepareArticle(text);
    expect(detectFigures(article)).toEqual(detectFigures(text));
    expect(detectQuotes(article)).toEqual(detectQuotes(text));
  });

  // A detector that walks the whole sentence for every number or quote does
  // work that grows with the square of a paragraph with no full stop; one that
  // reads each sentence once does work that grows with its length. Counted,
  // not timed: the work each reader reports when handed a counter.
  const workOn = (clauses: string[], kb: number, detect: (a: ReturnType<typeof prepareArticle>) => unknown[]) => {
    const work: Work = { units: 0 };
    const found = detect(prepareArticle(paragraph(clauses, kb), { work })).length;
    return { units: work.units, found };
  };

  it('does work in proportion to a paragraph of figures, not to its square', () => {
    const clauses = [
      'at least 1,200 people were killed and about 3,400 injured on Oct 7',
      'some 240 hostages remain held',
    ];
    const small = workOn(clauses, 8, detectFigures);
    const large = workOn(clauses, 32, detectFigures);
    expect(large.found).toBeGreaterThan(3.5 * small.found);
    expect(large.units / small.units).toBeLessThan(4.5);
  });

  it('does work in proportion to a paragraph of quotes, not to its square', () => {
    const clauses = [
      '"we will not stop," Putin said',
      'and "nobody wants a war" is what Lavrov told reporters',
      '"again"',
    ];
    const small = workOn(clauses, 8, detectQuotes);
    const large = workOn(clauses, 32, detectQuotes);
    expect(large.found).toBeGreaterThan(3.5 * small.found);
    expect(large.units / small.units).toBeLessThan(4.5);
  });
});
