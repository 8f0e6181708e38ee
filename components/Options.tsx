import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import {
  LABELS,
  MAX_IMPORT_BYTES,
  type Settings,
  type SettingName,
  type SettingsChange,
} from '../lib/extension/settings';
import { normalizePattern } from '../lib/extension/sites';
import { HighlightSwatch } from './HighlightSwatch';
import { plural } from './format';
import type { ForgetRequest, MemoryStatsView } from '../lib/extension/messages';
import { CorpusPack, type CorpusPackProps } from './CorpusPack';
import { MAX_AGE_DAYS, MAX_REMEMBERED } from '../lib/extension/memory';

/** "38 MB", "0.4 MB", "42 kB": what the remembered articles take, about. */
const megabytes = (bytes: number) => {
  const mb = bytes / 1_000_000;
  // A few articles take kilobytes: "0.0 MB" would read as nothing kept.
  if (bytes > 0 && mb < 0.1) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
};

export interface OptionsProps {
  /** The settings as stored (corrupt fields already back at their defaults). */
  settings: Settings;
  /** Fields that were unreadable and were reset; the page says which. */
  reset: SettingName[];
  /** Change settings; site lists are edited with a function of what is stored by then (see SettingsChange). */
  onChange: (change: SettingsChange) => void;
  /** Import settings from a file's text; resolves to a sentence saying what happened. */
  onImport: (text: string) => Promise<string>;
  /** The settings as a file's text, for export. */
  onExport: () => string;
  /** Whether an older version's copy of the settings is still in the browser's sync storage. */
  syncedCopy?: boolean;
  /** Remove that copy. */
  onRemoveSyncedCopy?: () => void;
  /** How much the remembered articles take, and any problem keeping them; null until the background has said. */
  memory?: MemoryStatsView | null;
  /** Forget remembered articles (all, or those read more than some days ago). */
  onForget?: (request: ForgetRequest) => void;
  /** Export and import the remembered articles as a corpus pack; no pack controls without it. */
  pack?: CorpusPackProps;
}

const SENSITIVITY = {
  strict: 'Strict: links only near-identical wordings. Fewest wrong notes; misses looser translations.',
  balanced: 'Balanced: links translations that keep most of the meaning. The default.',
  lenient: 'Lenient: links looser paraphrases too. Finds the most; some notes may link different remarks.',
} as const;

/**
 * Add and remove host patterns in one of the site lists. Edits are passed on
 * as functions of the list, not as the list this page shows: another tab may
 * have changed it since.
 */
