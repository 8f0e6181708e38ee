/**
 * Which of the current page's notes a search result is: a remark the page
 * quotes, found through another outlet's wording that both list, or a figure
 * the page reports, found through another outlet's figure. The popup uses it
 * to show the note on the page instead of opening an article.
 */
import type { SearchResult } from '../corpus/schema';
import type { PageNotes, RemarkView } from './messages';

/**
 * Of a shorter wording inside a longer one, at least this share must be the
 * longer's words, or it must hold MIN_WORDS words: a page quote of one word
 * ("unacceptable") inside a result's long sentence is not a sign they are the
 * same remark, an excerpt of five ("does not resemble a war") is.
 */
const MIN_SHARE = 0.5;
const MIN_WORDS = 4;

/** Letters and digits only, lower case, one space between words: wordings compared as words. */
const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The part of another outlet's quote that a page note matched: a note's diff
 * runs over the outlet's whole quote, its other sentences marked as context.
 */
const matchedPart = (wording: RemarkView['outlets'][number]['wordings'][number]) =>
  words(
    wording.diff
      .filter((p) => p.kind === 'same' || p.kind === 'added')
      .map((p) => p.text)
      .join(''),
  );

function sameWording(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return (
    short.length > 0 &&
    long.includes(short) &&
    (short.length >= MIN_SHARE * long.length || short.split(' ').length >= MIN_WORDS)
  );
}

/** The id of the note on the page that `result` is, or null when the page does not quote or report it. */
export function noteOnPage(result: SearchResult, notes: PageNotes): string | null {
  if (result.kind === 'remark') {
    const theirs = result.wordings.map((w) => ({ articleId: w.articleId, words: words(w.quote) }));
    for (const note of notes.remarks)
      for (const outlet of note.outlets)
        for (const wording of outlet.wordings) {
          const part = matchedPart(wording);
          if (theirs.some((t) => t.articleId === outlet.articleId && sameWording(t.words, part))) return note.id;
        }
    return null;
  }
  for (const note of notes.figures)
    if (note.others.some((o) => result.figures.some((f) => f.articleId === o.articleId && f.text === o.text)))
      return note.id;
  return null;
}
