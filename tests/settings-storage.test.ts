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

  it('load a version 1 object, and are stored again at the current version', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 1, palette: 'blue', enabled: 'yes' } });
    const area = await freshArea();
    expect(await loadSettings(area)).toEqual({ settings: { ...DEFAULTS, palette: 'blue' }, reset: ['enabled'] });
    await changeSettings(area, { showFigures: false });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({
      settings: { ...DEFAULTS, palette: 'blue', showFigures: false },
      settings$: { v: 2 },
    });
  });

  it('load the unversioned shape', async () => {
    await fakeBrowser.storage.sync.set({ settings: { sites: { mode: 'allow', list: ['example.com'] } } });
    const { settings } = await loadSettings(await freshArea());
    expect(settings).toEqual({ ...DEFAULTS, siteMode: 'listed', allowed: ['example.com'] });
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
