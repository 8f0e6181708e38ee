/**
 * Where settings live: one item in WXT's storage, holding the settings
 * object; WXT keeps its version beside it and runs the migrations when an
 * older one is found. Shared by the content script, the popup and the
 * options page.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULTS, MIGRATIONS, SETTINGS_VERSION, upgradeSettings, type SettingsArea } from './settings';

/** The storage item's key: its area, then the key within it. */
export const SETTINGS_KEY = 'sync:settings';

/** Every older stored shape goes to the current one in one step: upgradeSettings knows them all. */
const upgradeStored = Object.fromEntries(Object.keys(MIGRATIONS).map((v) => [v, upgradeSettings]));

let item: WxtStorageItem<Record<string, unknown>, { v: number }> | undefined;

/**
 * The settings item, defined on first use rather than on import, since
 * defining it starts WXT's migrations, which need the extension's storage.
 */
function settingsItem(): WxtStorageItem<Record<string, unknown>, { v: number }> {
  item ??= storage.defineItem<Record<string, unknown>, { v: number }>(SETTINGS_KEY, {
    fallback: { ...DEFAULTS },
    version: SETTINGS_VERSION,
    migrations: upgradeStored,
  });
  return item;
}

export function settingsArea(): SettingsArea {
  const stored = settingsItem();
  return {
    read: () => stored.getValue(),
    write: (settings) => stored.setValue({ ...settings }),
  };
}

/** Call `onChange` whenever the stored settings change, in any tab or page. Returns the unsubscribe. */
export function watchSettings(onChange: () => void): () => void {
  return settingsItem().watch(() => onChange());
}
