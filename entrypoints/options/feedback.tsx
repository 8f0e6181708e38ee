/** The options page's list of hidden notes and notes reported wrong, drawn below the settings. */
import { render } from 'preact';
import { NoteFeedbackList } from '../../components/NoteFeedbackList';
import { exportFeedback, withoutEntry } from '../../lib/extension/feedback';
import { changeFeedback, loadFeedback, watchFeedback } from '../../lib/extension/feedback-area';

async function draw(): Promise<void> {
  const entries = await loadFeedback();
  render(
    <NoteFeedbackList
      entries={entries}
      onUndo={(key) => void changeFeedback((list) => withoutEntry(list, key))}
      onExport={() => {
        const url = URL.createObjectURL(new Blob([exportFeedback(entries)], { type: 'application/json' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = 'retold-note-feedback.json';
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }}
    />,
    document.getElementById('note-feedback')!,
  );
}

void draw();
watchFeedback(() => void draw());
