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

/** The name of the lock every change to the settings holds (the Web Locks API, shared by the extension's pages). */
const LOCK = 'retold-settings';
let queue: Promise<unknown> = Promise.resolve();

/**
 * Run `task` holding the settings lock. Extension pages (the popup, the
 * options page, the background) share one lock manager, so a change in one
 * tab waits for a change in another. A content script would get the page's
 * lock manager, which the page can hold forever, so it gets a queue of its
 * own (it never changes settings). So do tests, in Node.
 */
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  // chrome-extension:, moz-extension:, safari-web-extension:; content scripts run on web pages only.
  const locks = globalThis.location?.protocol.endsWith('-extension:') ? globalThis.navigator?.locks : undefined;
  if (locks) return locks.request(LOCK, task) as Promise<T>;
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

export function settingsArea(): SettingsArea {
  const stored = settingsItem();
  return {
    read: () => stored.getValue(),
    write: (settings) => stored.setValue({ ...settings }),
    exclusive,
  };
}

/** Call `onChange` whenever the stored settings change, in any tab or page. Returns the unsubscribe. */
export function watchSettings(onChange: () => void): () => void {
  return settingsItem().watch(() => onChange());
}
