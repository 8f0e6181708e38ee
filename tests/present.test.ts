import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PageNotesSchema } from '../lib/extension/messages';
import { matchReason, presentNotes, quotedWords } from '../lib/extension/present';
import { view } from '../lib/extension/view';
import { DEFAULTS } from '../lib/extension/settings';
import { loadAnnotator } from '../scripts/golden';

const annotator = loadAnnotator();
const text = readFileSync('scripts/demo/articles/retelling-st-petersburg.txt', 'utf8');
const notes = presentNotes(annotator.annotate(text), text, annotator.corpus);

describe('notes as the page receives them', () => {
  it('are valid messages', () => {
    expect(PageNotesSchema.safeParse(notes).success).toBe(true);
  });

  it('group each remark’s wordings by outlet, best first, each with its word diff', () => {
    const remark = notes.remarks.find(
      (r) => r.quote === 'It is a kind of total destruction of the civilian population',
    )!;
    expect(remark.outlets.map((o) => o.outlet)).toEqual(['Israfan', 'The Jerusalem Post']);
    const jpost = remark.outlets[1]!;
    expect(jpost.wordings[0]!.quote).toBe('It is some kind of total destruction of the civilian population');
    expect(jpost.wordings[0]!.diff.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['a', 'some']);
  });

  it('carry selectors whose exact text is the quote, so the page can find it', () => {
    for (const r of notes.remarks) for (const s of r.selectors) expect(r.quote).toContain(s.exact);
    for (const f of notes.figures) expect(f.selector.exact).toBe(f.text);
  });

  it('say for each other outlet’s figure whether it agrees', () => {
    const fighters = notes.figures.find((f) => f.text === 'about 15,000')!;
    expect(fighters.differs).toBe(true);
    expect(fighters.others.map((o) => [o.outlet, o.text, o.agrees])).toEqual([
      ['Israfan', 'approximately 15,000', true],
      ['The Jerusalem Post', '14,000', false],
    ]);
  });

  it('count the distinct other outlets they draw on', () => {
    expect(notes.outletCount).toBe(2);
  });

  it('say why each wording matched, and link the other outlet’s article where the corpus knows its address', () => {
    const reasons = (quote: string) =>
      notes.remarks.find((r) => r.quote === quote)!.outlets.map((o) => [o.outlet, o.wordings[0]!.reason]);
    expect(reasons('It is a kind of total destruction of the civilian population')).toEqual([
      ['Israfan', 'longer-quote'],
      ['The Jerusalem Post', 'other-words'],
    ]);
    expect(matchReason([{ kind: 'same', text: 'stop the bloodshed' }])).toBe('same-words');
    expect(
      matchReason([
        { kind: 'omitted', text: 'Now ' },
        { kind: 'same', text: 'stop the bloodshed' },
      ]),
    ).toBe('shorter-excerpt');
    const israfan = notes.remarks[0]!.outlets.find((o) => o.outlet === 'Israfan')!;
    expect(israfan.url).toBe('https://israfan.com/p/putin-gaza-conflict-comments-2024');
    expect(israfan.title).toMatch(/Total Destruction/);
  });

  it('carry each figure’s interval, for the chart', () => {
    const fighters = notes.figures.find((f) => f.text === 'about 15,000')!;
    expect([fighters.low, fighters.high]).toEqual([14250, 15750]);
    expect(fighters.others.map((o) => [o.low, o.high])).toEqual([
      [14250, 15750],
      [14000, 14000],
    ]);
  });
});

describe('a page that paraphrases remarks', () => {
  const reportedText = readFileSync('scripts/demo/articles/retelling-with-reported-speech.txt', 'utf8');
  const reported = presentNotes(annotator.annotate(reportedText), reportedText, annotator.corpus);

  it('gives each paraphrase a note of its own kind, beside the quote’s, in page order and valid as a message', () => {
    expect(PageNotesSchema.safeParse(reported).success).toBe(true);
    expect(reported.remarks.map((r) => [r.paraphrased ?? false, r.quote.split(' ').slice(0, 4).join(' ')])).toEqual([
      [true, 'he was against terrorism'],
      [false, 'It is a kind'],
      [true, 'someone in the American'],
    ]);
    const [first] = reported.remarks;
    expect(first!.selectors.map((s) => s.exact)).toEqual([first!.quote]);
    expect(first!.outlets[0]!.wordings[0]!.reason).toBe('paraphrase');
  });

  it('counts them as remarks in the badge, as the pill and the popup do', () => {
    const shown = view({ url: 'https://news.example/a', notes: reported, visible: true }, DEFAULTS);
    expect(shown.badge.text).toBe(String(3 + reported.figures.length));
    expect(shown.badge.title).toMatch(/^Retold: 3 remarks and/);
  });

  it('keeps only the outlet’s words in the comparison, those the paraphrase shares as such', () => {
    expect(
      quotedWords([
        { kind: 'same', text: 'the council ' },
        { kind: 'removed', text: 'of hijacking' },
        { kind: 'added', text: 'has hijacked' },
        { kind: 'same', text: ' the talks' },
        { kind: 'context', text: ', and everyone knows it' },
      ]),
    ).toEqual([
      { kind: 'same', text: 'the council ' },
      { kind: 'added', text: 'has hijacked' },
      { kind: 'same', text: ' the talks' },
      { kind: 'added', text: ', and everyone knows it' },
    ]);
  });
});
