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
import { normalize } from './normalize';

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

/** Folded, whitespace-free key of `text`, with each key character's source span. */
function keyOf(text: string): { key: string; starts: number[]; ends: number[] } {
  const norm = normalize(text);
  const key: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < norm.text.length; i++) {
    let c = norm.text[i]!;
    const code = c.charCodeAt(0);
    if (code < 0x80) {
      // ASCII: whitespace out, letters lower-cased, without a look-up per character.
      if (code <= 0x20) continue;
      if (code >= 0x41 && code <= 0x5a) c = String.fromCharCode(code + 0x20);
    } else {
      if (WHITESPACE.test(c)) continue;
      if (/[\u2018\u2019\u201b\u2032]/.test(c)) c = "'";
      else if (/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/.test(c)) c = '"';
      else if (c.toLowerCase().length === 1) c = c.toLowerCase();
    }
    key.push(c);
    starts.push(norm.starts[i]!);
    ends.push(norm.ends[i]!);
  }
  return { key: key.join(''), starts, ends };
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

/** The page's text, as a list of text node strings, ready to be searched for selectors. */
export class TextMap {
  private readonly key: string;
  private readonly starts: number[];
  private readonly ends: number[];
  /** Offset in the joined text where each node begins. */
  private readonly nodeStarts: number[];

  constructor(
    readonly nodes: readonly string[],
    built?: { key: string; starts: number[]; ends: number[]; nodeStarts: number[] },
  ) {
    let parts = built;
    if (!parts) {
      const steps = TextMap.steps(nodes);
      let step = steps.next();
      while (!step.done) step = steps.next();
      parts = step.value.parts;
    }
    this.key = parts.key;
    this.starts = parts.starts;
    this.ends = parts.ends;
    this.nodeStarts = parts.nodeStarts;
  }

  /**
   * Build the map a step at a time (about CHARS_PER_STEP characters each),
   * for a caller that gives the page its thread back between steps. Runs of
   * nodes are keyed on their own: the key drops all whitespace, the only
   * thing that keying the whole text at once could change, and a run never
   * ends inside a character (a surrogate pair split over two nodes).
   */
  static *steps(nodes: readonly string[]): Generator<void, TextMap> {
    const keys: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const nodeStarts: number[] = [];
    let at = 0;
    let runStart = 0;
    let run: string[] = [];
    const keyRun = () => {
      const k = keyOf(run.join(''));
      keys.push(k.key);
      for (let j = 0; j < k.starts.length; j++) {
        starts.push(k.starts[j]! + runStart);
        ends.push(k.ends[j]! + runStart);
      }
      runStart = at;
      run = [];
    };
    for (const node of nodes) {
      nodeStarts.push(at);
      run.push(node);
      at += node.length;
      const last = node.charCodeAt(node.length - 1);
      if (at - runStart > CHARS_PER_STEP && !(last >= 0xd800 && last <= 0xdbff)) {
        keyRun();
        yield;
      }
    }
    keyRun();
    return new TextMap(nodes, { key: keys.join(''), starts, ends, nodeStarts });
  }

  /** The parts a map is made of, for the constructor. */
  private get parts() {
    return { key: this.key, starts: this.starts, ends: this.ends, nodeStarts: this.nodeStarts };
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
