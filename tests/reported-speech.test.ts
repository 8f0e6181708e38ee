/**
 * A small regression set of invented news articles (tests/fixtures/reported-speech):
 * several outlets covering four events, reported speech of many shapes, and
 * near misses on purpose. Each page gets exactly the notes labelled by
 * reading it in labels.json, and no other: a wrong note is worse than a
 * missing one. The links the matcher still misses are listed there, not
 * asserted.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFromFolder } from '../data/build';
import { Annotator } from '../lib/corpus/annotate';
import { readArticleFile } from '../lib/node/io';

const root = join(import.meta.dirname, 'fixtures', 'reported-speech');
interface Label {
  kind: 'quote' | 'paraphrase';
  words: string;
  speaker: string | null;
  outlets: string[];
}
const labels = JSON.parse(readFileSync(join(root, 'labels.json'), 'utf8')) as {
  pages: Record<string, { notes: Label[] }>;
};
const corpus = buildFromFolder(join(root, 'corpus'), () => {});
const annotator = new Annotator(corpus);
const key = (n: Label) =>
  `${n.kind} | ${n.words} | ${n.speaker ?? '(nobody named)'} | ${[...n.outlets].sort().join(', ')}`;

describe('reported speech on invented news pages', () => {
  it('gives the corpus’s quotes their speakers: not the person spoken of, a headline word or the last speaker', () => {
    const speakers = (words: string) => corpus.quotes.filter((q) => q.quote === words).map((q) => q.speaker);
    expect(speakers('has nothing to offer')).toEqual(['Petter Solheim']);
    expect(speakers('We want a raise, not a referee')).toEqual(['Petter Solheim']);
    expect(speakers('is not yet beaten')).toEqual(['Tomas Okafor', 'Tomas Okafor']);
    expect(speakers('stop the bloodshed')).toEqual(['Marta Lindqvist', 'Marta Lindqvist']);
    expect(speakers("a gamble with people's savings")).toEqual(['Tomas Okafor']);
  });

  for (const [file, page] of Object.entries(labels.pages)) {
    it(`${file}: the labelled notes and no other`, () => {
      const { text, date } = readArticleFile(join(root, 'pages', file));
      expect(date).not.toBeNull();
      const notes = annotator.annotate(text, { date }).remarks.map((r) =>
        key({
          kind: r.paraphrased ? 'paraphrase' : 'quote',
          words: r.quote,
          speaker: r.speaker,
          outlets: [...new Set(r.matches.map((m) => m.outlet ?? m.articleId))],
        }),
      );
      expect(notes.sort()).toEqual(page.notes.map(key).sort());
    });
  }
});
