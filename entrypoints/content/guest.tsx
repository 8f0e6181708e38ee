/**
 * What the reader sees and touches in the page: the view the background
 * sent, anchored in the page and painted, and the overlay drawn over it;
 * then clicks and keys on it. It draws what it is sent and decides nothing
 * the background owns: hiding the notes is asked of the background, and
 * shows when the new view comes back. Which card or list is open is its own.
 *
 * The overlay follows the page: scrolling, resizing and fonts loading
 * redraw it on the next frame, many triggers drawing once.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Overlay } from '../../components/Overlay';
import { noteAt, type TextBox } from '../../lib/page/layout';
import { noteCount, type TabView } from '../../lib/extension/messages';
import * as channels from '../../lib/extension/channels';
import { send } from '../../lib/extension/channels';
import { anchorNotes, noteOfPlace, paintNotes } from './anchoring';
import { OverlayHost } from './overlay-host';
import { isOurHost, measure, pageTheme, unpaint, viewport } from './page';
import { painted, sliceEnded, viewArrived } from './slices';

interface Shown {
  view: TabView;
  ranges: Map<string, Range>;
  /** Each note's line boxes at its first place found: where its marker goes. */
  boxes: Map<string, TextBox>;
  /** The line boxes of every place of every note (see placeKey): a click on any of them opens its note. */
  places: Map<string, TextBox>;
  openId: string | null;
  listOpen: boolean;
  theme: 'light' | 'dark';
}

export class Guest {
  private shown: Shown | null = null;
  /** The last view sent for this page, drawn or being anchored. */
  private latest: TabView | null = null;
  /** Anchoring under way; a newer view or a clear aborts it. */
  private anchoring: AbortController | null = null;
  private readonly overlay: OverlayHost;
  private frame: number | undefined;

  constructor(private readonly ctx: ContentScriptContext) {
    this.overlay = new OverlayHost(ctx);
  }

  start(): void {
    const { ctx } = this;
    ctx.addEventListener(window, 'resize', () => this.relayout(), { passive: true });
    // Capture: scrolling of any inner container moves the text too.
    ctx.addEventListener(document, 'scroll', () => this.relayout(), { passive: true, capture: true });
    ctx.addEventListener(document, 'click', (e) => this.clicked(e));
    ctx.addEventListener(window, 'keydown', (e) => this.keyed(e));
    if (document.fonts) ctx.addEventListener(document.fonts, 'loadingdone', () => this.relayout());
    if (document.body) {
      const resize = new ResizeObserver(() => this.relayout());
      resize.observe(document.body);
      ctx.onInvalidated(() => resize.disconnect());
    }
    ctx.onInvalidated(() => this.clear());
  }

  /** Whether notes are on the page (or on their way to it). */
  get hasNotes(): boolean {
    return this.latest !== null;
  }

  /** Draw a view from the background: its notes found in the page, or nothing when it has none. */
  async show(view: TabView): Promise<void> {
    // A view for the address this page had before a single-page app moved on.
    if (view.url !== location.href) return;
    viewArrived();
    if (noteCount(view.notes) === 0) return this.clear();
    const previous = this.shown;
    this.latest = view;
    // Only what is shown or how changed: the notes are where they were.
    if (previous && JSON.stringify(previous.view.notes) === JSON.stringify(view.notes)) {
      this.anchoring?.abort();
      this.shown = { ...previous, view, openId: view.visible ? previous.openId : null };
      this.relayout();
      return;
    }
    await this.anchor(view);
  }

  /** Find the current notes in the page again (its text changed). */
  async reanchor(): Promise<void> {
    if (this.latest) await this.anchor(this.latest);
  }

  private async anchor(view: TabView): Promise<void> {
    this.anchoring?.abort();
    const controller = new AbortController();
    this.anchoring = controller;
    const ranges = await anchorNotes(view.notes, AbortSignal.any([controller.signal, this.ctx.signal]));
    if (!ranges) return;
    const previous = this.shown;
    this.shown = {
      view,
      ranges,
      boxes: new Map(),
      places: new Map(),
      openId: view.visible && previous?.openId && ranges.has(previous.openId) ? previous.openId : null,
      listOpen: previous?.listOpen ?? false,
      theme: pageTheme(),
    };
    this.relayout();
  }

  /** Take everything off the page: highlights, overlay, and anchoring still under way. */
  clear(): void {
    this.anchoring?.abort();
    this.anchoring = null;
    this.shown = null;
    this.latest = null;
    unpaint();
    this.overlay.remove();
  }

  /** Measure and draw on the next frame; many triggers in one frame draw once. */
  private relayout(): void {
    if (!this.shown || this.frame !== undefined) return;
    this.frame = this.ctx.requestAnimationFrame(() => {
      this.frame = undefined;
      void this.draw();
    });
  }

  private async draw(): Promise<void> {
    const shown = this.shown;
    if (!shown) return;
    const start = performance.now();
    shown.places = measure(shown.ranges);
    shown.boxes = new Map();
    for (const [key, box] of shown.places)
      if (!shown.boxes.has(noteOfPlace(key))) shown.boxes.set(noteOfPlace(key), box);
    paintNotes(shown.view, shown.ranges, shown.openId, shown.theme);
    sliceEnded('paint', start);
    const ui = await this.overlay.mounted();
    // Cleared or replaced while the overlay was being made: the next frame draws what is current.
    if (this.shown !== shown) return;
    const renderStart = performance.now();
    const { view } = shown;
    render(
      <Overlay
        notes={view.notes}
        boxes={shown.boxes}
        viewport={viewport()}
        visible={view.visible}
        openId={shown.openId}
        listOpen={shown.listOpen}
        theme={shown.theme}
        onOpen={(id) => this.update({ openId: id })}
        onListOpen={(open) => this.update({ listOpen: open })}
        onToggleVisible={() => this.toggle()}
        onReveal={(id) => this.reveal(id)}
      />,
      ui.uiContainer,
    );
    sliceEnded('render', renderStart);
    painted();
  }

  private update(change: Partial<Pick<Shown, 'openId' | 'listOpen'>>): void {
    if (!this.shown) return;
    Object.assign(this.shown, change);
    this.relayout();
  }

  /** Hide or show the notes: the background owns that, and sends the new view back. */
  private toggle(): void {
    void send(channels.toggle, {}).catch(() => undefined);
  }

  private reveal(id: string): void {
    const range = this.shown?.ranges.get(id);
    if (!range) return;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (!this.shown!.view.visible) this.toggle();
    this.update({ openId: id, listOpen: false });
  }

  private clicked(e: MouseEvent): void {
    const shown = this.shown;
    if (!shown || !shown.view.visible) return;
    // Clicks inside our UI reach the document retargeted to the host.
    if (e.target instanceof Element && isOurHost(e.target)) return;
    const place = noteAt(shown.places, e.pageX, e.pageY);
    const id = place && noteOfPlace(place);
    if (id) this.update({ openId: id });
    else if (shown.openId || shown.listOpen) this.update({ openId: null, listOpen: false });
  }

  /** Alt+Shift+R shows or hides every highlight and marker; Escape closes what is open. */
  private keyed(e: KeyboardEvent): void {
    const shown = this.shown;
    if (!shown) return;
    if (e.key === 'Escape' && (shown.openId || shown.listOpen)) {
      this.update({ openId: null, listOpen: false });
      return;
    }
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.code !== 'KeyR') return;
    e.preventDefault();
    this.update({ openId: null });
    this.toggle();
  }
}
