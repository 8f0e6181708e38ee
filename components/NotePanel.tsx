import { useEffect, useRef } from 'preact/hooks';
import type { FigureView, RemarkView, TabView } from '../lib/extension/messages';
import { figureVerdict, outletName, plural, summaryText } from './format';
import { FigureNote } from './FigureNote';
import { NoteActions } from './NoteActions';
import { RemarkNote } from './RemarkNote';
import { RemarkWords } from './RemarkWords';

export interface NotePanelProps {
  /** What the tab the panel follows shows; null when no page of ours reported (a browser page, a new tab). */
  view: TabView | null;
  /** The note the page asked to see (its card would have covered the article): brought forward and marked. */
  focusId: string | null;
  /** Scroll the page to a note and flash its highlight. */
  onReveal: (id: string) => void;
  /** The reader hides a note, or says it is wrong. */
  onFeedback: (id: string, verdict: 'hidden' | 'wrong') => void;
}

/**
 * The side panel: every note on the current tab's page, remarks then
 * figures, each with every other outlet's wording and diff (or figure),
 * dates and links; a button on each shows it in the page.
 */
export function NotePanel({ view, focusId, onReveal, onFeedback }: NotePanelProps) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusId) return;
    const note = list.current?.querySelector<HTMLElement>(`[data-note="${CSS.escape(focusId)}"]`);
    note?.scrollIntoView({ block: 'start' });
    note?.querySelector<HTMLElement>('h3')?.focus();
  }, [focusId, view]);
  const notes = view?.notes;
  const count = notes ? notes.remarks.length + notes.figures.length : 0;
  const item = (id: string, heading: preact.ComponentChildren, body: preact.ComponentChildren) => (
    <article
      key={id}
      class={`p-note${id === focusId ? ' p-focus' : ''}`}
      data-testid="retold-panel-note"
      data-note={id}
      aria-labelledby={`p-${id}`}
    >
      <header class="p-note-head">
        <h3 id={`p-${id}`} tabIndex={-1}>
          {heading}
        </h3>
        <button type="button" class="r-action" data-testid="retold-panel-reveal" onClick={() => onReveal(id)}>
          Show in page
        </button>
      </header>
      {body}
      <NoteActions onFeedback={(verdict) => onFeedback(id, verdict)} />
    </article>
  );
  const remark = (r: RemarkView) =>
    item(
      r.id,
      <>
        <RemarkWords remark={r} tagged />
        <span class="r-meta">
          {r.speaker ? `${r.speaker} · ` : ''}
          {plural(r.outlets.length, 'other outlet')}: {r.outlets.map((o) => outletName(o.outlet)).join(', ')}
        </span>
      </>,
      <RemarkNote remark={r} />,
    );
  const figure = (f: FigureView) =>
    item(
      f.id,
      <>
        <span class={f.differs ? 'r-differs' : 'r-agrees'} aria-hidden="true">
          {f.differs ? '≠ ' : '= '}
        </span>
        {f.text}
        <span class="r-meta">
          {f.quantity} · {figureVerdict(f.differs, f.others.length)}
        </span>
      </>,
      <FigureNote figure={f} />,
    );
  return (
    <main class="p-panel" data-testid="retold-panel">
      <h1>Notes on this page</h1>
      {!notes || count === 0 ? (
        <p class="r-meta" data-testid="retold-panel-empty">
          {view?.state && view.state !== 'on'
            ? 'Retold is not running on this site.'
            : 'No remark or figure on this page is reported by other outlets in the corpus.'}
        </p>
      ) : (
        <div ref={list}>
          <p class="r-meta" data-testid="retold-panel-summary">
            {summaryText(notes)}
          </p>
          {notes.remarks.length > 0 && (
            <section aria-label="Remarks">
              <h2>Remarks ({notes.remarks.length})</h2>
              {notes.remarks.map(remark)}
            </section>
          )}
          {notes.figures.length > 0 && (
            <section aria-label="Figures">
              <h2>Figures ({notes.figures.length})</h2>
              {notes.figures.map(figure)}
            </section>
          )}
        </div>
      )}
    </main>
  );
}
