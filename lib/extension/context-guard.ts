/**
 * Keeping the content script running whatever the page dispatches. WXT ends a
 * content script's context when a newer copy of the script announces itself
 * with an event on `document` (after the extension is updated or reloaded).
 * That event's name is public (the extension's id and the script's name) and
 * any page can dispatch it, which would take every note off the page for good.
 * An event a script dispatches is never trusted, ours included, so it is
 * confirmed with the extension instead: while this script's connection to
 * the extension is alive, no newer copy replaced it, and the event is stopped
 * before WXT's listener sees it. A script whose extension really was reloaded
 * has lost that connection and lets the event through.
 */

/**
 * Stop `eventName` events on their way to `target`'s document while
 * `connected()` says the extension is still there. The listener captures on
 * the window, which every event dispatched in the document passes first.
 */
export function refuseForgedStops(
  target: Window,
  eventName: string,
  connected: () => boolean,
  signal?: AbortSignal,
): void {
  target.addEventListener(
    eventName,
    (event) => {
      if (connected()) event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );
}
