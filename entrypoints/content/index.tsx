/**
 * The content script: Retold in the page. Three parts, wired here:
 *
 *   run.ts        when and how the article is read and sent to the background
 *   guest.tsx     the view the background sends back, drawn: anchored and painted
 *                 (anchoring.ts), the overlay (overlay-host.ts), clicks and keys
 *   slices.ts     work in short slices on the page's thread, and each run's timings
 *
 *   page idle ─▶ run ─▶ background (notes, settings ─▶ view) ─▶ guest ─▶ highlights + overlay
 *
 * The page's own nodes are never changed; a `<retold-ui>` element after
 * `<body>` and a `<style>` with the `::highlight()` rules are all we add.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import '../../components/overlay.css';
import * as channels from '../../lib/extension/channels';
import { listen } from '../../lib/extension/channels';
import { Guest } from './guest';
import { Runner } from './run';
import { slice } from './slices';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
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
