/**
 * Finds the remarks an article quotes and who said them. Written by hand:
 * no library pairs news-style quotation marks (curly, straight, single-quoted
 * headlines, partial quotes, continuation quotes) and attributes them to a
 * speaker with the conventions newsrooms use ("…," X said; X said: "…";
 * according to X; he said → the last named speaker).
 */
import { toSource } from './normalize';
import { Sentences, articleOf, wordSpans, type PreparedArticle, type Work } from './analysis';

/** One quotation found in an article. */
export interface Quote {
  /** The quoted words exactly as in the article (quotation marks and a trailing comma left out). */
  quote: string;
  /** Start of `quote` in the article text (UTF-16 index). */
  start: number;
  /** End of `quote` in the article text (exclusive). */
  end: number;
  /** Who said it, as named in the article ("Vladimir Putin"), or null when no attribution was found. */
  speaker: string | null;
  /**
   * When its sentence says it was said, relative to the article's date (see
   * saidWhen): a weekday ("wednesday"), "-1" for yesterday, "last-week".
   * Absent when the sentence does not say.
   */
  said?: string;
}

interface Span {
  /** Index of the opening mark in normalised text. */
  open: number;
  /** Index of the closing mark in normalised text. */
  close: number;
}

const DOUBLE_OPEN = new Set(['\u201c', '\u201e', '\u00ab', '\u201f']);
const DOUBLE_CLOSE = new Set(['\u201d', '\u00bb']);
const SINGLE_OPEN = new Set(['\u2018', '\u201a', '\u2039']);
const SINGLE_CLOSE = new Set(['\u2019', '\u203a']);
/** Longest quotation kept, in characters: longer "quotes" are unbalanced marks. */
const MAX_QUOTE_CHARS = 1500;
/** Single quotes are ambiguous with apostrophes; only short ones on one line count. */
const MAX_SINGLE_QUOTE_WORDS = 15;
/** A quote with no attribution inherits the previous speaker when this few words lie between them. */
const CONTINUATION_GAP_WORDS = 14;
/** Fewest words an unattributed quote needs to take the speaker of a named quote that says them (see echoSpeakers). */
const MIN_ECHO_WORDS = 2;
/** Named speakers a pronoun may fall back to, the latest first (a page's cast, not every name on it). */
const RECENT_SPEAKERS = 4;
/** Sentences looked back over for the person a pronoun stands for, when no quote has named one yet. */
const OPENERS_LOOKED_AT = 3;

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrStart = (c: string | undefined) => c === undefined || /[\s([{\-\u2014/]/.test(c);

/** Pair double quotation marks paragraph by paragraph. */
function pairDouble(t: string): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\n') {
      // An unclosed quote does not run into the next paragraph; a line break
      // in the middle of a sentence (see paragraphBreakAt) does not end a quote.
      if (!paragraphBreakAt(t, i)) continue;
      // A quote that goes on in the next paragraph is left open at the end of
      // this one, and the next opens with a quotation mark again: what this
      // paragraph quotes is a quote of its own.
      if (open >= 0 && continuesQuote(t, i) && i - open - 1 >= 2 && i - open <= MAX_QUOTE_CHARS)
        spans.push({ open, close: i });
      open = -1;
      continue;
    }
    let role: 'open' | 'close' | null = null;
    if (DOUBLE_OPEN.has(c)) role = 'open';
    else if (DOUBLE_CLOSE.has(c)) role = 'close';
    else if (c === '"') role = isSpaceOrStart(t[i - 1]) || (open < 0 && !isLetter(t[i - 1])) ? 'open' : 'close';
    if (role === 'open') open = i;
    else if (role === 'close' && open >= 0) {
      if (i - open - 1 >= 2 && i - open <= MAX_QUOTE_CHARS) spans.push({ open, close: i });
      open = -1;
    }
  }
  return spans;
}

/** Whether the paragraph after the newline at `t[i]` opens with a double quotation mark. */
function continuesQuote(t: string, i: number): boolean {
  let k = i + 1;
  while (k < t.length && /\s/.test(t[k]!)) k++;
  return DOUBLE_OPEN.has(t[k] ?? '') || t[k] === '"';
}

/**
 * Whether the newline at `t[i]` may end an open quote: any newline but one
 * that breaks a sentence in the middle (a <br> or a hard-wrapped line inside
 * a paragraph: the next line goes on in lower case). A blank line always does.
 */
function paragraphBreakAt(t: string, i: number): boolean {
  let k = i + 1;
  while (t[k] === ' ' || t[k] === '\t') k++;
  return !/\p{Ll}/u.test(t[k] ?? '');
}

/** Pair single quotation marks, skipping apostrophes and anything inside a double quote. */
function pairSingle(t: string, doubles: Span[]): Span[] {
  // Doubles are in order and never overlap, and `i` only grows: one pointer answers "inside a double?".
  let d = 0;
  const insideDouble = (i: number) => {
    while (d < doubles.length && doubles[d]!.close <= i) d++;
    return d < doubles.length && doubles[d]!.open < i;
  };
  const spans: Span[] = [];
  let open = -1;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\n') {
      open = -1;
      continue;
    }
    const before = t[i - 1];
    const after = t[i + 1];
    const canOpen = (SINGLE_OPEN.has(c) || c === "'") && isSpaceOrStart(before) && isLetter(after);
    const canClose =
      (SINGLE_CLOSE.has(c) || c === "'") && before !== undefined && !/\s/.test(before) && !isLetter(after);
    if (canOpen && !insideDouble(i)) open = i;
    else if (canClose && open >= 0) {
      const inner = t.slice(open + 1, i);
      if (inner.trim().split(/\s+/).length <= MAX_SINGLE_QUOTE_WORDS && !insideDouble(i))
        spans.push({ open, close: i });
      open = -1;
    }
  }
  return spans;
}

