/**
 * Where settings live: one item in WXT's storage, in `storage.local`, holding
 * the settings object; WXT keeps its version beside it and runs the
 * migrations when an older one is found. Versions up to 1 kept the object in
 * `storage.sync`; it is copied here once. Shared by the content script, the
 * popup and the options page.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULTS, MIGRATIONS, SETTINGS_VERSION, upgradeSettings, type SettingsArea } from './settings';

/**
 * The storage item's key: its area, then the key within it. Local, not sync:
 * a synced item holds at most 8 KB (about 600 sites) and goes to the browser
 * vendor's servers, and Retold keeps everything on the reader's machine.
 */
export const SETTINGS_KEY = 'local:settings';
/** Where versions up to 1 kept the settings (they fell back to storage.local, this item's own key, without sync). */
const SYNCED_KEY = 'sync:settings';

type SettingsItem = WxtStorageItem<Record<string, unknown>, { v: number }>;
let item: SettingsItem | undefined;

/**
 * The settings item, defined on first use rather than on import, since
 * defining it starts WXT's migrations, which need the extension's storage.
 * Up to version 1 the object carried its own version (none meant 0), so the
 * step to 2 reads it there and runs every older migration (upgradeSettings);
 * later steps will be WXT's, one version at a time.
 */
function settingsItem(): SettingsItem {
  item ??= storage.defineItem<Record<string, unknown>, { v: number }>(SETTINGS_KEY, {
    fallback: { ...DEFAULTS },
    version: SETTINGS_VERSION,
    migrations: { ...MIGRATIONS, 2: upgradeSettings },
  });
  return item;
}

/** Whether this code runs in one of the extension's own pages (chrome-extension:, moz-extension:…), not a web page's content script. */
const inExtensionPage = () => globalThis.location?.protocol.endsWith('-extension:') ?? false;

/** What older versions stored in storage.sync, or null (also where the browser has no sync area). */
const syncedCopy = () => storage.getItem<unknown>(SYNCED_KEY).catch(() => null);

/**
 * Once per machine: when nothing is stored locally yet, the settings older
 * versions kept in storage.sync become the local settings. The synced copy
 * stays: other computers of the same browser profile may still run an older
 * Retold, which reads its settings there, and would lose them if it went.
 * The options page offers to remove it.
 */
function moveFromSync(stored: SettingsItem): Promise<void> {
  return exclusive(async () => {
    if ((await storage.getItem(SETTINGS_KEY)) !== null) return;
    const synced = await syncedCopy();
    if (synced === null) return;
    await stored.setValue(upgradeSettings(synced));
    await stored.setMeta({ v: SETTINGS_VERSION });
  }).catch(() => undefined); // storage failed: the settings read as they are, and the next page tries again
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
  const locks = inExtensionPage() ? globalThis.navigator?.locks : undefined;
  if (locks) return locks.request(LOCK, task) as Promise<T>;
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

let moved: Promise<void> | undefined;

export function settingsArea(): SettingsArea {
  const stored = settingsItem();
  // Started here, before any change can be asked for: a change holds the lock the move needs.
  if (inExtensionPage()) moved ??= moveFromSync(stored);
  return {
    read: async () => {
      if (moved) {
        await moved;
        return stored.getValue();
      }
      // A content script reads older versions' synced settings until an extension page has moved them.
      if ((await storage.getItem(SETTINGS_KEY)) === null) return (await syncedCopy()) ?? stored.fallback;
      return stored.getValue();
    },
    write: (settings) => stored.setValue({ ...settings }),
    exclusive,
  };
}

/** Whether older versions' copy of the settings is still in storage.sync (see moveFromSync). */
export const hasSyncedCopy = async () => (await syncedCopy()) !== null;

/** Remove older versions' copy of the settings from storage.sync, and from the browser vendor's servers with it. */
export const removeSyncedCopy = () => storage.removeItem(SYNCED_KEY);

/** Call `onChange` whenever the stored settings change, in any tab or page. Returns the unsubscribe. */
export function watchSettings(onChange: () => void): () => void {
  return settingsItem().watch(() => onChange());
}
