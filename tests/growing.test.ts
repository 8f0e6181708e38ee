/**
 * A corpus grown one article at a time (the reader's remembered articles)
 * must come out as the builder makes it from the same articles in the same
 * order: the same remarks, and the same notes on a page. Checked over
 * several generated sets of articles (the scale benchmark's synthetic
 * coverage, planted variants and decoys of the seed remarks among them), in
 * shuffled orders, and again after forgetting some of them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Annotator } from '../lib/corpus/annotate';
import { articleEntries, articleId, corpusFromEntries, type ArticleEntries } from '../lib/corpus/corpus';
import { GrowingCorpus } from '../lib/corpus/growing';
import { Stories } from '../lib/corpus/decisions';
import type { Corpus } from '../lib/corpus/schema';
import { syntheticFolder } from '../scripts/bench/synthetic';

const root = new URL('..', import.meta.url).pathname;
const bundled = JSON.parse(readFileSync(join(root, 'data/corpus.json'), 'utf8')) as Corpus;
const lexicon = { antonyms: bundled.antonyms, rarity: bundled.rarity };

/** A seeded shuffle (mulberry32), so a failing order can be run again. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Article {
  entries: ArticleEntries;
  text: string;
}

/** A generated set: the seeds and `size` − 5 synthetic articles, read as remembered articles are (no event when asked). */
function articleSet(size: number, seed: number, withEvents: boolean): Article[] {
  const folder = syntheticFolder(size, join(root, 'seeds'), seed);
  return shuffled(
    folder.manifest.articles.map(({ file, ...meta }) => {
      const text = folder.files.get(file) ?? readFileSync(join(root, 'seeds', file), 'utf8');
      return {
        text,
        entries: articleEntries(articleId(file), { ...meta, event: withEvents ? meta.event : null }, text),
      };
    }),
    seed,
  );
}

