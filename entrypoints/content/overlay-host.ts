/**
 * The one overlay a page gets: the shadow-root host of our UI, after
 * `<body>`. Creating it waits on the browser (its stylesheet loads), and
 * many frames may ask for it meanwhile; they all get the same one.
 *
 * The page is hostile. Its shadow root is closed: page script cannot reach
 * into it to read a card or rewrite one (an open root would let it change a
 * note's words, or restyle them through the root's stylesheets). Only the
 * end-to-end tests' build (`wxt build --mode e2e`) opens it, so the tests can
 * look inside; `tests/e2e/hostile.test.ts` checks the shipped build's is
 * closed. And events the page dispatches into it (`isTrusted` false: a
 * scripted `click()`, a forged key) are stopped before they reach our UI.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { render } from 'preact';
import { HOST_TAG } from './page';

/** The build's mode, set by the bundler (`wxt build --mode …`; 'production' by default). */
const MODE = (import.meta as ImportMeta & { env: { MODE: string } }).env.MODE;

/** Events that act on our UI; only the reader's own (trusted) ones reach it. */
const INPUT_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'change',
  'submit',
];

type Ui = ShadowRootContentScriptUi<void>;

export class OverlayHost {
  private pending: Promise<Ui> | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  /** The overlay, mounted; created on the first call, shared by every call until `remove`. */
  mounted(): Promise<Ui> {
    if (this.pending) return this.pending;
    const pending: Promise<Ui> = this.create().then((ui) => {
      // Removed while it was being created: it never reaches the page.
      if (this.pending === pending) ui.mount();
      else ui.remove();
      return ui;
    });
    this.pending = pending;
    return pending;
  }

  /** Whether the overlay is (or is being) put on the page. */
  get present(): boolean {
    return this.pending !== null;
  }

  /** Take the overlay off the page (or keep one still being created from ever reaching it). */
  remove(): void {
    const pending = this.pending;
    this.pending = null;
    void pending?.then((ui) => {
      render(null, ui.uiContainer);
      ui.remove();
    });
  }

  /**
   * A page that took the name `retold-ui` for an element of its own (with a
   * shadow root of its own) gets ours under a name of our own.
   */
  private async create(): Promise<Ui> {
    const options = {
      position: 'inline' as const,
      anchor: document.documentElement,
      append: 'last' as const,
      mode: MODE === 'e2e' ? ('open' as const) : ('closed' as const),
      onMount: () => undefined,
    };
    let ui: Ui;
    try {
      ui = await createShadowRootUi(this.ctx, { ...options, name: HOST_TAG });
    } catch {
      ui = await createShadowRootUi(this.ctx, {
        ...options,
        name: `${HOST_TAG}-${Math.random().toString(36).slice(2, 8)}`,
      });
    }
    // One attribute finds our host whatever its name.
    ui.shadowHost.setAttribute('data-retold-ui', '');
    for (const type of INPUT_EVENTS)
      ui.shadow.addEventListener(
        type,
        (e) => {
          if (!e.isTrusted) e.stopImmediatePropagation();
        },
        { capture: true, signal: this.ctx.signal },
      );
    return ui;
  }
}
