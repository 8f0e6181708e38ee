/**
 * Text normalisation that never loses a position: every character of the
 * normalised text remembers the index of the character it came from, so a
 * quote or figure found in normalised text is reported at its exact place in
 * the article. Modelled on the offset-map approach of annotation clients.
 */

/** Normalised text plus, for each of its UTF-16 units, the source span it came from. */
export interface NormalizedText {
  readonly text: string;
  /** `starts[i]` is the source index where the character behind `text[i]` begins. */
  readonly starts: Int32Array;
  /** `ends[i]` is the source index just past the character behind `text[i]`. */
  readonly ends: Int32Array;
}

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\r\f\v]/;
const ZERO_WIDTH = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const DASHES = /[\u2010-\u2015\u2212]/;

/**
 * One character as normalised text: NFKC, exotic spaces to a plain space,
 * zero-width characters and soft hyphens out, an em dash to " - " (it
 * separates words), other dashes to "-", an ellipsis to "...". ASCII (most of
 * any page) is decided without a look-up. Shared with the anchor's key.
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code === 0x09 || (code >= 0x0b && code <= 0x0d) ? ' ' : ch;
  if (ZERO_WIDTH.test(ch)) return '';
  if (SPACES.test(ch)) return ' ';
  if (ch === '\u2014' || ch === '\u2015') return ' - ';
  if (DASHES.test(ch)) return '-';
  if (ch === '\u2026') return '...';
  return ch.normalize('NFKC');
}

/**
 * NFKC-normalise `source`, turn exotic spaces into plain spaces, drop
 * zero-width characters and soft hyphens, fold dashes to `-` and collapse
 * runs of spaces. Newlines are kept: paragraph breaks matter to quote pairing.
 * Curly quotes keep their direction here, which quote detection relies on;
 * the analysis layer folds them where wording is compared (`straightQuote`).
 */
export function normalize(source: string): NormalizedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastWasSpace = true; // trims leading spaces on every line
  for (let i = 0; i < source.length;) {
    const code = source.charCodeAt(i);
    const ch = code < 0x80 ? source[i]! : String.fromCodePoint(source.codePointAt(i)!);
    const next = i + ch.length;
    const piece = foldChar(ch);
    for (const c of piece) {
      if (c === ' ' && lastWasSpace) continue;
      if (c === ' ' && ZERO_WIDTH.test(c)) continue;
      if (c === '\n' && out[out.length - 1] === ' ') {
        out.pop();
        starts.pop();
        ends.pop();
      }
      // A character outside the BMP is two UTF-16 units; both point at it.
      for (let k = 0; k < c.length; k++) {
        out.push(c[k]!);
        starts.push(i);
        ends.push(next);
      }
      lastWasSpace = c === ' ' || c === '\n';
    }
    i = next;
  }
  return { text: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Map a non-empty half-open span `[start, end)` of normalised text back to the source. */
export function toSource(norm: NormalizedText, start: number, end: number): [number, number] {
  return [norm.starts[start]!, norm.ends[end - 1]!];
}
