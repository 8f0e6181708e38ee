/**
 * One remark, one occasion: each way a page's quote was linked to the wrong
 * remark, or shown more than once, with sentences written for these tests
 * (invented speakers and places). Expected values come from reading them.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { prepare, remarkSimilarity, SAME_REMARK_THRESHOLD } from '../lib/text/similarity';
import { antonymTable, synonymTable } from '../lib/text/wordnet';
import { rarityTable } from '../lib/text/rarity';
import { words } from '../lib/text/words';
import { detectParaphrases, detectQuotes } from '../lib/text/quotes';
import { datelineDate } from '../lib/text/dates';
import { metadataDate } from '../lib/page/article';
import { loadWordFrequencies, loadWordNet } from '../lib/node/io';
import { quotableOn, remarkDay, remarkThreshold, speakersCompatible, type WordTables } from '../lib/corpus/decisions';
import { buildCorpus, quoteTexts, quoteVocabulary, type SourceArticle } from '../lib/corpus/corpus';
import { Annotator } from '../lib/corpus/annotate';
import { CorpusSearch } from '../lib/corpus/search';
import { presentNotes } from '../lib/extension/present';

const { wordnet } = loadWordNet();
const frequencies = loadWordFrequencies();

/** The tables a corpus of `corpusSide` quotes would carry (only the corpus's words are in them). */
function tables(corpusSide: string[]): WordTables {
  const vocabulary = corpusSide.flatMap((q) => words(q).map((w) => w.word));
  return {
    synonyms: synonymTable(wordnet, vocabulary),
    antonyms: antonymTable(wordnet, vocabulary),
    rarity: rarityTable(frequencies, corpusSide),
  };
}
const score = (page: string, corpus: string, t: WordTables) =>
  remarkSimilarity(prepare(page), prepare(corpus), t.synonyms, t);

describe('distinctive words', () => {
  it('weighs common words little and rare ones much', () => {
    const t = tables([
      'The harbour authority must reach the fishermen of Ostrava before the storm',
      'We must work together on the budget',
      'Nobody must be left behind this winter',
    ]);
    expect(t.rarity!['must'] ?? 1).toBeLessThan(0.2);
    expect(t.rarity!['fishermen'] ?? 1).toBeGreaterThan(2 * (t.rarity!['must'] ?? 1));
  });

  it('does not link two remarks that share only a stock phrase', () => {
    const corpus = 'The blockade is a deliberate attempt to starve the civilian population of Merovia.';
    const page = 'Convoys must be allowed to reach the civilian population this week.';
    expect(score(page, corpus, tables([corpus]))).toBeLessThan(SAME_REMARK_THRESHOLD);
  });

  it('does not count a short excerpt of common words as contained in a long quote', () => {
    const corpus = 'We have said it before and we will say it again: the plan is working, and the numbers prove it.';
    expect(score('the plan is working', corpus, tables([corpus]))).toBeLessThan(SAME_REMARK_THRESHOLD);
    // Rare words make an excerpt: "deliberate attempt to starve".
    const long = 'The blockade is a deliberate attempt to starve the civilian population of Merovia.';
    expect(score('a deliberate attempt to starve', long, tables([long]))).toBeGreaterThanOrEqual(SAME_REMARK_THRESHOLD);
  });

  it('still links translations and excerpts of one remark', () => {
    // The issue's own example of two translations of one sentence.
    const corpus = 'It amounts to the wholesale eradication of the civilian population';
    const page = 'It is akin to the complete elimination of the civilian population';
    expect(score(page, corpus, tables([corpus, 'The talks will resume in the spring']))).toBeGreaterThanOrEqual(
      SAME_REMARK_THRESHOLD,
    );
    const long = 'Our ministry cannot keep signing contracts with firms that never deliver a single bridge.';
    expect(score('signing contracts with firms that never deliver', long, tables([long]))).toBeGreaterThanOrEqual(
      SAME_REMARK_THRESHOLD,
    );
  });
});

