/**
 * Finding a note's text again in the live page. The article text the notes
 * were computed on comes from a Readability clone, so its offsets mean
 * nothing in the page; each note carries a W3C TextQuoteSelector instead
 * (`exact` plus a little `prefix` and `suffix`, and a position hint), and the
 * page's text nodes are searched for it.
 *
 * Hand-written because no small library does this with positions kept: the
 * search runs on a key of the page text with typography folded and all
 * whitespace removed (block boundaries in the page and blank lines in the
 * article text then agree), and every key character maps back to a text node
 * and an offset in it. The DOM stays outside: callers hand over the strings
 * of the text nodes and turn the returned node offsets into a `Range`.
 */
import { foldChar } from '../text/normalize';
import { straightQuote } from '../text/analysis';
import { runAll } from '../text/steps';

/** A place in a text, described so it can be found again after the text moves. */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** Where `exact` started, as a share (0–1) of the text it was found in; breaks ties. */
  position: number;
}

/** Characters of context kept on each side: enough to tell apart two "36,000"s on one page. */
export const SELECTOR_CONTEXT = 32;

export function selectorFor(text: string, start: number, end: number): TextQuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - SELECTOR_CONTEXT), start),
    suffix: text.slice(end, end + SELECTOR_CONTEXT),
    position: text.length === 0 ? 0 : start / text.length,
  };
}

/** A position in the page: the index of a text node in the list given to `TextMap`, and an offset in it. */
export interface NodePoint {
  node: number;
  offset: number;
}

const WHITESPACE = /\s/;

/**
 * Folded, whitespace-free key of `text`, with each key character's source
 * span: each character folded as `normalize` folds it (`foldChar`), then the
 * key's own folding (whitespace out, quotes straightened, lower case), in one
 * pass: this runs over the whole page, on the page's thread, in code the
 * engine has not warmed up yet.
 */
