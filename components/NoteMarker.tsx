import type { Ref } from 'preact';
import { MARKER_SIZE, type Placed } from '../lib/page/layout';

export interface NoteMarkerProps {
  /** A quoted remark or a reported figure. */
  kind: 'remark' | 'figure';
  /** The note's id; the card it opens has the same. */
  id: string;
  /** Where the marker goes, in document coordinates, and its size. */
  at: Placed;
  /** How many other outlets the note draws on. */
  count: number;
  /** True for figures that other outlets contradict. */
  differs: boolean;
  /** What a screen reader says for the marker. */
  label: string;
  /** What the tooltip shows on hover and focus ("Quoted by 2 other outlets"). */
  tip: string;
  /** Which way the tooltip reaches from the marker: into the wider side of the window. */
  tipSide?: 'left' | 'right';
  /** Whether this marker's card is open. */
  open: boolean;
  onOpen: (id: string) => void;
  /** Receives the button, so focus can return to it when its card closes. */
  buttonRef?: Ref<HTMLButtonElement>;
}

/**
 * A small button in the margin beside a note's text; it opens the note. A
 * remark's marker shows how many other outlets quote it; a figure's shows
 * "=" when they agree and "≠" when they do not, so the two read apart
 * without colour. The tooltip says it in words.
 */
export function NoteMarker(props: NoteMarkerProps) {
  const { kind, id, at, count, differs, label, tip, tipSide = 'left', open, onOpen, buttonRef } = props;
  const size = at.size ?? MARKER_SIZE;
  return (
    <button
      ref={buttonRef}
      type="button"
      class={`r-marker r-marker-${kind}${differs ? ' r-marker-differs' : ''}${size < MARKER_SIZE ? ' r-marker-compact' : ''}`}
      style={{ left: `${at.left}px`, top: `${at.top}px`, width: `${size}px`, height: `${size}px` }}
      aria-label={label}
      aria-expanded={open}
      data-testid="retold-marker"
      data-note={id}
      onClick={() => onOpen(id)}
    >
      <span class="r-glyph" aria-hidden="true" data-testid="retold-marker-glyph">
        {kind === 'figure' ? (differs ? '≠' : '=') : count}
      </span>
      <span class={`r-tip r-tip-${tipSide}`} aria-hidden="true" data-testid="retold-tip">
        {tip}
      </span>
    </button>
  );
}
