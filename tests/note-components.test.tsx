// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyCitation } from '../components/CopyCitation';
import { FigureChart } from '../components/FigureChart';
import { FigureNote } from '../components/FigureNote';
import { NoteActions } from '../components/NoteActions';
import { NoteCard } from '../components/NoteCard';
import { NoteFeedbackList } from '../components/NoteFeedbackList';
import { NoteMarker } from '../components/NoteMarker';
import { NotePanel } from '../components/NotePanel';
import { Overlay } from '../components/Overlay';
import { RemarkNote } from '../components/RemarkNote';
import { RemarkWords } from '../components/RemarkWords';
import { NoteList } from '../components/NoteList';
import { SummaryPill } from '../components/SummaryPill';
import { WordDiff } from '../components/WordDiff';
import { citation, markerText } from '../components/format';
import { entryFor } from '../lib/extension/feedback';
import type { PageNotes, TabView } from '../lib/extension/messages';
import { presentNotes } from '../lib/extension/present';
import type { TextBox } from '../lib/page/layout';
import { loadAnnotator } from '../scripts/golden';
import { expectAccessible } from './a11y';

const annotator = loadAnnotator();
const text = readFileSync('scripts/demo/articles/retelling-st-petersburg.txt', 'utf8');
const notes: PageNotes = presentNotes(annotator.annotate(text), text, annotator.corpus);
const remark = notes.remarks.find((r) => r.quote === 'It is a kind of total destruction of the civilian population')!;
const figure = notes.figures.find((f) => f.text === 'about 15,000')!;
const view: TabView = {
  url: 'https://news.example/story',
  host: 'news.example',
  state: 'on',
  notes,
  visible: true,
  look: { palette: 'amber', highlightStyle: 'background' },
  badge: { text: '7', title: '' },
};

let root: HTMLElement;
function mount(node: VNode): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
const q = (testId: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('a remark’s note', () => {
  it('names each outlet with its date (or says it is not known), its headline linked, and why it matched', () => {
    mount(<RemarkNote remark={remark} />);
    const variants = q('retold-variant');
    expect(variants.map((v) => v.querySelector('.r-date')!.textContent)).toEqual(['date not known', '6 Jun 2024']);
    const links = q('retold-source-link') as HTMLAnchorElement[];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://israfan.com/p/putin-gaza-conflict-comments-2024',
      'https://www.jpost.com/israel-hamas-war/article-805204',
    ]);
    expect(q('retold-why').map((w) => w.textContent)).toEqual([
      'Part of a longer quote · said by Vladimir Putin',
      'A shorter excerpt of the same quote · said by Vladimir Putin',
      expect.stringMatching(
        /^Other words for the same sentence, perhaps a different translation \(\d+% alike\) · said by Vladimir Putin$/,
      ),
      expect.stringMatching(
        /^Other words for the same sentence, perhaps a different translation \(\d+% alike\) · said by Vladimir Putin$/,
      ),
      expect.stringMatching(
        /^Other words for the same sentence, perhaps a different translation \(\d+% alike\) · said by Vladimir Putin$/,
      ),
    ]);
    expectAccessible(root);
  });
});

describe('a note on a remark the page paraphrases', () => {
  const reportedText = readFileSync('scripts/demo/articles/retelling-with-reported-speech.txt', 'utf8');
  const reported = presentNotes(annotator.annotate(reportedText), reportedText, annotator.corpus);
  const paraphrase = reported.remarks.find((r) => r.paraphrased && r.quote.startsWith('he was against terrorism'))!;

  it('says "paraphrased here", never shows the page’s words in quotation marks, and marks the outlet’s words it uses', () => {
    mount(<RemarkNote remark={paraphrase} />);
    expect(q('retold-here-label')[0]!.textContent).toBe('This page’s words, not a quotation, reporting Vladimir Putin');
    expect(q('retold-paraphrase')[0]!.textContent).toBe(
      'he was against terrorism in all its manifestations and against attacks on civilians in any country',
    );
    expect(root.querySelector('.r-here q')).toBeNull();
    // The outlet's quote, whole, nothing struck: the page's words are the writer's, not a wording.
    const diff = q('retold-diff')[0]!;
    expect(diff.textContent).toBe(
      'We are against terrorism in all its manifestations, against attacks against civilians at any place and in any country',
    );
    expect(q('retold-diff-removed')).toHaveLength(0);
    expect(q('retold-diff-shared').map((m) => m.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('terrorism in all its manifestations')]),
    );
    expect(q('retold-why')[0]!.textContent).toMatch(/^Quotes what this page reports in its own words/);
    expectAccessible(root);
  });

  it('is titled as a paraphrase in its card, its marker, the list and the words', () => {
    const box: TextBox = { rects: [{ left: 24, top: 400, width: 352, height: 24 }], column: { left: 24, right: 376 } };
    mount(
      <NoteCard
        note={{ kind: 'remark', remark: paraphrase }}
        box={box}
        viewport={{ scrollX: 0, scrollY: 0, width: 400, height: 800 }}
        sheet
        onClose={() => undefined}
        onFeedback={() => undefined}
      />,
    );
    expect(root.querySelector('h2')!.textContent).toBe('Paraphrased here, quoted by 1 other outlet');
    expect(markerText({ kind: 'remark', remark: paraphrase }).tip).toBe('Paraphrased here; quoted by 1 other outlet');
    render(null, root);
    act(() =>
      render(
        <NoteList
          notes={reported}
          anchored={new Set(reported.remarks.map((r) => r.id))}
          visible
          onReveal={() => undefined}
          onToggleVisible={() => undefined}
          onClose={() => undefined}
        />,
        root,
      ),
    );
    const rows = [...root.querySelectorAll('li')].map((li) => li.querySelector('q, .r-paraphrase')!);
    expect(rows.map((r) => [r.tagName, r.textContent])).toEqual([
      ['SPAN', expect.stringMatching(/^paraphrased here he was against terrorism/)],
      ['Q', 'It is a kind of total destruction of the civilian population'],
      ['SPAN', expect.stringMatching(/^paraphrased here someone in the American administration/)],
    ]);
    render(null, root);
    act(() => render(<RemarkWords remark={{ quote: 'It must stop' }} />, root));
    expect([...root.children].map((el) => [el.tagName, el.textContent])).toEqual([['Q', 'It must stop']]);
    expectAccessible(root);
  });
});