function keyOf(text: string): { key: string; starts: Int32Array; ends: Int32Array } {
  // Typed buffers, grown as needed: the key is rarely longer than the text.
  let size = text.length + 16;
  let codes = new Uint16Array(size);
  let starts = new Int32Array(size);
  let ends = new Int32Array(size);
  let n = 0;
  const push = (code: number, start: number, end: number) => {
    if (n === size) {
      size *= 2;
      const grow = <T extends Uint16Array | Int32Array>(a: T, b: T) => (b.set(a), b);
      codes = grow(codes, new Uint16Array(size));
      starts = grow(starts, new Int32Array(size));
      ends = grow(ends, new Int32Array(size));
    }
    codes[n] = code;
    starts[n] = start;
    ends[n++] = end;
  };
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // ASCII: whitespace and controls out, letters lower-cased, without a look-up or a call
      // (this loop runs before the engine has optimised it: every operation in it counts).
      if (code > 0x20) {
        const folded = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
        if (n === size) push(folded, i, i + 1);
        else {
          codes[n] = folded;
          starts[n] = i;
          ends[n++] = i + 1;
        }
      }
      i++;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const next = i + ch.length;
    for (let c of foldChar(ch)) {
      if (WHITESPACE.test(c)) continue;
      c = straightQuote(c);
      if (c.toLowerCase().length === c.length) c = c.toLowerCase();
      // A character outside the BMP is two UTF-16 units; both point at it.
      for (let k = 0; k < c.length; k++) push(c.charCodeAt(k), i, next);
    }
    i = next;
  }
  const parts: string[] = [];
  for (let k = 0; k < n; k += 8192) parts.push(String.fromCharCode(...codes.subarray(k, Math.min(n, k + 8192))));
  return { key: parts.join(''), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** Length of the common end of `a` and `b` (how far a prefix agrees). */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Characters keyed between two steps of `TextMap.steps`: a few milliseconds' work. */
const CHARS_PER_STEP = 20_000;

/** What a map is made of: the key, each key character's source span, where each node begins. */
interface MapParts {
  key: string;
  starts: Int32Array;
  ends: Int32Array;
  /** Offset in the joined text where each node begins. */
  nodeStarts: number[];
}

/**
 * Key the nodes a step at a time (about CHARS_PER_STEP characters each, a long
 * node split into pieces). Runs of nodes are keyed on their own: the key drops all whitespace, the only
 * thing that keying the whole text at once could change, and a run never
 * ends inside a character (a surrogate pair split over two nodes).
 */
function* keySteps(nodes: readonly string[]): Generator<void, MapParts> {
  const keys: string[] = [];
  const runs: { starts: Int32Array; ends: Int32Array; offset: number }[] = [];
  const nodeStarts: number[] = [];
  let at = 0;
  let runStart = 0;
  let run: string[] = [];
  const keyRun = () => {
    const k = keyOf(run.join(''));
    keys.push(k.key);
    runs.push({ starts: k.starts, ends: k.ends, offset: runStart });
    runStart = at;
    run = [];
  };
  for (const node of nodes) {
    nodeStarts.push(at);
    // A node longer than a step (one 10 MB text node) is keyed a piece at a time.
    for (let from = 0; from < node.length;) {
      let to = Math.min(node.length, from + CHARS_PER_STEP);
      const high = node.charCodeAt(to - 1);
      if (to < node.length && high >= 0xd800 && high <= 0xdbff) to++;
      run.push(from === 0 && to === node.length ? node : node.slice(from, to));
      at += to - from;
      from = to;
      const last = node.charCodeAt(to - 1);
      if (at - runStart >= CHARS_PER_STEP && !(last >= 0xd800 && last <= 0xdbff)) {
        keyRun();
        yield;
      }
    }
  }
  keyRun();
  if (runs.length === 1) return { key: keys[0]!, starts: runs[0]!.starts, ends: runs[0]!.ends, nodeStarts };
  const length = runs.reduce((sum, r) => sum + r.starts.length, 0);
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  let n = 0;
  for (const r of runs) {
    for (let j = 0; j < r.starts.length; j++) {
      starts[n] = r.starts[j]! + r.offset;
      ends[n++] = r.ends[j]! + r.offset;
    }
  }
  return { key: keys.join(''), starts, ends, nodeStarts };
}

/** The page's text, as a list of text node strings, ready to be searched for selectors. */
export class TextMap {
  private readonly key: string;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly nodeStarts: number[];

  constructor(
    readonly nodes: readonly string[],
    parts: MapParts = runAll(keySteps(nodes)),
  ) {
    ({ key: this.key, starts: this.starts, ends: this.ends, nodeStarts: this.nodeStarts } = parts);
  }

  /** Build the map a step at a time, for a caller that gives the page its thread back between steps. */
  static *steps(nodes: readonly string[]): Generator<void, TextMap> {
    return new TextMap(nodes, yield* keySteps(nodes));
  }

  /**
   * Every place `selector.exact` is in the page, best first: the one whose
   * surroundings agree best with `prefix` and `suffix`, then the one nearest
   * the position hint. Empty when the text is not on the page.
   */
  locateAll(selector: TextQuoteSelector): { start: NodePoint; end: NodePoint }[] {
    const exact = keyOf(selector.exact).key;
    if (!exact) return [];
    const prefix = keyOf(selector.prefix).key;
    const suffix = keyOf(selector.suffix).key;
    const found: { at: number; score: number }[] = [];
    for (let at = this.key.indexOf(exact); at !== -1; at = this.key.indexOf(exact, at + 1)) {
      const before = this.key.slice(Math.max(0, at - prefix.length), at);
      const after = this.key.slice(at + exact.length, at + exact.length + suffix.length);
      const context = commonSuffix(before, prefix) + commonPrefix(after, suffix);
      // Context decides; the position hint only breaks ties (it is worth less than one character).
      found.push({ at, score: context - Math.abs(at / Math.max(1, this.key.length) - selector.position) });
    }
    return found
      .sort((a, b) => b.score - a.score)
      .map(({ at }) => ({
        start: this.point(this.starts[at]!, false),
        end: this.point(this.ends[at + exact.length - 1]!, true),
      }));
  }

  /** The best place for `selector` in the page (see `locateAll`), or null. */
  locate(selector: TextQuoteSelector): { start: NodePoint; end: NodePoint } | null {
    return this.locateAll(selector)[0] ?? null;
  }

  /** The node and offset of a position in the joined text; `end` keeps a node-final position in its node. */
  private point(offset: number, end: boolean): NodePoint {
    let lo = 0;
    let hi = this.nodeStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = this.nodeStarts[mid]!;
      if (s < offset || (!end && s === offset)) lo = mid;
      else hi = mid - 1;
    }
    return { node: lo, offset: offset - this.nodeStarts[lo]! };
  }
}
