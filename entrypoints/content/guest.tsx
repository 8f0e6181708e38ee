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
import { noteAt, placeCard, type TextBox } from '../../lib/page/layout';
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
  /** Where the open note is drawn: a card in the margin, a sheet, or the side panel. */
  openWhere: 'inline' | 'sheet' | 'panel';
  /** A note the side panel asked to see: its highlight flashes for a moment. */
  flashId: string | null;
  listOpen: boolean;
  theme: 'light' | 'dark';
}

/** How long a note revealed from the side panel stays marked. */
const FLASH_MS = 1600;
/** A pointer that moved further than this between press and release selected text: no note opens. */
const DRAG_PX = 4;

const ids = (view: TabView) => new Set([...view.notes.remarks, ...view.notes.figures].map((n) => n.id));

export class Guest {
  private shown: Shown | null = null;
  /** The last view sent for this page, drawn or being anchored. */
  private latest: TabView | null = null;
  /** The page address the run last reported; views for any other are not this page's. */
  private address: string | null = null;
  /** Anchoring under way; a newer view or a clear aborts it. */
  private anchoring: AbortController | null = null;
  private readonly overlay: OverlayHost;
  private frame: number | undefined;
  private pressedAt: { x: number; y: number } | null = null;
  private flashTimer: number | undefined;

  constructor(private readonly ctx: ContentScriptContext) {
    this.overlay = new OverlayHost(ctx);
  }

  start(): void {
    const { ctx } = this;
    ctx.addEventListener(window, 'resize', () => this.relayout(), { passive: true });
    // Capture: scrolling of any inner container moves the text too.
    ctx.addEventListener(document, 'scroll', () => this.relayout(), { passive: true, capture: true });
    ctx.addEventListener(document, 'mousedown', (e) => (this.pressedAt = { x: e.clientX, y: e.clientY }));
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

  /** The run reports the page at `url` (its `pageAddress`): views for that address are this page's from now on. */
  reportingFor(url: string): void {
    this.address = url;
  }

  /** Draw a view from the background: its notes found in the page, or nothing when it has none. */
  async show(view: TabView): Promise<void> {
    // A view for the address this page had before a single-page app moved on (or before it reported at all).
    if (view.url !== this.address) return;
    viewArrived();
    if (noteCount(view.notes) === 0) return this.clear();
    const previous = this.shown;
    this.latest = view;
    // Only what is shown or how changed: the notes are where they were.
    if (previous && JSON.stringify(previous.view.notes) === JSON.stringify(view.notes)) {
      this.anchoring?.abort();
      this.shown = {
        ...previous,
        view,
        openId: view.visible && previous.openId && ids(view).has(previous.openId) ? previous.openId : null,
      };
      this.relayout();
      return;
    }
    await this.anchor(view);
  }

  /** Find the current notes in the page again (its text changed). */
  async reanchor(): Promise<void> {
    if (this.latest) await this.anchor(this.latest);
  }

  /**
   * The address changed but the page may still show the same article: the
   * notes whose text is still on the page stay (no flicker while it is read
   * again), and when none does, everything goes. Whether any stayed.
   */
  async keepWhatStays(): Promise<boolean> {
    const view = this.latest;
    if (!view) return false;
    const found = await this.anchor(view);
    if (found === null) return this.latest !== null;
    if (found > 0) return true;
    this.clear();
    return false;
  }

  /** Find the view's notes in the page and draw them; how many were found, null when superseded. */
  private async anchor(view: TabView): Promise<number | null> {
    this.anchoring?.abort();
    const controller = new AbortController();
    this.anchoring = controller;
    const ranges = await anchorNotes(view.notes, AbortSignal.any([controller.signal, this.ctx.signal]));
    if (!ranges) return null;
    const previous = this.shown;
    this.shown = {
      view,
      ranges,
      boxes: new Map(),
      places: new Map(),
      openId: view.visible && previous?.openId && ranges.has(previous.openId) ? previous.openId : null,
      openWhere: previous?.openWhere ?? 'inline',
      flashId: null,
      listOpen: previous?.listOpen ?? false,
      theme: pageTheme(),
    };
    this.relayout();
    return ranges.size;
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
    paintNotes(shown.view, shown.ranges, shown.openId ?? shown.flashId, shown.theme);
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
        openWhere={shown.openWhere}
        listOpen={shown.listOpen}
        theme={shown.theme}
        onOpen={(id) => void this.open(id)}
        onFeedback={(id, verdict) => this.feedback(id, verdict)}
        onListOpen={(open) => this.update({ listOpen: open })}
        onToggleVisible={() => this.toggle()}
        onReveal={(id) => this.reveal(id)}
      />,
      ui.uiContainer,
    );
    sliceEnded('render', renderStart);
    painted();
  }

