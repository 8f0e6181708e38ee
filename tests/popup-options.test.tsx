// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options, type OptionsProps } from '../components/Options';
import { Popup, type PopupProps } from '../components/Popup';
import { CorpusCoverage } from '../components/CorpusCoverage';
import { CorpusPack } from '../components/CorpusPack';
import { HighlightSwatch } from '../components/HighlightSwatch';
import { SearchResults, type SearchResultsProps } from '../components/SearchResults';
import { TabNotes } from '../components/TabNotes';
import type { Coverage, SearchResult } from '../lib/corpus/schema';
import { FIGURE_LINES, PALETTES } from '../lib/extension/highlight-colours';
import { DEFAULTS, MAX_IMPORT_BYTES, type Settings } from '../lib/extension/settings';
import type { FigureView, OutletVersion, PageNotes, RemarkView, TabView } from '../lib/extension/messages';
import { expectAccessible } from './accessibility';

const selector = { exact: 'x', prefix: '', suffix: '', position: 0 };
const aRemark = (id: string): RemarkView => ({ id, quote: 'x', speaker: null, selectors: [selector], outlets: [] });
/** A figure's interval, day and claimant, as the view carries them (their values do not matter here). */
const reading = { low: 1, high: 1, lowOpen: false, highOpen: false, day: null, claimant: null };
const aFigure = (id: string): FigureView => ({
  id,
  text: '3',
  quantity: 'x',
  selector,
  differs: false,
  low: 3,
  high: 3,
  lowOpen: false,
  highOpen: false,
  day: null,
  claimant: null,
  others: [],
});
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
    { articleId: 'a', outlet: 'Forbes', title: null, date: null, url: null, quote: 'stop the bloodshed', diff: [] },
    {
      articleId: 'b',
      outlet: null,
      title: null,
      date: '2023-10-13',
      url: null,
      quote: 'end the bloodshed',
      diff: [
        { kind: 'removed', text: 'stop' },
        { kind: 'added', text: 'end' },
        { kind: 'same', text: ' the bloodshed' },
      ],
    },
  ],
};

