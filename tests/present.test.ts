import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PageNotesSchema } from '../lib/extension/messages';
import { presentNotes } from '../lib/extension/present';
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
});