/** Each remark as the set of wordings it groups: article, quote and sentence, so quote numbering does not count. */
function remarkGroups(corpus: Corpus): string[][] {
  return corpus.remarks
    .filter((r) => r.variants.length)
    .map((r) =>
      r.variants.map((v) => `${corpus.quotes[v.quote]!.articleId} | ${corpus.quotes[v.quote]!.quote} | ${v.text}`),
    )
    .map((g) => g.sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

const fromScratch = (articles: readonly Article[]) =>
  corpusFromEntries(
    articles.map((a) => a.entries),
    bundled.synonyms,
    [],
    lexicon,
  );

function grown(articles: readonly Article[]): GrowingCorpus {
  const growing = new GrowingCorpus(bundled.synonyms, lexicon);
  for (const a of articles) growing.add(a.entries);
  return growing;
}

/** Every article's notes from the corpus without it (the page is left out as itself, by its text). */
function notesOf(annotator: Annotator, pages: readonly Article[]) {
  return pages.map((p) => annotator.annotate(p.text, { date: p.entries.article.date }));
}

const SETS = [
  { size: 60, seed: 1, withEvents: false },
  { size: 90, seed: 2, withEvents: true },
  { size: 120, seed: 3, withEvents: false },
  { size: 80, seed: 4, withEvents: false },
];

describe('a corpus grown one article at a time', () => {
  for (const { size, seed, withEvents } of SETS) {
    it(`groups the remarks and writes the notes the builder does (${size} articles, seed ${seed}${withEvents ? ', events' : ''})`, () => {
      const articles = articleSet(size, seed, withEvents);
      const scratch = fromScratch(articles);
      const growing = grown(articles);
      // Same articles in the same order: the same quote numbers, so the remarks themselves compare.
      expect(growing.current.remarks).toEqual(scratch.remarks);
      expect(growing.current.quotes).toEqual(scratch.quotes);
      // Some remark is quoted by more than one article: the sets exercise grouping, not only single quotes.
      expect(
        scratch.remarks.some((r) => new Set(r.variants.map((v) => scratch.quotes[v.quote]!.articleId)).size > 1),
      ).toBe(true);
      const pages = articles.filter((_, i) => i % 7 === 0);
      const notes = notesOf(growing.annotator(), pages);
      expect(notes).toEqual(notesOf(new Annotator(scratch), pages));
      expect(notes.some((n) => n.remarks.some((r) => r.matches.length > 0))).toBe(true);
    });

    it(`forgets articles as if they had never been added (${size} articles, seed ${seed})`, () => {
      const articles = articleSet(size, seed, withEvents);
      const growing = grown(articles);
      // A few forgotten (kept in place), then most (the lists rebuilt), then one read again.
      const few = new Set(articles.filter((_, i) => i % 9 === 4).map((a) => a.entries.article.id));
      growing.forget(few);
      let kept = articles.filter((a) => !few.has(a.entries.article.id));
      expect(remarkGroups(growing.current)).toEqual(remarkGroups(fromScratch(kept)));
      const pages = articles.filter((_, i) => i % 9 === 4 || i % 11 === 0);
      expect(notesOf(growing.annotator(), pages)).toEqual(notesOf(new Annotator(fromScratch(kept)), pages));

      const most = new Set(kept.filter((_, i) => i % 3 !== 0).map((a) => a.entries.article.id));
      growing.forget(most);
      kept = kept.filter((a) => !most.has(a.entries.article.id));
      expect(growing.size).toBe(kept.length);
      expect(remarkGroups(growing.current)).toEqual(remarkGroups(fromScratch(kept)));
      expect(notesOf(growing.annotator(), pages)).toEqual(notesOf(new Annotator(fromScratch(kept)), pages));

      const again = articles.find((a) => most.has(a.entries.article.id))!;
      growing.add(again.entries);
      kept = [...kept, again];
      expect(remarkGroups(growing.current)).toEqual(remarkGroups(fromScratch(kept)));
      expect(notesOf(growing.annotator(), pages)).toEqual(notesOf(new Annotator(fromScratch(kept)), pages));
    });
  }

  it('takes in articles again from the pairs kept with them, scoring none, as a restarted worker does', () => {
    const articles = articleSet(90, 6, false);
    const growing = grown(articles);
    const kept = articles.map((a) => ({ entries: a.entries, pairs: growing.pairsOf(a.entries.article.id) }));
    expect(kept.some((k) => k.pairs.length > 0)).toBe(true);
    const loaded = new GrowingCorpus(bundled.synonyms, lexicon);
    loaded.load(kept);
    expect(loaded.current.remarks).toEqual(growing.current.remarks);
    // In another order (an article read again moves to the end), and one kept before pairs were: the same remarks.
    const reordered = new GrowingCorpus(bundled.synonyms, lexicon);
    const order = shuffled(kept, 7).map((k, i) => (i === 0 ? { entries: k.entries } : k));
    reordered.load(order);
    expect(remarkGroups(reordered.current)).toEqual(remarkGroups(growing.current));
    const pages = articles.filter((_, i) => i % 8 === 0);
    // The one without pairs is scored after the others are taken in, so it comes last.
    const inOrder = [...order.slice(1), order[0]!].map((k) => articles.find((a) => a.entries === k.entries)!);
    expect(notesOf(reordered.annotator(), pages)).toEqual(notesOf(new Annotator(fromScratch(inOrder)), pages));
  });

  it('finds a page’s story by walking from it as joining every article by its names would (no article has an event)', () => {
    for (const seed of [1, 3]) {
      const articles = articleSet(120, seed, false);
      const corpus = fromScratch(articles);
      const made = () => {
        const stories = new Stories(corpus.articles);
        for (const r of corpus.remarks) stories.link(r.variants.map((v) => corpus.quotes[v.quote]!.articleId));
        return stories;
      };
      let larger = 0;
      for (const page of articles.filter((_, i) => i % 5 === 0)) {
        const remarks = corpus.remarks
          .filter((r) => r.variants.some((v) => corpus.quotes[v.quote]!.articleId === page.entries.article.id))
          .map((r) => r.variants.map((v) => corpus.quotes[v.quote]!.articleId));
        const walked = made().storyOfPage(remarks, page.entries.article.names);
        const joined = made();
        joined.groups(); // every article joined by its names first
        expect([...walked].sort()).toEqual([...joined.storyOfPage(remarks, page.entries.article.names)].sort());
        if (walked.size > 1) larger++;
      }
      // Stories of more than the page's own article: the walk is exercised, not only its start.
      expect(larger).toBeGreaterThan(3);
    }
  });

  it('takes an article read again in place of the earlier reading, and forgets everything', () => {
    const articles = articleSet(40, 5, false);
    const growing = grown(articles);
    growing.add(articles[3]!.entries);
    expect(growing.size).toBe(40);
    expect(remarkGroups(growing.current)).toEqual(
      remarkGroups(fromScratch([...articles.filter((_, i) => i !== 3), articles[3]!])),
    );
    growing.forget(articles.map((a) => a.entries.article.id));
    expect(growing.size).toBe(0);
    expect(growing.annotator().annotate(articles[0]!.text).remarks).toEqual([]);
  });
});