describe('speakers', () => {
  it('links an unattributed quote to no named speaker’s remark, and a role is no name', () => {
    expect(speakersCompatible(null, 'Lena Marsh')).toBe(false);
    expect(speakersCompatible(null, null)).toBe(true);
    const quotes = detectQuotes(
      'Lena Marsh said the talks had stalled. "We will not sign this," Marsh said. ' +
        '"The bloodshed must stop now," a Delta Front official said. ' +
        '"Nobody wants another winter of this," the UN envoy told reporters.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Lena Marsh', null, null]);
  });

  it('gives a quote nothing attributes the speaker who says its words in the same article, and only one', () => {
    const quotes = detectQuotes(
      'Envoy tells rebels to "lay down their arms"\n\n' +
        '"Lay down their arms and come to Lisbon," Tomas Ferreira said on Friday. ' +
        '"Lay down their arms," the army chief told the rebels too.\n\n' +
        '   "come to Lisbon"',
    );
    // The headline's and the pull quote's words are Ferreira's; the army chief's own attribution stands.
    expect(quotes.map((q) => q.speaker)).toEqual(['Tomas Ferreira', 'Tomas Ferreira', null, 'Tomas Ferreira']);
    const two = detectQuotes(
      'Rivals agree: "no more delays"\n\n"No more delays," Ines Alvarez said. Later Rui Costa said: "No more delays."',
    );
    expect(two.map((q) => q.speaker)).toEqual([null, 'Ines Alvarez', 'Rui Costa']);
  });

  it('does not link a role’s words to a remark whose headline repeats a named speaker’s', () => {
    const text =
      'Envoy tells rebels to "lay down their arms"\n\n' +
      '"Lay down their arms and come to Lisbon," Tomas Ferreira said in Geneva on Friday.';
    const articles: SourceArticle[] = [{ file: 'envoy.txt', text }];
    const vocabulary = quoteVocabulary(articles);
    const corpus = buildCorpus(
      {
        articles: [
          { file: 'envoy.txt', outlet: 'Alpine Wire', title: null, date: '2024-03-08', event: null, url: null },
        ],
      },
      articles,
      synonymTable(wordnet, vocabulary),
      [],
      { antonyms: antonymTable(wordnet, vocabulary), rarity: rarityTable(frequencies, quoteTexts(articles)) },
    );
    const annotator = new Annotator(corpus);
    const around = 'Fighting went on along the coast road through the night, residents of the border towns said.';
    expect(
      annotator.annotate(`${around}\n\n"Lay down their arms," the army chief told the rebels.`, { date: '2024-03-09' })
        .remarks,
    ).toHaveLength(0);
    expect(
      annotator
        .annotate(`${around}\n\n"Lay down their arms," Ferreira said. Tomas Ferreira is the UN envoy.`, {
          date: '2024-03-09',
        })
        .remarks.map((r) => r.speaker),
    ).toEqual(['Tomas Ferreira']);
  });

  it('gives the words after "X, who …, said the mayor" to X, and a pronoun to the person who opened the last sentence', () => {
    const quotes = detectQuotes(
      'Nadia Petrov, who chairs the tenants’ group, said the mayor "never answers a letter" and walked out. ' +
        '"We are done waiting," she said.\n\n' +
        '"The rents will be frozen," Mayor Colm Reilly told the council. Ada Voss, a councillor, laughed at that. ' +
        '"Frozen until the election," she said.\n\n' +
        '"The budget is balanced," Colm Reilly said. Ireland rejected the plan. "It is balanced for years," he said.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual([
      'Nadia Petrov',
      'Nadia Petrov',
      'Colm Reilly',
      'Ada Voss',
      'Colm Reilly',
      'Colm Reilly',
    ]);
  });

  it('never takes the place in capitals of a dateline, nor a plural that opens a sentence, for a speaker', () => {
    const quotes = detectQuotes(
      'Harbour fire contained\n\nPORT ELLIS, August 2, 2024 (Bay Courier) - Fire Chief Jonas Kerr told crews on Friday ' +
        'to hold the line at the grain sheds.\n\n"We have saved the north pier," he said.\n\n' +
        'TARBERT, Aug. 3 - Residents called the blaze "the worst in living memory".',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Jonas Kerr', null]);
  });

  it('reads the person after a title that opens a sentence, not the organisation before it', () => {
    const quotes = detectQuotes(
      'EU envoy Karin Dahl met both delegations in Oslo. "Nobody leaves this room without a map," she said.\n\n' +
        'Opposition health spokesman Omar Baig visited the ward. "The queues are a scandal," he said.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Karin Dahl', 'Omar Baig']);
    expect(
      detectParaphrases(
        'WHO director Lina Haas toured the camp on Monday. She said the clinics had run out of insulin twice this month.',
      ).map((p) => p.speaker),
    ).toEqual(['Lina Haas']);
  });

  it('tells namesakes apart by their given names, and still matches a surname or an initial to the full name', () => {
    expect(speakersCompatible('Maria Lund', 'Peter Lund')).toBe(false);
    expect(speakersCompatible('Lund', 'Peter Lund')).toBe(true);
    expect(speakersCompatible('P. Lund', 'Peter Lund')).toBe(true);
    expect(speakersCompatible('Jan Erik Lund', 'Erik Lund')).toBe(true);
    expect(speakersCompatible('Jan Erik Lund', 'Jan Olav Lund')).toBe(false);
  });

  it('reads a denial across an aside between the speaker and the verb', () => {
    const quotes = detectQuotes(
      'Lena Marsh spoke to the press in the old town hall on Monday.\n\nMarsh, for her part, has never called the treaty "a historic mistake". ' +
        'Marsh, however, did not say the vote was "rigged from the start".\n\n"We will sign," Marsh said.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual([null, null, 'Lena Marsh']);
  });

  it('does not give he or she to a person the article has already called the other', () => {
    const quotes = detectQuotes(
      'Ferry fares rise.\n\n"The timetable stays," harbour master Piet Claes said on the quay. ' +
        'Ferry company spokeswoman Mona Eide has asked for a fare rise since May. "Fuel is the problem," he said.\n\n' +
        '"We lose money on every crossing," Mona Eide said. Piet Claes shook his head. "Not on the night boat," he said. ' +
        '"On every one," she said.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Piet Claes', 'Piet Claes', 'Mona Eide', 'Piet Claes', 'Mona Eide']);
  });

  it('gives a body sentence’s unattributed words, and people it does not name, to nobody', () => {
    const quotes = detectQuotes(
      'Dam vote delayed\n\nOskar Lind told the council: "We will not build a dam that floods the valley." ' +
        'Farmers said the plan was "a dam that floods the valley". The scheme was called "a dam that floods the valley" by many.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Oskar Lind', null, null]);
  });

  it('reads "countered X", "X interrupted:" and a clause of its own after a quote', () => {
    const quotes = detectQuotes(
      'Budget row.\n\nMayor Ines Faro said the cuts would "protect the libraries", while Tomas Bell said they were "a raid on the parks". ' +
        '"The parks are safe," said Faro. "Not for long," countered Bell. "They are," Faro said, before Bell interrupted: "Prove it."',
    );
    expect(quotes.map((q) => q.speaker)).toEqual([
      'Ines Faro',
      'Tomas Bell',
      'Ines Faro',
      'Tomas Bell',
      'Ines Faro',
      'Tomas Bell',
    ]);
  });

  it('names a role by the title the article gives before a name, and only then', () => {
    const quotes = detectQuotes(
      'UN Envoy Ana Pereira reached the port on Monday.\n\n"The corridor opens at dawn," the UN envoy told reporters. ' +
        '"We have heard that before," a harbour official said.',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Ana Pereira', null]);
  });

  it('never lets a continuation quote override an attribution, nor a denial count as saying', () => {
    const quotes = detectQuotes(
      '"The ceasefire holds," said Lena Marsh.\n\n"We have seen no violations," an army spokesman said.\n\n' +
        'Marsh has never described the deal as "a betrayal of the north".',
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Lena Marsh', null, null]);
  });

  it('gives a note to a quote only where the speakers agree', () => {
    const article = (file: string, text: string): SourceArticle => ({ file, text });
    const articles = [
      article(
        'a.txt',
        'Morning report on the river.\n\n"Every bridge on the Vellin must reopen by spring," Lena Marsh said.',
      ),
      article(
        'b.txt',
        'Evening digest on roads.\n\n"Every bridge on the Vellin must reopen by spring," Tom Ashby said.',
      ),
    ];
    const corpus = buildCorpus(
      {
        articles: articles.map((a) => ({
          file: a.file,
          outlet: a.file,
          title: null,
          date: null,
          event: null,
          url: null,
        })),
      },
      articles,
      synonymTable(wordnet, quoteVocabulary(articles)),
      [],
    );
    const page = 'Council notes.\n\n"Every bridge on the Vellin must reopen by spring," a council official said.';
    expect(new Annotator(corpus).annotate(page).remarks).toEqual([]);
  });
});

