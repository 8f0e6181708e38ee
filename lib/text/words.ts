/**
 * The word-level view of a remark: lower-case words with quotes and
 * apostrophes folded, Porter stems, stop words and negation marked. Shared by
 * the similarity measure, the corpus index and the synonym table.
 */
import { stemmer } from 'stemmer';
import { WORD_PATTERNS, straightApostrophes } from './analysis';

/** Words that carry no content of their own. Negators are deliberately absent: they are content. */
export const STOP_WORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from as into onto about over than that this these ' +
    "those it its it's is are was were be been being am do does did has have had having i me my we us our you " +
    'your he him his she her they them their there here what which who whom whose when where why how all any ' +
    'both each few more most other some such only own same very can will just should would could may might must ' +
    'shall also well now really kind sort way'
  ).split(' '),
);
/** Words that turn what follows around: "does not resemble" is not "resembles". */
export const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nobody',
  'nor',
  'without',
  'cannot',
  "n't",
  'none',
  'nothing',
  'neither',
]);
/**
 * Words that end a negation's scope along with punctuation: "not X, but Y",
 * "nothing except promises"; and the words that open a clause of its own
 * after a negated one ("will not be safe until the pipes are replaced": the
 * pipes are replaced, not "not replaced"), so that a translation that puts
 * that clause first reads the same.
 */
const SCOPE_ENDS = new Set(['but', 'yet', 'although', 'though', 'however', 'except', 'until', 'unless', 'because']);

/** One word of a remark. */
export interface Word {
  /** The word as written, lower-cased, with curly apostrophes folded. */
  word: string;
  /** Porter stem, the unit of comparison. */
  stem: string;
  /** True for words that carry content (not stop words, not negators). */
  content: boolean;
  /** True when a negator shortly before governs this word. */
  negated: boolean;
}

/** Split a remark into words, with stems, content flags and negation scope. */
export function words(text: string): Word[] {
  const raw = straightApostrophes(text.toLowerCase())
    .replace(/n't\b/g, " n't")
    // "no matter", "not only" do not negate what follows.
    .replace(/\bno matter\b/g, 'whatever')
    .replace(/\bnot only\b/g, 'only')
    // An ellipsis marks words left out of a quote, not the end of a clause.
    .replace(/\.{2,}|\u2026/g, ' ')
    .match(WORD_PATTERNS.remark);
  const out: Word[] = [];
  // A negator governs the rest of its clause: "does not really look like a war".
  let negated = false;
  const tokens = numbersAsDigits(raw ?? []);
  for (const [i, w] of tokens.entries()) {
    const bare = w.replace(/'s$/, '');
    // "as long as" opens a clause of its own, as "until" does (see SCOPE_ENDS).
    if (bare === 'long' && tokens[i - 1] === 'as' && tokens[i + 1] === 'as') negated = false;
    if (/^[.,;:!?]$/.test(bare) || SCOPE_ENDS.has(bare)) {
      negated = false;
      if (SCOPE_ENDS.has(bare)) out.push({ word: bare, stem: bare, content: false, negated: false });
      continue;
    }
    if (NEGATORS.has(bare)) {
      negated = true;
      out.push({ word: bare, stem: bare, content: false, negated: false });
      continue;
    }
    out.push({ word: bare, stem: stem(bare), content: !STOP_WORDS.has(bare), negated });
  }
  return out;
}

const UNITS =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
    ' ',
  );
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

/**
 * Number words as digits ("twenty" → "20", "sixty-four" → "64"): a light
 * edit often renders one as the other. "One" stays a word (it is a pronoun as
 * often as a number).
 */
function numbersAsDigits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const ten = TENS.indexOf(t);
    const unit = UNITS.indexOf(tokens[i + 1] ?? '');
    if (ten >= 0 && unit > 0 && unit < 10) {
      out.push(String((ten + 2) * 10 + unit));
      i++;
    } else if (ten >= 0) out.push(String((ten + 2) * 10));
    else if (UNITS.indexOf(t) > 1) out.push(String(UNITS.indexOf(t)));
    else out.push(t);
  }
  return out;
}

/**
 * Stems already computed: a language has far fewer words than a corpus has
 * tokens, and stemming is most of the cost of indexing a large corpus.
 */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

/** Porter stem with British/American spelling folded ("monopolise" → "monopol"). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(word, (s = stemmer(word.replace(/is(e|ed|es|ing|ation)$/, 'iz$1').replace(/our$/, 'or'))));
  }
  return s;
}

/** Content stems of a text, in order. */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => w.content)
    .map((w) => w.stem);
}