/** A remark only one outlet quotes. */
const oneOutlet: SearchResult = { ...remark, id: 'remark-2', wordings: [remark.wordings[0]!] };
/** A remark whose articles the corpus knows more or less of: headline and address, headline only, neither. */
const withSources: SearchResult = {
  kind: 'remark',
  id: 'remark-3',
  speaker: null,
  wordings: [
    {
      articleId: 'jp',
      outlet: 'The Jerusalem Post',
      title: 'Putin: Israel’s action in Gaza akin to genocide, US at fault',
      date: '2024-06-06',
      url: 'https://www.jpost.com/a',
      quote: 'akin to the complete elimination',
      diff: [],
    },
    {
      ...remark.wordings[0]!,
      articleId: 'f',
      title: 'A headline with no address',
    },
    { ...remark.wordings[1]!, url: 'javascript:alert(1)' },
  ],
};
const sourceOf = (articleId: string) => ({ articleId, outlet: articleId, title: null, date: null });
const outletOf = (articleId: string): OutletVersion => ({ ...sourceOf(articleId), wordings: [] });

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
  const props = (over: Partial<SearchResultsProps> = {}): SearchResultsProps => ({
    query: 'bloodshed',
    results: [remark],
    searchable: 15,
    onPage: new Map(),
    onOpenArticle: vi.fn(),
    onReveal: vi.fn(),
    onLeaveTop: vi.fn(),
    ...over,
  });
  const press = (el: HTMLElement, key: string) =>
    act(() => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });

  it('say what can be searched before a query, and something useful when nothing matches', () => {
    mount(<SearchResults {...props({ query: '', results: [] })} />);
    expect(q('[data-testid="search-hint"]')[0]!.textContent).toMatch(/^Search 15 remarks and figures/);
    render(<SearchResults {...props({ query: 'zzz', results: [] })} />, root);
    expect(q('[data-testid="search-empty"]')[0]!.textContent).toContain('Nothing in the corpus matches “zzz”');
  });

  it('list every outlet’s wording with the differences marked', () => {
    mount(<SearchResults {...props()} />);
    const result = q('[data-testid="search-result"]')[0]!;
    expect(result.textContent).toContain('Remark by Vladimir Putin, quoted by 2 outlets');
    expect(result.textContent).toContain('Unsigned wire report 13 Oct 2023');
    expect(result.querySelector('ins')!.textContent).toBe('end');
    expect(result.querySelector('del')!.textContent).toBe('stop');
  });

  it('say “quoted by 1 outlet” of a remark one outlet quotes', () => {
    mount(<SearchResults {...props({ results: [oneOutlet] })} />);
    expect(q('[data-testid="search-result"]')[0]!.textContent).toContain(
      'Remark by Vladimir Putin, quoted by 1 outlet',
    );
  });

  it('give each outlet’s headline and date, and link the headline to its article when the address is known', () => {
    const p = props({ results: [withSources] });
    mount(<SearchResults {...p} />);
    const result = q('[data-testid="search-result"]')[0]!;
    expect(result.textContent).toContain('The Jerusalem Post 6 Jun 2024');
    const links = q('[data-testid="result-link"]') as HTMLAnchorElement[];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Putin: Israel’s action in Gaza akin to genocide, US at fault', 'https://www.jpost.com/a'],
    ]);
    // Known headline, no address: the headline as text. An address that is not a web page: no link.
    expect(result.textContent).toContain('A headline with no address');
    expect(result.textContent).toContain('Unsigned wire report');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    act(() => {
      links[0]!.dispatchEvent(click);
    });
    expect(click.defaultPrevented).toBe(true);
    expect(p.onOpenArticle).toHaveBeenCalledWith('https://www.jpost.com/a');
  });

  it('open the first article with an address on Enter, or show the result on this page when it is there', () => {
    const p = props({ results: [withSources, remark] });
    mount(<SearchResults {...p} />);
    const [first, second] = q('[data-testid="search-result"]');
    press(first!, 'Enter');
    expect(p.onOpenArticle).toHaveBeenCalledWith('https://www.jpost.com/a');
    // A result with no address to open does nothing on Enter.
    press(second!, 'Enter');
    expect(p.onOpenArticle).toHaveBeenCalledTimes(1);
    expect(p.onReveal).not.toHaveBeenCalled();

    render(<SearchResults {...p} onPage={new Map([['remark-1', 'remark-77']])} />, root);
    expect(q('[data-testid="result-reveal"]')).toHaveLength(1);
    press(q('[data-testid="search-result"]')[1]!, 'Enter');
    expect(p.onReveal).toHaveBeenCalledWith('remark-77');
    act(() => q('[data-testid="result-reveal"]')[0]!.click());
    expect(p.onReveal).toHaveBeenCalledTimes(2);
  });

  it('move between results with the arrow keys, and back to the search box from the first', () => {
    const p = props({ results: [withSources, remark] });
    mount(<SearchResults {...p} />);
    const [first, second] = q('[data-testid="search-result"]');
    first!.focus();
    press(first!, 'ArrowDown');
    expect(document.activeElement).toBe(second);
    press(second!, 'ArrowUp');
    expect(document.activeElement).toBe(first);
    press(first!, 'ArrowUp');
    expect(p.onLeaveTop).toHaveBeenCalled();
  });

  it('pass an accessibility check', async () => {
    mount(<SearchResults {...props({ results: [withSources, remark], onPage: new Map([['remark-1', 'x']]) })} />);
    await expectAccessible(root);
  });
});