  private update(change: Partial<Pick<Shown, 'openId' | 'openWhere' | 'flashId' | 'listOpen'>>): void {
    if (!this.shown) return;
    Object.assign(this.shown, change);
    this.relayout();
  }

  /** Hide or show the notes: the background owns that, and sends the new view back. */
  private toggle(): void {
    void send(channels.toggle, {}).catch(() => undefined);
  }

  /**
   * Open a note: as a card in the margin when one is wide enough; otherwise
   * the background opens it in the side panel if it can, and if not it opens
   * in a sheet, with the note's text scrolled above it. Never over the text.
   */
  private async open(id: string | null): Promise<void> {
    const shown = this.shown;
    if (!shown) return;
    if (id === null || shown.openId === id) return this.update({ openId: null });
    const box = shown.boxes.get(id);
    if (box && placeCard(box, viewport(), 280))
      return this.update({ openId: id, openWhere: 'inline', listOpen: false });
    const answer = await send(channels.openNote, { id }).catch(() => ({ where: 'sheet' as const }));
    if (this.shown !== shown) return;
    if (answer.where === 'sheet') this.scrollAbove(id);
    this.update({ openId: id, openWhere: answer.where, listOpen: false });
  }

  /** Scroll a note's first line near the top of the window (below a fixed header), above a sheet. */
  private scrollAbove(id: string): void {
    const rect = this.shown?.ranges.get(id)?.getClientRects()[0];
    if (!rect) return;
    const { topInset = 0 } = viewport();
    window.scrollBy({ top: rect.top - topInset - 24, behavior: 'instant' });
  }

  /** The reader hid a note or said it is wrong: the background keeps it and sends the view without it. */
  private feedback(id: string, verdict: 'hidden' | 'wrong'): void {
    this.update({ openId: null });
    void send(channels.noteFeedback, { url: location.href, id, verdict }).catch(() => undefined);
  }

  /** Scroll to a note and open it (from the note list, or the popup); false when the note is not drawn. */
  reveal(id: string): boolean {
    const range = this.shown?.ranges.get(id);
    if (!range) return false;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (!this.shown!.view.visible) this.toggle();
    this.update({ listOpen: false });
    void this.open(id);
    return true;
  }

  /** From the side panel: scroll to the note and flash its highlight. Whether it was found is the answer. */
  flash(id: string): boolean {
    const range = this.shown?.ranges.get(id);
    if (!range) return false;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    if (!this.shown!.view.visible) this.toggle();
    clearTimeout(this.flashTimer);
    this.update({ flashId: id });
    this.flashTimer = window.setTimeout(() => this.update({ flashId: null }), FLASH_MS);
    return true;
  }

  /**
   * Focus the next note's marker, after the focused one, or the first in the
   * window when none is (the jump-to-next-note command). Markers come after
   * every element of the page in Tab order; this brings the reader to them.
   */
  async jump(): Promise<boolean> {
    if (!this.shown) return false;
    const { shadow } = await this.overlay.mounted();
    const markers = [...shadow.querySelectorAll<HTMLButtonElement>('[data-testid="retold-marker"]')];
    if (markers.length === 0) {
      this.update({ listOpen: true });
      return false;
    }
    const current = markers.indexOf(shadow.activeElement as HTMLButtonElement);
    const { topInset = 0 } = viewport();
    const below = markers.findIndex((m) => m.getBoundingClientRect().top >= topInset);
    const next = current >= 0 ? (current + 1) % markers.length : Math.max(0, below);
    const marker = markers[next]!;
    marker.scrollIntoView({ block: 'center', behavior: 'instant' });
    marker.focus();
    return true;
  }

  private clicked(e: MouseEvent): void {
    const shown = this.shown;
    const pressed = this.pressedAt;
    this.pressedAt = null;
    // A click the page dispatched (`isTrusted` false) is not the reader's.
    if (!shown || !shown.view.visible || !e.isTrusted) return;
    // Clicks inside our UI reach the document retargeted to the host.
    if (e.target instanceof Element && isOurHost(e.target)) return;
    // Selecting text (a drag, or a double click that selects a word) is not asking for a note.
    const dragged = pressed && Math.hypot(e.clientX - pressed.x, e.clientY - pressed.y) > DRAG_PX;
    if (dragged || document.getSelection()?.isCollapsed === false) return;
    const place = noteAt(shown.places, e.pageX, e.pageY);
    const id = place && noteOfPlace(place);
    if (id) void this.open(id);
    else if (shown.openId || shown.listOpen) this.update({ openId: null, listOpen: false });
  }

  /**
   * Escape closes what is open; Alt+Shift+R shows or hides every highlight and
   * marker where the browser's own shortcut (the manifest's `toggle-notes`
   * command, which the background handles) did not take the key first. Keys
   * the page dispatched (`isTrusted` false) are not the reader's.
   */
  private keyed(e: KeyboardEvent): void {
    const shown = this.shown;
    if (!shown || !e.isTrusted) return;
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
