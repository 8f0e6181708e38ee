// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options, type OptionsProps } from '../components/Options';
import { Popup, type PopupProps } from '../components/Popup';
import { SearchResults } from '../components/SearchResults';
import type { SearchResult } from '../lib/corpus/schema';
import { DEFAULTS, MAX_IMPORT_BYTES, type Settings } from '../lib/extension/settings';
import type { FigureView, RemarkView, TabView } from '../lib/extension/messages';

const selector = { exact: 'x', prefix: '', suffix: '', position: 0 };
const aRemark = (id: string): RemarkView => ({ id, quote: 'x', speaker: null, selectors: [selector], outlets: [] });
const aFigure = (id: string): FigureView => ({ id, text: '3', quantity: 'x', selector, differs: false, others: [] });
/** A tab's view as the background sends it to the popup. */
const tabView = (over: Partial<TabView> = {}): TabView => ({
  url: 'https://example.com/a',
  host: 'example.com',
  state: 'on',
  notes: { remarks: [aRemark('remark-1'), aRemark('remark-2')], figures: [aFigure('figure-1')], outletCount: 1 },
  visible: true,
  look: { palette: 'amber', highlightStyle: 'background' },
  badge: { text: '3', title: 'Retold: 2 remarks and 1 figure also reported elsewhere' },
  ...over,
});

const remark: SearchResult = {
  kind: 'remark',
  id: 'remark-1',
  speaker: 'Vladimir Putin',
  wordings: [
    { articleId: 'a', outlet: 'Forbes', date: null, quote: 'stop the bloodshed', diff: [] },
    {
      articleId: 'b',
      outlet: null,
      date: '2023-10-13',
      quote: 'end the bloodshed',
      diff: [
        { kind: 'removed', text: 'stop' },
        { kind: 'added', text: 'end' },
        { kind: 'same', text: ' the bloodshed' },
      ],
    },
  ],
};

let root: HTMLElement;
const mount = (node: preact.ComponentChild) => {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
};
const q = (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)];
afterEach(() => {
  render(null, root);
  root.remove();
});
const flush = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

describe('search results', () => {
  it('say what can be searched before a query, and something useful when nothing matches', () => {
    mount(<SearchResults query="" results={[]} searchable={15} onLeaveTop={() => {}} />);
    expect(q('[data-testid="search-hint"]')[0]!.textContent).toMatch(/^Search 15 remarks and figures/);
    render(<SearchResults query="zzz" results={[]} searchable={15} onLeaveTop={() => {}} />, root);
    expect(q('[data-testid="search-empty"]')[0]!.textContent).toContain('Nothing in the corpus matches “zzz”');
  });

  it('list every outlet’s wording with the differences marked', () => {
    mount(<SearchResults query="bloodshed" results={[remark]} searchable={15} onLeaveTop={() => {}} />);
    const result = q('[data-testid="search-result"]')[0]!;
    expect(result.textContent).toContain('Remark by Vladimir Putin, quoted by 2 outlets');
    expect(result.textContent).toContain('Unsigned wire report 13 Oct 2023');
    expect(result.querySelector('ins')!.textContent).toBe('end');
    expect(result.querySelector('del')!.textContent).toBe('stop');
  });
});

