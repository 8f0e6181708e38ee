import type { PageNotes } from '../lib/extension/messages';
import { outletName, plural } from './format';
import { RemarkWords } from './RemarkWords';

export interface NoteListProps {
  /** Every note on the page. */
  notes: PageNotes;
  /** Ids of the notes whose text was found on the page; the others cannot be shown in place. */
  anchored: ReadonlySet<string>;
  visible: boolean;
  /** Scroll to a note and open it. */
  onReveal: (id: string) => void;
  onToggleVisible: () => void;
  onClose: () => void;
}

/** Every note on the page in one list, opened from the summary pill. */
export function NoteList({ notes, anchored, visible, onReveal, onToggleVisible, onClose }: NoteListProps) {
  const outlets = (names: (string | null)[]) => [...new Set(names.map(outletName))].join(', ');
  return (
    <section
      id="retold-list"
      class="r-list"
      role="dialog"
      aria-label="Retold notes on this page"
      data-testid="retold-list"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header class="r-card-head">
        <h2>Notes on this page</h2>
        <button type="button" class="r-close" aria-label="Close list" onClick={onClose}>
          ×
        </button>
      </header>
      <ol>
        {notes.remarks.map((r) => (
          <li key={r.id}>
            <button type="button" disabled={!anchored.has(r.id)} onClick={() => onReveal(r.id)}>
              <RemarkWords remark={r} tagged />
              <span class="r-meta">
                {r.speaker ? `${r.speaker} · ` : ''}
                {plural(r.outlets.length, 'outlet')}: {outlets(r.outlets.map((o) => o.outlet))}
              </span>
            </button>
          </li>
        ))}
        {notes.figures.map((f) => (
          <li key={f.id}>
            <button type="button" disabled={!anchored.has(f.id)} onClick={() => onReveal(f.id)}>
              <span class={f.differs ? 'r-differs' : 'r-agrees'}>{f.differs ? '≠' : '='}</span> {f.text}
              <span class="r-meta">
                {f.quantity} · {f.differs ? 'differs from' : 'agrees with'} {outlets(f.others.map((o) => o.outlet))}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {notes.clipped ? (
        <p class="r-meta" data-testid="retold-clipped">
          A long article: only its first {notes.clipped.toLocaleString('en')} characters were read.
        </p>
      ) : null}
      <footer>
        <button type="button" class="r-toggle" data-testid="retold-toggle" onClick={onToggleVisible}>
          {visible ? 'Hide highlights' : 'Show highlights'}
        </button>
        <span class="r-hint">
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd>
        </span>
      </footer>
    </section>
  );
}