describe('negation and antonyms', () => {
  const t = tables([
    'The union supports the new rota for night drivers.',
    'Fares will increase in March for every season ticket.',
    'The reform is working and the queues are shorter.',
    'The vote was a victory for the fishermen of the coast.',
    'We had not received any complaint about the ferry.',
  ]);

  it('rules out pairs whose words say the opposite', () => {
    expect(
      score(
        'The union opposes the new rota for night drivers.',
        'The union supports the new rota for night drivers.',
        t,
      ),
    ).toBe(0);
    expect(
      score(
        'Fares will be cut in March for every season ticket.',
        'Fares will increase in March for every season ticket.',
        t,
      ),
    ).toBe(0);
    expect(
      score('The reform is failing and the queues are longer.', 'The reform is working and the queues are shorter.', t),
    ).toBe(0);
    expect(
      score(
        'The vote was a catastrophe for the fishermen of the coast.',
        'The vote was a victory for the fishermen of the coast.',
        t,
      ),
    ).toBe(0);
  });

  it('rules out a quote whose excerpt drops or adds a negation', () => {
    expect(
      score(
        'We had received a complaint about the ferry, and we did not answer it.',
        'We had not received any complaint about the ferry.',
        t,
      ),
    ).toBe(0);
  });
});

describe('occasions and dates', () => {
  it('tells two words that trade places from the same remark, and a moved clause from a change of roles', () => {
    const corpus = [
      'Fishermen will pay more than the tanker owners for the new quay.',
      'The harbour will not reopen until the wreck is lifted.',
      'The ferry will not sail as long as the storm warning stands.',
    ];
    const t = tables(corpus);
    // The same words, the roles swapped: another remark.
    expect(score('The tanker owners will pay more than fishermen for the new quay.', corpus[0]!, t)).toBe(0);
    expect(
      score(
        'Ostrava blamed Dunmore for the spill.',
        'Dunmore blamed Ostrava for the spill.',
        tables(['Dunmore blamed Ostrava for the spill.']),
      ),
    ).toBe(0);
    // A clause moved to the front, as a translation may: the same remark.
    expect(score('Until the wreck is lifted, the harbour will not reopen.', corpus[1]!, t)).toBeGreaterThanOrEqual(
      SAME_REMARK_THRESHOLD,
    );
    // "not … until it stops" says what "not … as long as it stands" says.
    expect(score('The ferry will not sail until the storm warning is lifted.', corpus[2]!, t)).toBeGreaterThan(0);
  });

  it('matches two words of the page with the one word of the corpus they stand for', () => {
    // "look like" is one of WordNet's words for "resemble": a short quote has no other words to make up for it.
    const corpus = 'does not resemble a fortress';
    expect(score('does not really look like a fortress', corpus, tables([corpus]))).toBeGreaterThanOrEqual(
      SAME_REMARK_THRESHOLD,
    );
  });

  it('tells a like sentence about another place or time from the same remark', () => {
    const t = tables(['We came to Oslo to sign a truce, and we are leaving with nothing.']);
    expect(
      score(
        'We came to Lisbon to sign a truce, and we are leaving with nothing.',
        'We came to Oslo to sign a truce, and we are leaving with nothing.',
        t,
      ),
    ).toBe(0);
    const u = tables(['We will open three new clinics in the valley before the winter.']);
    expect(
      score(
        'We have opened three new clinics in the valley before the winter.',
        'We will open three new clinics in the valley before the winter.',
        u,
      ),
    ).toBe(0);
  });

  it('never links a page to a remark the corpus has only from later, and asks more of a late page', () => {
    expect(quotableOn('2024-03-01', ['2024-03-02', '2024-03-05'])).toBe(true);
    expect(quotableOn('2024-03-01', ['2024-05-20', '2024-06-01'])).toBe(false);
    expect(quotableOn('2024-03-01', ['2024-05-20', null])).toBe(true);
    expect(quotableOn(null, ['2024-05-20'])).toBe(true);
    expect(remarkThreshold(0.7, '2024-12-01', ['2024-03-01'])).toBeGreaterThan(0.7);
    expect(remarkThreshold(0.7, '2024-03-03', ['2024-03-01'])).toBe(0.7);
  });

  it('reads a page’s date from its metadata, JSON-LD or dateline', () => {
    const meta = parseHTML(
      '<html><head><meta property="article:published_time" content="2024-02-29T10:00:00Z"></head><body></body></html>',
    );
    expect(metadataDate(meta.document as unknown as Document)).toBe('2024-02-29');
    const ld = parseHTML(
      '<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-11-07"}]}</script></head><body></body></html>',
    );
    expect(metadataDate(ld.document as unknown as Document)).toBe('2023-11-07');
    expect(datelineDate('Ferry talks stall\n\nOSLO, March 4, 2024 (Example Wire) - Talks stalled on Monday.')).toBe(
      '2024-03-04',
    );
    expect(datelineDate('Ferry talks stall\n\nPublished 4 Mar 2024')).toBe('2024-03-04');
    expect(datelineDate('No date here at all, only 31 February 2024.')).toBeNull();
  });
});

