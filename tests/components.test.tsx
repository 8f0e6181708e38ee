// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay, type OverlayProps } from '../components/Overlay';
import { WordDiff } from '../components/WordDiff';
import { formatDate, summaryText } from '../components/format';
import type { TextBox } from '../lib/page/layout';
import type { PageNotes } from '../lib/extension/messages';
import { presentNotes } from '../lib/extension/present';
import { loadAnnotator } from '../scripts/golden';

const annotator = loadAnnotator();
const text = readFileSync('scripts/demo/articles/retelling-st-petersburg.txt', 'utf8');
const notes: PageNotes = presentNotes(annotator.annotate(text), text, annotator.corpus);
const ids = [...notes.remarks, ...notes.figures].map((n) => n.id);
const boxes = new Map<string, TextBox>(
  ids.map((id, i) => [
    id,
    { rects: [{ left: 300, top: 100 + 60 * i, width: 400, height: 24 }], column: { left: 280, right: 900 } },
  ]),
);
const viewport = { scrollX: 0, scrollY: 0, width: 1400, height: 900 };

let root: HTMLElement;
function mount(props: Partial<OverlayProps> = {}) {
  root = document.createElement('div');
  document.body.append(root);
  const all: OverlayProps = {
    notes,
    boxes,
    viewport,
    visible: true,
    openId: null,
    listOpen: false,
    theme: 'light',
    onOpen: vi.fn(),
    onListOpen: vi.fn(),
    onToggleVisible: vi.fn(),
    onReveal: vi.fn(),
    onFeedback: vi.fn(),
    ...props,
  };
  act(() => render(<Overlay {...all} />, root));
  return all;
}
const q = (testId: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the overlay', () => {
  it('draws one labelled marker per note and a pill that sums them up', () => {
    mount();
    expect(q('retold-marker')).toHaveLength(ids.length);
    for (const m of q('retold-marker')) expect(m.getAttribute('aria-label')).toMatch(/other outlet/);
    expect(q('retold-summary')[0]!.textContent).toBe(summaryText(notes));
    // The retelling's remarks: three (its headline's quote and the body's are one). Its figures other outlets report: at least 36,500 Palestinians killed, about 15,000 of them fighters
    // ("close to three hours" is a duration, never a figure).
    expect(summaryText(notes)).toBe('3 remarks and 2 figures also reported by 2 other outlets');
  });

  it('asks to open a note when its marker is pressed, and to close it when pressed again', () => {
    const props = mount();
    act(() => q('retold-marker')[1]!.click());
    expect(props.onOpen).toHaveBeenCalledWith(q('retold-marker')[1]!.dataset.note);
    render(null, root);
    const open = mount({ openId: ids[1]! });
    act(() =>
      q('retold-marker')
        .find((m) => m.dataset.note === ids[1])!
        .click(),
    );
    expect(open.onOpen).toHaveBeenCalledWith(null);
  });

  it('shows an open remark as a labelled dialog with each outlet, its date and its wording', () => {
    const remark = notes.remarks.find((r) => r.outlets.length === 2)!;
    const props = mount({ openId: remark.id });
    const card = q('retold-note')[0]!;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(root.querySelector(`#${card.getAttribute('aria-labelledby')}`)?.textContent).toBe(
      'Also quoted by 2 other outlets',
    );
    expect(q('retold-outlet').map((e) => e.textContent)).toEqual(remark.outlets.map((o) => o.outlet));
    act(() => {
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(props.onOpen).toHaveBeenCalledWith(null);
  });

  it('hides markers and cards when notes are hidden, but keeps the pill', () => {
    mount({ visible: false, openId: ids[0]! });
    expect(q('retold-marker')).toHaveLength(0);
    expect(q('retold-note')).toHaveLength(0);
    expect(q('retold-pill')[0]!.textContent).toContain('notes hidden');
  });

  it('lists every note from the pill; a note in the list asks to be revealed', () => {
    const props = mount({ listOpen: true });
    const items = q('retold-list')[0]!.querySelectorAll('li button');
    expect(items).toHaveLength(ids.length);
    act(() => (items[0] as HTMLButtonElement).click());
    expect(props.onReveal).toHaveBeenCalledWith(notes.remarks[0]!.id);
    act(() => q('retold-toggle')[0]!.click());
    expect(props.onToggleVisible).toHaveBeenCalled();
  });
});

describe('word diffs', () => {
  it('mark added and removed words with ins and del, and show page text as text, never markup', () => {
    root = document.createElement('div');
    document.body.append(root);
    act(() =>
      render(
        <WordDiff
          outlet="Other"
          parts={[
            { kind: 'same', text: 'he said ' },
            { kind: 'removed', text: '<img src=x onerror=alert(1)>' },
            { kind: 'added', text: '<script>alert(1)</script>' },
          ]}
        />,
        root,
      ),
    );
    expect(root.querySelector('del')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('ins')!.textContent).toBe('<script>alert(1)</script>');
    expect(root.querySelector('img, script')).toBeNull();
  });
});

describe('formatting', () => {
  it('writes dates the way a reader reads them, and nothing for a missing or bad date', () => {
    expect(formatDate('2023-10-13')).toBe('13 Oct 2023');
    expect(formatDate(null)).toBeNull();
    expect(formatDate('13/10/2023')).toBeNull();
  });
});

describe('conventions', () => {
  it('every component is one exported function with an exported, documented props type', () => {
    for (const file of readdirSync('components').filter((f) => f.endsWith('.tsx'))) {
      const name = file.replace('.tsx', '');
      const source = readFileSync(`components/${file}`, 'utf8');
      expect(source, file).toMatch(new RegExp(`export function ${name}\\(`));
      expect(source, file).toMatch(new RegExp(`export interface ${name}Props \\{\\n  /\\*\\*`));
    }
  });
});
