import type { PageNotes } from '../lib/extension/messages';
import { plural } from './format';

export interface TabNotesProps {
  /** The notes the current page shows, as the background sends them. */
  notes: PageNotes;
  /** Scroll the page to a note and open it. */
  onReveal: (noteId: string) => void;
}

/** The popup's list of this page's notes: each remark and figure, how many other outlets report it; each shows it on the page. */
export function TabNotes({ notes, onReveal }: TabNotesProps) {
  if (notes.remarks.length + notes.figures.length === 0) return null;
  return (
    <ul class="tab-notes" aria-label="Notes on this page" data-testid="tab-notes">
      {notes.remarks.map((r) => (
        <li key={r.id}>
          <button type="button" class="tab-note" data-testid="tab-note" onClick={() => onReveal(r.id)}>
            <q class="tab-note-text">{r.quote}</q>
            <span class="tab-note-meta">
              {r.speaker ? `${r.speaker} · ` : ''}quoted by {plural(r.outlets.length, 'other outlet')}
            </span>
          </button>
        </li>
      ))}
      {notes.figures.map((f) => {
        const outlets = new Set(f.others.map((o) => o.articleId)).size;
        return (
          <li key={f.id}>
            <button type="button" class="tab-note" data-testid="tab-note" onClick={() => onReveal(f.id)}>
              <span class="tab-note-text">
                <strong>{f.text}</strong> {f.quantity}
              </span>
              <span class="tab-note-meta">
                {plural(outlets, 'other outlet')}:{' '}
                <span class={f.differs ? 'differs' : 'agrees'}>
                  {f.differs ? 'figures differ' : outlets === 1 ? 'agrees' : 'agree'}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
