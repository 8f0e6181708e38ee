import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FigureView, RemarkView } from '../lib/extension/messages';
import { placeCard, type TextBox, type Viewport } from '../lib/page/layout';
import { plural } from './format';
import { FigureNote } from './FigureNote';
import { NoteActions } from './NoteActions';
import { RemarkNote } from './RemarkNote';

export interface NoteCardProps {
  /** The note, a remark or a figure. */
  note: { kind: 'remark'; remark: RemarkView } | { kind: 'figure'; figure: FigureView };
  /** Where the note's text is on the page. */
  box: TextBox;
  viewport: Viewport;
  /**
   * A sheet along the bottom of the window instead of a card in the margin:
   * for a window with no margin wide enough, when the side panel cannot open.
   */
  sheet?: boolean;
  /** Called when the reader closes the card (close button or Escape). */
  onClose: () => void;
  /** The reader hides the note, or says it is wrong. */
  onFeedback: (verdict: 'hidden' | 'wrong') => void;
}

/**
 * The card a note opens into: a non-modal dialog in the margin beside the
 * text, never over it; or, where no margin is wide enough, a sheet at the
 * bottom of the window (the page scrolls the note's text above it).
 */
export function NoteCard({ note, box, viewport, sheet, onClose, onFeedback }: NoteCardProps) {
  const card = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [height, setHeight] = useState(280);
  useLayoutEffect(() => {
    const h = card.current?.offsetHeight;
    if (h && Math.abs(h - height) > 1) setHeight(h);
  });
  useEffect(() => heading.current?.focus(), [note]);
  const at = sheet ? null : placeCard(box, viewport, height);
  const id = note.kind === 'remark' ? note.remark.id : note.figure.id;
  const title =
    note.kind === 'remark'
      ? note.remark.paraphrased
        ? `Paraphrased here, quoted by ${plural(note.remark.outlets.length, 'other outlet')}`
        : `Also quoted by ${plural(note.remark.outlets.length, 'other outlet')}`
      : `Also reported by ${plural(note.figure.others.length, 'other outlet')}`;
  return (
    <section
      ref={card}
      class={`r-card r-card-${note.kind}${note.kind === 'remark' && note.remark.paraphrased ? ' r-card-paraphrase' : ''}${at ? '' : ' r-sheet'}`}
      role="dialog"
      aria-labelledby={`${id}-title`}
      data-testid="retold-note"
      data-note={id}
      data-where={at ? 'margin' : 'sheet'}
      style={at ? { left: `${at.left}px`, top: `${at.top}px`, width: `${at.width}px` } : undefined}
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
      <NoteActions onFeedback={onFeedback} />
    </section>
  );
}
