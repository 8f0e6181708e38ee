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
 * `<body>` and a `<style>` with the `::highlight()` rules are all we add.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import '../../components/overlay.css';
import * as channels from '../../lib/extension/channels';
import { listen } from '../../lib/extension/channels';
import { Guest } from './guest';
import { Runner } from './run';
import { pageSettled, slice, startRun } from './slices';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // Nothing of ours runs before the page has loaded and gone idle: Retold never delays the page.
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
      return guest;
    });
    void new Runner(ctx, guest).start();
  },
});
