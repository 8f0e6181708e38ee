import type { Coverage } from '../lib/corpus/schema';
import { plural } from './format';

export interface CorpusCoverageProps {
  /** What the corpus covers; null before the background has said (nothing is shown). */
  coverage: Coverage | null;
}

/** "Oct 2023", or null when the date is unknown or not a date: a range of months is precise enough for one line. */
function month(iso: string | null): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "Corpus: 5 articles, 4 outlets, 2 events, Oct 2023 – Jun 2024." */
function coverageText(c: Coverage): string {
  const from = month(c.from);
  const to = month(c.to);
  const parts = [plural(c.articles, 'article')];
  if (c.outlets) parts.push(plural(c.outlets, 'outlet'));
  if (c.events) parts.push(plural(c.events, 'event'));
  if (from && to) parts.push(from === to ? from : `${from} – ${to}`);
  return `Corpus: ${parts.join(', ')}.`;
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
