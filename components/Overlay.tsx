import { useRef } from 'preact/hooks';
import type { PageNotes } from '../lib/extension/messages';
import { placeMarkers, type TextBox, type Viewport } from '../lib/page/layout';
import { markerText, summaryText } from './format';
import { NoteCard } from './NoteCard';
import { NoteList } from './NoteList';
import { NoteMarker } from './NoteMarker';
import { SummaryPill } from './SummaryPill';

export interface OverlayProps {
  /** Every note on the page, as the background sent them. */
  notes: PageNotes;
  /** Where each note's text is, for the notes found on the page. */
  boxes: ReadonlyMap<string, TextBox>;
  viewport: Viewport;
  /** Whether highlights and markers are shown (the pill always is). */
  visible: boolean;
  /** The note whose card is open. */
  openId: string | null;
  /**
   * Where the open note is: a card in the margin, a sheet at the bottom of the
   * window, or the side panel (then nothing is drawn here but its highlight).
   */
  openWhere?: 'inline' | 'sheet' | 'panel';
  listOpen: boolean;
  /** 'dark' on pages with a dark background. */
  theme: 'light' | 'dark';
  onOpen: (id: string | null) => void;
  onListOpen: (open: boolean) => void;
  onToggleVisible: () => void;
  /** Scroll a note's text into view and open its card. */
  onReveal: (id: string) => void;
  /** The reader hides a note, or says it is wrong. */
  onFeedback: (id: string, verdict: 'hidden' | 'wrong') => void;
}

/** Everything Retold draws on a page: markers beside noted text, the open card, the summary pill and its list. */
export function Overlay(props: OverlayProps) {
  const { notes, boxes, viewport, visible, openId, listOpen, theme, openWhere = 'inline' } = props;
  const markerButtons = useRef(new Map<string, HTMLButtonElement>());
  const remarks = new Map(notes.remarks.map((r) => [r.id, r]));
  const figures = new Map(notes.figures.map((f) => [f.id, f]));
  const markers = visible ? placeMarkers(boxes, viewport) : new Map();
  // Tab order follows the page: top to bottom, then left to right.
  const order = [...markers.entries()].sort(([, a], [, b]) => a.top - b.top || a.left - b.left);
  const close = () => {
    const id = openId;
    props.onOpen(null);
    if (id) markerButtons.current.get(id)?.focus();
  };
  const openRemark = openId ? remarks.get(openId) : undefined;
  const openFigure = openId ? figures.get(openId) : undefined;
  const openBox = openId ? boxes.get(openId) : undefined;

  return (
    <div class={`r-root r-${theme}`} data-testid="retold-overlay">
      {order.map(([id, at]) => {
        const remark = remarks.get(id);
        const figure = figures.get(id);
        if (!remark && !figure) return null;
        const count = remark ? remark.outlets.length : figure!.others.length;
        const { label, tip } = markerText(remark ? { kind: 'remark', remark } : { kind: 'figure', figure: figure! });
        return (
          <NoteMarker
            key={id}
            kind={remark ? 'remark' : 'figure'}
            id={id}
            at={at}
            count={count}
            differs={figure?.differs ?? false}
            label={label}
            tip={tip}
            tipSide={
              at.left > viewport.scrollX + viewport.width / 2 || at.left - viewport.scrollX > 240 ? 'left' : 'right'
            }
            open={openId === id}
            onOpen={(which) => props.onOpen(openId === which ? null : which)}
            buttonRef={(el: HTMLButtonElement | null) => {
              if (el) markerButtons.current.set(id, el);
              else markerButtons.current.delete(id);
            }}
          />
        );
      })}
      {visible && openBox && openWhere !== 'panel' && (openRemark || openFigure) && (
        <NoteCard
          note={openRemark ? { kind: 'remark', remark: openRemark } : { kind: 'figure', figure: openFigure! }}
          box={openBox}
          viewport={viewport}
          sheet={openWhere === 'sheet'}
          onClose={close}
          onFeedback={(verdict) => props.onFeedback(openId!, verdict)}
        />
      )}
      {listOpen && (
        <NoteList
          notes={notes}
          anchored={new Set(boxes.keys())}
          visible={visible}
          onReveal={props.onReveal}
          onToggleVisible={props.onToggleVisible}
          onClose={() => props.onListOpen(false)}
        />
      )}
      <SummaryPill
        text={summaryText(notes)}
        expanded={listOpen}
        visible={visible}
        count={notes.remarks.length + notes.figures.length}
        onToggleList={() => props.onListOpen(!listOpen)}
      />
    </div>
  );
}
