/**
 * The content script: Retold in the page. Three parts, wired here:
 *
 *   run.ts        when and how the article is read and sent to the background
 *   guest.tsx     the view the background sends back, drawn: anchored and painted
 *                 (anchoring.ts), the overlay (overlay-host.ts), clicks and keys
 *   slices.ts     work in short slices on the page's thread, and each run's timings
 *
 *   page loaded, then idle ─▶ run ─▶ background (notes, settings ─▶ view) ─▶ guest ─▶ highlights + overlay
 *
 * The page's own nodes are never changed; a `<retold-ui>` element after
 * `<body>` (its shadow root closed) and an adopted stylesheet with the
 * `::highlight()` rules are all we add. The page is hostile: nothing it can
 * dispatch stops the script (context-guard), and keys and clicks it forges
 * are ignored (guest, overlay-host).
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import '../../components/overlay.css';
import * as channels from '../../lib/extension/channels';
import { listen } from '../../lib/extension/channels';
import type { Ack } from '../../lib/extension/messages';
import { refuseForgedStops } from '../../lib/extension/context-guard';
import { Guest } from './guest';
import { Runner } from './run';
import { pageSettled, slice, startRun } from './slices';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // WXT's name for the event a newer copy of this script announces itself with (private in its types).
    const started = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
      .SCRIPT_STARTED_MESSAGE_TYPE;
    // Guarded from the first moment: a page must not stop Retold while it waits for the page to settle.
    refuseForgedStops(window, started, () => browser.runtime?.id !== undefined, ctx.signal);
    // Nothing else of ours runs before the page has loaded and gone idle: Retold never delays the page.
    await pageSettled(ctx);
    startRun();
    const guest = slice('setup', () => {
      const guest = new Guest(ctx);
      guest.start();
      // The background sends what the page is to show whenever it changes.
      ctx.onInvalidated(
        listen(channels.view, (view) => {
          void guest.show(view);
          return { ok: true };
        }),
      );
      // The popup asked, through the background, to be shown one of the notes.
      ctx.onInvalidated(
        listen(channels.reveal, ({ id }): Ack =>
          guest.reveal(id) ? { ok: true } : { ok: false, error: `Note ${id} is not drawn on this page.` },
        ),
      );
      // The side panel shows a note in the page; the jump-to-next-note command moves focus to a marker.
      ctx.onInvalidated(
        listen(channels.revealNote, ({ id }) =>
          guest.flash(id) ? { ok: true as const } : { ok: false as const, error: 'note not on the page' },
        ),
      );
      ctx.onInvalidated(
        listen(channels.jump, async () =>
          (await guest.jump()) ? { ok: true as const } : { ok: false as const, error: 'no marker on the page' },
        ),
      );
      return guest;
    });
    void new Runner(ctx, guest).start();
  },
});