describe('copying a wording', () => {
  it('puts the wording and its source on the clipboard, and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const outlet = remark.outlets[1]!;
    const cite = citation(outlet.wordings[0]!.quote, outlet);
    expect(cite).toBe(
      '“It is some kind of total destruction of the civilian population” — The Jerusalem Post, “Putin: Israel’s action in Gaza akin to genocide, US at fault”, 6 Jun 2024, https://www.jpost.com/israel-hamas-war/article-805204',
    );
    mount(<CopyCitation text={cite} label="Copy The Jerusalem Post's wording with its source" />);
    await act(async () => q('retold-copy')[0]!.click());
    expect(writeText).toHaveBeenCalledWith(cite);
    expect(q('retold-copy')[0]!.textContent).toContain('Copied');
    expectAccessible(root);
  });
});

describe('a figure’s note and chart', () => {
  it('draws each outlet’s figure on one number line, as SVG elements, and the table says agree or differ', () => {
    mount(<FigureNote figure={figure} />);
    const chart = q('retold-figure-chart')[0]!;
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.getAttribute('aria-label')).toContain('The Jerusalem Post: 14,000');
    expect(q('retold-chart-row')).toHaveLength(3);
    // An exact figure is a dot; a range is a bar.
    expect(q('retold-chart-row')[2]!.querySelector('circle')).not.toBeNull();
    expect(q('retold-chart-row')[0]!.querySelector('circle')).toBeNull();
    expect(q('retold-figure-other').map((r) => r.lastElementChild!.textContent)).toEqual([
      '= agrees',
      '≠ cannot both be right',
    ]);
    expectAccessible(root);
  });

  it('draws an open end as an arrow, and nothing for notes without intervals', () => {
    const atLeast = notes.figures.find((f) => f.text === 'at least 36,500')!;
    mount(<FigureChart figure={atLeast} />);
    expect(root.querySelectorAll('.r-chart-arrow').length).toBeGreaterThan(0);
    expectAccessible(root);
    render(null, root);
    mount(<FigureChart figure={{ ...figure, low: null, high: null, others: [] }} />);
    expect(root.childNodes).toHaveLength(0);
  });
});

describe('markers', () => {
  it('show = and ≠ for figures and a count for remarks, with a tooltip and a label in the right number', () => {
    // A figure one other outlet agrees with: the page's "at least 36,500", with one of the outlets that agree.
    const agreeing = notes.figures.find((f) => f.text === 'at least 36,500')!;
    const agree = { ...agreeing, others: agreeing.others.slice(0, 1) };
    mount(
      <>
        {[
          { kind: 'remark' as const, remark },
          { kind: 'figure' as const, figure: agree },
          { kind: 'figure' as const, figure },
        ].map((n, i) => (
          <NoteMarker
            key={i}
            kind={n.kind}
            id={`m${i}`}
            at={{ left: 0, top: 30 * i, size: i === 2 ? 18 : undefined }}
            count={n.kind === 'remark' ? n.remark.outlets.length : n.figure.others.length}
            differs={n.kind === 'figure' && n.figure.differs}
            {...markerText(n)}
            open={false}
            onOpen={() => undefined}
          />
        ))}
      </>,
    );
    expect(q('retold-marker-glyph').map((g) => g.textContent)).toEqual(['2', '=', '≠']);
    expect(q('retold-tip')[0]!.textContent).toBe('Quoted by 2 other outlets');
    expect(q('retold-marker')[1]!.getAttribute('aria-label')).toBe(`Figure ${agree.text}: 1 other outlet agrees`);
    expect(q('retold-marker')[2]!.style.width).toBe('18px');
    expectAccessible(root);
  });
});

