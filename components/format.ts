/** Words the overlay shows that more than one component needs. */
import type { PageNotes } from '../lib/extension/messages';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** An outlet as a reader knows it; wire copy that names no outlet is called what it is. */
export function outletName(outlet: string | null): string {
  return outlet ?? 'Unsigned wire report';
}

/** "13 Oct 2023", or null when the date is unknown or not a date. */
export function formatDate(iso: string | null): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** "4 remarks and 2 figures also reported by 3 other outlets" — what the summary pill says. */
export function summaryText(notes: PageNotes): string {
  const parts = [];
  if (notes.remarks.length) parts.push(plural(notes.remarks.length, 'remark'));
  if (notes.figures.length) parts.push(plural(notes.figures.length, 'figure'));
  return `${parts.join(' and ')} also reported by ${plural(notes.outletCount, 'other outlet')}`;
}

/** Figures: whether all outlets agree, in words. */
export function figureVerdict(differs: boolean, outlets: number, overTime = 0): string {
  if (differs) return 'Outlets report figures that cannot all be right';
  if (overTime > 0)
    return overTime === outlets
      ? 'Other outlets report this count on other days'
      : 'Outlets agree where they report the same day; the count moved between days';
  return outlets === 1 ? 'The other outlet agrees' : `All ${outlets} other outlets agree`;
}

/** One other outlet's figure against this page's, in words: "agrees", "cannot both be right", "on 3 May". */
export function figureRelation(verdict: 'agree' | 'differ' | 'over-time', day: string | null): string {
  if (verdict === 'agree') return 'agrees';
  if (verdict === 'differ') return 'cannot both be right';
  return day ? `on ${formatDate(day)}` : 'on another day';
}

export { plural };
