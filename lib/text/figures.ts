/**
 * Finds the figures an article reports ("at least 36,586 Palestinians have
 * been killed") and what each one counts. Written by hand: no library turns a
 * newsroom's hedged numbers into intervals and tells what is being counted.
 *
 * A figure becomes an interval: "at least 36,586" → [36586, ∞), "over 36,000"
 * → (36000, ∞), "approximately 15,000" → 15,000 ± APPROX_TOLERANCE. What is
 * counted becomes a `Quantity`: a measure (killed, injured, hostages…), who
 * (Palestinians, fighters…), a state (still held, verified…) and a region.
 * Two figures are the same quantity only when all four agree.
 */
import { toSource } from './normalize';
import { articleOf, wordSpans, type PreparedArticle, type WordSpan, type Work } from './analysis';

/** What a figure counts. Two figures describe the same quantity only when every field agrees. */
export interface Quantity {
  /** What happened to those counted: "killed", "injured", "hostages", "evacuated", … or the counted noun. */
  measure: string;
  /** Who was counted: "palestinians", "israelis", "fighters", "soldiers", … or null when the text does not say. */
  who: string | null;
  /** A state that changes the count: "held" (still held), "verified", … or null. */
  state: string | null;
  /** A part of the place ("northern"), which makes it a different count from the whole. */
  region: string | null;
}

/** One figure reported in an article. */
export interface Figure {
  /** The figure exactly as in the article, modifier included: "at least 36,586". */
  text: string;
  start: number;
  end: number;
  /** Lowest value the wording allows, or null for no lower bound. */
  low: number | null;
  /** Highest value the wording allows, or null for no upper bound. */
  high: number | null;
  /** What is counted, or null when the text does not say clearly enough to compare it. */
  quantity: Quantity | null;
  /** A date or time mentioned in the same sentence ("October 7"), which tells counts of different moments apart. */
  when: string | null;
  /** The sentence the figure stands in, to compare contexts. */
  sentence: string;
}

/**
 * "approximately 15,000" allows 15,000 ± 5 %. Wide enough for rounding to the
 * reported precision, narrow enough that "approximately 15,000" and "14,000"
 * read as different claims, as a reader would read them.
 */
export const APPROX_TOLERANCE = 0.05;

const SMALL: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

type Modifier = 'min' | 'over' | 'max' | 'under' | 'approx' | 'nearly' | 'exact';
const MODIFIERS: [RegExp, Modifier][] = [
  [/\b(?:at least|no fewer than|no less than|a minimum of)\s+$/i, 'min'],
  [/\b(?:more than|over|upwards of|in excess of|above|exceeding)\s+$/i, 'over'],
  [/\b(?:at most|up to|no more than|a maximum of)\s+$/i, 'max'],
  [/\b(?:fewer than|less than|under|below)\s+$/i, 'under'],
  [/\b(?:nearly|almost|close to|just under|nearing)\s+$/i, 'nearly'],
  [/\b(?:about|around|approximately|roughly|some|an estimated|estimated|circa|approx\.)\s+$/i, 'approx'],
];

const MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';
const MONTH_RE = new RegExp(`^(?:${MONTHS})\\.?$`, 'i');

const SPELLED = Object.keys(SMALL).join('|');
// A number: digits (with thousands separators or a decimal point) or spelled
// words ("two", "twenty-five"), optionally scaled ("1.1 million", "a million").
const NUMBER_RE = new RegExp(
  String.raw`(?<![\w.,:/-])(?:(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)|\b(a|(?:${SPELLED})(?:-(?:${SPELLED}))?))(?:\s+(thousand|million|billion|trillion)\b)?(?![\w]|[.,:/]\d|-\w)`,
  'gi',
);

