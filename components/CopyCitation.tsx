import { useState } from 'preact/hooks';

export interface CopyCitationProps {
  /** What goes on the clipboard: the wording with its outlet, date and address. */
  text: string;
  /** What a screen reader says for the button ("Copy Israfan's wording with its source"). */
  label: string;
}

/** A small button that copies a wording with its citation, and says when it did. */
export function CopyCitation({ text, label }: CopyCitationProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    navigator.clipboard
      .writeText(text)
      .then(() => setState('copied'))
      .catch(() => setState('failed'));
  return (
    <button type="button" class="r-copy" aria-label={label} data-testid="retold-copy" onClick={() => void copy()}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy' : 'Copy with source'}
      <span class="r-sr" role="status">
        {state === 'copied' ? 'Copied to the clipboard' : ''}
      </span>
    </button>
  );
}
