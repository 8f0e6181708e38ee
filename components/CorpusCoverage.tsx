import type { Coverage } from '../lib/corpus/schema';
import { formatDate, plural } from './format';

export interface CorpusCoverageProps {
  /** What the corpus covers; null before the background has said (nothing is shown). */
  coverage: Coverage | null;
}

/** "5 articles from 4 outlets on 2 events, 13 Oct 2023 to 6 Jun 2024": what a search looks through. */
function coverageText(c: Coverage): string {
  const from = formatDate(c.from);
  const to = formatDate(c.to);
  const dates = !from || !to ? '' : from === to ? `, ${from}` : `, ${from} to ${to}`;
  return (
    `The corpus: ${plural(c.articles, 'article')}` +
    (c.outlets ? ` from ${plural(c.outlets, 'outlet')}` : '') +
    (c.events ? ` on ${plural(c.events, 'event')}` : '') +
    `${dates}.`
  );
}

/** One line on what the corpus covers, so a reader knows what a search can and cannot find. */
export function CorpusCoverage({ coverage }: CorpusCoverageProps) {
  if (!coverage) return null;
  return (
    <p class="coverage" data-testid="corpus-coverage">
      {coverageText(coverage)}
    </p>
  );
}