interface Lexicon {
  [key: string]: RegExp;
}
/** What happened to the people counted, by the words that say it. The first that matches nearest the number wins. */
const MEASURES: Lexicon = {
  killed:
    /^(?:killed|killing|kill|kills|dead|deaths?|died|die|fatalities|fatality|massacred|slain|murdered|lives|casualties)$/,
  injured: /^(?:injured|wounded|hurt|injuries)$/,
  hostages: /^(?:hostages?|captives?|abducted|kidnapped|seized|taken|captive)$/,
  evacuated: /^(?:evacuate|evacuated|evacuation|relocate|relocated|displaced|flee|fled|move|moved|clear)$/,
  arrested: /^(?:arrested|detained|detainees|prisoners)$/,
  population: /^(?:live|living|inhabitants|population)$/,
};
const WHO: Lexicon = {
  palestinians: /^(?:palestinians?|gazans?)$/,
  israelis: /^(?:israelis?)$/,
  fighters: /^(?:hamas|operatives?|militants?|combatants?|terrorists?|fighters?|gunmen)$/,
  soldiers: /^(?:soldiers?|troops|servicemen|personnel)$/,
  civilians: /^(?:civilians?)$/,
  children: /^(?:children|child|kids|minors)$/,
  women: /^(?:women|woman)$/,
};
const STATES: Lexicon = {
  held: /^(?:remaining|remain|still|held)$/,
  verified: /^(?:verified|verifying|identified|confirmed)$/,
  released: /^(?:released|freed)$/,
};
const REGIONS = /^(?:northern|southern|eastern|western|central)$/;
/** Units: "24 hours" counts hours, whatever the sentence is about. */
const UNITS =
  /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|km|kilometres?|kilometers?|miles?|metres?|meters?|tons?|tonnes?|dollars?|euros?|percent|trucks?|rockets?|missiles?|drones?)$/;
