import { describe, expect, it } from 'vitest';
import { CorpusSearch } from '../lib/corpus/search';
import { loadAnnotator } from '../scripts/golden';

const corpus = loadAnnotator().corpus;
const search = new CorpusSearch(corpus);
const first = (q: string) => search.search(q)[0];

describe('searching the corpus', () => {
  it('finds a remark by the beginning of a word and by a misspelt word', () => {
    const r = first('bloodsh');
    expect(r?.kind === 'remark' && r.wordings.map((w) => w.outlet)).toEqual(['Forbes', null]);
    const e = first('elimnation');
    expect(e?.kind === 'remark' && e.wordings.some((w) => w.quote.includes('complete elimination'))).toBe(true);
  });

  it('lists every outlet’s wording of a remark, each diffed against the first', () => {
    const r = first('elimnation');
    if (r?.kind !== 'remark') throw new Error('expected a remark');
    expect(r.wordings[0]!.diff).toEqual([]);
    for (const w of r.wordings.slice(1)) {
      const rebuilt = w.diff
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join('');
      expect(rebuilt.toLowerCase()).toBe(w.quote.toLowerCase());
    }
  });

  it('keeps apart remarks that only share a phrase, as the corpus builder groups them', () => {
    // "They monopolized the peace process" and "we need to work together rather than trying to monopolize the peace
    // process" are two remarks of one speaker: neither is listed as the other's wording.
    for (const r of search.search('monopolize')) {
      if (r.kind !== 'remark') continue;
      const said = r.wordings.map((w) => w.quote);
      expect(said.some((q) => q.startsWith('They monopolized')) && said.some((q) => q.startsWith('We need'))).toBe(
        false,
      );
    }
  });

  it('finds remarks by speaker and by outlet', () => {
    const byPutin = search.search('Putin');
    expect(byPutin.filter((r) => r.kind === 'remark').length).toBeGreaterThan(5);
    for (const r of search.search('Forbes'))
      expect(r.kind === 'remark' ? r.wordings.map((w) => w.outlet) : r.figures.map((f) => f.outlet)).toContain(
        'Forbes',
      );
  });

  it('finds figures by what they count, with each outlet’s value and whether they agree', () => {
    const f = first('fighters killed');
    expect(f).toMatchObject({ kind: 'figure', quantity: 'fighters killed', differs: true });
    expect(f?.kind === 'figure' && f.figures.map((x) => x.text)).toEqual(['approximately 15,000', '14,000']);
  });

  it('returns nothing for a blank query or a word the corpus does not have', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('qwxzv')).toEqual([]);
  });
});

describe('every remark is searchable', () => {
  it('finds a remark only one outlet quotes, with that outlet alone', () => {
    const r = first('genocidal');
    expect(r).toMatchObject({ kind: 'remark', wordings: [{ outlet: 'Israfan', quote: 'genocidal', diff: [] }] });
  });

  it('counts every remark, and every figure several outlets report', () => {
    const sharedFigures = corpus.groups.filter(
      (g) => new Set(g.figures.map((id) => corpus.figures[id]!.articleId)).size > 1,
    );
    expect(search.size).toBe(corpus.remarks.length + sharedFigures.length);
  });

  it('ranks a remark several outlets quote above one outlet’s remark that matches as well', () => {
    const results = search.search('unacceptable');
    expect(results.length).toBeGreaterThan(1);
    const outlets = results.map((r) => (r.kind === 'remark' ? r.wordings.length : 0));
    expect(outlets[0]).toBeGreaterThan(1);
    expect(outlets.slice(1)).toContain(1);
  });

  it('gives each wording its article’s headline, date and address, as far as the corpus has them', () => {
    const r = search.search('Jerusalem').find((x) => x.kind === 'remark' && x.wordings.length === 1);
    expect(r?.kind === 'remark' && r.wordings[0]).toMatchObject({
      outlet: 'The Jerusalem Post',
      title: 'Putin: Israel’s action in Gaza akin to genocide, US at fault',
      date: '2024-06-06',
      url: 'https://www.jpost.com/israel-hamas-war/article-805204',
    });
    const f = first('fighters killed');
    expect(f?.kind === 'figure' && f.figures.map((x) => [x.outlet, x.url])).toEqual([
      ['Israfan', 'https://israfan.com/p/putin-gaza-conflict-comments-2024'],
      ['The Jerusalem Post', 'https://www.jpost.com/israel-hamas-war/article-805204'],
    ]);
    const wire = first('bloodsh');
    expect(wire?.kind === 'remark' && wire.wordings.map((w) => [w.outlet, w.url])).toEqual([
      ['Forbes', null],
      [null, null],
    ]);
  });
});