describe('the day a remark was made', () => {
  it('is read from its sentence: a weekday, yesterday, last week; not from inside the quotation', () => {
    const said = (text: string) => detectQuotes(text).map((q) => q.said ?? null);
    expect(said('"The ferry will run again," Lena Marsh said on Wednesday.')).toEqual(['wednesday']);
    expect(said('Lena Marsh said yesterday: "The ferry will run again."')).toEqual(['-1']);
    expect(said('Last week, Lena Marsh told reporters: "The ferry will run again."')).toEqual(['last-week']);
    expect(said('"The ferry will run again on Friday," Lena Marsh said.')).toEqual([null]);
  });

  it('is worked out against the page’s date', () => {
    // 2024-06-12 is a Wednesday.
    expect(remarkDay('wednesday', '2024-06-12')).toBe('2024-06-12');
    expect(remarkDay('monday', '2024-06-12')).toBe('2024-06-10');
    expect(remarkDay('thursday', '2024-06-12')).toBe('2024-06-06');
    expect(remarkDay('-1', '2024-06-12')).toBe('2024-06-11');
    // Last week ran Monday 3 to Sunday 9 June: the latest day it can be.
    expect(remarkDay('last-week', '2024-06-12')).toBe('2024-06-09');
    expect(remarkDay(null, '2024-06-12')).toBe('2024-06-12');
    expect(remarkDay('monday', null)).toBeNull();
  });

  it('keeps a page from linking a remark made on an earlier occasion to the corpus’s later one', () => {
    const later =
      'Ferry strike ends.\n\n"The harbour board has betrayed every ferry worker in Ostrava," Lena Marsh said on the pier.';
    const articles: SourceArticle[] = [{ file: 'later.txt', text: later }];
    const vocabulary = quoteVocabulary(articles);
    const corpus = buildCorpus(
      {
        articles: [
          { file: 'later.txt', outlet: 'Coast Post', title: null, date: '2024-06-15', event: null, url: null },
        ],
      },
      articles,
      synonymTable(wordnet, vocabulary),
      [],
      { antonyms: antonymTable(wordnet, vocabulary), rarity: rarityTable(frequencies, quoteTexts(articles)) },
    );
    const annotator = new Annotator(corpus);
    const quote = '"The harbour board has betrayed every ferry worker in Ostrava"';
    // A page of its own words around the quote, so it is not taken for the corpus's article.
    const around =
      'Talks on the winter timetable went on late into the evening at the town hall, with no end in sight.';
    // Dated Monday 10 June: by its own date the corpus's report of 15 June is within the week's slack.
    expect(annotator.annotate(`${around}\n\n${quote}, Lena Marsh said.`, { date: '2024-06-10' }).remarks).toHaveLength(
      1,
    );
    // Said on Tuesday, 4 June: the corpus has the words only from eleven days on, another occasion.
    expect(
      annotator.annotate(`${around}\n\n${quote}, Lena Marsh said on Tuesday.`, { date: '2024-06-10' }).remarks,
    ).toHaveLength(0);
    // The same for a paraphrase of it.
    expect(
      annotator.annotate(
        `${around}\n\nLena Marsh said on Tuesday that the harbour board had betrayed every ferry worker in Ostrava.`,
        {
          date: '2024-06-10',
        },
      ).remarks,
    ).toHaveLength(0);
    expect(
      annotator
        .annotate(`${around}\n\nLena Marsh said that the harbour board had betrayed every ferry worker in Ostrava.`, {
          date: '2024-06-10',
        })
        .remarks.map((r) => r.paraphrased),
    ).toEqual([true]);
  });

  it('keeps a page from linking a remark said again later to the corpus’s earlier reports of the same words', () => {
    const earlier =
      'Port strike goes on.\n\n"A strike cannot be allowed to choke the coastal economy," Hanna Berg said at the port.';
    const articles: SourceArticle[] = [{ file: 'earlier.txt', text: earlier }];
    const vocabulary = quoteVocabulary(articles);
    const corpus = buildCorpus(
      {
        articles: [
          { file: 'earlier.txt', outlet: 'Fjord Post', title: null, date: '2024-03-04', event: null, url: null },
        ],
      },
      articles,
      synonymTable(wordnet, vocabulary),
      [],
      { antonyms: antonymTable(wordnet, vocabulary), rarity: rarityTable(frequencies, quoteTexts(articles)) },
    );
    const annotator = new Annotator(corpus);
    const quote = '"A strike cannot be allowed to choke the coastal economy"';
    const around =
      'The rail unions met in the capital to vote on a walkout over their pensions, which is set for June.';
    // Thursday 9 May: the page says she said it on Monday, 6 May; the corpus reported those words in March.
    expect(
      annotator.annotate(`${around}\n\n${quote}, Hanna Berg told the unions on Monday.`, { date: '2024-05-09' })
        .remarks,
    ).toHaveLength(0);
    expect(
      annotator.annotate(
        `${around}\n\nHanna Berg said on Monday that a strike cannot be allowed to choke the coastal economy.`,
        { date: '2024-05-09' },
      ).remarks,
    ).toHaveLength(0);
    // A page that names no day may be quoting the March remark again: it keeps its note.
    expect(
      annotator.annotate(`${around}\n\n${quote}, Hanna Berg said in March.`, { date: '2024-05-09' }).remarks,
    ).toHaveLength(1);
    // Reported the next morning: a day's gap is no other occasion.
    expect(
      annotator.annotate(`${around}\n\n${quote}, Hanna Berg said on Monday.`, { date: '2024-03-05' }).remarks,
    ).toHaveLength(1);
  });
});