/** Nouns that mean "people" without saying who. */
const PEOPLE = /^(?:people|persons|individuals|others)$/;
/** Words after a number that make it a unit of time, age or order rather than a count. */
const NOT_A_COUNT = /^(?:years?-old|year-old|am|pm|a\.m|p\.m|st|nd|rd|th|percent|%|o'clock|gmt|utc)$/i;

/**
 * Find every figure in `text` (or an article already prepared for the other
 * detectors), with what it counts. Linear in the text: sentences are found
 * once, and each sentence's words, counts and dates are read once for all the
 * numbers in it.
 */
export function detectFigures(input: string | PreparedArticle): Figure[] {
  const { source: text, norm, sentences, work } = articleOf(input);
  const t = norm.text;
  const figures: Figure[] = [];
  let reader = null as FigureSentence | null;
  for (const m of t.matchAll(NUMBER_RE)) {
    const at = m.index;
    const value = parseValue(m);
    if (value === null) continue;
    const before = t.slice(Math.max(0, at - 30), at);
    const after = t.slice(at + m[0].length, at + m[0].length + 40);
    if (isDateTimeOrOrdinal(m[0], before, after, value)) continue;
    if (m[2]?.toLowerCase() === 'a' && !m[3]) continue; // "a" alone is an article
    if (m[2]?.toLowerCase() === 'one' && !m[3]) continue; // "one of …": too often a pronoun to count
    const modMatch = MODIFIERS.find(([re]) => re.test(before));
    const modifier: Modifier = modMatch ? modMatch[1] : 'exact';
    const modText = modMatch ? modMatch[0].exec(before)![0] : '';
    const [low, high] = interval(m[3] ? rounded(m[1] ?? '', SCALE[m[3].toLowerCase()]!, value) : value, modifier);
    const startNorm = at - modText.length;
    const endNorm = at + m[0].length;
    const [start, end] = toSource(norm, startNorm, endNorm);
    const [sentStart, sentEnd] = sentences.around(at);
    if (reader?.start !== sentStart) reader = new FigureSentence(t, sentStart, sentEnd, work);
    figures.push({
      text: text.slice(start, end),
      start,
      end,
      low,
      high,
      quantity: describe(reader, at, endNorm),
      when: reader.when(startNorm, endNorm),
      sentence: reader.sentence,
    });
  }
  inheritWho(figures);
  return figures;
}

function parseValue(m: RegExpMatchArray): [number, number] | null {
  const scale = m[3] ? SCALE[m[3].toLowerCase()]! : 1;
  if (m[1]) {
    const n = Number(m[1].replace(/,/g, ''));
    return Number.isFinite(n) ? [n * scale, n * scale] : null;
  }
  if (m[2]) {
    const words = m[2].toLowerCase();
    const n = words === 'a' ? 1 : words.split('-').reduce((sum, w) => sum + (SMALL[w] ?? 0), 0);
    return [n * scale, n * scale];
  }
  return null;
}

/**
 * "1 million" is a rounded figure: it covers half a unit of its last written
 * digit either way ([0.5, 1.5] million; "1.1 million" → [1.05, 1.15] million),
 * so "1 million" and "1.1 million" do not read as a contradiction.
 * Plain numbers ("14,000") are taken as written.
 */
function rounded(digits: string, scale: number, [value]: [number, number]): [number, number] {
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  const half = scale / 10 ** decimals / 2;
  return [value - half, value + half];
}

function interval([lo, hi]: [number, number], modifier: Modifier): [number | null, number | null] {
  switch (modifier) {
    case 'exact':
      return [lo, hi];
    case 'min':
    case 'over':
      return [lo, null];
    case 'max':
    case 'under':
      return [null, hi];
    case 'nearly':
      return [round(lo * (1 - APPROX_TOLERANCE)), hi];
    case 'approx':
      return [round(lo * (1 - APPROX_TOLERANCE)), round(hi * (1 + APPROX_TOLERANCE))];
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function isDateTimeOrOrdinal(raw: string, before: string, after: string, [value]: [number, number]): boolean {
  const prevWord = /([\p{L}.]+)\s*$/u.exec(before)?.[1] ?? '';
  const nextWord = /^\s*([\p{L}.%'-]+)/u.exec(after)?.[1] ?? '';
  if (MONTH_RE.test(prevWord) || MONTH_RE.test(nextWord)) return true; // October 7, 7 Mar
  if (/^(?:on|since|in|of|by|until|from|before|after)$/i.test(prevWord) && /^\d{4}$/.test(raw)) return true;
  if (/^\d{4}$/.test(raw) && value >= 1800 && value <= 2100) return true; // a year, not "2022 people"
  if (NOT_A_COUNT.test(nextWord) || /^-?year/.test(after.trimStart())) return true;
  if (/^(?:aged|age)$/i.test(prevWord)) return true;
  if (/^:\d/.test(after) || /\d:$/.test(before)) return true; // 16:15
  if (/^-\d/.test(after) || /\d-$/.test(before)) return true; // 2023-10-13
  return false;
}

/** A word of a sentence as the figure reader sees it: lower case, and how far it stands from the number. */
interface Near {
  w: string;
  dist: number;
}

/** Words on each side of a number that can decide what it counts (see `describe`). */
const NEAR_WORDS = 10;
const LETTER = /\p{L}/u;

/**
 * One sentence, read once for all the numbers in it: its words (letters
 * only, see WORD_PATTERNS), the counts in it that bound a figure's clause,
 * and the date of each clause.
 */
class FigureSentence {
  readonly sentence: string;
  private readonly words: WordSpan[];
  /** Numbers in the sentence that are neither dates nor after a month-like word: they end a figure's clause. */
  private readonly counts: { s: number; e: number }[];
  private readonly dates = new Map<string, string | null>();

  constructor(
    private readonly t: string,
    readonly start: number,
    readonly end: number,
    private readonly work: Work | undefined,
  ) {
    this.sentence = t.slice(start, end);
    this.words = wordSpans(t, 'letters', start, end);
    this.counts = [...this.sentence.matchAll(/\d[\d,.]*/g)]
      .map((m) => ({ s: start + m.index, e: start + m.index + m[0].length }))
      .filter(
        ({ s, e }) =>
          !/^(?:[A-Za-z]{3,9}\.? )$/.test(
            t
              .slice(s - 10, s)
              .split(/(?<=\s)/)
              .slice(-2)
              .join(''),
          ) && dateIn(t.slice(Math.max(start, s - 12), Math.min(end, e + 12))) === null,
      );
    if (work) work.units += this.sentence.length;
  }

  /**
   * Up to NEAR_WORDS words after `[at, end)` and before it, with their
   * distance from the number. A word the number cuts (letters right against
   * it) counts with the part outside the number, as if the sentence were cut
   * there.
   */
  near(at: number, end: number): { after: Near[]; before: Near[] } {
    const words = this.words;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (words[mid]!.end <= at) lo = mid + 1;
      else hi = mid;
    }
    const before: Near[] = [];
    for (let k = lo; k >= 0 && before.length < NEAR_WORDS; k--) {
      const w = words[k];
      if (!w || w.start >= at) continue;
      before.unshift({ w: this.t.slice(w.start, Math.min(w.end, at)).toLowerCase(), dist: at - w.start + 5 });
    }
    const after: Near[] = [];
    for (let k = lo; k < words.length && after.length < NEAR_WORDS; k++) {
      const w = words[k]!;
      if (w.end <= end) continue;
      let s = w.start;
      while (s < end || (s < w.end && !LETTER.test(this.t[s]!))) s++;
      if (s < w.end) after.push({ w: this.t.slice(s, w.end).toLowerCase(), dist: s - end });
    }
    if (this.work) this.work.units += before.length + after.length + 1;
    return { after, before };
  }

  /**
   * The date in the part of the sentence that belongs to the figure at
   * `[start, end)`: up to the neighbouring counts, so "15,000 … and that 1,000
   * were killed on October 7" gives the date to 1,000 only.
   */
  when(start: number, end: number): string | null {
    const counts = this.counts;
    let lo = 0;
    let hi = counts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (counts[mid]!.e <= start) lo = mid + 1;
      else hi = mid;
    }
    const prev = counts[lo - 1];
    while (lo < counts.length && counts[lo]!.s < end) lo++;
    const next = counts[lo];
    const from = prev ? prev.e : this.start;
    const to = next ? next.s : this.end;
    const key = `${from}:${to}`;
    let date = this.dates.get(key);
    if (date === undefined) {
      this.dates.set(key, (date = dateIn(this.t.slice(from, to))));
      if (this.work) this.work.units += to - from;
    }
    return date;
  }
}

/**
 * Read what is counted: the noun phrase right after the number first ("36,000
 * Palestinian deaths"), then the clause around it, nearest words first.
 */
function describe(reader: FigureSentence, at: number, end: number): Quantity | null {
  const { after: afterWords, before: beforeWords } = reader.near(at, end);
  const phrase = nounPhrase(afterWords.map((x) => x.w));
  const byDistance = [...afterWords, ...beforeWords].sort((a, b) => a.dist - b.dist).map((x) => x.w);
  const find = (lex: Lexicon, words: string[]) => {
    for (const w of words) for (const [key, re] of Object.entries(lex)) if (re.test(w)) return key;
    return null;
  };
  const unit = phrase[0] && UNITS.test(phrase[0]) ? phrase[0] : null;
  // Who is read after the number only: words before it are often the agent ("a Hamas attack killing 1,200 people").
  const who = unit
    ? null
    : (find(WHO, phrase) ??
      find(
        WHO,
        afterWords.slice(0, 8).map((x) => x.w),
      ));
  const measure =
    find(MEASURES, phrase) ?? find(MEASURES, byDistance.slice(0, 10)) ?? (phrase.length ? headNoun(phrase) : null);
  if (!measure) return null;
  // "within 24 hours" to evacuate: the unit is what is counted, the event qualifies it.
  if (unit) return { measure: unit, who: null, state: measure === unit ? null : measure, region: null };
  const state = find(STATES, phrase) ?? find(STATES, byDistance.slice(0, 6));
  // "1 million people living in northern Gaza" is a part of Gaza's population;
  // "killed in southern Israel" only says where, so regions qualify headcounts only.
  const region =
    measure === 'population' || measure === 'evacuated'
      ? (afterWords.slice(0, 6).find((x) => REGIONS.test(x.w))?.w ?? null)
      : null;
  return { measure, who, state, region };
}

/** Words of the noun phrase after a number, through "of those", up to the first verb-like word. */
function nounPhrase(after: string[]): string[] {
  const out: string[] = [];
  for (const w of after.slice(0, 6)) {
    if (/^(?:of|those|them|the|these|its|their)$/.test(w)) continue;
    if (/^(?:have|has|had|were|was|are|is|in|on|at|to|from|and|or|who|that|which|by|with|for|as|during|since)$/.test(w))
      break;
    out.push(w);
  }
  return out;
}

function headNoun(phrase: string[]): string | null {
  const noun = phrase.find((w) => !PEOPLE.test(w) && w.length > 2) ?? phrase[0];
  return noun ?? null;
}

/** "These figures … with around 24,000 fatalities identified": a count with no "who" takes it from the count it follows. */
function inheritWho(figures: Figure[]): void {
  for (let i = 1; i < figures.length; i++) {
    const q = figures[i]!.quantity;
    if (!q || q.who) continue;
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const prev = figures[k]!;
      if (prev.quantity?.measure === q.measure && prev.quantity.who && figures[i]!.start - prev.end < 250) {
        q.who = prev.quantity.who;
        break;
      }
    }
  }
}

/** A date as newsrooms write it: "October 7", "Oct. 7", "7 October". */
const DATE_RE = new RegExp(`\\b(?:(?:${MONTHS})\\.? \\d{1,2}|\\d{1,2} (?:${MONTHS})\\.?)\\b`, 'i');

function dateIn(sentence: string): string | null {
  const m = DATE_RE.exec(sentence);
  if (!m) return null;
  const [a, b] = m[0].replace('.', '').toLowerCase().split(' ') as [string, string];
  const [month, day] = /\d/.test(a) ? [b, a] : [a, b];
  return `${month.slice(0, 3)} ${Number(day)}`;
}

/** Words a reader would use for a quantity: "Palestinians killed", "hostages still held". */
export function describeQuantity(q: Quantity): string {
  const who = q.who && q.who !== q.measure ? `${q.who} ` : '';
  const region = q.region ? `${q.region} ` : '';
  const state = q.state ? ` (${q.state})` : '';
  return `${region}${who}${q.measure}${state}`.trim();
}