function SiteList(props: {
  name: 'allowed' | 'blocked';
  sites: string[];
  onEdit: (edit: (sites: string[]) => string[]) => void;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (e: Event) => {
    e.preventDefault();
    const pattern = normalizePattern(draft);
    if (!pattern) return setError(`“${draft}” is not a site. Write a host like cnn.com or *.cnn.com.`);
    setError(null);
    setDraft('');
    props.onEdit((sites) => (sites.includes(pattern) ? sites : [...sites, pattern]));
  };
  const id = `site-${props.name}`;
  return (
    <div class="sites" data-testid={`setting-${props.name}`}>
      <ul aria-label={LABELS[props.name]}>
        {props.sites.length === 0 && <li class="empty">None yet.</li>}
        {props.sites.map((s) => (
          <li key={s}>
            <code>{s}</code>
            <button
              type="button"
              aria-label={`Remove ${s}`}
              onClick={() => props.onEdit((sites) => sites.filter((x) => x !== s))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <label for={id}>Add a site</label>
        <input
          id={id}
          value={draft}
          placeholder="cnn.com or *.cnn.com"
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">Add</button>
        {error && (
          <p id={`${id}-error`} class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}

/** The options page: every setting, with what it does, and import and export. */
export function Options({
  settings,
  reset,
  onChange,
  onImport,
  onExport,
  syncedCopy = false,
  onRemoveSyncedCopy,
  memory = null,
  onForget,
  pack,
}: OptionsProps) {
  const [importMessage, setImportMessage] = useState<string | null>(null);
  const [olderDays, setOlderDays] = useState(30);
  const radio = <K extends SettingName>(name: K, value: Settings[K], label: string, swatch?: ComponentChild) => (
    <label class="choice">
      <input
        type="radio"
        name={name}
        checked={settings[name] === value}
        onChange={() => onChange({ [name]: value } as Partial<Settings>)}
      />
      {label}
      {swatch}
    </label>
  );
  const swatch = (
    kind: 'remark' | 'agree' | 'differ',
    palette = settings.palette,
    highlightStyle = settings.highlightStyle,
  ) => <HighlightSwatch kind={kind} palette={palette} highlightStyle={highlightStyle} />;
  const toggle = (name: 'enabled' | 'showRemarks' | 'showFigures' | 'remember', label: string) => (
    <label class="switch">
      <input
        type="checkbox"
        data-testid={`setting-${name}`}
        checked={settings[name]}
        onChange={(e) => onChange({ [name]: e.currentTarget.checked })}
      />
      {label}
    </label>
  );
  const download = () => {
    const url = URL.createObjectURL(new Blob([onExport()], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'retold-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  // The event's currentTarget is gone once the handler awaits, so the input is taken first.
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      setImportMessage(
        file.size > MAX_IMPORT_BYTES
          ? `That file is too large to be Retold settings (${Math.round(file.size / 1000)} kB). Nothing changed.`
          : await onImport(await file.text()),
      );
    } catch (error) {
      const why = error instanceof Error && error.message ? error.message : 'it could not be read';
      setImportMessage(`Could not import that file: ${why}. Nothing changed.`);
    } finally {
      // Emptied, so choosing the same file again (after fixing it) imports it again.
      input.value = '';
    }
  };
  return (
    <main class="options">
      <h1>Retold options</h1>
      <p class="intro" data-testid="intro">
        Retold finds the remarks a news article quotes and the figures it reports, and shows beside them how other
        outlets worded the same remark and whether their figures agree. It compares the article with a collection of
        articles that comes with Retold: everything stays on this computer, and nothing is sent anywhere.
      </p>
      {reset.length > 0 && (
        <p class="notice" role="alert" data-testid="settings-reset">
          Some stored settings could not be read and are back to their defaults:{' '}
          <strong>{reset.map((r) => LABELS[r]).join(', ')}</strong>. Your other settings are unchanged.
        </p>
      )}

      <section>
        {toggle('enabled', 'Show Retold’s notes on news articles')}
        {settings.pausedUntil > Date.now() && (
          <p>
            Paused from the toolbar until {new Date(settings.pausedUntil).toLocaleTimeString()}.{' '}
            <button type="button" onClick={() => onChange({ pausedUntil: 0 })}>
              Resume now
            </button>
          </p>
        )}
      </section>

      <section>
        <h2>Where Retold runs</h2>
        <fieldset data-testid="setting-siteMode">
          <legend class="sr-only">{LABELS.siteMode}</legend>
          {radio('siteMode', 'all', 'On every site, except the ones below')}
          {radio('siteMode', 'listed', 'Only on the sites I list')}
        </fieldset>
        {settings.siteMode === 'listed' && (
          <>
            <h3>{LABELS.allowed}</h3>
            <SiteList
              name="allowed"
              sites={settings.allowed}
              onEdit={(edit) => onChange((now) => ({ allowed: edit(now.allowed) }))}
            />
          </>
        )}
        <h3>{LABELS.blocked}</h3>
        <p class="help">
          Sites you chose “Not on this site” for in the toolbar appear here. <code>cnn.com</code> is cnn.com and
          www.cnn.com only; <code>*.cnn.com</code> also covers edition.cnn.com and every other host under cnn.com.
        </p>
        <SiteList
          name="blocked"
          sites={settings.blocked}
          onEdit={(edit) => onChange((now) => ({ blocked: edit(now.blocked) }))}
        />
      </section>

      <section data-testid="memory">
        <h2>Your reading</h2>
        {toggle('remember', 'Remember the articles I read, on this device, to compare later articles')}
        <p class="help">
          Kept in this browser only, never sent: each article's text, title, outlet, date and address, and the remarks
          and figures found in it; never from private windows, sites Retold does not run on, or pages with a password
          field. At most {MAX_REMEMBERED.toLocaleString('en')} articles, each for {MAX_AGE_DAYS} days after you last
          read it.
        </p>
        {memory && (
          <p data-testid="memory-count">
            {plural(memory.articles, 'article')} remembered, {megabytes(memory.bytes)}
          </p>
        )}
        {memory?.problem && (
          <p class="notice" role="alert" data-testid="memory-problem">
            {memory.problem}
          </p>
        )}
        <div class="actions">
          <button type="button" data-testid="forget-all" onClick={() => onForget?.({ scope: 'all' })}>
            Forget everything
          </button>
          <label>
            Forget articles older than{' '}
            <input
              type="number"
              min={1}
              max={36500}
              value={olderDays}
              data-testid="forget-older-days"
              onInput={(e) => setOlderDays(Math.max(1, Math.floor(Number(e.currentTarget.value)) || 1))}
            />{' '}
            days
          </label>
          <button
            type="button"
            data-testid="forget-older"
            onClick={() => onForget?.({ scope: 'older', days: olderDays })}
          >
            Forget them
          </button>
        </div>
        {pack && <CorpusPack {...pack} />}
      </section>

      <section>
        <h2>What to show</h2>
        {toggle('showRemarks', 'Remarks other outlets quote, with their wording')}
        {toggle('showFigures', 'Figures other outlets report, and whether they agree')}
      </section>

      <section>
        <h2>{LABELS.sensitivity}</h2>
        <fieldset data-testid="setting-sensitivity">
          <legend class="sr-only">{LABELS.sensitivity}</legend>
          {(Object.keys(SENSITIVITY) as (keyof typeof SENSITIVITY)[]).map((k) =>
            radio('sensitivity', k, SENSITIVITY[k]),
          )}
        </fieldset>
      </section>

      <section>
        <h2>Highlights</h2>
        <fieldset data-testid="setting-palette">
          <legend>Colours (each works on light and dark pages)</legend>
          {radio('palette', 'amber', 'Amber', swatch('remark', 'amber'))}
          {radio('palette', 'blue', 'Blue', swatch('remark', 'blue'))}
          {radio('palette', 'magenta', 'Magenta', swatch('remark', 'magenta'))}
          <p class="help" data-testid="figure-colours">
            Figures look the same in every palette: {swatch('agree')} dotted where outlets agree, {swatch('differ')}{' '}
            wavy where they differ.
          </p>
        </fieldset>
        <fieldset data-testid="setting-highlightStyle">
          <legend>Style</legend>
          {radio(
            'highlightStyle',
            'background',
            'Tinted background and underline',
            swatch('remark', settings.palette, 'background'),
          )}
          {radio(
            'highlightStyle',
            'underline',
            'Underline only (no colour needed to see it)',
            swatch('remark', settings.palette, 'underline'),
          )}
        </fieldset>
      </section>

      <section>
        <h2>Import and export</h2>
        <p class="help">
          Retold keeps its settings on this computer only. To use them in another browser, export them here and import
          them there.
        </p>
        {syncedCopy && (
          <p class="notice" data-testid="synced-copy">
            An older version of Retold kept these settings in your browser’s sync storage, which your browser copies to
            its maker’s servers when sync is on. Retold no longer reads or updates that copy. Another computer still
            running an older Retold reads its settings from it.{' '}
            <button type="button" data-testid="remove-synced-copy" onClick={() => onRemoveSyncedCopy?.()}>
              Remove the synced copy
            </button>
          </p>
        )}
        <div class="actions">
          <button type="button" onClick={download} data-testid="export">
            Export settings
          </button>
          <label class="button">
            Import settings…
            <input
              type="file"
              accept="application/json,.json"
              class="sr-only"
              data-testid="import"
              onChange={(e) => void importFile(e.currentTarget)}
            />
          </label>
        </div>
        {importMessage && (
          <p role="status" data-testid="import-message">
            {importMessage}
          </p>
        )}
      </section>
    </main>
  );
}
