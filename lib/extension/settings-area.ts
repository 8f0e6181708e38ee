/**
 * Where settings live: `browser.storage.sync` (they follow the reader's
 * browser profile), or `local` where sync is unavailable. Shared by the
 * content script, the popup and the options page.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY, type SettingsArea } from './settings';

export function settingsArea(): SettingsArea {
  const area = browser.storage.sync ?? browser.storage.local;
  return {
    get: (key) => area.get(key),
    set: (items) => area.set(items),
  };
}

/** Call `onChange` whenever the stored settings change, in any tab or page. Returns the unsubscribe. */
export function watchSettings(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>) => {
    if (SETTINGS_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
