import type { FeedbackEntry } from '../lib/extension/feedback';
import { outletName } from './format';
import { RemarkWords } from './RemarkWords';

export interface NoteFeedbackListProps {
  /** Every note the reader hid or called wrong, oldest first. */
  entries: FeedbackEntry[];
  /** Show the note again (and forget what the reader said about it). */
  onUndo: (key: string) => void;
  /** Save the list as a JSON file a maintainer can read. */
  onExport: () => void;
}

const when = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
};

/** The options page's list of hidden notes and notes reported wrong, each with an undo, and the export. */
export function NoteFeedbackList({ entries, onUndo, onExport }: NoteFeedbackListProps) {
  return (
    <section class="feedback" aria-labelledby="feedback-title" data-testid="note-feedback">
      <h2 id="feedback-title">Hidden notes and notes you reported</h2>
      <p class="hint">
        Kept on this computer only. A note you hid or reported as wrong stays off its page until you undo it here.
        Export the list to send it to Retold's maintainers: it holds each page's address, the note's text and what it
        was matched with.
      </p>
      {entries.length === 0 ? (
        <p class="empty">None yet.</p>
      ) : (
        <ul>
          {[...entries].reverse().map((e) => (
            <li key={e.key} data-testid="note-feedback-entry">
              <strong>{e.verdict === 'wrong' ? 'Reported wrong' : 'Hidden'}</strong> · {when(e.at)}
              <br />
              {e.kind === 'remark' ? (
                <RemarkWords remark={{ quote: e.text, paraphrased: e.paraphrased }} tagged />
              ) : (
                <span>{e.text}</span>
              )}
              {e.matched.length > 0 && (
                <span class="hint">
                  {' '}
                  matched with {[...new Set(e.matched.map((m) => outletName(m.outlet)))].join(', ')}
                </span>
              )}
              <br />
              <span class="hint">{e.page}</span>{' '}
              <button type="button" aria-label={`Undo: show “${e.text}” again`} onClick={() => onUndo(e.key)}>
                Undo
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" data-testid="note-feedback-export" disabled={entries.length === 0} onClick={onExport}>
        Export as a file
      </button>
    </section>
  );
}