const SPEECH_VERBS = new Set(
  (
    'said says say stated remarked claimed added adds told tells charged warned warns noted ' +
    'called described describing describes stressed stresses announced cautioned urged insisted declared ' +
    'wrote writes argued asked replied answered explained stating saying telling adding insisting emphasized ' +
    'emphasised reiterated vowed pledged acknowledged admitted suggested accused criticized criticised condemned ' +
    'labels labelled labeled branded dubbed continued concluded observed commented conceded recalled tweeted posted ' +
    'posting announcing warning calling declaring predicted agreed agree countered retorted responded interjected ' +
    'interrupted quipped'
  ).split(' '),
);
/** Words that may stand between a subject and its speech verb ("Putin on Friday said"). */
const BETWEEN_SUBJECT_AND_VERB = new Set(
  (
    'on monday tuesday wednesday thursday friday saturday sunday yesterday today earlier later also then has had ' +
    'have was is would will previously once again himself herself who in a statement interview seemed to ' +
    "never not did does didn't doesn't hasn't haven't"
  ).split(' '),
);
/** Words between a subject and its speech verb that deny the verb: "X has never described it as …". */
const DENIALS = new Set(['never', 'not', "didn't", "doesn't", "hasn't", "haven't"]);
/** Words that open a noun phrase naming a role, not a person: "a Hamas official", "the UN secretary-general". */
const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'one',
  'another',
  'his',
  'her',
  'their',
  'its',
  'our',
  'two',
  'three',
  'several',
]);
/** How far back a role's determiner may stand from its speech verb ("a senior Hamas official told reporters"). */
const ROLE_WORDS = 5;
/** Capitalised words that are titles or sentence openers, not part of a name. */
const NOT_NAME = new Set(
  (
    'the a an and but or while when as after before if it its this that these those there in on at of for by with ' +
    'president prime minister foreign defense defence secretary secretary-general envoy chancellor leader spokesman spokeswoman spokesperson ' +
    'general gen mr mrs ms dr king queen pope senator sen rep governor mayor ambassador chief former deputy vice ' +
    'head commander russian american israeli palestinian turkish ukrainian chinese french german british iranian ' +
    'egyptian monday tuesday wednesday thursday friday saturday sunday instead moscow washington ' +
    'later earlier meanwhile separately also then now still however yesterday today'
  ).split(' '),
);
/** Names after "according to" that are news agencies reporting the words, not speakers. */
const AGENCIES = new Set(
  'reuters afp ap associated press anadolu tass ria interfax xinhua al jazeera bbc cnn agency the moscow times guardian new york'.split(
    ' ',
  ),
);
const PRONOUNS = new Set(['he', 'she']);

/**
 * A speech verb in running text is lower-case ("States" in "the United States"
 * is not one); in a title-case headline ("Putin Labels Gaza Conflict …") any case goes.
 */
function isSpeechVerb(toks: Token[], k: number, headline: boolean): boolean {
  const w = toks[k]!.word;
  if (SPEECH_VERBS.has(w)) return true;
  return SPEECH_VERBS.has(w.toLowerCase()) && headline;
}

/** Title case: most longer words capitalised. */
function isHeadline(toks: Token[]): boolean {
  const long = toks.filter((tk) => tk.word.length >= 4);
  return long.length >= 3 && long.filter((tk) => isCapitalised(tk.word)).length / long.length >= 0.7;
}

interface Token {
  word: string;
  start: number;
  end: number;
  /** The characters between the previous token and this one ("", " ", ", "). */
  gapBefore: string;
}

