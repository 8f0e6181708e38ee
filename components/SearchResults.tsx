import type { SearchResult } from '../lib/corpus/schema';
import { formatDate, outletName, plural } from './format';
import { WordDiff } from './WordDiff';

export interface SearchResultsProps {
  /** The query the results answer; blank shows the starting hint. */
  query: string;
  results: SearchResult[];
  /** How many remarks and figures the corpus has to search, for the starting hint. */
  searchable: number;
  /** Arrow keys past the first result go back to the search box. */
  onLeaveTop: () => void;
}

/** Move focus between results with the arrow keys. */
function arrows(e: KeyboardEvent, onLeaveTop: () => void) {
  const item = (e.target as HTMLElement).closest('li');
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

/** Search results: each remark with every outlet's wording, each figure with every outlet's value. */
export function SearchResults({ query, results, searchable, onLeaveTop }: SearchResultsProps) {
  if (!query.trim())
    return (
      <p class="hint" data-testid="search-hint">
        Search {plural(searchable, 'remark or figure', 'remarks and figures')} that several outlets reported: a word
        from a quote (“bloodshed”), a speaker (“Putin”) or an outlet (“Forbes”). Misspellings and word beginnings work
        too.
      </p>
    );
  if (results.length === 0)
    return (
      <p class="hint" role="status" data-testid="search-empty">
        Nothing in the corpus matches “{query}”. Try fewer words, or a speaker or outlet.
      </p>
    );
  return (
    <ol
      class="results"
      aria-label={`${plural(results.length, 'result')} for “${query}”`}
      onKeyDown={(e) => arrows(e, onLeaveTop)}
    >
      {results.map((r) => (
        <li key={r.id} tabIndex={0} class={`result result-${r.kind}`} data-testid="search-result">
          {r.kind === 'remark' ? (
            <>
              <p class="result-head">
                Remark{r.speaker ? ` by ${r.speaker}` : ''}, quoted by {plural(r.wordings.length, 'outlet')}
              </p>
              <ul class="wordings">
                {r.wordings.map((w, i) => (
                  <li key={w.articleId}>
                    <span class="source">
                      <strong>{outletName(w.outlet)}</strong> {formatDate(w.date)}
                    </span>
                    {i === 0 ? <q>{w.quote}</q> : <WordDiff parts={w.diff} outlet={outletName(w.outlet)} />}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p class="result-head">
                Figure: {r.quantity} —{' '}
                <span class={r.differs ? 'differs' : 'agrees'}>{r.differs ? 'outlets differ' : 'outlets agree'}</span>
              </p>
              <ul class="wordings">
                {r.figures.map((f, i) => (
                  <li key={i}>
                    <span class="source">
                      <strong>{outletName(f.outlet)}</strong> {formatDate(f.date)}
                    </span>
                    {f.text}
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
