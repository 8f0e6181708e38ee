import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FigureView, RemarkView } from '../lib/extension/messages';
import { placeCard, type TextBox, type Viewport } from '../lib/page/layout';
import { plural } from './format';
import { FigureNote } from './FigureNote';
import { RemarkNote } from './RemarkNote';

export interface NoteCardProps {
  /** The note, a remark or a figure. */
  note: { kind: 'remark'; remark: RemarkView } | { kind: 'figure'; figure: FigureView };
  /** Where the note's text is on the page. */
  box: TextBox;
  viewport: Viewport;
  /** Called when the reader closes the card (close button or Escape). */
  onClose: () => void;
}

/** The card a note opens into: a non-modal dialog beside the text, never over it when there is a margin. */
export function NoteCard({ note, box, viewport, onClose }: NoteCardProps) {
  const card = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [height, setHeight] = useState(280);
  useLayoutEffect(() => {
    const h = card.current?.offsetHeight;
    if (h && Math.abs(h - height) > 1) setHeight(h);
  });
  useEffect(() => heading.current?.focus(), [note]);
  const at = placeCard(box, viewport, height);
  const id = note.kind === 'remark' ? note.remark.id : note.figure.id;
  const title =
    note.kind === 'remark'
      ? `Also quoted by ${plural(note.remark.outlets.length, 'other outlet')}`
      : `Also reported by ${plural(note.figure.others.length, 'other outlet')}`;
  return (
    <section
      ref={card}
      class={`r-card r-card-${note.kind}`}
      role="dialog"
      aria-labelledby={`${id}-title`}
      data-testid="retold-note"
      data-note={id}
      style={{ left: `${at.left}px`, top: `${at.top}px`, width: `${at.width}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header class="r-card-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" class="r-close" aria-label="Close note" onClick={onClose}>
          ×
        </button>
      </header>
      {note.kind === 'remark' ? <RemarkNote remark={note.remark} /> : <FigureNote figure={note.figure} />}
    </section>
  );
}
