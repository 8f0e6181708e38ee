import type { Ref } from 'preact';
import type { Placed } from '../lib/page/layout';

export interface NoteMarkerProps {
  /** A quoted remark or a reported figure. */
  kind: 'remark' | 'figure';
  /** The note's id; the card it opens has the same. */
  id: string;
  /** Where the marker goes, in document coordinates. */
  at: Placed;
  /** How many other outlets the note draws on. */
  count: number;
  /** True for figures that other outlets contradict. */
  differs: boolean;
  /** What a screen reader says for the marker. */
  label: string;
  /** Whether this marker's card is open. */
  open: boolean;
  onOpen: (id: string) => void;
  /** Receives the button, so focus can return to it when its card closes. */
  buttonRef?: Ref<HTMLButtonElement>;
}

/** A small button in the margin beside a note's text; it opens the note's card. */
export function NoteMarker({ kind, id, at, count, differs, label, open, onOpen, buttonRef }: NoteMarkerProps) {
  return (
    <button
      ref={buttonRef}
      type="button"
      class={`r-marker r-marker-${kind}${differs ? ' r-marker-differs' : ''}`}
      style={{ left: `${at.left}px`, top: `${at.top}px` }}
      aria-label={label}
      aria-expanded={open}
      data-testid="retold-marker"
      data-note={id}
      onClick={() => onOpen(id)}
    >
      {kind === 'figure' ? (differs ? '≠' : '#') : count}
    </button>
  );
}
