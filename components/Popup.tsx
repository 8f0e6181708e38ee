import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TabView } from '../lib/extension/messages';
import type { Coverage, SearchResult } from '../lib/corpus/schema';
import { noteOnPage } from '../lib/extension/on-page';
import { CorpusCoverage } from './CorpusCoverage';
import { plural } from './format';
import { SearchResults } from './SearchResults';
import { TabNotes } from './TabNotes';

export interface PopupProps {
  /** What the current tab shows, as the background decides it; null where Retold cannot run (browser pages). */
  tab: TabView | null;
  /** When a pause from the popup ends (epoch ms), 0 when not paused. */
  pausedUntil: number;
  /** Settings that were unreadable and reset, by their names on the options page. */
  reset: string[];
  /** How many remarks and figures can be searched. */
  searchable: number;
  /** What the corpus covers; null until the background has said. */
  coverage: Coverage | null;
  search: (query: string) => Promise<SearchResult[]>;
  /** Scroll the current tab's page to one of its notes and open it. */
  onReveal: (noteId: string) => void;
  /** Open an article of the corpus in a new tab. */
  onOpenArticle: (url: string) => void;
  onToggleNotes: () => void;
  /** Stop (true) or start again (false) running on the current tab's site. */
  onBlockSite: (block: boolean) => void;
  /** Pause everywhere for this many minutes; 0 resumes. */
  onPause: (minutes: number) => void;
  onOpenOptions: () => void;
  /** The `remember` setting, and whether the popup has offered it already (it offers once). */
  remember?: { on: boolean; offered: boolean };
  /** The reader's answer to the offer: turn remembering on (true) or not (false); either way it is not offered again. */
  onRemember?: (on: boolean) => void;
  /** Forget the remembered articles of the current tab's site; resolves to what to tell the reader. */
  onForgetSite?: () => Promise<string>;
}

const PAUSE_MINUTES = 60;

/** The toolbar popup: this tab's notes and controls, and a search over the whole corpus. */
export function Popup(props: PopupProps) {
  const { tab } = props;
  const remarks = tab?.notes.remarks.length ?? 0;
  const figures = tab?.notes.figures.length ?? 0;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; list: SearchResult[] }>({ query: '', list: [] });
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    let stale = false;
    void props.search(query).then((list) => !stale && setResults({ query, list }));
    return () => {
      stale = true;
    };
  }, [query]);
  // Which results are notes on this page: Enter shows those there instead of opening an article.
  const onPage = useMemo(() => {
    const map = new Map<string, string>();
    if (tab?.state !== 'on') return map;
    for (const r of results.list) {
      const note = noteOnPage(r, tab.notes);
      if (note) map.set(r.id, note);
    }
    return map;
  }, [results, tab]);
  const [forgotten, setForgotten] = useState('');
  const until = useMemo(
    () => new Date(props.pausedUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
    [props.pausedUntil],
  );

  return (
    <main class="popup">
      <header class="bar">
        <h1>
          <span class="logo" aria-hidden="true">
            R
          </span>
          Retold
        </h1>
        <button type="button" class="link" onClick={props.onOpenOptions}>
          Options
        </button>
      </header>
      {props.reset.length > 0 && (
        <p class="notice" role="alert" data-testid="settings-reset">
          Unreadable settings were reset to their defaults: {props.reset.join(', ')}.
        </p>
      )}
      <section class="tab" aria-label="This page" data-testid="tab-status">
        {!tab ? (
          <p>Retold reads news articles on web pages; it does not run on this page.</p>
        ) : tab.state === 'paused' ? (
          <p>
            Retold is paused until {until}.{' '}
            <button type="button" onClick={() => props.onPause(0)}>
              Resume
            </button>
          </p>
        ) : tab.state === 'off' ? (
          <p>Retold is turned off. Turn it on in the options.</p>
        ) : tab.state === 'blocked' ? (
          <p>
            Retold does not run on {tab.host}.{' '}
            <button type="button" onClick={() => props.onBlockSite(false)}>
              Run on this site
            </button>
          </p>
        ) : tab.state === 'not-listed' ? (
          <p>{tab.host} is not one of the sites Retold runs on (see the options).</p>
        ) : (
          <>
            <p data-testid="tab-counts">
              {remarks + figures === 0
                ? 'No remark or figure on this page is reported by other outlets in the corpus.'
                : `On this page: ${[remarks && plural(remarks, 'remark'), figures && plural(figures, 'figure')].filter(Boolean).join(' and ')} also reported by other outlets.`}
            </p>
            <TabNotes notes={tab.notes} onReveal={props.onReveal} />
            <div class="actions">
              {remarks + figures > 0 && (
                <button type="button" onClick={props.onToggleNotes} data-testid="toggle-notes">
                  {tab.visible ? 'Hide notes' : 'Show notes'}
                </button>
              )}
              <button type="button" onClick={() => props.onBlockSite(true)} data-testid="block-site">
                Not on this site
              </button>
              <button type="button" onClick={() => props.onPause(PAUSE_MINUTES)}>
                Pause for an hour
              </button>
              {props.remember?.on && props.onForgetSite && (
                <button
                  type="button"
                  data-testid="forget-site"
                  onClick={() => void props.onForgetSite!().then(setForgotten)}
                >
                  Forget this site
                </button>
              )}
            </div>
            {forgotten && (
              <p role="status" data-testid="forget-site-message">
                {forgotten}
              </p>
            )}
          </>
        )}
      </section>
      {props.remember && !props.remember.on && !props.remember.offered && props.onRemember && (
        <section class="offer" aria-label="Remember articles" data-testid="remember-offer">
          <p>
            Retold can remember the articles you read (their text, title, outlet, date and address, kept in this browser
            on this device and never sent anywhere) to compare later articles with them.
          </p>
          <div class="actions">
            <button type="button" data-testid="remember-yes" onClick={() => props.onRemember!(true)}>
              Remember them
            </button>
            <button type="button" data-testid="remember-no" onClick={() => props.onRemember!(false)}>
              No thanks
            </button>
          </div>
        </section>
      )}
      <section class="search" aria-label="Search the corpus">
        <CorpusCoverage coverage={props.coverage} />
        <input
          ref={input}
          type="search"
          placeholder="Search remarks, speakers, outlets…"
          aria-label="Search the corpus"
          data-testid="search-input"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              list.current?.querySelector<HTMLElement>('[data-testid="search-result"]')?.focus();
            }
          }}
        />
        <div ref={list} aria-live="polite">
          <SearchResults
            query={results.query}
            results={results.list}
            searchable={props.searchable}
            onPage={onPage}
            onOpenArticle={props.onOpenArticle}
            onReveal={props.onReveal}
            onLeaveTop={() => input.current?.focus()}
          />
        </div>
      </section>
    </main>
  );
}
