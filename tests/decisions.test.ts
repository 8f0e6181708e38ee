import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Stories,
  figureDay,
  figureVerdict,
  figuresAgree,
  storyNames,
  figuresDiffer,
  sameRemark,
  speakersCompatible,
  storiesOf,
  type StoryArticle,
} from '../lib/corpus/decisions';
import { Annotator } from '../lib/corpus/annotate';
import { buildCorpus, quoteVocabulary, type SourceArticle } from '../lib/corpus/corpus';
import { CorpusSchema } from '../lib/corpus/schema';
import { sentences } from '../lib/text/analysis';
import { prepare } from '../lib/text/similarity';
import { synonymTable } from '../lib/text/wordnet';
import { loadWordNet } from '../lib/node/io';

const root = new URL('..', import.meta.url).pathname;

describe('same remark', () => {
  it('links an unattributed quote only to unattributed ones, and matches speakers by surname', () => {
    expect(speakersCompatible(null, 'Vladimir Putin')).toBe(false);
    expect(speakersCompatible('Antonio Guterres', null)).toBe(false);
    expect(speakersCompatible(null, null)).toBe(true);
    expect(speakersCompatible('Putin', 'Vladimir Putin')).toBe(true);
    expect(speakersCompatible('Putin', 'Antonio Guterres')).toBe(false);
  });

  // The labelled pairs whose sides are one sentence each: the builder groups
  // sentences and the matcher reads whole quotes, so only on one-sentence
  // quotes are their inputs the same.
  const pairs = (
    JSON.parse(readFileSync(join(root, 'tests/fixtures/remark-pairs.json'), 'utf8')) as {
      pairs: { a: string; b: string; same: boolean }[];
    }
  ).pairs.filter((p) => [p.a, p.b].every((q) => !/["“”]/.test(q) && sentences(q).length === 1));

  /** An article quoting `quote`, with words of its own around it so that no two articles look alike. */
  const article = (file: string, lead: string, quote: string, speaker: string): SourceArticle => ({
    file,
    text: `${lead}\n\n${speaker} said: "${quote}"\n\nThe report closes with ${lead.toLowerCase()}`,
  });

  it('is decided alike by the corpus builder and the page matcher', { timeout: 60_000 }, () => {
    expect(pairs.length).toBeGreaterThan(10);
    const { wordnet } = loadWordNet();
    let same = 0;
    for (const [i, p] of pairs.entries()) {
      for (const speakers of [
        ['Putin', 'Putin'],
        ['Putin', 'Guterres'],
      ] as const) {
        const articles = [
          article('a.txt', `Morning notes on harbour cranes, number ${i}`, p.a, speakers[0]),
          article('b.txt', `Evening digest about orchard frost and rivers, item ${i}`, p.b, speakers[1]),
        ];
        const manifest = {
          articles: articles.map((a) => ({
            file: a.file,
            outlet: a.file,
            title: null,
            date: null,
            event: null,
            url: null,
          })),
        };
        const synonyms = synonymTable(wordnet, quoteVocabulary(articles));
        const corpus = buildCorpus(manifest, articles, synonyms, []);
        const grouped = corpus.remarks.some(
          (r) => new Set(r.variants.map((v) => corpus.quotes[v.quote]!.articleId)).size === 2,
        );
        const notes = new Annotator(corpus).annotate(articles[0]!.text);
        expect(notes.excluded).toEqual(['a']);
        const matched = notes.remarks.some((r) => r.matches.some((m) => m.articleId === 'b'));
        const decided = sameRemark(
          { prepared: prepare(p.a), speaker: speakers[0] },
          { prepared: prepare(p.b), speaker: speakers[1] },
          { synonyms },
        );
        expect({ pair: p.a, speakers, grouped, matched }).toEqual({
          pair: p.a,
          speakers,
          grouped: decided,
          matched: decided,
        });
        if (decided) same++;
      }
    }
    expect(same).toBeGreaterThan(3);
  });
});

describe('same story', () => {
  const articles: StoryArticle[] = [
    { id: 'a1', event: 'flood' },
    { id: 'a2', event: 'flood' },
    { id: 'b1', event: 'fire' },
    { id: 'b2', event: 'fire' },
    { id: 'n1', event: null },
    { id: 'n2', event: null },
    { id: 'n3', event: null },
  ];
  const corpusRemarks = [
    ['b1', 'n1'],
    ['n2', 'n3'],
  ];

  /** The builder's answer: the page added to the corpus as an article with no event, its remarks linked. */
  const builderStory = (pageRemarks: string[][]) => {
    const stories = new Stories([...articles, { id: 'page', event: null }]);
    for (const r of [...corpusRemarks, ...pageRemarks.map((r) => [...r, 'page'])]) stories.link(r);
    return new Set(
      stories
        .groups()
        .find((g) => g.includes('page'))!
        .filter((id) => id !== 'page'),
    );
  };
  /** The matcher's answer: the corpus's stories, and the page joined to them. */
  const runtimeStory = (pageRemarks: string[][]) => {
    const stories = new Stories(articles);
    for (const r of corpusRemarks) stories.link(r);
    return stories.storyOfPage(pageRemarks);
  };

  for (const pageRemarks of [
    [],
    [['a1']],
    [['n1']],
    [['n2']],
    [['a2', 'b2']],
    [['b2', 'a2', 'n3']],
    [['a1'], ['b1']],
    [['n1'], ['n3']],
  ])
    it(`is decided alike by the builder and the matcher for a page sharing ${JSON.stringify(pageRemarks)}`, () => {
      expect(runtimeStory(pageRemarks)).toEqual(builderStory(pageRemarks));
    });

  it('keeps one remark quoted across events from joining them, and joins articles with no event', () => {
    const stories = new Stories(articles);
    for (const r of corpusRemarks) stories.link(r);
    stories.link(['b2', 'a1']);
    expect(stories.groups()).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2', 'n1'],
      ['n2', 'n3'],
    ]);
    expect([...stories.storyOfPage([['a2', 'b2']])].sort()).toEqual(['a1', 'a2']);
  });

  it('gives the seed corpus its two events', () => {
    const corpus = CorpusSchema.parse(JSON.parse(readFileSync(join(root, 'data/corpus.json'), 'utf8')));
    expect(
      storiesOf(corpus)
        .groups()
        .map((g) => g.map((id) => id.slice(0, 3))),
    ).toEqual([
      ['000', '001'],
      ['002', '003', '004'],
    ]);
  });
});

describe('figures that differ', () => {
  it('reads open intervals as agreeing with every figure they allow', () => {
    expect(figuresAgree({ low: 36586, high: null }, { low: 36000, high: null })).toBe(true);
    expect(figuresAgree({ low: 14000, high: 14000 }, { low: 14250, high: 15750 })).toBe(false);
  });

  it('differs when any two figures from different articles disagree, not only the page’s with another', () => {
    const page = { low: 100, high: null };
    const others = [
      { articleId: 'x', low: 120, high: 120 },
      { articleId: 'y', low: 150, high: 150 },
    ];
    expect(others.every((o) => figuresAgree(page, o))).toBe(true);
    expect(figuresDiffer([page, ...others])).toBe(true);
    expect(
      figuresDiffer([
        { articleId: 'x', low: 1, high: 1 },
        { articleId: 'x', low: 2, high: 2 },
      ]),
    ).toBe(false);
  });

  it('is decided alike for a page’s note and for the corpus group it stands for', () => {
    const corpus = CorpusSchema.parse(JSON.parse(readFileSync(join(root, 'data/corpus.json'), 'utf8')));
    const annotator = new Annotator(corpus);
    const manifest = JSON.parse(readFileSync(join(root, 'seeds/manifest.json'), 'utf8')) as {
      articles: { file: string }[];
    };
    let compared = 0;
    for (const { file } of manifest.articles) {
      const id = file.replace(/\.[^.]+$/, '');
      const text = readFileSync(join(root, 'seeds', file), 'utf8');
      for (const note of annotator.annotate(text).figures) {
        const mine = corpus.figures.find((f) => f.articleId === id && f.start === note.start)!;
        if (mine.group === null) continue;
        const group = corpus.groups[mine.group]!;
        const members = group.figures.map((g) => corpus.figures[g]!).filter((f) => f.id !== mine.id);
        const same = (list: { articleId: string; text: string }[]) =>
          list.map((f) => `${f.articleId}:${f.text}`).sort();
        if (JSON.stringify(same(members)) !== JSON.stringify(same(note.others))) continue;
        expect(note.differs).toBe(group.differs);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(3);
  });
});

describe('the verdict on two figures of one quantity', () => {
  const killed = { measure: 'killed' };
  it('is "over-time" for a running count given as different figures on different days, never "differ"', () => {
    const may3 = { low: 41, high: 41, quantity: killed, day: '2025-05-03' };
    const may5 = { low: 58, high: 58, quantity: killed, day: '2025-05-05' };
    expect(figureVerdict(may3, may5)).toBe('over-time');
    expect(figuresDiffer([may3, { ...may5, articleId: 'b' }])).toBe(false);
  });
  it('is "differ" for the same day, and "agree" when the figures can both be right', () => {
    const a = { low: 120, high: null, quantity: { measure: 'missing' }, day: '2025-05-05' };
    const b = { low: 85, high: 95, quantity: { measure: 'missing' }, day: '2025-05-05' };
    expect(figureVerdict(a, b)).toBe('differ');
    expect(figureVerdict(a, { ...b, low: 118, high: 130 })).toBe('agree');
  });
  it('shows a toll that held with each day, and lets a restated plan agree', () => {
    const tuesday = { low: 9, high: 9, quantity: { measure: 'injured' }, day: '2026-06-09' };
    const thursday = { ...tuesday, day: '2026-06-11' };
    expect(figureVerdict(tuesday, thursday)).toBe('over-time');
    const cut = { low: 450, high: 450, quantity: { measure: 'jobs cut' }, day: '2026-03-02' };
    expect(figureVerdict(cut, { ...cut, day: '2026-03-06' })).toBe('agree');
  });
  it('lets two reports of a one-day count agree on different days, and never calls a revision "differ"', () => {
    const night = { measure: 'arrested', scope: 'on the night' };
    const sunday = { low: 14, high: 14, quantity: night, day: '2026-03-15' };
    expect(figureVerdict(sunday, { ...sunday, day: '2026-03-16' })).toBe('agree');
    expect(figureVerdict(sunday, { ...sunday, low: 20, high: 20, day: '2026-03-17' })).toBe('over-time');
  });
  it('never reads a population as moving over time', () => {
    const a = { low: 815_000, high: 815_000, quantity: { measure: 'population' }, day: '2025-05-04' };
    const b = { low: 800_000, high: 800_000, quantity: { measure: 'population' }, day: '2025-05-06' };
    expect(figureVerdict(a, b)).toBe('differ');
  });
  it('respects open ends: "more than 50" and "50" cannot both be right', () => {
    expect(figuresAgree({ low: 50, high: null, lowOpen: true }, { low: 50, high: 50 })).toBe(false);
  });
});

describe('the day a figure is given for', () => {
  it('is the day its sentence names, read against the article’s date, else the article’s date', () => {
    // 6 May 2025 was a Tuesday.
    expect(figureDay('monday', '2025-05-06')).toBe('2025-05-05');
    expect(figureDay('tuesday', '2025-05-06')).toBe('2025-05-06');
    expect(figureDay('-1', '2025-05-06')).toBe('2025-05-05');
    expect(figureDay('oct 7', '2024-06-06')).toBe('2023-10-07');
    expect(figureDay('may 2', '2025-05-06')).toBe('2025-05-02');
    expect(figureDay(null, '2025-05-06')).toBe('2025-05-06');
    expect(figureDay('monday', null)).toBeNull();
  });
});

describe('the names of a story', () => {
  it('are the capitalised words that do not open a sentence, most frequent first', () => {
    const text =
      'Floods in Kessdale killed 58. Rescuers reached Hollin on Monday, and Kessdale officials said the Almer River had peaked.';
    expect(storyNames(text)).toEqual(['kessdale', 'almer', 'hollin']);
  });
  it('join a page to the story of articles that share its rare names, and not to another story', () => {
    // Each shared name weighs ln(articles ÷ articles naming it): among ten articles, a name two carry weighs 1.6.
    const stories = new Stories([
      { id: 'flood-a', event: 'Almer flood', names: ['almer', 'kessdale', 'hollin', 'river'] },
      { id: 'flood-b', event: 'Almer flood', names: ['kessdale', 'hollin', 'brask'] },
      { id: 'fire-a', event: 'Orla fire', names: ['orla', 'santa', 'vela', 'river'] },
      { id: 'fire-b', event: 'Orla fire', names: ['orla', 'vela', 'monte'] },
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((x) => ({
        id: `other-${x}`,
        event: `Story ${x}`,
        names: [`name-${x}`, 'river'],
      })),
    ]);
    expect([...stories.storyOfPage([], ['kessdale', 'hollin', 'river'])].sort()).toEqual(['flood-a', 'flood-b']);
    expect([...stories.storyOfPage([], ['river'])]).toEqual([]);
  });
});