describe('one remark, one note', () => {
  const article = (file: string, text: string): SourceArticle => ({ file, text });
  const articles = [
    article(
      'a.txt',
      'Report from the harbour.\n\n"The ferry will run again on Friday," Lena Marsh said. "Nobody should wait on the pier in this cold," she added.',
    ),
    article(
      'b.txt',
      'Notes from the coast.\n\n"The ferry will run again on Friday," Lena Marsh told reporters. "No one should have to wait on the pier in such cold," she said.',
    ),
  ];
  const vocabulary = quoteVocabulary(articles);
  const corpus = buildCorpus(
    {
      articles: articles.map((a) => ({
        file: a.file,
        outlet: a.file,
        title: null,
        date: null,
        event: null,
        url: null,
      })),
    },
    articles,
    synonymTable(wordnet, vocabulary),
    [],
    { antonyms: antonymTable(wordnet, vocabulary), rarity: rarityTable(frequencies, quoteTexts(articles)) },
  );

  it('shows a remark quoted in the headline, a pull quote and the body as one note with every place', () => {
    const page =
      'Marsh says "The ferry will run again on Friday"\n\n"The ferry will run again on Friday"\n\n' +
      'Lena Marsh said on Tuesday: "The ferry will run again on Friday." She also said "nobody should wait on the pier in this cold".';
    const notes = new Annotator(corpus).annotate(page);
    expect(notes.remarks.length).toBe(4);
    const shown = presentNotes(notes, page, corpus);
    expect(shown.remarks.map((r) => r.selectors.length)).toEqual([3, 1]);
    expect(shown.remarks[0]!.selectors.map((s) => s.exact)).toEqual([
      'The ferry will run again on Friday',
      'The ferry will run again on Friday',
      'The ferry will run again on Friday',
    ]);
  });

  it('lists the two remarks apart in the popup’s search', () => {
    const results = new CorpusSearch(corpus).search('ferry');
    expect(results.filter((r) => r.kind === 'remark')).toHaveLength(1);
    expect(new CorpusSearch(corpus).search('pier').filter((r) => r.kind === 'remark')).toHaveLength(1);
    expect(new CorpusSearch(corpus).size).toBe(2);
  });
});
