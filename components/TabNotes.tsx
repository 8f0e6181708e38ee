import type { FigureView, PageNotes } from '../lib/extension/messages';
import { plural } from './format';
import { RemarkWords } from './RemarkWords';

export interface TabNotesProps {
  /** The notes the current page shows, as the background sends them. */
  notes: PageNotes;
  /** Scroll the page to a note and open it. */
  onReveal: (noteId: string) => void;
}

/** "2 outlets agree", "1 outlet differs", "1 outlet agrees, 1 differs": the other outlets' figures against this page's. */
function verdict(figure: FigureView): string {
  const agree = figure.others.filter((o) => o.agrees).length;
  const differ = figure.others.length - agree;
  const parts = [];
  if (agree) parts.push(`${agree} ${agree === 1 ? 'agrees' : 'agree'}`);
  if (differ) parts.push(`${differ} ${differ === 1 ? 'differs' : 'differ'}`);
  // The first count names what is counted: "1 outlet agrees, 2 differ".
  const [first = '', ...rest] = parts;
  const n = agree || differ;
  return [first.replace(/^(\d+)/, `$1 ${n === 1 ? 'outlet' : 'outlets'}`), ...rest].join(', ');
}

/**
 * The popup's list of this page's notes, one line each: a remark and how many
 * other outlets quote it, a figure and how many other outlets' figures agree
 * with it or differ. Each shows its note on the page.
 */
export function TabNotes({ notes, onReveal }: TabNotesProps) {
  if (notes.remarks.length + notes.figures.length === 0) return null;
  return (
    <ul class="tab-notes" aria-label="Notes on this page" data-testid="tab-notes">
      {notes.remarks.map((r) => (
        <li key={r.id}>
          <button type="button" class="tab-note" data-testid="tab-note" onClick={() => onReveal(r.id)}>
            <RemarkWords remark={r} tagged class="tab-note-text" />
            <span class="tab-note-meta">
              <span class="sr-only">, </span>
              {plural(r.outlets.length, 'other outlet')}
            </span>
          </button>
        </li>
      ))}
      {notes.figures.map((f) => (
        <li key={f.id}>
          <button type="button" class="tab-note" data-testid="tab-note" onClick={() => onReveal(f.id)}>
            <span class="tab-note-text">
              <strong>{f.text}</strong> {f.quantity}
            </span>
            <span class={`tab-note-meta ${f.differs ? 'differs' : 'agrees'}`}>
              <span class="sr-only">, </span>
              {verdict(f)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
