import { describe, expect, it } from 'vitest';
import { detectQuotes } from '../lib/text/quotes';

const found = (text: string) => detectQuotes(text).map((q) => [q.quote, q.speaker]);

describe('detectQuotes', () => {
  it('finds curly and straight double quotes with the exact source span', () => {
    const text = 'Intro. “Now the main thing is to stop the bloodshed,” Putin said. "We are ready," he added.';
    const quotes = detectQuotes(text);
    expect(quotes.map((q) => q.quote)).toEqual(['Now the main thing is to stop the bloodshed', 'We are ready']);
    for (const q of quotes) expect(text.slice(q.start, q.end)).toBe(q.quote);
  });

  it('attributes "X said", "said X", titles stripped, and a pronoun to the last named speaker', () => {
    expect(
      found(
        'Russian President Vladimir Putin said the strikes were “absolutely unacceptable.” “It must stop,” said Putin. “We will help,” he said.',
      ),
    ).toEqual([
      ['absolutely unacceptable', 'Vladimir Putin'],
      ['It must stop', 'Vladimir Putin'],
      ['We will help', 'Vladimir Putin'],
    ]);
  });

  it('reads a single-quoted headline quote but not apostrophes', () => {
    expect(found("Putin Labels Gaza Conflict as 'Total Destruction of Civilian Population,' Not War")).toEqual([
      ['Total Destruction of Civilian Population', 'Putin'],
    ]);
    expect(found("Russia's view and the States' policy were not quoted.")).toEqual([]);
  });

  it('keeps a quote that spans sentences whole, and gives a continuation quote the same speaker', () => {
    expect(
      found(
        '“More than 2 million people live there,” Putin said. “Far from all of them support Hamas. All of them suffer.”',
      ),
    ).toEqual([
      ['More than 2 million people live there', 'Putin'],
      ['Far from all of them support Hamas. All of them suffer', 'Putin'],
    ]);
  });

  it('does not take a news agency after "according to" for the speaker', () => {
    expect(found('The ministry called it “impossible”, according to Reuters.')).toEqual([['impossible', null]]);
    expect(found('The plan is “dead on arrival”, according to Senator Jane Doe.')).toEqual([
      ['dead on arrival', 'Jane Doe'],
    ]);
  });

  it('does not let an unclosed quote run into the next paragraph', () => {
    expect(found('He said “this never closes\n\nNext paragraph “closed one” here.')).toEqual([['closed one', null]]);
  });

  it('keeps a quote whole across a line break in the middle of its sentence, with its speaker', () => {
    const text = 'Intro.\n\n“It is a kind of total\ndestruction of the civilian population,” Putin said.';
    const quotes = detectQuotes(text);
    expect(quotes.map((q) => [q.quote, q.speaker])).toEqual([
      ['It is a kind of total\ndestruction of the civilian population', 'Putin'],
    ]);
    expect(text.slice(quotes[0]!.start, quotes[0]!.end)).toBe(quotes[0]!.quote);
    // A speaker before the quote, across the break, too.
    expect(found('Erdogan said: “We can never accept\nthe massacre of defenceless innocents.”')).toEqual([
      ['We can never accept\nthe massacre of defenceless innocents', 'Erdogan'],
    ]);
  });

  it('still ends an open quote at a line that starts a new sentence', () => {
    expect(found('Headline with “an open quote\nBody text “closed here” it said.')).toEqual([['closed here', null]]);
  });

  it('uses "according to" for a named person, and a speaker before a colon', () => {
    expect(found('Erdogan seemed to agree, saying: “There is no other way.”')).toEqual([
      ['There is no other way', 'Erdogan'],
    ]);
  });
});
