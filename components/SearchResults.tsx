import type { SearchResult } from '../lib/corpus/schema';
import { formatDate, outletName, plural } from './format';
import { WordDiff } from './WordDiff';

export interface SearchResultsProps {
  /** The query the results answer; blank shows the starting hint. */
  query: string;
  results: SearchResult[];
  /** How many remarks and figures the corpus has to search, for the starting hint. */
  searchable: number;
  /** The note on the current page that a result is, by result id (see lib/extension/on-page). */
  onPage: ReadonlyMap<string, string>;
  /** Open an article's address in a new tab. */
  onOpenArticle: (url: string) => void;
  /** Scroll the current page to one of its notes and open it. */
  onReveal: (noteId: string) => void;
  /** Arrow keys past the first result go back to the search box. */
  onLeaveTop: () => void;
}

type Source = { outlet: string | null; title: string | null; date: string | null; url: string | null };

/** A web address the popup may open; anything else a corpus might hold (javascript:, file:) is shown as no link. */
function webAddress(url: string | null): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Move focus between results with the arrow keys. */
function arrows(e: KeyboardEvent, onLeaveTop: () => void) {
  const item = (e.target as HTMLElement).closest('li.result');
  if (!item) return;
  if (e.key === 'ArrowDown') (item.nextElementSibling as HTMLElement | null)?.focus();
  else if (e.key === 'ArrowUp') {
    const prev = item.previousElementSibling as HTMLElement | null;
    if (prev) prev.focus();
    else onLeaveTop();
  } else if (e.key === 'Escape') onLeaveTop();
  else return;
  e.preventDefault();
}

/** The outlet, date and headline of a wording's article; the headline links to it when the corpus has its address. */
function sourceLine(source: Source, onOpenArticle: (url: string) => void) {
  const url = webAddress(source.url);
  const headline = source.title ?? 'the article';
  return (
    <span class="source">
      <strong>{outletName(source.outlet)}</strong> {formatDate(source.date)}
      {(url || source.title) && (
        <span class="headline">
          {url ? (
            <a
              href={url}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="result-link"
              onClick={(e) => {
                e.preventDefault();
                onOpenArticle(url);
              }}
            >
              {headline}
            </a>
          ) : (
            headline
          )}
        </span>
      )}
    </span>
  );
}

/**
 * Search results: each remark with every outlet's wording, each figure with every outlet's value, and each
 * article's headline, linked. Enter on a result shows it on the current page when the page has it, or opens
 * the first article the corpus has an address for.
 */
export function SearchResults({
  query,
  results,
  searchable,
  onPage,
  onOpenArticle,
  onReveal,
  onLeaveTop,
}: SearchResultsProps) {
  if (!query.trim())
    return (
      <p class="hint" data-testid="search-hint">
        Search {plural(searchable, 'remark or figure', 'remarks and figures')}: a word from a quote (“bloodshed”), a
        speaker (“Putin”) or an outlet (“Forbes”). Misspellings and word beginnings work too. Arrow keys move through
        the results; Enter shows a result on this page, or opens its article.
      </p>
    );
  if (results.length === 0)
    return (
      <p class="hint" role="status" data-testid="search-empty">
        Nothing in the corpus matches “{query}”. Try fewer words, or a speaker or outlet.
      </p>
    );
  const sources = (r: SearchResult): Source[] => (r.kind === 'remark' ? r.wordings : r.figures);
  const enter = (e: KeyboardEvent, r: SearchResult) => {
    // Only on the result itself: Enter on a link or button inside it does what that link or button does.
    if (e.key !== 'Enter' || e.target !== e.currentTarget) return;
    e.preventDefault();
    const note = onPage.get(r.id);
    if (note) return onReveal(note);
    const url = sources(r)
      .map((s) => webAddress(s.url))
      .find(Boolean);
    if (url) onOpenArticle(url);
  };
  return (
    <ol
      class="results"
      aria-label={`${plural(results.length, 'result')} for “${query}”`}
      onKeyDown={(e) => arrows(e, onLeaveTop)}
    >
      {results.map((r) => {
        const note = onPage.get(r.id);
        return (
          <li
            key={r.id}
            tabIndex={0}
            class={`result result-${r.kind}`}
            data-testid="search-result"
            onKeyDown={(e) => enter(e, r)}
          >
            <p class="result-head">
              <span>
                {r.kind === 'remark' ? (
                  <>
                    Remark{r.speaker ? ` by ${r.speaker}` : ''}, quoted by {plural(r.wordings.length, 'outlet')}
                  </>
                ) : (
                  <>
                    Figure: {r.quantity} —{' '}
                    <span class={r.differs ? 'differs' : 'agrees'}>
                      {r.differs ? 'outlets differ' : 'outlets agree'}
                    </span>
                  </>
                )}
              </span>
              {note && (
                <button
                  type="button"
                  class="link"
                  data-testid="result-reveal"
                  tabIndex={-1}
                  onClick={() => onReveal(note)}
                >
                  Show on this page
                </button>
              )}
            </p>
            <ul class="wordings">
              {r.kind === 'remark'
                ? r.wordings.map((w, i) => (
                    <li key={w.articleId}>
                      {sourceLine(w, onOpenArticle)}
                      {i === 0 ? <q>{w.quote}</q> : <WordDiff parts={w.diff} outlet={outletName(w.outlet)} />}
                    </li>
                  ))
                : r.figures.map((f, i) => (
                    <li key={i}>
                      {sourceLine(f, onOpenArticle)}
                      {f.text}
                    </li>
                  ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
