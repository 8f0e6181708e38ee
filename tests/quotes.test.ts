import { describe, expect, it } from 'vitest';
import { detectParaphrases, detectQuotes } from '../lib/text/quotes';

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

  it('keeps a quote that runs on into the next paragraph, as news copy writes it (no closing mark, the next opens again)', () => {
    expect(
      found(
        'Intro.\n\nRudd said: “We will not stop. The dam must be rebuilt before the spring.\n\n“We will go on until the council listens,” she added.',
      ),
    ).toEqual([
      ['We will not stop. The dam must be rebuilt before the spring', 'Rudd'],
      ['We will go on until the council listens', 'Rudd'],
    ]);
  });

  it('reads a title between an inverted verb and the name, and a role named after a comma', () => {
    expect(found('Talks.\n\n"We will not stop," said Harbour spokesman Ivo Marchetti.')).toEqual([
      ['We will not stop', 'Ivo Marchetti'],
    ]);
    expect(
      found(
        'Talks.\n\nMayor Alma Rudd said on Tuesday: "We will not stop." "Nor will we," added her deputy, Ivo Marchetti.',
      ),
    ).toEqual([
      ['We will not stop', 'Alma Rudd'],
      ['Nor will we', 'Ivo Marchetti'],
    ]);
  });

  it('does not take the object of "said the …" for an inverted subject', () => {
    expect(
      found('Talks.\n\nRudd, speaking in Corvale on Friday, said the losses were "absolutely unacceptable".'),
    ).toEqual([['absolutely unacceptable', 'Rudd']]);
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

const reported = (text: string) => detectParaphrases(text).map((p) => [p.text, p.speaker]);

describe('detectParaphrases', () => {
  it('finds what a named person is reported to have said, without quotation marks, at its exact place', () => {
    const text =
      'Talks stall.\n\nMinister Alma Rudd accused the council of hijacking the talks. Rudd said on Tuesday that the plan would fail within a year.';
    const found = detectParaphrases(text);
    expect(found.map((p) => [p.text, p.speaker])).toEqual([
      ['the council of hijacking the talks', 'Alma Rudd'],
      ['the plan would fail within a year', 'Alma Rudd'],
    ]);
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('reads "according to X", "X told reporters that", "…, X said" and a pronoun for the person named before', () => {
    expect(reported('According to Rudd, the aid convoy will reach the valley by Friday.')).toEqual([
      ['the aid convoy will reach the valley by Friday', 'Rudd'],
    ]);
    expect(reported('Rudd told reporters in Corvale that the dam had been built too fast.')).toEqual([
      ['the dam had been built too fast', 'Rudd'],
    ]);
    expect(reported('The dam had been built far too fast, Rudd said.')).toEqual([
      ['The dam had been built far too fast', 'Rudd'],
    ]);
    expect(reported('Rudd visited the valley. She said the dam had been built far too fast.')).toEqual([
      ['the dam had been built far too fast', 'Rudd'],
    ]);
  });

  it('reads what a verb of judging reports with its object: described … as, called for, blamed … for', () => {
    expect(reported('Rudd described the new dam as a monument to waste and vanity.')).toEqual([
      ['the new dam as a monument to waste and vanity', 'Rudd'],
    ]);
    expect(reported('Rudd called for an immediate inquiry into the dam collapse.')).toEqual([
      ['for an immediate inquiry into the dam collapse', 'Rudd'],
    ]);
    expect(reported('Rudd blamed the previous council for the collapse of the dam.')).toEqual([
      ['the previous council for the collapse of the dam', 'Rudd'],
    ]);
  });

  it('reads "said a … that …" with its relative "that" as the reported clause', () => {
    expect(reported('Rudd said the new bridge that opened in May would need repairs by winter.')).toEqual([
      ['the new bridge that opened in May would need repairs by winter', 'Rudd'],
    ]);
    expect(reported('Rudd said every school that lost its roof would reopen within a month.')).toEqual([
      ['every school that lost its roof would reopen within a month', 'Rudd'],
    ]);
    // Words of when and where before the "that" are the writer's, as before.
    expect(reported('Rudd said in a speech that the council would rebuild the bridge.')).toEqual([
      ['the council would rebuild the bridge', 'Rudd'],
    ]);
  });

  it('ends the reported words where the writer’s own clause begins', () => {
    expect(reported('Rudd said the dam was built too fast, and she blamed the previous council for it.')).toEqual([
      ['the dam was built too fast', 'Rudd'],
    ]);
  });

  it('reports nothing for a denial, an unnamed official, a news agency, a quotation, or too few words', () => {
    expect(reported('Rudd has never said that the dam was built too fast.')).toEqual([]);
    expect(reported('A council official said the dam was built too fast.')).toEqual([]);
    expect(reported('According to Reuters, the dam was built far too fast.')).toEqual([]);
    expect(reported('Rudd said the dam was “built far too fast” by the council.')).toEqual([]);
    expect(reported('Rudd said it would fail.')).toEqual([]);
    expect(reported('Markets fell on Monday, traders said.')).toEqual([]);
  });
});
