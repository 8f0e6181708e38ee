/**
 * The reader's settings: a zod schema and a default per field, a version and
 * migrations. Stored settings are read field by field, so one corrupt value
 * falls back to its default on its own, and the caller is told which fields
 * fell back (never silently: the options page names them). Where they are
 * stored is `settings-area.ts`; this module never touches `browser`.
 */
import { z } from 'zod/mini';
import { anyPatternMatches, normalizePattern } from './sites';
import { REMARK_THRESHOLDS, type Sensitivity } from '../text/thresholds';

z.config({ jitless: true });

/**
 * The version of the stored layout. 1: one object with a `version` field;
 * 2: the same fields, the version kept beside them by WXT's storage.
 */
export const SETTINGS_VERSION = 2;

/** A site list's shape; its entries are read one by one (see parseSettings), so valid ones survive a bad one. */
const SitePatterns = z.array(z.string());

/** Each field with its schema and default. Order is the order the options page shows. */
export const FIELDS = {
  /** Retold on or off everywhere. */
  enabled: { schema: z.boolean(), default: true as boolean },
  /** Until when (epoch ms) Retold is paused from the popup; 0 when not paused. */
  pausedUntil: { schema: z.number().check(z.nonnegative()), default: 0 },
  /** Run on every site but the blocked ones, or only on the allowed ones. */
  siteMode: { schema: z.enum(['all', 'listed']), default: 'all' as 'all' | 'listed' },
  /** Sites Retold runs on when siteMode is 'listed'. */
  allowed: { schema: SitePatterns, default: [] as string[] },
  /** Sites Retold never runs on. */
  blocked: { schema: SitePatterns, default: [] as string[] },
  /** Which notes to show. */
  showRemarks: { schema: z.boolean(), default: true as boolean },
  showFigures: { schema: z.boolean(), default: true as boolean },
  /** How similar two wordings must be to count as one remark. */
  sensitivity: { schema: z.enum(['strict', 'balanced', 'lenient']), default: 'balanced' as Sensitivity },
  /** Highlight colours, each tested on light and dark pages. */
  palette: { schema: z.enum(['amber', 'blue', 'magenta']), default: 'amber' as 'amber' | 'blue' | 'magenta' },
  /** Tinted background plus underline, or underline alone (easier for some colour-blind readers). */
  highlightStyle: { schema: z.enum(['background', 'underline']), default: 'background' as 'background' | 'underline' },
  /** Remember the articles read, on this device, to compare later articles with (lib/extension/memory). Off until the reader turns it on. */
  remember: { schema: z.boolean(), default: false as boolean },
  /** The popup has offered `remember` once (the reader turned it on or said no): it does not ask again. */
  rememberOffered: { schema: z.boolean(), default: false as boolean },
};

export type Settings = { [K in keyof typeof FIELDS]: (typeof FIELDS)[K]['default'] };
export type SettingName = keyof typeof FIELDS;
const NAMES = Object.keys(FIELDS) as SettingName[];

export const DEFAULTS: Settings = Object.fromEntries(NAMES.map((name) => [name, FIELDS[name].default])) as Settings;

/** What each setting is called on the options page, for the "could not be read" message. */
export const LABELS: Record<SettingName, string> = {
  enabled: 'Retold on or off',
  pausedUntil: 'Pause',
  siteMode: 'Where Retold runs',
  allowed: 'Sites Retold runs on',
  blocked: 'Sites Retold never runs on',
  showRemarks: 'Show remarks',
  showFigures: 'Show figures',
  sensitivity: 'How strict matching is',
  palette: 'Highlight colours',
  highlightStyle: 'Highlight style',
  remember: 'Remember the articles I read',
  rememberOffered: 'The offer to remember articles',
};

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * Older shapes, each upgraded to the version it is keyed by (WXT's
 * convention). Version 0 (before versions were stored) kept one `sites`
 * list with a mode and called sensitivity `threshold` (a number).
 */
export const MIGRATIONS: Record<number, Migration> = {
  1: (old) => {
    const { sites, threshold, ...rest } = old;
    const out: Record<string, unknown> = { ...rest, version: 1 };
    if (sites && typeof sites === 'object' && !Array.isArray(sites)) {
      const s = sites as { mode?: unknown; list?: unknown };
      if (s.mode === 'allow') {
        out.siteMode = 'listed';
        out.allowed = s.list;
      } else out.blocked = s.list;
    }
    if (typeof threshold === 'number')
      out.sensitivity = threshold >= REMARK_THRESHOLDS.strict ? 'strict' : threshold < 0.65 ? 'lenient' : 'balanced';
    return out;
  },
  2: (old) => {
    const { version: _version, ...fields } = old;
    return fields;
  },
};

/**
 * Any settings object (stored by any version, or read from an exported
 * file) in the current shape: its fields, not yet checked. One without a
 * `version` field is read as version 0: that is what version 0 stored, and
 * version 2 stores none either, which is safe because the version 1
 * migration only touches `sites` and `threshold`, fields no later shape has.
 * Never throws: WXT runs it on whatever it finds in storage.
 */
export function upgradeSettings(stored: unknown): Record<string, unknown> {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  let raw = stored as Record<string, unknown>;
  const from = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 0;
  for (let version = Math.max(from, 0) + 1; version <= SETTINGS_VERSION; version++) raw = MIGRATIONS[version]!(raw);
  // A newer version's number goes too: its fields are read one by one like any others.
  return MIGRATIONS[2]!(raw);
}