describe('this page’s notes', () => {
  const notes: PageNotes = {
    remarks: [
      {
        ...aRemark('remark-10'),
        quote: 'It is a kind of total destruction of the civilian population',
        speaker: 'Vladimir Putin',
        outlets: [outletOf('a'), outletOf('b')],
      },
    ],
    figures: [
      {
        ...aFigure('figure-20'),
        text: 'about 15,000',
        quantity: 'fighters killed',
        differs: true,
        others: [{ ...sourceOf('a'), text: '14,000', ...reading, verdict: 'differ', agrees: false }],
      },
      {
        ...aFigure('figure-30'),
        text: 'at least 36,500',
        quantity: 'palestinians killed',
        differs: true,
        others: [
          { ...sourceOf('a'), text: 'at least 36,586', ...reading, verdict: 'agree', agrees: true },
          { ...sourceOf('b'), text: 'over 40,000', ...reading, verdict: 'differ', agrees: false },
          { ...sourceOf('c'), text: '20,000', ...reading, verdict: 'differ', agrees: false },
        ],
      },
    ],
    outletCount: 2,
  };

  it('lists each remark with how many other outlets quote it, each figure with how many agree or differ; each shows it on the page', () => {
    const onReveal = vi.fn();
    mount(<TabNotes notes={notes} onReveal={onReveal} />);
    expect(q('[data-testid="tab-note"]').map((n) => n.textContent)).toEqual([
      'It is a kind of total destruction of the civilian population, 2 other outlets',
      'about 15,000 fighters killed, 1 outlet differs',
      'at least 36,500 palestinians killed, 1 outlet agrees, 2 differ',
    ]);
    act(() => q('[data-testid="tab-note"]')[1]!.click());
    expect(onReveal).toHaveBeenCalledWith('figure-20');
  });

  it('is not there when the page has no notes', () => {
    mount(<TabNotes notes={{ remarks: [], figures: [], outletCount: 0 }} onReveal={() => {}} />);
    expect(root.childNodes).toHaveLength(0);
  });

  it('passes an accessibility check', async () => {
    mount(<TabNotes notes={notes} onReveal={() => {}} />);
    await expectAccessible(root);
  });
});

describe('what the corpus covers', () => {
  const coverage: Coverage = { articles: 5, outlets: 4, events: 2, from: '2023-10-13', to: '2024-06-06' };
  const line = (c: Coverage | null) => {
    render(<CorpusCoverage coverage={c} />, root);
    return q('[data-testid="corpus-coverage"]')[0]?.textContent ?? null;
  };

  it('says it in one line: articles, outlets, events and dates', () => {
    mount(<CorpusCoverage coverage={coverage} />);
    expect(line(coverage)).toBe('Corpus: 5 articles, 4 outlets, 2 events, Oct 2023 – Jun 2024.');
    expect(line({ articles: 1, outlets: 1, events: 1, from: '2024-06-01', to: '2024-06-06' })).toBe(
      'Corpus: 1 article, 1 outlet, 1 event, Jun 2024.',
    );
    expect(line({ articles: 2, outlets: 0, events: 0, from: null, to: null })).toBe('Corpus: 2 articles.');
    expect(line(null)).toBeNull();
  });

  it('passes an accessibility check', async () => {
    mount(<CorpusCoverage coverage={coverage} />);
    await expectAccessible(root);
  });
});