/** The words of `t[from, to)` (see WORD_PATTERNS.prose), a trailing full stop dropped unless it ends initials ("U.S."). */
function tokens(t: string, from = 0, to = t.length): Token[] {
  const out: Token[] = [];
  for (const span of wordSpans(t, 'prose', from, to)) {
    const m = span.word;
    const word = m.replace(/[.]+$/, (dots) => (/^[A-Z]([.][A-Z])*$/.test(m.slice(0, -dots.length)) ? dots : ''));
    const prevEnd = out.at(-1)?.end ?? from;
    out.push({ word, start: span.start, end: span.start + word.length, gapBefore: t.slice(prevEnd, span.start) });
  }
  return out;
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
const bareWord = (w: string) =>
  w
    .toLowerCase()
    .replace(/['\u2019]s$/, '')
    .replace(/\.$/, '');

/** Read a name backwards from `tokens[i]`: "Turkey's President Recep Tayyip Erdogan" → "Recep Tayyip Erdogan". */
function nameEndingAt(toks: Token[], i: number): string | null {
  const words: string[] = [];
  for (let k = i; k >= 0 && words.length < 4; k--) {
    const w = toks[k]!.word;
    if (k < i && !/^\s+$/.test(gapAfter(toks, k))) break;
    if (!isCapitalised(w) || NOT_NAME.has(bareWord(w)) || /['\u2019]s$/.test(w)) break;
    words.unshift(w);
  }
  return words.length > 0 ? words.join(' ') : null;
}

/**
 * Who a speech verb has for subject: a named person, a pronoun, a role the
 * article does not name ("a Hamas official"; its words are nobody's we can
 * name), or a named person who is said not to have said it ("X has never
 * described it as …": the words are not X's).
 */
type Subject =
  | { kind: 'name'; name: string }
  /** `word`: "he" or "she", which tells two candidates apart once the article has used it for one of them. */
  | { kind: 'pronoun'; word: string }
  /** `title`: the role's words after "the" ("Russian president"), which the article may give before a name; null after "a". */
  | { kind: 'role'; title: string | null }
  | { kind: 'denied' };

/** The subject of the speech verb at `toks[v]`, looking back over adverbs and time words. */
function subjectBefore(toks: Token[], v: number, masked?: string): Subject | null {
  let denied = false;
  for (let k = v - 1; k >= 0 && k >= v - 6; k--) {
    // "Putin, for his part, has never described it as …": the denial holds across the aside before it.
    if (/[,;:]/.test(gapAfter(toks, k))) return denied ? { kind: 'denied' } : null;
    const w = toks[k]!.word;
    const bare = bareWord(w);
    if (PRONOUNS.has(bare)) return denied ? { kind: 'denied' } : { kind: 'pronoun', word: bare };
    if (isCapitalised(w) && !NOT_NAME.has(bare) && !/['\u2019]s$/.test(w)) {
      // "Rivals agree", "Putin and Xi agree": a verb's plural form right after the words says they are no one person.
      // They are people the article does not name, as a role is.
      if (k === v - 1 && PLURAL_SPEECH_VERBS.has(toks[v]!.word.toLowerCase())) return { kind: 'role', title: null };
      const name = nameEndingAt(toks, k);
      // A plural the article writes nowhere inside a sentence ("Residents called the blaze …") is no one person.
      if (masked && name && name === w && /[^s']s$/.test(w) && !writtenInside(w, masked))
        return { kind: 'role', title: null };
      if (name && denied) return { kind: 'denied' };
      return name ? { kind: 'name', name } : null;
    }
    if (DENIALS.has(bare)) denied = true;
    if (!BETWEEN_SUBJECT_AND_VERB.has(bare) && !/ly$/.test(bare)) return roleEndingAt(toks, k);
  }
  return null;
}

/** Words that cannot stand inside a noun phrase naming a role: "and cautioned" is a second verb, not a role. */
const NOT_IN_ROLE = new Set(
  'and or but nor that which who whom whose in on at of for by with from to as than then so if when while after before about into over'.split(
    ' ',
  ),
);

/** A noun phrase ending at `toks[i]` that names a role ("a Hamas official", "Putin's spokesman"), or null. */
function roleEndingAt(toks: Token[], i: number): Subject | null {
  if (isCapitalised(toks[i]!.word) || !/^\p{L}[\p{L}-]*$/u.test(toks[i]!.word)) return null;
  for (let k = i; k >= 0 && k > i - ROLE_WORDS; k--) {
    if (k < i && /[,;:]/.test(gapAfter(toks, k))) return null;
    const w = toks[k]!.word;
    if (DETERMINERS.has(w.toLowerCase()) || (k < i && /['\u2019]s$/.test(w))) {
      if (k === i) return null;
      const title =
        w.toLowerCase() === 'the'
          ? toks
              .slice(k + 1, i + 1)
              .map((tk) => tk.word)
              .join(' ')
          : null;
      return { kind: 'role', title };
    }
    if (NOT_IN_ROLE.has(w.toLowerCase())) return null;
  }
  return null;
}

/** The subject of a sentence that opens with a name: "Putin, who was speaking in Bishkek, stressed …". */
function sentenceSubject(all: Token[], masked: string): Subject | null {
  const toks = all.slice(datelineEnd(all));
  const first = toks[0];
  if (!first || !isCapitalised(first.word)) return null;
  let k = 0;
  while (k + 1 < toks.length && isCapitalised(toks[k + 1]!.word) && /^\s$/.test(gapAfter(toks, k))) k++;
  // "UN envoy Marta Lindqvist …", "Opposition finance spokeswoman Leila Haddad …": the person after the title.
  const titled = nameAfterTitle(toks, k + 1);
  if (titled) return { kind: 'name', name: titled };
  const name = nameEndingAt(toks, k);
  if (name && k === 0 && !oneWordOpenerIsName(toks, masked)) return null;
  return name ? { kind: 'name', name } : null;
}

/** Lower-case words a title may run to before the person it names ("finance spokeswoman"). */
const TITLE_WORDS = 3;

/** The name after a lower-case title that starts at `toks[from]` ("envoy Marta Lindqvist"), or null. */
function nameAfterTitle(toks: Token[], from: number): string | null {
  for (let k = from; k < toks.length && k < from + TITLE_WORDS; k++) {
    if (!/^\s+$/.test(toks[k]!.gapBefore) || isCapitalised(toks[k]!.word)) return null;
    if (!TITLES.has(toks[k]!.word)) continue;
    let end = k + 1;
    while (end < toks.length && isCapitalised(toks[end]!.word) && /^\s+$/.test(toks[end]!.gapBefore)) end++;
    return end > k + 1 ? nameEndingAt(toks, end - 1) : null;
  }
  return null;
}

/** Words a dateline may run to before its dash ("SOLVIK, June 21, 2025 (Solvik Times) -"). */
const DATELINE_WORDS = 12;

/**
 * Where a sentence starts after the dateline it opens with: "MERROW,
 * September 10, 2025 (Valley Voice) - Mayor Priya Raman told …" opens with
 * the mayor, not with the town in capitals. 0 when there is no dateline; the
 * sentence's length when a place in capitals and a comma lead to no dash (no
 * subject can be read then).
 */
function datelineEnd(toks: Token[]): number {
  const capitals = (k: number) => k < toks.length && /^\p{Lu}[\p{Lu}.'\u2019-]+$/u.test(toks[k]!.word);
  let place = 0;
  while (place < 3 && capitals(place)) place++;
  if (place === 0 || place >= toks.length || !/^,/.test(toks[place]!.gapBefore)) return 0;
  for (let k = place; k < toks.length && k <= DATELINE_WORDS; k++)
    if (/[-\u2013\u2014]/.test(toks[k]!.gapBefore)) return k;
  return toks.length;
}

/** Speech verbs in the form a plural subject takes: "Rivals agree", "Economists say" are no one person. */
const PLURAL_SPEECH_VERBS = new Set('say tell agree warn urge claim insist argue call accuse deny'.split(' '));

/**
 * Whether a sentence's one capitalised first word is a person's name. Not
 * a plural the article writes nowhere else, nor a word before a speech
 * verb's plural form ("Rivals agree:"), nor before a word
 * that is neither a speech verb nor a word that stands between a subject and
 * its verb nor a verb's past form ("Central bank holds rates, governor
 * warns …") unless the article
 * writes the word inside a sentence somewhere, as it does a surname ("Okafor
 * rejected that" after "Governor Tomas Okafor").
 */
function oneWordOpenerIsName(toks: Token[], masked: string): boolean {
  // A plural ("Residents called the blaze …") is a name only where the article writes it inside a sentence too.
  if (/[^s']s$/.test(toks[0]!.word) && !writtenInside(toks[0]!.word, masked)) return false;
  const next = toks[1];
  if (!next || !/^\s+$/.test(next.gapBefore) || isCapitalised(next.word)) return true;
  const w = next.word.toLowerCase();
  if (PLURAL_SPEECH_VERBS.has(w)) return false;
  // A verb's past form ("Rudd visited the valley") follows a subject; a noun ("Central bank") seldom ends so.
  if (SPEECH_VERBS.has(w) || BETWEEN_SUBJECT_AND_VERB.has(w) || /ed$/.test(w)) return true;
  return writtenInside(toks[0]!.word, masked);
}

/** Characters between token `k` and the next one. */
function gapAfter(toks: Token[], k: number): string {
  return toks[k + 1]!.gapBefore;
}

/** Verbs that put their subject after them in news copy: `," said Putin`. */
const INVERTING_VERBS = new Set([
  'said',
  'says',
  'added',
  'adds',
  'wrote',
  'writes',
  'asked',
  'continued',
  'stated',
  'countered',
  'retorted',
  'replied',
  'responded',
]);
/** Words that open a clause of its own after a quote: '"…", while Haddad said …' is Haddad's next clause, not this quote's attribution. */
const CLAUSE_OPENERS_AFTER = new Set(['while', 'whereas', 'and', 'but', 'although', 'though']);

/** The subject written after the verb: `said Putin`. */
function subjectAfter(toks: Token[], v: number, runEnd: Int32Array): Subject | null {
  if (!INVERTING_VERBS.has(bareWord(toks[v]!.word))) return null;
  const next = toks[v + 1];
  if (!next) return null;
  const bare = bareWord(next.word);
  if (PRONOUNS.has(bare)) return { kind: 'pronoun', word: bare };
  if (DETERMINERS.has(bare)) {
    const words: string[] = [];
    let k = v + 2;
    for (; k < toks.length && k <= v + ROLE_WORDS && /^\s+$/.test(toks[k]!.gapBefore); k++) {
      const w = toks[k]!.word.toLowerCase();
      // "said the losses were …" is a verb and its object, not an inverted subject.
      if (CLAUSE_VERBS.has(w)) return null;
      if (NOT_IN_ROLE.has(w)) break;
      words.push(toks[k]!.word);
    }
    // A role and then the person: "added her deputy, Ivo Marchetti".
    const named = toks[k];
    if (words.length && named && /^,\s*$/.test(named.gapBefore) && isCapitalised(named.word)) {
      const name = nameEndingAt(toks, runEnd[k]!);
      if (name) return { kind: 'name', name };
    }
    return { kind: 'role', title: bare === 'the' && words.length ? words.join(' ') : null };
  }
  if (!isCapitalised(next.word)) return null;
  // A title between the verb and the name: "said Kremlin spokesman Dmitry Peskov".
  const end = runEnd[v + 1]!;
  const title = toks[end + 1];
  if (title && TITLES.has(title.word) && toks[end + 2] && isCapitalised(toks[end + 2]!.word)) {
    const name = nameEndingAt(toks, runEnd[end + 2]!);
    if (name) return { kind: 'name', name };
  }
  const name = nameEndingAt(toks, end);
  return name ? { kind: 'name', name } : null;
}

/** Verbs and auxiliaries that say the words after a determiner are a clause, not a role. */
const CLAUSE_VERBS = new Set(
  'is are was were has have had will would could should may might must can did does do be been being'.split(' '),
);
/** Lower-case titles that stand between an inverted verb's capitalised qualifier and the name: "Kremlin spokesman". */
const TITLES = new Set(
  'spokesman spokeswoman spokesperson minister president secretary chief official leader envoy ambassador adviser advisor commander mayor governor director'.split(
    ' ',
  ),
);

/** Replace quoted stretches with spaces so verbs and names inside quotes are not read as attribution. */
function maskQuotes(t: string, spans: Span[]): string {
  const chars = t.split('');
  // A line break inside a quote is masked too: the sentence around the quote runs across it.
  for (const s of spans) for (let i = s.open; i <= s.close; i++) chars[i] = ' ';
  // Asides between dashes or in parentheses stand between a subject and its verb:
  // "Putin - while condemning the attack - said …".
  return chars.join('').replace(/ - [^\n-]{1,100} - |\([^\n()]{0,100}\)/g, (m) => ' '.repeat(m.length));
}

/**
 * Find every quotation in `text` (or an article already prepared for the
 * other detectors) with its exact position and speaker. Linear in the text:
 * the prose is tokenised and split into sentences once, and each sentence's
 * speech verbs and subjects are read once for all the quotes in it.
 */
export function detectQuotes(input: string | PreparedArticle): Quote[] {
  const { source: text, norm, work } = articleOf(input);
  const t = norm.text;
  const doubles = pairDouble(t);
  const singles = pairSingle(t, doubles);
  const spans = [...doubles, ...singles].sort((a, b) => a.open - b.open);
  const masked = maskQuotes(t, spans);
  // Sentences of the prose around the quotes: a stop inside a quote does not end one.
  const sentences = new Sentences(masked, { work });
  const prose = new Prose(masked, work);

  const quotes: Quote[] = [];
  // The quotes no words attribute at all (not even a role or a denial), by index.
  const bare: number[] = [];
  // Names are expanded against the article's prose lines, read once for all quotes (not once per quote).
  let lines: string | null = null;
  const names = new Map<string, string>();
  const expand = (name: string) => {
    let full = names.get(name);
    if (full === undefined) names.set(name, (full = fullName(name, (lines ??= proseOf(t)))));
    return full;
  };
  // The person "he" or "she" is: the last named speaker, or before any quote
  // was attributed, the person the nearest sentence before opens with. After a
  // role ("a Hamas official said …") a pronoun is that unnamed person.
  let lastNamed: string | null | undefined = undefined;
  let previous = null as { close: number; speaker: string | null } | null;
  const openerBefore = (at: number): string | null => {
    for (let k = 0, end = at; k < OPENERS_LOOKED_AT && end > 0;) {
      const [s, e] = sentences.around(end - 1);
      const sentence = prose.sentence(s, e);
      if (sentence.toks.length > 0) {
        const subject = sentence.subject();
        if (subject?.kind === 'name') return subject.name;
        k++;
      }
      end = s;
    }
    return null;
  };
  // A person named in full who opens a sentence between the last quote and
  // this one is whom a pronoun now stands for: in "'…,' Haddad told reporters.
  // Okafor rejected that. '…,' he said", he is Okafor. A lone word that the
  // article never gives a first name for (a country, "Russia rejected that")
  // is left to the last speaker.
  const openerSince = (last: { close: number } | null, at: number): string | null => {
    if (!last) return null;
    for (let end = at; end > last.close;) {
      const [s, e] = sentences.around(end - 1);
      if (s <= last.close) return null;
      const subject = prose.sentence(s, e).subject();
      if (subject?.kind === 'name') return expand(subject.name).includes(' ') ? subject.name : null;
      end = s;
    }
    return null;
  };
  // He or she, once the article has used it for a person (or a title says it:
  // "spokeswoman Leila Haddad"), is not that person's opposite: "'Slowly,'
  // she said" after Okafor's "he said" is the other speaker. Named speakers,
  // the latest first, are the candidates after the opener and the last one.
  const genders = new Map<string, string>();
  const recent: string[] = [];
  const fitsPronoun = (full: string, word: string) => {
    let gender = genders.get(full);
    if (gender === undefined) {
      // Cached when no title says either (''), so a long page is scanned once per name.
      genders.set(full, (gender = titleGender(full, t) ?? ''));
    }
    return !gender || gender === word;
  };
  for (const [index, span] of spans.entries()) {
    const inner = trimSpan(t, span.open + 1, span.close);
    if (!inner) continue;
    const [sentStart, sentEnd] = sentences.around(span.open, span.close + 1);
    const closes =
      /\.\s*$/.test(t.slice(span.close - 2, span.close)) && /^\s+\p{Lu}/u.test(t.slice(span.close + 1, span.close + 4));
    const subject = attribute(
      masked,
      prose.sentence(sentStart, sentEnd),
      span,
      previous,
      spans[index + 1]?.open,
      closes,
    );
    let speaker: string | null = null;
    if (subject?.kind === 'name') speaker = subject.name;
    else if (subject?.kind === 'role' && subject.title) speaker = titled(subject.title, (lines ??= proseOf(t)));
    else if (subject?.kind === 'pronoun') {
      const opener: string | null =
        lastNamed === undefined ? openerBefore(sentStart) : openerSince(previous, sentStart);
      // After a role and no name since, the pronoun is that unnamed person.
      const candidates: (string | null | undefined)[] =
        lastNamed === null && !opener ? [] : [opener, lastNamed, ...recent];
      const fitting = candidates.find((c): c is string => !!c && fitsPronoun(expand(c), subject.word));
      speaker = fitting ?? (opener || lastNamed || null);
      if (speaker && !genders.get(expand(speaker))) genders.set(expand(speaker), subject.word);
    } else if (subject?.kind === 'inherit') speaker = previous?.speaker ?? null;
    if (subject?.kind === 'name' || speaker) lastNamed = speaker;
    if (speaker)
      recent.splice(0, recent.length, speaker, ...recent.filter((r) => r !== speaker).slice(0, RECENT_SPEAKERS - 1));
    else if (subject?.kind === 'role') lastNamed = null;
    const [start, end] = toSource(norm, inner[0], inner[1]);
    const full = speaker ? expand(speaker) : null;
    const said = saidWhen(masked.slice(sentStart, sentEnd));
    if (!subject && displayed(t, span)) bare.push(quotes.length);
    quotes.push({ quote: text.slice(start, end), start, end, speaker: full, ...(said ? { said } : {}) });
    previous = { close: span.close, speaker: full };
  }
  return echoSpeakers(quotes, bare);
}

/**
 * Whether `word` stands somewhere in `t` after a word of the same sentence
 * ("Governor Tomas Okafor", "said Okafor"), not only where a sentence or a
 * line starts: a surname the article names a person by is written inside a
 * sentence somewhere, a common word that opens a sentence need not be. Searched
 * with indexOf, not a regular expression over the whole text per word.
 */
function writtenInside(word: string, t: string): boolean {
  for (let at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) {
    if (/[\p{L}\p{N}]/u.test(t[at + word.length] ?? '')) continue;
    const before = /(\S)\s*$/u.exec(t.slice(Math.max(0, at - 20), at));
    if (before && /[\p{L}\p{N},;]/u.test(before[1]!)) return true;
  }
  return false;
}

/** Titles that say a person is a woman or a man, right before the name ("spokeswoman Leila Haddad", "Mr Okafor"). */
const SHE_TITLES =
  /\b(?:spokeswoman|chairwoman|congresswoman|businesswoman|Mrs|Ms|Madam)\.?\s+(?:\p{Lu}[\p{L}-]*\s+)?$/u;
const HE_TITLES = /\b(?:spokesman|chairman|congressman|businessman|Mr)\.?\s+(?:\p{Lu}[\p{L}-]*\s+)?$/u;

/** "she" or "he" when a gendered title stands right before the name somewhere in `t`, else null. */
function titleGender(full: string, t: string): string | null {
  const surname = full.split(' ').at(-1)!;
  for (let at = t.indexOf(surname); at >= 0; at = t.indexOf(surname, at + 1)) {
    let before = t.slice(Math.max(0, at - 40), at);
    // Read past the given names to the title: "spokeswoman Leila Haddad".
    const given = full.split(' ').slice(0, -1).join(' ');
    if (given && before.endsWith(`${given} `)) before = before.slice(0, -given.length - 1);
    if (SHE_TITLES.test(before)) return 'she';
    if (HE_TITLES.test(before)) return 'he';
  }
  return null;
}

/** A quote's words, lower case, one space apart, with a space at each end for whole-word search. */
const wordsOf = (quote: string) =>
  ` ${quote
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/**
 * Whether a quote stands where a page displays words rather than reports
 * them: a line without a closing full stop (a headline, a subhead) or a line
 * that is the quote alone (a pull quote). A quote in a body sentence that
 * nothing attributes ("the plan was 'bad for the country'") may be anyone's.
 */
function displayed(t: string, span: Span): boolean {
  const from = t.lastIndexOf('\n', span.open) + 1;
  const next = t.indexOf('\n', span.close);
  const line = t.slice(from, next < 0 ? t.length : next).trim();
  const alone =
    line.slice(0, span.open - from).trim() === '' &&
    /^[\s.,!?]*$/.test(t.slice(span.close + 1, next < 0 ? t.length : next));
  return alone || !/[.!?]['"\u2019\u201d]*$/.test(line);
}

/**
 * A quote that nothing attributes and that a page displays (a headline's or
 * a pull quote's words; see displayed) and whose words a named speaker says in full in the same
 * article is that speaker's: "UN envoy urges militias to 'stop the
 * bloodshed'" over a body where Lindqvist says "stop the bloodshed". Left
 * without a speaker, such a quote would match any other unattributed quote
 * of the same words, the UN secretary-general's on another page among them.
 * Only when one speaker says those words: two leave it unknown.
 */
function echoSpeakers(quotes: Quote[], bare: readonly number[]): Quote[] {
  const named = quotes.filter((q) => q.speaker).map((q) => ({ speaker: q.speaker!, words: wordsOf(q.quote) }));
  for (const i of bare) {
    const quote = quotes[i]!;
    const words = wordsOf(quote.quote);
    if (quote.speaker || words.trim().split(' ').length < MIN_ECHO_WORDS) continue;
    const speakers = new Set(named.filter((n) => n.words.includes(words)).map((n) => n.speaker));
    if (speakers.size === 1) quotes[i] = { ...quote, speaker: [...speakers][0]! };
  }
  return quotes;
}

/** The day words of prose that tell when a remark was made: "on Wednesday", "yesterday", "last week". */
const SAID_WHEN =
  /\b(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(yesterday)\b|\b(last week)\b/i;

/**
 * When a sentence says its remark was made, read from its prose (quotations
 * masked: a day inside the quote is the speaker's, not the writer's): a
 * weekday, "-1" for yesterday, "last-week"; null when it names none. The
 * first one named counts. The day itself is worked out against the
 * article's date by the matcher (see remarkDay in lib/corpus/decisions).
 */
export function saidWhen(prose: string): string | null {
  const m = SAID_WHEN.exec(prose);
  if (!m) return null;
  if (m[1]) return m[1].toLowerCase();
  return m[2] ? '-1' : 'last-week';
}

/** Inner span of a quote without surrounding spaces and a trailing comma; null when empty. */
function trimSpan(t: string, from: number, to: number): [number, number] | null {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(t[s]!)) s++;
  while (e > s && /[\s,;:]/.test(t[e - 1]!)) e--;
  // A single closing period belongs to the sentence around the quote, not to the remark.
  if (t[e - 1] === '.' && t[e - 2] !== '.') e--;
  return e - s >= 1 && /[\p{L}\p{N}]/u.test(t.slice(s, e)) ? [s, e] : null;
}

type Attribution = Subject | { kind: 'inherit' };

/** The prose of an article (quotes masked), tokenised once; its sentences read on first use. */
class Prose {
  private readonly toks: Token[];
  private last: ProseSentence | null = null;

  constructor(
    private readonly masked: string,
    private readonly work: Work | undefined,
  ) {
    this.toks = tokens(masked);
  }

  /** The sentence `[start, end)`: quotes come in order, so the one read last is usually the one asked for. */
  sentence(start: number, end: number): ProseSentence {
    if (this.last?.start === start && this.last.end === end) return this.last;
    const from = firstAtOrAfter(this.toks, start);
    const to = firstAtOrAfter(this.toks, end);
    if (this.work) this.work.units += to - from + 1;
    return (this.last = new ProseSentence(this.masked, start, end, this.toks.slice(from, to)));
  }
}

/** Index of the first token that starts at or after `at` (tokens are in order). */
function firstAtOrAfter(toks: readonly Token[], at: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One sentence of prose, read once for all the quotes in it: which tokens are
 * speech verbs, and the subject each verb has before and after it, so that
 * finding the verb nearest a quote is a look-up, not a walk.
 */
class ProseSentence {
  /** Speech verb at each token, with the subject before it and the subject after it (null when none). */
  private readonly verbs: ({ before: Subject | null; after: Subject | null } | null)[];
  /** For each count k of tokens, the last verb among them with a subject on either side, or -1. */
  private readonly lastAttributed: Int32Array;
  /** For each token k, the first verb at or after k with a subject before it, or -1. */
  private readonly nextWithSubjectBefore: Int32Array;
  private readonly firstVerb: number;
  private opener: Subject | null | undefined;
  private according: Subject | null | undefined;

  constructor(
    private readonly masked: string,
    readonly start: number,
    readonly end: number,
    readonly toks: Token[],
  ) {
    const headline = isHeadline(toks);
    const n = toks.length;
    // The end of the run of capitalised, adjacent tokens from each token ("said Vladimir Putin").
    const runEnd = new Int32Array(n);
    for (let k = n - 1; k >= 0; k--)
      runEnd[k] =
        k + 1 < n && isCapitalised(toks[k + 1]!.word) && toks[k + 1]!.start - toks[k]!.end <= 1 ? runEnd[k + 1]! : k;
    this.verbs = toks.map((_, v) =>
      isSpeechVerb(toks, v, headline)
        ? { before: subjectBefore(toks, v, masked), after: subjectAfter(toks, v, runEnd) }
        : null,
    );
    this.lastAttributed = new Int32Array(n + 1);
    this.lastAttributed[0] = -1;
    for (let k = 0; k < n; k++) {
      const verb = this.verbs[k];
      this.lastAttributed[k + 1] = verb && (verb.before ?? verb.after) ? k : this.lastAttributed[k]!;
    }
    this.nextWithSubjectBefore = new Int32Array(n + 1);
    this.nextWithSubjectBefore[n] = -1;
    for (let k = n - 1; k >= 0; k--)
      this.nextWithSubjectBefore[k] = this.verbs[k]?.before ? k : this.nextWithSubjectBefore[k + 1]!;
    this.firstVerb = this.verbs.findIndex((v) => v !== null);
  }

  verbAt(v: number) {
    return this.verbs[v] ?? null;
  }

  /** How many tokens end at or before `at` (tokens are in order). */
  countBefore(at: number): number {
    let lo = 0;
    let hi = this.toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.toks[mid]!.end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The subject of the nearest verb among the first `count` tokens that has one, on either side. */
  attributedBefore(count: number): Subject | null {
    const v = this.lastAttributed[count]!;
    return v < 0 ? null : (this.verbs[v]!.before ?? this.verbs[v]!.after);
  }

  /** Whether the nearest verb among the first `count` tokens with a subject has it only after it ("said the minister"). */
  invertedBefore(count: number): boolean {
    const v = this.lastAttributed[count]!;
    return v >= 0 && !this.verbs[v]!.before;
  }

  /** Whether a speech verb is among the first `count` tokens. */
  verbBefore(count: number): boolean {
    return this.firstVerb >= 0 && this.firstVerb < count;
  }

  /** The subject before the first verb at or after token `from` that has one there. */
  attributedAfter(from: number): Subject | null {
    const v = this.nextWithSubjectBefore[from]!;
    return v < 0 ? null : this.verbs[v]!.before;
  }

  /** The name the sentence opens with (see sentenceSubject). */
  subject(): Subject | null {
    if (this.opener === undefined) this.opener = sentenceSubject(this.toks, this.masked);
    return this.opener;
  }

  /** `according to X`, unless X is the agency that reported the words. */
  accordingTo(): Subject | null {
    if (this.according !== undefined) return this.according;
    this.according = null;
    const sentence = this.masked.slice(this.start, this.toks.at(-1)?.end ?? this.start);
    const according = /[Aa]ccording to ((?:\p{Lu}[\p{L}'\u2019-]*\s?){1,4})/u.exec(sentence);
    if (according) {
      const words = according[1]!.trim().split(/\s+/);
      const name = words.slice(words.findIndex((w) => !NOT_NAME.has(bareWord(w)))).join(' ');
      if (name && !words.some((w) => AGENCIES.has(w.toLowerCase()))) this.according = { kind: 'name', name };
    }
    return this.according;
  }
}

function attribute(
  masked: string,
  sentence: ProseSentence,
  span: Span,
  previous: { close: number; speaker: string | null } | null,
  nextOpen: number | undefined,
  closesSentence = false,
): Attribution | null {
  const toks = sentence.toks;
  const after = sentence.countBefore(span.close + 1);
  // A quote whose own full stop ends its sentence ('…country." Critics said …') is not attributed by the words after it.
  const firstAfter = after < toks.length && !closesSentence ? after : -1;
  // Another quote between this one and the words after it: those words attribute the other one.
  const quoteBetween = firstAfter >= 0 && nextOpen !== undefined && nextOpen < toks[firstAfter]!.start;
  // 1. Right after the quote: `," Putin said` / `," said Putin` / `," he added`.
  if (firstAfter >= 0 && !quoteBetween && !CLAUSE_OPENERS_AFTER.has(toks[firstAfter]!.word.toLowerCase())) {
    const gap = masked.slice(span.close + 1, toks[firstAfter]!.start);
    if (/^[\s,.:;!?-]*$/.test(gap)) {
      for (let v = firstAfter; v < Math.min(toks.length, firstAfter + 5); v++) {
        const verb = sentence.verbAt(v);
        if (!verb) continue;
        const subject = v === firstAfter ? verb.after : verb.before;
        if (subject) return subject;
      }
    }
  }
  // 2. Before the quote in the same sentence: `Putin said: "` / `X called it a "massacre"`.
  const before = sentence.countBefore(span.open);
  const named = sentence.attributedBefore(before);
  // "Petter Solheim, who leads the union, said the minister '…'": the minister is what
  // Solheim spoke of; an inverted subject speaks only where no name opens the sentence.
  if (named && sentence.invertedBefore(before)) {
    const opener = sentence.subject();
    if (opener?.kind === 'name') return opener;
  }
  if (named) return named;
  if (sentence.verbBefore(before)) {
    const subject = sentence.subject();
    if (subject) return subject;
  }
  // 3. A quote opening its sentence right after another quote continues it.
  if (previous && before === 0) {
    const gapWords = masked
      .slice(previous.close + 1, span.open)
      .trim()
      .split(/\s+/)
      .filter(Boolean).length;
    if (gapWords <= CONTINUATION_GAP_WORDS && previous.speaker) return { kind: 'inherit' };
  }
  // 4. A speech verb later in the sentence: `"…" is what Putin said`.
  if (firstAfter >= 0) {
    const subject = sentence.attributedAfter(firstAfter);
    if (subject) return subject;
  }
  // 5. `according to X`, unless X is the agency that reported the words.
  return sentence.accordingTo();
}

/** The article's lines without its headlines, where names are given in full. */
function proseOf(t: string): string {
  return t
    .split('\n')
    .filter((line) => !isHeadline(tokens(line, 0, line.length)))
    .join('\n');
}

/** Characters of an article read for the name a role's title stands before. */
const TITLE_WINDOW = 100_000;

/**
 * The person an article names with a role's title: "the Russian president"
 * is "Vladimir Putin" where the article writes "Russian President Vladimir
 * Putin"; null when it names nobody so, or more than one person.
 */
function titled(title: string, prose: string): string | null {
  if (title.split(' ').length > 4 || !/^[\p{L}' -]+$/u.test(title)) return null;
  // The title in any case ("Russian President", "Russian president"), the name after it capitalised.
  const pattern = [...title]
    .map((c) => (c === ' ' ? '\\s+' : /\p{L}/u.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : `[${c}]`))
    .join('');
  const re = new RegExp(`(?<![\\p{L}])${pattern}\\s+((?:\\p{Lu}[\\p{L}'\u2019-]+\\s?){1,3})`, 'gu');
  const names = new Set<string>();
  for (const m of prose.slice(0, TITLE_WINDOW).matchAll(re)) {
    const words = m[1]!
      .trim()
      .split(/\s+/)
      .filter((w) => !NOT_NAME.has(bareWord(w)) && !/['\u2019]s$/.test(w));
    if (words.length > 0) names.add(words.join(' '));
    if (names.size > 1) return null;
  }
  return names.size === 1 ? [...names][0]! : null;
}

/** One or two capitalised words right before a surname: "Vladimir Putin", "President Vladimir Putin". */
const NAME_BEFORE = /((?:\p{Lu}[\p{L}-]+ ){1,2})$/u;
/** Characters before a surname that may hold those words. */
const NAME_WINDOW = 120;

/** The fullest form of a name the article's prose uses: "Putin" → "Vladimir Putin". */
function fullName(name: string, prose: string): string {
  const surname = name.split(' ').at(-1)!;
  let best = name;
  // Find the surname with a plain string search, then read the words before
  // it: a regular expression run over the whole text once per surname costs
  // seconds on a 50,000-word page.
  for (let at = prose.indexOf(surname); at >= 0; at = prose.indexOf(surname, at + 1)) {
    if (/\w/.test(prose[at + surname.length] ?? '')) continue;
    const m = NAME_BEFORE.exec(prose.slice(Math.max(0, at - NAME_WINDOW), at));
    if (!m) continue;
    const words = m[1]!
      .trim()
      .split(' ')
      .filter((w) => !NOT_NAME.has(bareWord(w)) && !/['\u2019]s$/.test(w));
    // Keep only the words right before the surname that are not titles.
    const kept: string[] = [];
    for (let k = words.length - 1; k >= 0; k--) {
      if (
        m[1]!
          .trim()
          .split(' ')
          .slice(-(words.length - k))
          .join(' ') !== words.slice(k).join(' ')
      )
        break;
      kept.unshift(words[k]!);
    }
    const candidate = [...kept, surname].join(' ');
    if (candidate.split(' ').length > best.split(' ').length) best = candidate;
  }
  return best;
}

// Reported speech -------------------------------------------------------------

/** Words a person's words are reported with, in unquoted reported speech ("X said that …", "X accused Y of …"). */
const REPORTING_VERBS = new Set(
  (
    'said says told tells warned warns argued argues insisted insists claimed claims stressed stresses added ' +
    'accused accuses urged urges vowed vows pledged pledges predicted predicts acknowledged admitted noted ' +
    'explained maintained asserted suggested complained declared described describes called calls branded ' +
    'dubbed labelled labeled blamed blames condemned condemns'
  ).split(' '),
);
/**
 * Reporting verbs whose object is part of what was said: "accused the
 * council of …", "urged Europe to …", "described the plan as a betrayal",
 * "called for a ceasefire", "blamed Washington for …".
 */
const OBJECT_VERBS = new Set([
  'accused',
  'accuses',
  'urged',
  'urges',
  'described',
  'describes',
  'called',
  'calls',
  'branded',
  'dubbed',
  'labelled',
  'labeled',
  'blamed',
  'blames',
  'condemned',
  'condemns',
]);
/** Words between a reporting verb and what it reports that tell when or where, not what: "said on Wednesday that". */
const REPORTING_ASIDES = new Set(
  (
    'on monday tuesday wednesday thursday friday saturday sunday yesterday today earlier later also again ' +
    'in a an the statement interview speech news conference briefing at meeting summit during'
  ).split(' '),
);
/** Words that tell when between a reporting verb and a clause with no "that": "said on Wednesday the plan …". */
const WHEN_WORDS = new Set(
  'on monday tuesday wednesday thursday friday saturday sunday yesterday today also again earlier later'.split(' '),
);
/** Words a reported clause must have at least, besides the verb's: fewer say too little to stand for a remark. */
const MIN_REPORTED_WORDS = 4;
/** How many words a reporting verb's object may have before "that" ("told reporters in Bishkek that …"). */
const MAX_OBJECT_WORDS = 6;

/** Words that open the noun phrase a "said" reports, before a relative "that": "said a ceasefire that holds …". */
const CLAUSE_OPENERS = new Set('a an the this these those every no some its their his her our'.split(' '));

/**
 * Whether the "that" after `said` and the words `between` opens a relative
 * clause inside the reported words, not the reported clause: "said a
 * ceasefire that holds for a week is better than none", "said the economy
 * needed trains that run on time". "Said" takes no object before its "that",
 * so a noun phrase there is the reported clause's own subject; words of
 * when and where ("said in a statement that") are not.
 */
function relativeThat(verb: string, between: readonly Token[]): boolean {
  if (verb !== 'said' && verb !== 'says') return false;
  if (between.length < 2 || !CLAUSE_OPENERS.has(between[0]!.word.toLowerCase())) return false;
  return between.slice(1).every((tk) => !REPORTING_ASIDES.has(tk.word.toLowerCase()) && !isCapitalised(tk.word));
}

/** Unquoted reported speech: what an article says a named person said, in its own words. */
export interface Paraphrase {
  /** The reported words exactly as in the article (the reporting verb and its subject left out). */
  text: string;
  /** Start of `text` in the article text (UTF-16 index). */
  start: number;
  /** End of `text` (exclusive). */
  end: number;
  /** Who the article says said it, as named there. */
  speaker: string;
  /** When its sentence says it was said (see Quote.said); absent when it does not. */
  said?: string;
}

/**
 * Find the reported speech of an article that is not in quotation marks:
 * "X said (that) …", "X told reporters that …", "X accused the council of
 * hijacking the talks", "according to X, …" and "…, X said". Only a person
 * the article names counts (a pronoun stands for the person the sentence
 * before opens with); a sentence that holds a quotation is left to
 * `detectQuotes`, and a denial ("X has never said …") reports nothing.
 * Linear in the text, as detectQuotes is.
 */
export function detectParaphrases(input: string | PreparedArticle): Paraphrase[] {
  const { source: text, norm, work } = articleOf(input);
  const t = norm.text;
  const doubles = pairDouble(t);
  const spans = [...doubles, ...pairSingle(t, doubles)].sort((a, b) => a.open - b.open);
  const masked = maskQuotes(t, spans);
  const sentences = new Sentences(masked, { work });
  const prose = new Prose(masked, work);
  let lines: string | null = null;
  // Names are expanded once each, as detectQuotes does (a long page names its speakers hundreds of times).
  const names = new Map<string, string>();
  const out: Paraphrase[] = [];
  let span = 0;
  let lastOpener: string | null = null;
  for (let at = 0; at < masked.length;) {
    const [s, e] = sentences.around(at);
    at = e + 1;
    while (span < spans.length && spans[span]!.close < s) span++;
    const quoted = span < spans.length && spans[span]!.open < e;
    const sentence = prose.sentence(s, e);
    const toks = sentence.toks;
    const opener = sentence.subject();
    const previousOpener = lastOpener;
    if (opener?.kind === 'name') lastOpener = opener.name;
    if (quoted || toks.length === 0 || isHeadline(toks)) continue;
    const found = reportedIn(masked, toks, sentence, previousOpener);
    if (!found) continue;
    const [from, to] = trimReported(t, found.from, found.to);
    if (to <= from) continue;
    const [start, end] = toSource(norm, from, to);
    let speaker = names.get(found.speaker);
    if (speaker === undefined) names.set(found.speaker, (speaker = fullName(found.speaker, (lines ??= proseOf(t)))));
    // When it was said, from the writer's words around the reported clause (not from inside it).
    const said = saidWhen(masked.slice(s, found.from) + ' ' + masked.slice(found.to, e));
    out.push({ text: text.slice(start, end), start, end, speaker, ...(said ? { said } : {}) });
  }
  return out;
}

/** The reported clause of one sentence, as positions in the normalised text, and who said it. */
function reportedIn(
  masked: string,
  toks: Token[],
  sentence: ProseSentence,
  previousOpener: string | null,
): { from: number; to: number; speaker: string } | null {
  const last = toks.at(-1)!;
  const clauseEnd = last.end;
  const speakerOf = (subject: Subject | null): string | null =>
    subject?.kind === 'name' ? subject.name : subject?.kind === 'pronoun' ? previousOpener : null;
  // "according to X, …" opening the sentence, or "…, according to X" closing it.
  const according = /^[Aa]ccording to ((?:\p{Lu}[\p{L}'\u2019-]*\s?){1,4}),\s*/u.exec(
    masked.slice(toks[0]!.start, clauseEnd),
  );
  const named = sentence.accordingTo();
  if (according && named?.kind === 'name')
    return { from: toks[0]!.start + according[0].length, to: clauseEnd, speaker: named.name };
  const closing = /,\s*according to ((?:\p{Lu}[\p{L}'\u2019-]*\s?){1,4})$/u.exec(
    masked.slice(toks[0]!.start, clauseEnd),
  );
  if (closing && named?.kind === 'name')
    return { from: toks[0]!.start, to: toks[0]!.start + closing.index, speaker: named.name };
  // "…, X said." / "…, said X.": the attribution closes the sentence after a comma.
  for (let v = Math.max(1, toks.length - 5); v < toks.length; v++) {
    if (!REPORTING_VERBS.has(toks[v]!.word)) continue;
    const after =
      v + 1 < toks.length ? INVERTING_VERBS.has(toks[v]!.word) && /^\s+$/.test(toks[v + 1]!.gapBefore) : false;
    if (after) {
      const name = nameEndingAt(toks, toks.length - 1);
      if (name && /,\s*$/.test(toks[v]!.gapBefore) && name.split(' ').length === toks.length - 1 - v)
        return { from: toks[0]!.start, to: toks[v - 1]!.end, speaker: name };
      continue;
    }
    if (v !== toks.length - 1) continue;
    const subject = subjectBefore(toks, v);
    const speaker = speakerOf(subject);
    if (!speaker) continue;
    // The subject's first word must follow the comma that ends the reported clause.
    let first = v - 1;
    while (first > 0 && !/,\s*$/.test(toks[first]!.gapBefore)) first--;
    if (first <= 0 || v - first > 6) continue;
    return { from: toks[0]!.start, to: toks[first - 1]!.end, speaker };
  }
  // "X said (that) …", "X told reporters that …", "X accused the council of …".
  for (let v = 1; v < toks.length; v++) {
    const verb = toks[v]!.word;
    if (!REPORTING_VERBS.has(verb)) continue;
    const speaker = speakerOf(subjectBefore(toks, v));
    if (!speaker) continue;
    let c = v + 1;
    if (c >= toks.length || /[,;:]/.test(toks[c]!.gapBefore)) return null;
    if (!OBJECT_VERBS.has(verb)) {
      // Skip when and where ("on Wednesday", "in a statement") and whom ("told reporters") to a "that".
      let k = c;
      while (k < toks.length && k - c <= MAX_OBJECT_WORDS && toks[k]!.word.toLowerCase() !== 'that') k++;
      const toldWhom = verb === 'told' || verb === 'tells';
      const between = toks.slice(c, k);
      if (k < toks.length && toks[k]!.word.toLowerCase() === 'that' && !relativeThat(verb, between)) {
        if (!toldWhom && !between.every((tk) => REPORTING_ASIDES.has(tk.word.toLowerCase()) || isCapitalised(tk.word)))
          return null;
        c = k + 1;
      } else if (toldWhom) return null;
      else while (c < toks.length && WHEN_WORDS.has(toks[c]!.word.toLowerCase())) c++;
    }
    if (toks.length - c < MIN_REPORTED_WORDS) return null;
    return { from: toks[c]!.start, to: clauseEnd, speaker };
  }
  return null;
}

/**
 * Where a reported clause ends: before a clause with a subject of its own
 * ("…, and he laid the blame on Washington": the writer's words again) or a
 * semicolon; without the sentence's full stop.
 */
const CLAUSE_OF_ITS_OWN = /[;]|,\s+(?:and|but|while|as|although|though)\s+(?:he|she|they|it|the|his|her|their|\p{Lu})/u;

/** A reported clause without what follows it (see CLAUSE_OF_ITS_OWN) nor the full stop that ends its sentence. */
function trimReported(t: string, from: number, to: number): [number, number] {
  const next = CLAUSE_OF_ITS_OWN.exec(t.slice(from, to));
  let e = next ? from + next.index : to;
  while (e > from && /[\s,.;:]/.test(t[e - 1]!)) e--;
  return [from, e];
}