export interface LoadedSettings {
  settings: Settings;
  /**
   * Fields whose stored value could not be read: back at their default, or
   * for a site list, with the entries that are not sites dropped.
   */
  reset: SettingName[];
}

/** Settings from whatever was stored (anything at all): valid fields kept, the rest reset and named. */
export function parseSettings(stored: unknown): LoadedSettings {
  if (stored === undefined || stored === null) return { settings: { ...DEFAULTS }, reset: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { settings: { ...DEFAULTS }, reset: [...NAMES] };
  const raw = upgradeSettings(stored);
  const settings = { ...DEFAULTS };
  const reset: SettingName[] = [];
  for (const name of NAMES) {
    if (!(name in raw)) continue;
    // Site lists keep their valid entries when some are not host names.
    if ((name === 'allowed' || name === 'blocked') && Array.isArray(raw[name])) {
      const list = (raw[name] as unknown[]).map((p) => (typeof p === 'string' ? normalizePattern(p) : null));
      settings[name] = [...new Set(list.filter((p): p is string => p !== null))];
      if (list.includes(null)) reset.push(name);
      continue;
    }
    const parsed = z.safeParse(FIELDS[name].schema as z.ZodMiniType, raw[name]);
    if (parsed.success) (settings as Record<string, unknown>)[name] = parsed.data;
    else reset.push(name);
  }
  return { settings, reset };
}

export type SiteState = 'on' | 'off' | 'paused' | 'blocked' | 'not-listed';

/** Whether Retold runs on `host` now, and if not, why. */
export function siteState(settings: Settings, host: string, now = Date.now()): SiteState {
  if (!settings.enabled) return 'off';
  if (settings.pausedUntil > now) return 'paused';
  if (anyPatternMatches(settings.blocked, host)) return 'blocked';
  if (settings.siteMode === 'listed' && !anyPatternMatches(settings.allowed, host)) return 'not-listed';
  return 'on';
}

/** The remark threshold the reader's sensitivity stands for. */
export const thresholdOf = (settings: Settings) => REMARK_THRESHOLDS[settings.sensitivity];

/** Where settings are kept; `settings-area.ts` gives the browser's, tests give their own. */
export interface SettingsArea {
  /** What is stored, as found (anything at all; the defaults when nothing is). */
  read(): Promise<unknown>;
  /** Store `settings` in the current shape and version. */
  write(settings: Settings): Promise<void>;
  /** Run `task` while no other page or tab changes the settings, so that a change reads what it replaces. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}

export async function loadSettings(area: SettingsArea): Promise<LoadedSettings> {
  try {
    return parseSettings(await area.read());
  } catch {
    // Storage itself failed (a corrupt profile): run on defaults, change nothing stored.
    return { settings: { ...DEFAULTS }, reset: [] };
  }
}

/**
 * A change to some settings: their new values, or a function of the stored
 * settings at the moment the change is made. A list edit is a function
 * (add this site to whatever the list holds by then), so two tabs adding a
 * site at once both keep theirs.
 */
export type SettingsChange = Partial<Settings> | ((current: Settings) => Partial<Settings>);

/**
 * Apply a change to the stored settings (repairing any corrupt field on the
 * way) and return the result. Changes from every page run one at a time; if
 * the stored settings cannot be read, nothing is written.
 */
export function changeSettings(area: SettingsArea, change: SettingsChange): Promise<Settings> {
  return area.exclusive(async () => {
    const { settings } = parseSettings(await area.read());
    const next = parseSettings({ ...settings, ...(typeof change === 'function' ? change(settings) : change) });
    await area.write(next.settings);
    return next.settings;
  });
}

/**
 * The largest settings file read: ten thousand sites in each list take less
 * than half of it. Anything larger is refused before it is read.
 */
export const MAX_IMPORT_BYTES = 1_000_000;

/** Settings as a file a reader can keep or move to another browser. */
export const exportSettings = (settings: Settings) =>
  `${JSON.stringify({ version: SETTINGS_VERSION, ...settings }, null, 2)}\n`;

/**
 * Settings from an exported file, applied over `current`: fields the file
 * sets validly replace the current ones; fields it gets wrong keep their
 * current value and are named in the message.
 */
export function importSettings(current: Settings, text: string): { settings: Settings; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { settings: current, message: 'That file is not a Retold settings file: it is not JSON. Nothing changed.' };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { settings: current, message: 'That file is not a Retold settings file. Nothing changed.' };
  const { settings: parsed, reset } = parseSettings(data);
  const given = upgradeSettings(data);
  const next = { ...current };
  let applied = 0;
  for (const name of NAMES) {
    if (!(name in given) || (reset.includes(name) && name !== 'allowed' && name !== 'blocked')) continue;
    (next as Record<string, unknown>)[name] = parsed[name];
    applied++;
  }
  const skipped = reset.map((r) => LABELS[r]);
  if (applied === 0 && skipped.length === 0)
    return { settings: current, message: 'That file holds no Retold settings. Nothing changed.' };
  return {
    settings: next,
    message:
      `Imported ${applied} setting${applied === 1 ? '' : 's'}.` +
      (skipped.length ? ` Unreadable in the file, so left as they were: ${skipped.join(', ')}.` : ''),
  };
}
