/** Words the overlay shows that more than one component needs. */
import type { FigureView, MatchReason, PageNotes, RemarkView } from '../lib/extension/messages';

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

/** "1 other outlet agrees", "2 other outlets agree". */
export function othersAgree(n: number): string {
  return `${plural(n, 'other outlet')} ${n === 1 ? 'agrees' : 'agree'}`;
}

/** Why a wording was matched, as the card says it. */
export function reasonText(reason: MatchReason, similarity: number): string {
  switch (reason) {
    case 'same-words':
      return 'Same words';
    case 'longer-quote':
      return 'Part of a longer quote';
    case 'shorter-excerpt':
      return 'A shorter excerpt of the same quote';
    case 'other-words':
      return `Other words for the same sentence, perhaps a different translation (${Math.round(similarity * 100)}% alike)`;
    case 'paraphrase':
      return `Quotes what this page reports in its own words (${Math.round(similarity * 100)}% of the paraphrase’s key words)`;
  }
}

/** What a marker's tooltip says and a screen reader reads for it. */
export function markerText(note: { kind: 'remark'; remark: RemarkView } | { kind: 'figure'; figure: FigureView }): {
  tip: string;
  label: string;
} {
  if (note.kind === 'remark' && note.remark.paraphrased) {
    const others = plural(note.remark.outlets.length, 'other outlet');
    const by = note.remark.speaker ? ` of ${note.remark.speaker}` : '';
    return {
      tip: `Paraphrased here; quoted by ${others}`,
      label: `Paraphrase${by}, ${note.remark.quote}: quoted by ${others}`,
    };
  }
  if (note.kind === 'remark') {
    const tip = `Quoted by ${plural(note.remark.outlets.length, 'other outlet')}`;
    return {
      tip,
      label: `Remark “${note.remark.quote}”: also quoted by ${plural(note.remark.outlets.length, 'other outlet')}`,
    };
  }
  const f = note.figure;
  const said = f.differs ? 'other outlets report a different figure' : othersAgree(f.others.length);
  return { tip: `${f.text}: ${said}`, label: `Figure ${f.text}: ${said}` };
}

/** A wording with where it comes from, for pasting: “…” — Outlet, 13 Oct 2023, address. */
export function citation(
  quote: string,
  source: { outlet: string | null; title: string | null; date: string | null; url?: string | null },
): string {
  const parts = [outletName(source.outlet)];
  if (source.title) parts.push(`“${source.title}”`);
  const date = formatDate(source.date);
  if (date) parts.push(date);
  if (source.url) parts.push(source.url);
  return `“${quote}” — ${parts.join(', ')}`;
}

export { plural };
