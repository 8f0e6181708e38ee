export interface NoteActionsProps {
  /** The reader hides the note ("hidden"), or says it links things that do not belong together ("wrong"). */
  onFeedback: (verdict: 'hidden' | 'wrong') => void;
}

/** The foot of a note: hide it, or say it is wrong. Both are kept on this computer and undone on the options page. */
export function NoteActions({ onFeedback }: NoteActionsProps) {
  return (
    <footer class="r-actions">
      <button type="button" class="r-action" data-testid="retold-hide-note" onClick={() => onFeedback('hidden')}>
        Hide this note
      </button>
      <button type="button" class="r-action" data-testid="retold-wrong-note" onClick={() => onFeedback('wrong')}>
        This note is wrong
      </button>
      <span class="r-hint">Undo on the options page</span>
    </footer>
  );
}