describe('the popup', () => {
  const props = (over: Partial<PopupProps> = {}): PopupProps => ({
    tab: tabView(),
    pausedUntil: 0,
    reset: [],
    searchable: 15,
    coverage: { articles: 5, outlets: 4, events: 2, from: '2023-10-13', to: '2024-06-06' },
    search: vi.fn(async (query: string) => (query ? [remark] : [])),
    onReveal: vi.fn(),
    onOpenArticle: vi.fn(),
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

  it('lists this page’s notes, each showing itself on the page, and says what the corpus covers', () => {
    const p = props();
    mount(<Popup {...p} />);
    expect(q('[data-testid="tab-note"]')).toHaveLength(3);
    act(() => q('[data-testid="tab-note"]')[0]!.click());
    expect(p.onReveal).toHaveBeenCalledWith('remark-1');
    expect(q('[data-testid="corpus-coverage"]')[0]!.textContent).toBe(
      'Corpus: 5 articles, 4 outlets, 2 events, Oct 2023 – Jun 2024.',
    );
  });

  it('shows a result on the page on Enter when the page quotes that remark', async () => {
    // The page's note quotes the remark that Forbes (article "a") worded "stop the bloodshed".
    const note: RemarkView = {
      ...aRemark('remark-500'),
      outlets: [
        {
          ...outletOf('a'),
          wordings: [
            {
              quote: 'Now the main thing is to stop the bloodshed',
              speaker: null,
              similarity: 0.9,
              reason: 'longer-quote',
              diff: [
                { kind: 'context', text: 'Now the main thing is to ' },
                { kind: 'same', text: 'stop the bloodshed' },
              ],
            },
          ],
        },
      ],
    };
    const p = props({ tab: tabView({ notes: { remarks: [note], figures: [], outletCount: 1 } }) });
    mount(<Popup {...p} />);
    const input = q('[data-testid="search-input"]')[0] as HTMLInputElement;
    act(() => {
      input.value = 'blood';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await flush();
    const result = q('[data-testid="search-result"]')[0]!;
    expect(result.querySelector('[data-testid="result-reveal"]')).not.toBeNull();
    act(() => {
      result.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    expect(p.onReveal).toHaveBeenCalledWith('remark-500');
    expect(p.onOpenArticle).not.toHaveBeenCalled();
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

  it('passes an accessibility check, with results listed', async () => {
    mount(<Popup {...props()} />);
    const input = q('[data-testid="search-input"]')[0] as HTMLInputElement;
    act(() => {
      input.value = 'blood';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await flush();
    expect(q('[data-testid="search-result"]')).toHaveLength(1);
    await expectAccessible(root);
  });
});

describe('highlight swatches', () => {
  const colours = (el: HTMLElement) =>
    ['--tint-light', '--line-light', '--tint-dark', '--line-dark'].map((p) => el.style.getPropertyValue(p));

  it('show a remark in the palette’s own colours, light and dark, tinted or underlined only', () => {
    mount(<HighlightSwatch kind="remark" palette="blue" highlightStyle="background" />);
    const swatch = q('[data-testid="swatch-remark"]')[0]!;
    const { light, dark } = PALETTES.blue;
    expect(colours(swatch)).toEqual([light[0], light[1], dark[0], dark[1]]);
    expect(swatch.className).toBe('swatch swatch-remark-background');
    render(<HighlightSwatch kind="remark" palette="blue" highlightStyle="underline" />, root);
    expect(colours(q('[data-testid="swatch-remark"]')[0]!)).toEqual(['transparent', light[1], 'transparent', dark[1]]);
  });

  it('show a figure in the colours of agreeing or differing outlets, whatever the palette', () => {
    mount(<HighlightSwatch kind="differ" palette="magenta" highlightStyle="background" />);
    const swatch = q('[data-testid="swatch-differ"]')[0]!;
    expect(colours(swatch)).toEqual([
      'transparent',
      FIGURE_LINES.light.differ,
      'transparent',
      FIGURE_LINES.dark.differ,
    ]);
    expect(swatch.className).toBe('swatch swatch-differ');
  });

  it('pass an accessibility check, and are hidden from assistive technology', async () => {
    mount(<HighlightSwatch kind="agree" palette="amber" highlightStyle="background" />);
    expect(q('[data-testid="swatch-agree"]')[0]!.getAttribute('aria-hidden')).toBe('true');
    await expectAccessible(root);
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

  it('says first what Retold is, and that everything stays on this computer', () => {
    mount(<Options {...props()} />);
    const intro = q('[data-testid="intro"]')[0]!;
    expect(root.querySelector('main > h1 + p')).toBe(intro);
    expect(intro.textContent).toMatch(/^Retold finds the remarks a news article quotes and the figures it reports/);
    expect(intro.textContent).toContain('everything stays on this computer');
  });

  it('shows each colour beside its choice, and the figures’ colours, in the chosen style', () => {
    const p = props({ settings: { ...DEFAULTS, highlightStyle: 'underline' } });
    mount(<Options {...p} />);
    const choices = q('[data-testid="setting-palette"] label.choice');
    expect(choices.map((c) => c.textContent)).toEqual(['Ambera quote', 'Bluea quote', 'Magentaa quote']);
    const tints = choices.map((c) => c.querySelector<HTMLElement>('[data-testid="swatch-remark"]')!);
    expect(tints.map((t) => t.style.getPropertyValue('--line-light'))).toEqual([
      PALETTES.amber.light[1],
      PALETTES.blue.light[1],
      PALETTES.magenta.light[1],
    ]);
    expect(tints.every((t) => t.className === 'swatch swatch-remark-underline')).toBe(true);
    const figures = q('[data-testid="figure-colours"]')[0]!;
    expect(figures.querySelectorAll('[data-testid="swatch-agree"], [data-testid="swatch-differ"]')).toHaveLength(2);
    // The style choices show the chosen palette both ways.
    const styles = q('[data-testid="setting-highlightStyle"] [data-testid="swatch-remark"]');
    expect(styles.map((s) => s.className)).toEqual([
      'swatch swatch-remark-background',
      'swatch swatch-remark-underline',
    ]);
    act(() => choices[1]!.querySelector('input')!.click());
    expect(p.onChange).toHaveBeenCalledWith({ palette: 'blue' });
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

  it('passes an accessibility check', async () => {
    mount(<Options {...props({ reset: ['palette'], syncedCopy: true, onRemoveSyncedCopy: vi.fn() })} />);
    await expectAccessible(root);
  });
});

describe('corpus packs on the options page', () => {
  const choose = async (file: File) => {
    const input = q('[data-testid="pack-import"]')[0] as HTMLInputElement;
    const emptied = vi.fn();
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    Object.defineProperty(input, 'value', { get: () => '', set: emptied, configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    return emptied;
  };

  it('imports a chosen pack and lists what it could not read', async () => {
    const onImport = vi.fn(async () => ({
      message: 'Imported 2 articles. 1 part of the file could not be read:',
      problems: ['article "b": fingerprint: Invalid input; the article was left out'],
    }));
    mount(<CorpusPack onExport={vi.fn(async () => '{}')} onImport={onImport} />);
    const emptied = await choose(new File(['{"format":"retold-corpus/1"}'], 'floods.json'));
    expect(onImport).toHaveBeenCalledWith('{"format":"retold-corpus/1"}', 'floods.json');
    expect(q('[data-testid="pack-message"] p')[0]!.textContent).toBe(
      'Imported 2 articles. 1 part of the file could not be read:',
    );
    expect(q('[data-testid="pack-problems"] li').map((li) => li.textContent)).toEqual([
      'article "b": fingerprint: Invalid input; the article was left out',
    ]);
    expect(emptied).toHaveBeenCalledWith('');
  });

  it('says when an import fails that nothing remembered was lost, and counts problems past the first twenty', async () => {
    mount(
      <CorpusPack onExport={vi.fn(async () => '{}')} onImport={vi.fn(async () => Promise.reject(new Error('disk')))} />,
    );
    await choose(new File(['{}'], 'x.json'));
    expect(q('[data-testid="pack-message"]')[0]!.textContent).toBe(
      'Could not import that file: disk. Nothing remembered was lost.',
    );
    const problems = Array.from({ length: 23 }, (_, i) => `figure ${i + 1}: low: Invalid input`);
    mount(
      <CorpusPack
        onExport={vi.fn(async () => '{}')}
        onImport={vi.fn(async () => ({ message: 'Imported 0 articles.', problems }))}
      />,
    );
    await choose(new File(['{}'], 'x.json'));
    const items = q('[data-testid="pack-problems"] li').map((li) => li.textContent);
    expect(items).toHaveLength(21);
    expect(items.at(-1)).toBe('and 3 more');
  });

  it('exports the pack as a download made on the device, and says why when there is nothing to export', async () => {
    const made: Blob[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (made.push(b as Blob), 'blob:pack'));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    mount(<CorpusPack onExport={vi.fn(async () => '{"format":"retold-corpus/1"}\n')} onImport={vi.fn()} />);
    await act(async () => q('[data-testid="pack-export"]')[0]!.click());
    await flush();
    expect(clicked).toHaveBeenCalledTimes(1);
    await expect(made[0]!.text()).resolves.toBe('{"format":"retold-corpus/1"}\n');
    mount(
      <CorpusPack
        onExport={vi.fn(async () => Promise.reject(new Error('no article is remembered yet')))}
        onImport={vi.fn()}
      />,
    );
    await act(async () => q('[data-testid="pack-export"]')[0]!.click());
    await flush();
    expect(q('[data-testid="pack-message"]')[0]!.textContent).toBe('Could not export: no article is remembered yet.');
    clicked.mockRestore();
    created.mockRestore();
  });

  it('passes an accessibility check', async () => {
    mount(<CorpusPack onExport={vi.fn(async () => '{}')} onImport={vi.fn()} />);
    await expectAccessible(root);
  });
});
