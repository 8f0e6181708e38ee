import { describe, expect, it, vi } from 'vitest';
import {
  changeSettings,
  DEFAULTS,
  exportSettings,
  importSettings,
  loadSettings,
  parseSettings,
  siteState,
  thresholdOf,
  type SettingsArea,
} from '../lib/extension/settings';
import { hostMatches, normalizePattern } from '../lib/extension/sites';

describe('site patterns', () => {
  it('accept host names and pasted URLs, in one canonical form', () => {
    expect(normalizePattern(' https://www.CNN.com/world/live?x=1 ')).toBe('cnn.com');
    expect(normalizePattern('*.cnn.com')).toBe('*.cnn.com');
    expect(normalizePattern('edition.cnn.com.')).toBe('edition.cnn.com');
    expect(normalizePattern('localhost:8080')).toBe('localhost');
    expect(normalizePattern('127.0.0.1')).toBe('127.0.0.1');
  });

  it('refuse what is not a host', () => {
    for (const bad of ['', 'not a host!', '*.com', '*', 'cnn..com', '-cnn.com', 'cnn.com/*'.replace('/*', ' x')])
      expect(normalizePattern(bad), bad).toBeNull();
  });

  it('take time in proportion to their length: a 200-byte import once froze the options page', () => {
    // Every label here could be read two ways by the old pattern, so a bad ending made it try 2^n readings.
    const hostile = `${'xn--a.'.repeat(26)}!`;
    const started = performance.now();
    expect(normalizePattern(hostile)).toBeNull();
    expect(parseSettings({ version: 1, blocked: [hostile, 'cnn.com'] }).settings.blocked).toEqual(['cnn.com']);
    expect(performance.now() - started).toBeLessThan(100);
    expect(normalizePattern(`${'a.'.repeat(5000)}com`)).toBeNull(); // longer than any host name
    expect(normalizePattern(`${'/'.repeat(20_000)}\n`)).toBeNull();
  });

  it('accept host names with underscores, which browsers open, so the popup can block them', () => {
    expect(normalizePattern('my_site.example.com')).toBe('my_site.example.com');
    expect(normalizePattern('*._dmarc.example.com')).toBe('*._dmarc.example.com');
    expect(hostMatches('my_site.example.com', 'my_site.example.com')).toBe(true);
    expect(normalizePattern('xn--bcher-kva.example')).toBe('xn--bcher-kva.example');
    expect(normalizePattern('a'.repeat(63) + '.com')).toBe('a'.repeat(63) + '.com');
    expect(normalizePattern('a'.repeat(64) + '.com')).toBeNull();
  });

  it('tell cnn.com from edition.cnn.com, and match whole labels only', () => {
    expect(hostMatches('cnn.com', 'cnn.com')).toBe(true);
    expect(hostMatches('cnn.com', 'www.cnn.com')).toBe(true);
    expect(hostMatches('cnn.com', 'edition.cnn.com')).toBe(false);
    expect(hostMatches('*.cnn.com', 'edition.cnn.com')).toBe(true);
    expect(hostMatches('*.cnn.com', 'cnn.com')).toBe(true);
    expect(hostMatches('*.cnn.com', 'notcnn.com')).toBe(false);
    expect(hostMatches('cnn.com', 'cnn.com.example.net')).toBe(false);
    expect(hostMatches('*.cnn.com', 'cnn.com.example.net')).toBe(false);
  });
});