describe('the popup', () => {
  const props = (over: Partial<PopupProps> = {}): PopupProps => ({
    tab: tabView(),
    pausedUntil: 0,
    reset: [],
    searchable: 15,
    search: vi.fn(async (query: string) => (query ? [remark] : [])),
    onToggleNotes: vi.fn(),
    onBlockSite: vi.fn(),
    onPause: vi.fn(),
    onOpenOptions: vi.fn(),
    ...over,
  });

  it('shows this tab’s counts and its controls', () => {
    const p = props();
    mount(<Popup {...p} />);
    expect(q('[data-testid="tab-counts"]')[0]!.textContent).toBe(
      'On this page: 2 remarks and 1 figure also reported by other outlets.',
    );
    act(() => q('[data-testid="toggle-notes"]')[0]!.click());
    expect(p.onToggleNotes).toHaveBeenCalled();
    act(() => q('[data-testid="block-site"]')[0]!.click());
    expect(p.onBlockSite).toHaveBeenCalledWith(true);
  });

  it('searches as the reader types', async () => {
    const p = props();
    mount(<Popup {...p} />);
    const input = q('[data-testid="search-input"]')[0] as HTMLInputElement;
    act(() => {
      input.value = 'blood';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await flush();
    expect(p.search).toHaveBeenLastCalledWith('blood');
    expect(q('[data-testid="search-result"]')).toHaveLength(1);
  });

  it('says why Retold is not running, with the way back', () => {
    const p = props({
      tab: tabView({
        url: 'https://cnn.com/',
        host: 'cnn.com',
        state: 'blocked',
        notes: { remarks: [], figures: [], outletCount: 0 },
      }),
    });
    mount(<Popup {...p} />);
    expect(q('[data-testid="tab-status"]')[0]!.textContent).toContain('Retold does not run on cnn.com');
    act(() => q('[data-testid="tab-status"] button')[0]!.click());
    expect(p.onBlockSite).toHaveBeenCalledWith(false);
    render(null, root);
    act(() => render(<Popup {...props({ tab: null, reset: ['Highlight colours'] })} />, root));
    expect(q('[data-testid="tab-status"]')[0]!.textContent).toContain('does not run on this page');
    expect(q('[data-testid="settings-reset"]')[0]!.textContent).toContain('Highlight colours');
  });
});

describe('the options page', () => {
  const props = (over: Partial<OptionsProps> = {}): OptionsProps => ({
    settings: DEFAULTS,
    reset: [],
    onChange: vi.fn(),
    onImport: vi.fn(async () => 'Imported 1 setting.'),
    onExport: vi.fn(() => '{}'),
    ...over,
  });

  it('names the settings that were reset', () => {
    mount(<Options {...props({ reset: ['palette', 'blocked'] })} />);
    expect(q('[data-testid="settings-reset"]')[0]!.textContent).toContain(
      'Highlight colours, Sites Retold never runs on',
    );
  });

  it('turns Retold off, and changes one setting at a time', () => {
    const p = props();
    mount(<Options {...p} />);
    act(() => q('[data-testid="setting-enabled"]')[0]!.click());
    expect(p.onChange).toHaveBeenCalledWith({ enabled: false });
    const strict = q('[data-testid="setting-sensitivity"] input')[0]!;
    act(() => strict.click());
    expect(p.onChange).toHaveBeenLastCalledWith({ sensitivity: 'strict' });
  });

  it('adds a site in canonical form and refuses what is not one', () => {
    const p = props({ settings: { ...DEFAULTS, blocked: ['example.org'] } });
    mount(<Options {...p} />);
    const list = q('[data-testid="setting-blocked"]')[0]!;
    const input = list.querySelector('input')!;
    const submit = (value: string) => {
      act(() => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      act(() => {
        list.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      });
    };
    submit('not a host!');
    expect(list.querySelector('[role="alert"]')!.textContent).toContain('is not a site');
    expect(p.onChange).not.toHaveBeenCalled();
    submit('https://www.CNN.com/world');
    // Each edit applies to the list as stored when it runs: a site another tab added since is kept.
    const edit = () => vi.mocked(p.onChange).mock.lastCall![0] as (now: Settings) => Partial<Settings>;
    const now = { ...DEFAULTS, blocked: ['example.org', 'other.net'] };
    expect(edit()(now)).toEqual({ blocked: ['example.org', 'other.net', 'cnn.com'] });
    act(() => list.querySelector<HTMLButtonElement>('button[aria-label="Remove example.org"]')!.click());
    expect(edit()(now)).toEqual({ blocked: ['other.net'] });
  });

  it('says where settings are kept, and offers to remove a copy an older version left in sync storage', () => {
    mount(<Options {...props()} />);
    expect(q('[data-testid="synced-copy"]')).toEqual([]);
    render(null, root);
    const p = props({ syncedCopy: true, onRemoveSyncedCopy: vi.fn() });
    act(() => render(<Options {...p} />, root));
    expect(q('[data-testid="synced-copy"]')[0]!.textContent).toContain('its maker’s servers when sync is on');
    act(() => q('[data-testid="remove-synced-copy"]')[0]!.click());
    expect(p.onRemoveSyncedCopy).toHaveBeenCalledTimes(1);
  });

  /** Choose `file` in the import button's file picker; returns how often the picker was emptied. */
  const chooseFile = async (file: File) => {
    const input = q('[data-testid="import"]')[0] as HTMLInputElement;
    const emptied = vi.fn();
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    Object.defineProperty(input, 'value', { get: () => '', set: emptied, configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    return emptied;
  };

  it('imports a chosen file, says what happened, and empties the picker so the same file can be chosen again', async () => {
    const p = props();
    mount(<Options {...p} />);
    const emptied = await chooseFile(new File(['{"palette":"blue"}'], 'retold-settings.json'));
    expect(p.onImport).toHaveBeenCalledWith('{"palette":"blue"}');
    expect(q('[data-testid="import-message"]')[0]!.textContent).toBe('Imported 1 setting.');
    expect(emptied).toHaveBeenCalledWith('');
  });

  it('says plainly when an import fails, and refuses a file too large to be settings without reading it', async () => {
    const p = props({ onImport: vi.fn(async () => Promise.reject(new Error('storage is full'))) });
    mount(<Options {...p} />);
    await chooseFile(new File(['{}'], 'retold-settings.json'));
    expect(q('[data-testid="import-message"]')[0]!.textContent).toBe(
      'Could not import that file: storage is full. Nothing changed.',
    );
    await chooseFile(new File(['x'.repeat(MAX_IMPORT_BYTES + 1)], 'huge.json'));
    expect(q('[data-testid="import-message"]')[0]!.textContent).toMatch(
      /^That file is too large to be Retold settings \(.+\)\. Nothing changed\.$/,
    );
    expect(p.onImport).toHaveBeenCalledTimes(1);
  });
});
