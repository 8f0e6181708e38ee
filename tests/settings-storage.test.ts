/**
 * Settings in the extension's storage, through WXT's storage item, on WXT's
 * fake browser: what older versions stored still loads, and changes are seen.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

// WXT's storage takes the browser from the global `chrome` when it is first imported.
const { fakeBrowser } = await vi.hoisted(async () => {
  const fake = await import('wxt/testing/fake-browser');
  (globalThis as { chrome?: unknown }).chrome = fake.fakeBrowser;
  return fake;
});

const { DEFAULTS, changeSettings, loadSettings } = await import('../lib/extension/settings');
type Settings = import('../lib/extension/settings').Settings;
const { settingsArea, watchSettings } = await import('../lib/extension/settings-area');

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
  vi.unstubAllGlobals();
});

/** The storage module as a fresh extension page loads it, after `stored` is in storage. */
const freshArea = async () => (await import('../lib/extension/settings-area')).settingsArea();

describe('settings in the browser’s storage', () => {
  it('are the defaults when nothing is stored', async () => {
    expect(await loadSettings(await freshArea())).toEqual({ settings: DEFAULTS, reset: [] });
  });

  it('load a version 1 object kept in storage.local, and store it again at the current version', async () => {
    // Versions up to 1 used storage.local where the browser had no sync area.
    await fakeBrowser.storage.local.set({ settings: { version: 1, palette: 'blue', enabled: 'yes' } });
    const area = await freshArea();
    expect(await loadSettings(area)).toEqual({ settings: { ...DEFAULTS, palette: 'blue' }, reset: ['enabled'] });
    await changeSettings(area, { showFigures: false });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: { ...DEFAULTS, palette: 'blue', showFigures: false },
      settings$: { v: 2 },
    });
  });

  it('load the unversioned shape', async () => {
    await fakeBrowser.storage.local.set({ settings: { sites: { mode: 'allow', list: ['example.com'] } } });
    const { settings } = await loadSettings(await freshArea());
    expect(settings).toEqual({ ...DEFAULTS, siteMode: 'listed', allowed: ['example.com'] });
  });

  it('move from storage.sync to storage.local once, leaving the synced copy until the reader removes it', async () => {
    const synced = { version: 1, blocked: ['cnn.com', 'not a host!'], palette: 'magenta' };
    await fakeBrowser.storage.sync.set({ settings: synced });
    const expected = { settings: { ...DEFAULTS, blocked: ['cnn.com'], palette: 'magenta' }, reset: ['blocked'] };

    // A content script finds them where older versions kept them, and moves nothing.
    expect(await loadSettings(await freshArea())).toEqual(expected);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});

    // The first extension page moves them.
    vi.stubGlobal('location', { protocol: 'chrome-extension:' });
    const page = await freshArea();
    expect(await loadSettings(page)).toEqual(expected);
    // As found, upgraded: what cannot be read is named when read, as it would have been in storage.sync.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: { blocked: ['cnn.com', 'not a host!'], palette: 'magenta' },
      settings$: { v: 2 },
    });
    await changeSettings(page, { showRemarks: false });
    const { hasSyncedCopy, removeSyncedCopy } = await import('../lib/extension/settings-area');
    expect(await hasSyncedCopy()).toBe(true);
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({ settings: synced });

    // From then on the local settings are read, everywhere, and the synced copy is never read again.
    vi.unstubAllGlobals();
    await fakeBrowser.storage.sync.set({ settings: { version: 1, palette: 'blue' } });
    expect((await loadSettings(await freshArea())).settings).toMatchObject({ palette: 'magenta', showRemarks: false });
    await removeSyncedCopy();
    expect(await hasSyncedCopy()).toBe(false);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('tell watchers when they change', async () => {
    const seen = vi.fn();
    const stop = watchSettings(seen);
    await changeSettings(settingsArea(), { palette: 'magenta' });
    expect(seen).toHaveBeenCalledTimes(1);
    stop();
  });

  it('keep both of two sites added at once, in one page or in two', async () => {
    const add = (site: string) => (now: Settings) => ({ blocked: [...now.blocked, site] });
    const page = await freshArea();
    await Promise.all([changeSettings(page, add('a.example')), changeSettings(page, add('b.example'))]);
    expect((await loadSettings(page)).settings.blocked).toEqual(['a.example', 'b.example']);

    // Two options tabs: two copies of the module, one lock manager (the Web Locks API's, faked here).
    const held = new Map<string, Promise<unknown>>();
    const request = (name: string, task: () => Promise<unknown>) => {
      const run = (held.get(name) ?? Promise.resolve()).then(task);
      held.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    };
    vi.stubGlobal('navigator', { locks: { request } });
    vi.stubGlobal('location', { protocol: 'chrome-extension:' });
    const tabs = [await freshArea(), (vi.resetModules(), await freshArea())];
    await Promise.all([changeSettings(tabs[0]!, add('c.example')), changeSettings(tabs[1]!, add('d.example'))]);
    expect((await loadSettings(page)).settings.blocked).toEqual(['a.example', 'b.example', 'c.example', 'd.example']);
    expect(held.size).toBe(1);
  });
});