describe('stored settings', () => {
  it('are the defaults when nothing is stored, with nothing reported', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULTS, reset: [] });
  });

  it('fall back field by field: a corrupt field is reset and named, the others are kept', () => {
    const { settings, reset } = parseSettings({
      version: 1,
      enabled: 'yes',
      palette: 'blue',
      sensitivity: 3,
      showFigures: false,
    });
    expect(reset).toEqual(['enabled', 'sensitivity']);
    expect(settings).toEqual({ ...DEFAULTS, palette: 'blue', showFigures: false });
  });

  it('keep the valid sites of a list that holds some garbage, and say the list was touched', () => {
    const { settings, reset } = parseSettings({ version: 1, blocked: ['cnn.com', 42, 'not a host!', 'CNN.com'] });
    expect(settings.blocked).toEqual(['cnn.com']);
    expect(reset).toEqual(['blocked']);
  });

  it('survive garbage of every shape', () => {
    for (const garbage of [42, 'x', [], [1, 2], true, { version: 'x' }, { version: 99, enabled: null }]) {
      const { settings } = parseSettings(garbage);
      expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULTS).sort());
    }
    expect(parseSettings('settings').reset.length).toBe(Object.keys(DEFAULTS).length);
  });

  it('migrate the unversioned shape: one site list with a mode, a numeric threshold', () => {
    expect(parseSettings({ sites: { mode: 'allow', list: ['example.com'] }, threshold: 0.85 })).toEqual({
      settings: { ...DEFAULTS, siteMode: 'listed', allowed: ['example.com'], sensitivity: 'strict' },
      reset: [],
    });
    expect(parseSettings({ sites: { mode: 'block', list: ['*.cnn.com'] } }).settings.blocked).toEqual(['*.cnn.com']);
  });

  it('say whether Retold runs on a host now, and why not', () => {
    const s = { ...DEFAULTS, blocked: ['cnn.com'] };
    expect(siteState(s, 'edition.cnn.com')).toBe('on');
    expect(siteState(s, 'www.cnn.com')).toBe('blocked');
    expect(siteState({ ...s, enabled: false }, 'example.com')).toBe('off');
    expect(siteState({ ...s, pausedUntil: 2000 }, 'example.com', 1000)).toBe('paused');
    expect(siteState({ ...s, pausedUntil: 2000 }, 'example.com', 3000)).toBe('on');
    expect(siteState({ ...s, siteMode: 'listed', allowed: ['*.bbc.co.uk'] }, 'www.bbc.co.uk')).toBe('on');
    expect(siteState({ ...s, siteMode: 'listed', allowed: ['*.bbc.co.uk'] }, 'example.com')).toBe('not-listed');
  });

  it('map sensitivity to named thresholds, stricter meaning higher', () => {
    const t = (sensitivity: 'strict' | 'balanced' | 'lenient') => thresholdOf({ ...DEFAULTS, sensitivity });
    expect(t('strict')).toBeGreaterThan(t('balanced'));
    expect(t('balanced')).toBeGreaterThan(t('lenient'));
  });

  it('are changed in storage without losing the other fields, repairing corrupt ones', async () => {
    let stored: unknown = { version: 1, palette: 7, showRemarks: false };
    const area: SettingsArea = {
      read: async () => stored,
      write: async (settings) => void (stored = settings),
      exclusive: (task) => task(),
    };
    await changeSettings(area, { enabled: false });
    expect(stored).toEqual({ ...DEFAULTS, enabled: false, showRemarks: false });
    const written = vi.fn(async () => {});
    const broken: SettingsArea = {
      read: () => Promise.reject(new Error('disk')),
      write: written,
      exclusive: (task) => task(),
    };
    expect(await loadSettings(broken)).toEqual({ settings: DEFAULTS, reset: [] });
    // A change made while storage cannot be read fails, rather than storing the defaults over everything.
    await expect(changeSettings(broken, { enabled: false })).rejects.toThrow('disk');
    expect(written).not.toHaveBeenCalled();
  });

  it('round-trip through an exported file; an import keeps current values for fields it cannot read', () => {
    const mine = { ...DEFAULTS, palette: 'magenta' as const, blocked: ['cnn.com'] };
    expect(importSettings(DEFAULTS, exportSettings(mine)).settings).toEqual(mine);
    const current = { ...DEFAULTS, sensitivity: 'strict' as const };
    const { settings, message } = importSettings(
      current,
      JSON.stringify({ version: 1, sensitivity: 'x', palette: 'blue' }),
    );
    expect(settings).toEqual({ ...current, palette: 'blue' });
    expect(message).toBe('Imported 1 setting. Unreadable in the file, so left as they were: How strict matching is.');
    expect(importSettings(current, 'not json').message).toContain('not JSON');
    expect(importSettings(current, '[1]').settings).toBe(current);
    expect(importSettings(current, '{"theme":"dark"}')).toEqual({
      settings: current,
      message: 'That file holds no Retold settings. Nothing changed.',
    });
  });
});
