/**
 * MinHash fingerprints of an article's words, so a page can be recognised as
 * a corpus article (the same story, re-rendered with other markup) without
 * shipping the article's text.
 */
import { words } from './words';

/** Hash functions in a fingerprint: estimates Jaccard similarity to about ±0.1. */
const HASHES = 32;
/** Word shingles of this length: long enough that two articles on one event rarely share many. */
const SHINGLE = 4;
/** Estimated Jaccard similarity above which two texts are the same article. */
export const SAME_ARTICLE_JACCARD = 0.6;

function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function fingerprint(text: string): number[] {
  const w = words(text).map((x) => x.word);
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) shingles.add(w.slice(i, i + SHINGLE).join(' '));
  if (shingles.size === 0 && w.length) shingles.add(w.join(' '));
  const out: number[] = [];
  for (let k = 0; k < HASHES; k++) {
    let min = 0xffffffff;
    for (const s of shingles) min = Math.min(min, fnv1a(s, k * 0x9e3779b1));
    out.push(min);
  }
  return out;
}

/** Estimated Jaccard similarity of the two texts behind two fingerprints. */
export function resemblance(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
