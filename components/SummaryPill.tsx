export interface SummaryPillProps {
  /** "4 remarks also reported by 3 other outlets". */
  text: string;
  /** Whether the list of all notes is open. */
  expanded: boolean;
  /** Whether highlights and markers are shown. */
  visible: boolean;
  /** The number of notes, which is all the pill says in a narrow window (it must not wrap over the text). */
  count?: number;
  onToggleList: () => void;
}

/** The one thing Retold always shows on a page with notes: a quiet pill in the corner that lists them all. */
export function SummaryPill({ text, expanded, visible, count, onToggleList }: SummaryPillProps) {
  return (
    <button
      type="button"
      class={`r-pill${visible ? '' : ' r-pill-hidden'}`}
      aria-expanded={expanded}
      aria-controls="retold-list"
      data-testid="retold-pill"
      onClick={onToggleList}
    >
      <span class="r-logo" aria-hidden="true">
        R
      </span>
      <span class="r-pill-long" data-testid="retold-summary">
        {text}
      </span>
      {count !== undefined && (
        <span class="r-pill-short" aria-hidden="true">
          {count} {count === 1 ? 'note' : 'notes'}
        </span>
      )}
      {!visible && <span class="r-off"> (notes hidden)</span>}
    </button>
  );
}
