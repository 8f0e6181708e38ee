/**
 * Reading a publication date the way newsrooms write one: an ISO date or
 * date-time (meta tags, JSON-LD), or a dateline near the top of the text
 * ("October 13, 2023", "13 Oct 2023", "Oct. 13, 2023"). The date says when
 * a page was published, so that no remark is linked that the corpus has
 * only from later (see quotableOn in lib/corpus/decisions).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** How far into the text a dateline may stand (headline, byline and the first line of the body). */
export const DATELINE_CHARS = 400;

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when the parts make a real date, else null. */
function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2200 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The date of an ISO date or date-time ("2023-10-13", "2023-10-13T09:30:00+03:00"), as `YYYY-MM-DD`. */
export function isoDateOf(value: string): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const MONTH_FIRST = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`);
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`);
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The first full date written near the top of an article's text, as `YYYY-MM-DD`, or null. */
export function datelineDate(text: string): string | null {
  const head = text.slice(0, DATELINE_CHARS);
  const found: { at: number; date: string | null }[] = [];
  const a = MONTH_FIRST.exec(head);
  if (a) found.push({ at: a.index, date: isoDate(Number(a[3]), monthOf(a[1]!), Number(a[2])) });
  const b = DAY_FIRST.exec(head);
  if (b) found.push({ at: b.index, date: isoDate(Number(b[3]), monthOf(b[2]!), Number(b[1])) });
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(head);
  if (iso) found.push({ at: iso.index, date: isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) });
  return found.filter((f) => f.date).sort((x, y) => x.at - y.at)[0]?.date ?? null;
}