describe('an open note', () => {
  const box: TextBox = { rects: [{ left: 24, top: 400, width: 352, height: 24 }], column: { left: 24, right: 376 } };
  const phone = { scrollX: 0, scrollY: 0, width: 400, height: 800 };

  it('opens as a sheet where no margin is wide enough, with hide and report buttons', () => {
    const onFeedback = vi.fn();
    mount(
      <NoteCard
        note={{ kind: 'remark', remark }}
        box={box}
        viewport={phone}
        sheet
        onClose={() => undefined}
        onFeedback={onFeedback}
      />,
    );
    expect(q('retold-note')[0]!.dataset.where).toBe('sheet');
    act(() => q('retold-wrong-note')[0]!.click());
    expect(onFeedback).toHaveBeenCalledWith('wrong');
    expectAccessible(root);
  });

  it('draws no card in the page while the note is open in the side panel', () => {
    mount(
      <Overlay
        notes={notes}
        boxes={new Map([[remark.id, box]])}
        viewport={phone}
        visible
        openId={remark.id}
        openWhere="panel"
        listOpen={false}
        theme="light"
        onOpen={() => undefined}
        onListOpen={() => undefined}
        onToggleVisible={() => undefined}
        onReveal={() => undefined}
        onFeedback={() => undefined}
      />,
    );
    expect(q('retold-note')).toHaveLength(0);
    expect(q('retold-marker')).toHaveLength(1);
    expectAccessible(root);
  });
});

describe('the side panel', () => {
  it('lists every note, remarks then figures, each with a button that shows it in the page', () => {
    const onReveal = vi.fn();
    const onFeedback = vi.fn();
    mount(<NotePanel view={view} focusId={figure.id} onReveal={onReveal} onFeedback={onFeedback} />);
    const items = q('retold-panel-note');
    expect(items.map((i) => i.dataset.note)).toEqual([...notes.remarks, ...notes.figures].map((n) => n.id));
    expect(root.querySelector('.p-focus')!.getAttribute('data-note')).toBe(figure.id);
    act(() => items[0]!.querySelector<HTMLElement>('[data-testid="retold-panel-reveal"]')!.click());
    expect(onReveal).toHaveBeenCalledWith(notes.remarks[0]!.id);
    act(() => items[1]!.querySelector<HTMLElement>('[data-testid="retold-hide-note"]')!.click());
    expect(onFeedback).toHaveBeenCalledWith(notes.remarks[1]!.id, 'hidden');
    expectAccessible(root);
  });

  it('says when the page has no notes', () => {
    mount(<NotePanel view={null} focusId={null} onReveal={vi.fn()} onFeedback={vi.fn()} />);
    expect(q('retold-panel-empty')[0]!.textContent).toMatch(/No remark or figure/);
    expectAccessible(root);
  });
});

describe('the options page’s list of hidden and reported notes', () => {
  it('lists each with an undo, newest first, and exports them', () => {
    const onUndo = vi.fn();
    const onExport = vi.fn();
    const entries = [
      entryFor(view.url, { kind: 'remark', remark }, 'hidden', new Date('2024-06-07T10:00:00Z')),
      entryFor(view.url, { kind: 'figure', figure }, 'wrong', new Date('2024-06-08T10:00:00Z')),
    ];
    mount(<NoteFeedbackList entries={entries} onUndo={onUndo} onExport={onExport} />);
    const rows = q('note-feedback-entry');
    expect(rows[0]!.textContent).toMatch(/^Reported wrong · 8 Jun 2024/);
    act(() => rows[1]!.querySelector('button')!.click());
    expect(onUndo).toHaveBeenCalledWith(entries[0]!.key);
    act(() => q('note-feedback-export')[0]!.click());
    expect(onExport).toHaveBeenCalled();
    expectAccessible(root);
  });
});

describe('small parts', () => {
  it('the actions, the pill in a narrow window, and a shorter excerpt in a diff read correctly', () => {
    mount(
      <>
        <NoteActions onFeedback={vi.fn()} />
        <SummaryPill
          text="4 remarks also reported by 2 other outlets"
          count={4}
          expanded={false}
          visible
          onToggleList={vi.fn()}
        />
        <WordDiff
          outlet="Israfan"
          parts={[
            { kind: 'omitted', text: 'It is a kind of ' },
            { kind: 'same', text: 'total destruction' },
          ]}
        />
      </>,
    );
    expect(root.querySelector('.r-pill-short')!.textContent).toBe('4 notes');
    expect(q('retold-diff')[0]!.textContent).toBe('…(quotes less) total destruction');
    expect(root.querySelector('del')).toBeNull();
    expectAccessible(root);
  });
});
