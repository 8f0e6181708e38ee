/**
 * Finds the figures an article reports ("at least 36,586 Palestinians have
 * been killed") and reads, for each, what its words allow (an interval, see
 * lib/text/intervals.ts and docs/figures.md) and what it counts: the noun the
 * number modifies, the frame around it (the verb it is the subject or object
 * of, or the noun it is "of": "the martyrdom of 1,250 citizens"), who, where,
 * the time scope, and who claims it.
 *
 * Written by hand. A part-of-speech tagger from npm was measured for this
 * (compromise: 4.7 MB installed, about 0.5 s to warm up in the worker) and
 * tags the shapes that matter wrongly ("home to" as a verb, "injured" as an
 * adjective after "were"), so the reader uses small lexicons of the verbs and
 * nouns news copy uses for counts, and rules for the sentence shapes
 * (asides between dashes, relative clauses, "including five children").
 *
 * Linear in the text: each sentence is tokenised once, and each number looks
 * at a bounded window of tokens around it.
 */
import { toSource } from './normalize';
import { articleOf, type PreparedArticle, type Work } from './analysis';
import { HEDGE_WORDS, intervalOf, statedPrecision, type Hedge, type Interval } from './intervals';

/** What a figure counts. Two figures report the same quantity only when every field agrees. */
export interface Quantity {
  /** What happened to those counted ("killed", "injured", "evacuated", "ordered to leave"…), or the counted noun ("homes", "votes"). */
  measure: string;
  /** Who was counted ("children", "soldiers", "both sides"…), or null for people in general. */
  who: string | null;
  /** A state that changes the count ("held", "verified", "destroyed"…), or null. */
  state: string | null;
  /** A part of the place ("northern"), which makes it a different count from the whole. */
  region: string | null;
  /** The time the count covers, when the text narrows it: "on the first day", "since monday", "on oct 7". */
  scope: string | null;
}

/** One figure reported in an article. */
export interface Figure {
  /** The figure exactly as in the article, hedge included: "at least 36,586". */
  text: string;
  start: number;
  end: number;
  /** Lowest value the wording allows, or null for no lower bound. */
  low: number | null;
  /** Highest value the wording allows, or null for no upper bound. */
  high: number | null;
  /** Whether `low` / `high` themselves are excluded ("more than 50" excludes 50). */
  lowOpen: boolean;
  highOpen: boolean;
  /** What is counted, or null when the text does not say clearly enough to compare it. */
  quantity: Quantity | null;
  /** The day the figure is given for, as written nearby ("oct 7", "monday"), or null. */
  when: string | null;
  /** Who the sentence says the figure comes from ("health ministry", "police"), or null. */
  claimant: string | null;
  /** The sentence the figure stands in, to compare contexts. */
  sentence: string;
}

// Numbers ----------------------------------------------------------------------

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

const MONTHS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Words after a number that make it a length of time: durations and deadlines are never figures. */
const TIME_UNITS = /^(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|hrs?|mins?)$/;
/** Words after a number that make it a measurement of where, a percentage or money: not counts compared here. */
const NOT_COUNTED_UNITS =
  /^(?:percent|per|km|kms|kilometres?|kilometers?|miles?|metres?|meters?|m|cm|mm|feet|ft|inches?|kg|kilograms?|tons?|tonnes?|degrees?|dollars?|euros?|pounds?|crowns?|korun[ay]?|francs?|yen|yuan|rupees?|pesos?|lira|dinars?|shekels?|rubles?|roubles?|points?|goals?|mph|km\/h|knots?)$/;
/** Area is a figure newsrooms compare ("the fire has burned 12,400 hectares"). */
const AREA_UNITS = /^(?:hectares?|acres?|sq|square)$/;
/** Words before a number that make it a name or a place in a list: "Road 17", "Gate 4", "Article 5". */
const LABEL_BEFORE =
  /^(?:road|route|highway|motorway|exit|gate|platform|line|channel|flight|article|section|chapter|page|no|number|room|ward|level|stage|terminal|pier|bus|train|unit|block|district|zone|sector|camp|round|game|week|day|minute|grade|class|category|apollo|windows|iphone|covid|resolution)$/;
/** Words after "of" that take a 4-digit year-like number as a count ("1900 people", "2000 complaints"). */
const COUNTED_AFTER_YEAR =
  /^(?:people|persons|residents|others|of|homes|houses|families|workers|jobs|troops|soldiers)$/;

/** Counted nouns that say what happened to those counted. */
const MEASURE_NOUNS: Record<string, string> = {
  dead: 'killed',
  deaths: 'killed',
  death: 'killed',
  fatalities: 'killed',
  fatality: 'killed',
  lives: 'killed',
  bodies: 'bodies recovered',
  victims: 'killed',
  martyrs: 'killed',
  casualties: 'casualties',
  injured: 'injured',
  injuries: 'injured',
  wounded: 'injured',
  hostages: 'hostages',
  hostage: 'hostages',
  captives: 'hostages',
  evacuees: 'evacuated',
  displaced: 'evacuated',
  homeless: 'homeless',
  missing: 'missing',
  arrests: 'arrested',
  detainees: 'arrested',
  prisoners: 'arrested',
  survivors: 'survivors',
  inhabitants: 'population',
};

/** Nouns for people: the counted noun says who, and the frame says what happened to them. */
const PEOPLE_NOUNS: Record<string, string | null> = {
  people: null,
  persons: null,
  person: null,
  individuals: null,
  others: null,
  residents: null,
  citizens: null,
  civilians: 'civilians',
  villagers: 'villagers',
  children: 'children',
  kids: 'children',
  minors: 'children',
  women: 'women',
  men: 'men',
  soldiers: 'soldiers',
  troops: 'soldiers',
  servicemen: 'soldiers',
  personnel: 'personnel',
  fighters: 'fighters',
  militants: 'fighters',
  combatants: 'fighters',
  operatives: 'fighters',
  terrorists: 'fighters',
  gunmen: 'fighters',
  palestinians: 'palestinians',
  gazans: 'palestinians',
  israelis: 'israelis',
  passengers: 'passengers',
  crew: 'crew',
  workers: 'workers',
  employees: 'workers',
  staff: 'staff',
  firefighters: 'firefighters',
  rescuers: 'rescuers',
  volunteers: 'volunteers',
  police: 'police',
  officers: 'officers',
  fans: 'fans',
  spectators: 'spectators',
  supporters: 'supporters',
  students: 'students',
  pupils: 'students',
  patients: 'patients',
  migrants: 'migrants',
  refugees: 'refugees',
  tourists: 'tourists',
  foreigners: 'foreigners',
  nationals: 'foreigners',
  strikers: 'strikers',
  protesters: 'protesters',
  demonstrators: 'protesters',
  voters: 'voters',
  journalists: 'journalists',
  doctors: 'doctors',
  nurses: 'nurses',
  stewards: 'stewards',
  farmers: 'farmers',
  miners: 'miners',
  pilgrims: 'pilgrims',
};

/**
 * Verbs (and verb phrases, as their first word and what must follow) that say
 * what happened to those counted: "were killed", "killing 1,200", "ordered
 * 600,000 residents to leave".
 */
const EVENT_VERBS: Record<string, string> = {
  killed: 'killed',
  killing: 'killed',
  kill: 'killed',
  kills: 'killed',
  died: 'killed',
  die: 'killed',
  dying: 'killed',
  perished: 'killed',
  drowned: 'killed',
  massacred: 'killed',
  slain: 'killed',
  murdered: 'killed',
  claimed: 'killed',
  claiming: 'killed',
  injured: 'injured',
  injuring: 'injured',
  wounded: 'injured',
  wounding: 'injured',
  hurt: 'injured',
  hospitalised: 'hospitalised',
  hospitalized: 'hospitalised',
  treated: 'treated',
  evacuated: 'evacuated',
  evacuating: 'evacuated',
  fled: 'evacuated',
  fleeing: 'evacuated',
  displaced: 'evacuated',
  displacing: 'evacuated',
  relocated: 'evacuated',
  missing: 'missing',
  rescued: 'rescued',
  rescuing: 'rescued',
  saved: 'rescued',
  plucked: 'rescued',
  pulled: 'rescued',
  airlifted: 'rescued',
  arrested: 'arrested',
  arresting: 'arrested',
  detained: 'arrested',
  detaining: 'arrested',
  abducted: 'hostages',
  abducting: 'hostages',
  kidnapped: 'hostages',
  kidnapping: 'hostages',
  seized: 'hostages',
  seizing: 'hostages',
  held: 'hostages',
  destroyed: 'destroyed',
  destroying: 'destroyed',
  damaged: 'damaged',
  damaging: 'damaged',
  flooded: 'flooded',
  burned: 'burned',
  burnt: 'burned',
  razed: 'destroyed',
  lost: 'lost',
  deployed: 'deployed',
  forced: 'evacuated',
  cut: 'cut',
  cutting: 'cut',
  shed: 'cut',
  shedding: 'cut',
  eliminated: 'cut',
  eliminating: 'cut',
  laid: 'cut',
  axed: 'cut',
  sacked: 'cut',
};
/** Places people sleep when driven from home: "in shelters", "in emergency camps". */
const SHELTERS = /^(?:shelters|camps|tents|centres|centers)$/;
/** Verbs that order people to leave, when "to leave" (or "to evacuate"…) follows. */
const ORDER_VERBS = new Set([
  'ordered',
  'ordering',
  'order',
  'orders',
  'told',
  'telling',
  'urged',
  'urging',
  'called',
  'calling',
  'call',
  'calls',
  'asked',
]);
const LEAVE_VERBS = new Set(['leave', 'evacuate', 'move', 'relocate', 'flee', 'clear', 'go']);
/** Verbs of change or report that stand between a count and what it counts ("the toll rose to 58"). */
const CHANGE_VERBS = new Set([
  'rose',
  'risen',
  'rising',
  'climbed',
  'climbing',
  'reached',
  'reaching',
  'stood',
  'stands',
  'increased',
  'passed',
  'passes',
  'topped',
  'hit',
  'jumped',
  'surpassed',
  'exceeded',
  'exceed',
  'numbered',
  'totalled',
  'totaled',
  'was',
  'is',
  'were',
  'are',
  'now',
  'at',
  'to',
  'has',
  'have',
  'had',
  'been',
  'reported',
  'said',
  'says',
  'put',
  'puts',
  'gave',
  'gives',
  'confirmed',
  'recorded',
  'counted',
]);
/** Nouns that say, before "of N" or before a count they head, what is counted: "the martyrdom of 1,250 citizens", "the death toll … 58". */
const FRAME_NOUNS: Record<string, string> = {
  martyrdom: 'killed',
  death: 'killed',
  deaths: 'killed',
  killing: 'killed',
  killings: 'killed',
  toll: 'killed',
  injury: 'injured',
  injuries: 'injured',
  wounding: 'injured',
  evacuation: 'evacuated',
  displacement: 'evacuated',
  rescue: 'rescued',
  arrest: 'arrested',
  arrests: 'arrested',
  detention: 'arrested',
  abduction: 'hostages',
  kidnapping: 'hostages',
  release: 'released',
  population: 'population',
  turnout: 'turnout',
  cancellation: 'cancelled',
};
/** Places that are "of N people": a population, never an evacuation. */
const PLACE_NOUNS = new Set([
  'city',
  'town',
  'village',
  'district',
  'region',
  'province',
  'country',
  'nation',
  'island',
  'area',
  'strip',
  'enclave',
  'state',
  'county',
  'municipality',
  'capital',
  'community',
  'suburb',
  'suburbs',
  'valley',
  'borough',
  'parish',
  'neighbourhood',
  'neighborhood',
  'port',
  'archipelago',
]);
/** Endings of nouns for people the lexicon does not list ("guards", "sailors", "Ukrainians", "employees"). */
const PEOPLE_SUFFIX = /(?:ers|ors|ians|ists|ees|ents|ants|ards|smen|swomen|folk)$/;

/** Nouns for jobs: "cut 2,900 jobs", "2,600 redundancies", "close to 3,000 jobs would go". */
const JOB_NOUNS = new Set(['jobs', 'posts', 'positions', 'roles', 'redundancies', 'layoffs', 'job']);
/** "… jobs would go", "… will be lost": the jobs are cut. */
function goes(toks: Token[], j: number): boolean {
  for (let k = j; k < Math.min(toks.length, j + 4); k++)
    if (/^(?:go|goes|gone|lost|axed|shed|eliminated)$/.test(toks[k]!.w)) return true;
  return false;
}
/** Words that cannot be the noun a count counts: times, possessives, adverbs. */
const NOT_COUNT_NOUNS =
  /^(?:earlier|later|ago|week|weeks|month|months|year|years|day|days|time|times|more|less|most|per|each|apiece|so|far|now|alone|total|overall|all|its|their|his|her)$|'s$/;
/** Whether `w` can be a counted noun: a plural or a mass noun, not a time word or a possessive. */
function isCountNoun(w: string): boolean {
  return !NOT_COUNT_NOUNS.test(w) && w.length > 2 && (/s$/.test(w) || w === 'cattle' || w === 'livestock');
}

/** Counted things that are damaged, destroyed, flooded… */
const THING_NOUNS = new Set(['homes', 'houses', 'buildings', 'dwellings', 'structures', 'properties', 'apartments']);
const STATES: Record<string, string> = {
  suspected: 'suspected',
  remaining: 'held',
  still: 'held',
  verified: 'verified',
  verifying: 'verified',
  identified: 'verified',
  confirmed: 'verified',
  released: 'released',
  freed: 'released',
};
/** Past participles that do not end in -ed or -en ("tickets sold", "homes built"). */
const IRREGULAR_PARTICIPLES = /^(?:sold|built|paid|kept|sent|bought|made|sunk|struck|spent|shut|won)$/;
/** A participle as a state, the verbs of calling something off read as one ("axed", "scrapped" flights are cancelled). */
function stateWord(w: string): string | null {
  // "doses are expected on Thursday", "were reported": saying or expecting is no state of the things counted.
  if (/^(?:expected|hoped|thought|believed|said|reported|estimated|feared|understood|known|seen)$/.test(w)) return null;
  return /^(?:cancelled|canceled|axed|scrapped|grounded|dropped)$/.test(w) ? 'cancelled' : w;
}
const REGIONS = new Set(['northern', 'southern', 'eastern', 'western', 'central']);
/** Words a counted noun phrase may hold before its head ("Hamas operatives", "Palestinian deaths"). */
const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'these', 'those', 'all', 'some', 'a', 'an']);
/** Words that end a noun phrase or a clause window. */
const PHRASE_END = new Set([
  'have',
  'has',
  'had',
  'were',
  'was',
  'are',
  'is',
  'be',
  'been',
  'being',
  'in',
  'on',
  'at',
  'to',
  'from',
  'and',
  'or',
  'but',
  'who',
  'that',
  'which',
  'whom',
  'by',
  'with',
  'for',
  'as',
  'during',
  'since',
  'after',
  'before',
  'across',
  'near',
  'into',
  'than',
  'including',
  'among',
  'according',
  'while',
  'when',
  'where',
  'remain',
  'remained',
  'remains',
  'could',
  'would',
  'will',
  'may',
  'might',
  'had',
  'out',
  // prepositions of place and time: "three villages along the river"
  'along',
  'around',
  'beside',
  'outside',
  'inside',
  'through',
  'throughout',
  'off',
  'over',
  'within',
  'behind',
  'beyond',
  'until',
  'aboard',
  'on board',
]);

// Tokens -----------------------------------------------------------------------

interface Token {
  /** Lower-case text. */
  w: string;
  start: number;
  end: number;
  kind: 'num' | 'word' | 'punct';
}

const TOKEN_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[\p{L}][\p{L}'-]*|[%€$£]|[,;:()"'!?]| - |\.(?!\d)/gu;

function tokenize(t: string, start: number, end: number, work: Work | undefined): Token[] {
  const re = new RegExp(TOKEN_RE);
  re.lastIndex = start;
  const out: Token[] = [];
  for (let m = re.exec(t); m && m.index < end; m = re.exec(t)) {
    const raw = m[0];
    const kind = /^\d/.test(raw) ? 'num' : /^\p{L}/u.test(raw) ? 'word' : 'punct';
    // "1,250," keeps its number only.
    const text = kind === 'num' ? raw.replace(/,+$/, '') : raw;
    out.push({ w: text.toLowerCase().trim() || raw, start: m.index, end: m.index + text.length, kind });
  }
  if (work) work.units += end - start;
  return out;
}

/** A number as written: its value, how it was rounded, and the tokens it spans. */
interface NumberExpr {
  value: number;
  /** Set when written with a scale word ("1.1 million"). */
  scaled: { scale: number; decimals: number } | null;
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
  /** The second number of a range ("30-40", "between 4,000 and 4,500"), or null. */
  upper: number | null;
  /** Set for "dozens", "hundreds", "thousands": at least two of the unit, no more said. */
  vague?: boolean;
}

/** "dozens", "hundreds", "thousands", "millions": at least two of the unit (docs/figures.md). */
const VAGUE: Record<string, number> = { dozens: 24, hundreds: 200, thousands: 2_000, millions: 2_000_000 };

const isSmall = (w: string) =>
  w in SMALL || /^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-[a-z]+$/.test(w);
function smallValue(w: string): number {
  return w.split('-').reduce((sum, part) => sum + (SMALL[part] ?? 0), 0);
}

/** Read a number starting at token `i`, or null when none starts there. */
function readNumber(toks: Token[], i: number, t: string): NumberExpr | null {
  const tok = toks[i]!;
  let value: number;
  let decimals = 0;
  let j = i + 1;
  if (tok.kind === 'num') {
    value = Number(tok.w.replace(/,/g, ''));
    if (!Number.isFinite(value)) return null;
    decimals = tok.w.includes('.') ? tok.w.split('.')[1]!.length : 0;
  } else if (tok.kind === 'word' && isSmall(tok.w)) {
    value = smallValue(tok.w);
    if (toks[j]?.w === 'hundred' && value < 100) {
      value *= 100;
      j++;
    }
  } else if (
    (tok.w === 'a' || tok.w === 'an') &&
    (toks[j]?.w === 'dozen' || toks[j]?.w === 'hundred' || (toks[j]?.w ?? '') in SCALE)
  ) {
    value = toks[j]!.w === 'dozen' ? 12 : toks[j]!.w === 'hundred' ? 100 : 1;
    if (toks[j]!.w === 'dozen' || toks[j]!.w === 'hundred') j++;
  } else if (tok.kind === 'word' && tok.w in VAGUE) {
    // "hundreds of thousands": at least two hundred thousand.
    const of = toks[j]?.w === 'of' && (toks[j + 1]?.w ?? '') in VAGUE ? VAGUE[toks[j + 1]!.w]! / 2 : 1;
    return { value: VAGUE[tok.w]! * of, scaled: null, from: i, to: of > 1 ? j + 2 : j, upper: null, vague: true };
  } else return null;
  // "two plus million": the plus belongs to the hedge, read by the caller.
  if (toks[j]?.w === 'plus' && (toks[j + 1]?.w ?? '') in SCALE) j++;
  let scaled: NumberExpr['scaled'] = null;
  const scaleWord = toks[j]?.w.replace(/-plus$/, '');
  if (scaleWord && scaleWord in SCALE) {
    scaled = { scale: SCALE[scaleWord]!, decimals };
    value *= SCALE[scaleWord]!;
    j++;
  }
  // A range: "30-40" (one token pair joined by a hyphen), "30 to 40" is read by the caller.
  // "2023-10-13", "16:15", "10/13": parts of a date or a time.
  if (tok.kind === 'num' && /[-:/]/.test(t[tok.start - 1] ?? '') && /\d/.test(t[tok.start - 2] ?? '')) return null;
  let upper: number | null = null;
  if (tok.kind === 'num' && t[tok.end] === '-' && toks[j]?.kind === 'num' && toks[j]!.start === tok.end + 1) {
    const other = Number(toks[j]!.w.replace(/,/g, ''));
    if (Number.isFinite(other) && other > value) {
      upper = other;
      j++;
    } else return null; // "2-1", "2023-10": a score or a date
  }
  return { value, scaled, from: i, to: j, upper };
}

// Reading one sentence -----------------------------------------------------------

const HEDGES: [string[], Hedge][] = (
  Object.entries(HEDGE_WORDS) as [Exclude<Hedge, 'exact' | 'range'>, readonly string[]][]
)
  .flatMap(([hedge, phrases]) =>
    phrases.filter((p) => p !== 'or so').map((p) => [p.split(' '), hedge] as [string[], Hedge]),
  )
  .sort((a, b) => b[0].length - a[0].length);

/** The hedge whose words end right before token `i`, with its first token index. */
function hedgeBefore(toks: Token[], i: number): { hedge: Hedge; from: number } | null {
  for (const [words, hedge] of HEDGES) {
    const from = i - words.length;
    if (from < 0) continue;
    if (words.every((w, k) => toks[from + k]!.w === w)) {
      // "some of the 300" is not a hedge; "some 300" is.
      return { hedge, from };
    }
  }
  return null;
}

function isWord(tok: Token | undefined): tok is Token {
  return tok?.kind === 'word';
}

/** The counted noun phrase after the number (tokens from `i`), as [words, index past it]. */
function nounPhraseAfter(toks: Token[], i: number): [string[], number] {
  const words: string[] = [];
  let j = i;
  // "59 of the dead", "2,024 of the 2,600 services": the noun after "of the".
  if (toks[j]?.w === 'of' && (toks[j + 1]?.w === 'the' || toks[j + 1]?.w === 'them' || toks[j + 1]?.w === 'those')) {
    j += 2;
    if (toks[j]?.kind === 'num') j++;
  }
  while (isWord(toks[j]) && words.length < 4 && !PHRASE_END.has(toks[j]!.w)) {
    const w = toks[j]!.w;
    // "251 seized as hostages", "1,000 killed": a verb, not a noun, follows the number.
    if (
      !(w in MEASURE_NOUNS) &&
      (w in EVENT_VERBS || LEAVE_VERBS.has(w) || w === 'must' || w === 'live' || w === 'living')
    )
      break;
    if (NOT_COUNT_NOUNS.test(w) && !(w in PEOPLE_NOUNS)) {
      if (words.every((x) => DETERMINERS.has(x))) words.length = 0;
      break;
    }
    words.push(w);
    j++;
    const last = words.at(-1)!;
    if (last in PEOPLE_NOUNS || last in MEASURE_NOUNS || THING_NOUNS.has(last)) break;
    // "22 wagons derailed", "50,000 doses of oral vaccine": a plural noun ends the phrase before a participle or "of".
    const next = toks[j]?.w ?? '';
    // (A plural noun heads its phrase, "310 of the 1,900 scheduled trains ran", unless another plural follows.)
    if (isCountNoun(last) && !(isWord(toks[j]) && isCountNoun(next) && !/ed$/.test(next))) break;
  }
  return [words, j];
}

/** Index of the end of the clause that starts at `j`: the next punctuation that closes one. */
function clauseEndOf(toks: Token[], j: number): number {
  for (let k = j; k < toks.length; k++)
    if (toks[k]!.kind === 'punct' && toks[k]!.w !== '-' && toks[k]!.w !== "'") return k;
  return toks.length;
}

/** The first place named in tokens [from, to): a capitalised word after "in", "at" or "near". */
function placeIn(toks: Token[], t: string, from: number, to: number): string | null {
  for (let k = from; k < to - 1; k++)
    if (
      /^(?:in|at|near|from)$/.test(toks[k]!.w) &&
      toks[k + 1]!.kind === 'word' &&
      /^\p{Lu}/u.test(t[toks[k + 1]!.start]!)
    )
      return toks[k + 1]!.w;
  return null;
}

/** The name of whose things a count counts: capitalised words just before it in its clause, or after "for the" / "to the". */
function ownerIn(toks: Token[], t: string, from: number, at: number, past: number): string | null {
  const capital = (k: number) =>
    toks[k]?.kind === 'word' &&
    /^\p{Lu}/u.test(t[toks[k]!.start]!) &&
    !NOT_OWNERS.has(toks[k]!.w) &&
    !WEEKDAYS.has(toks[k]!.w) &&
    !MONTHS.has(toks[k]!.w);
  for (let k = at - 1; k >= from && k >= 0; k--) {
    if (capital(k)) {
      let first = k;
      // (a name runs on past the window: "at Corvane International Airport")
      while (first - 1 >= 0 && capital(first - 1)) first--;
      // "The operator, Corvane Airports Group, said 214 flights …": who says a count does not own it.
      if (CLAIM_VERBS.has(toks[k + 1]?.w ?? '') || (toks[k + 1]?.w === ',' && CLAIM_VERBS.has(toks[k + 2]?.w ?? ''))) {
        k = first;
        continue;
      }
      // The sentence's first word: its capital says nothing ("Police said"), unless a name of two or more
      // capitalised words starts there ("National Renewal took 38.2%").
      // ("SkyNordic cancelled 158 flights": one word that is no plural nor participle, before a verb, is a name.)
      const named = k === 0 && !/(?:s|ed)$/.test(toks[0]!.w) && isWord(toks[1]) && /ed$/.test(toks[1]!.w);
      if (first === 0 && k === 0 && !named) return null;
      // "a majority in the Assembly with 104 seats": a place named after a preposition owns nothing.
      // ("in the 240-seat Assembly": the words between the determiner and the name describe it.)
      let lead = first - 1;
      for (let d = first - 1; d >= Math.max(0, first - 4); d--)
        if (toks[d]!.w === 'the' || toks[d]!.w === 'a' || toks[d]!.w === 'an') {
          lead = d - 1;
          break;
        }
      if (/^(?:in|at|into|from|near|across|inside|outside)$/.test(toks[lead]?.w ?? '')) {
        k = first;
        continue;
      }
      // "the Social Alliance of outgoing Prime Minister Tomas Renk had 31.3%": the owner is the name before "of".
      for (let o = first - 1; o >= from && o >= first - 3; o--) {
        if (toks[o]!.w !== 'of') continue;
        let end = o - 1;
        if (end >= from && capital(end)) {
          let start = end;
          while (start - 1 >= from && capital(start - 1)) start--;
          if (start > 0)
            return toks
              .slice(start, end + 1)
              .map((x) => x.w)
              .join(' ');
        }
        end = -1;
      }
      return toks
        .slice(first, k + 1)
        .map((x) => x.w)
        .join(' ');
    }
  }
  if ((toks[past]?.w === 'for' || toks[past]?.w === 'to') && toks[past + 1]?.w === 'the' && capital(past + 2)) {
    let last = past + 2;
    while (capital(last + 1)) last++;
    return toks
      .slice(past + 2, last + 1)
      .map((x) => x.w)
      .join(' ');
  }
  return null;
}
const NOT_OWNERS = new Set(['the', 'a', 'an', 'it', 'its', 'they', 'he', 'she', 'and', 'but']);

/** Index past an aside between dashes, commas or parentheses starting at `j` ("— about a third of the city —"). */
function skipAside(toks: Token[], j: number): number {
  const open = toks[j]?.w;
  if (open !== '-' && open !== '(' && open !== ',') return j;
  const close = open === '(' ? ')' : open;
  for (let k = j + 1; k < toks.length && k < j + 14; k++) if (toks[k]!.w === close) return k + 1;
  return open === ',' ? j : j;
}

/** Index past a relative clause "who stormed the town" / "that were…" starting at `j`, up to the main verb. */
function skipRelative(toks: Token[], j: number): number {
  if (toks[j]?.w !== 'who' && toks[j]?.w !== 'which' && toks[j]?.w !== 'that') return j;
  // The clause runs to its own verb and object; the main verb is the next verb-like word after a noun,
  // or, when another count follows ("who stormed the post seized 45 guards"), the verb right before it.
  let k = j + 1;
  let sawVerb = false;
  let lastVerb = -1;
  for (; k < toks.length && k < j + 12; k++) {
    const w = toks[k]!.w;
    if (toks[k]!.kind === 'num') return lastVerb > j + 1 ? lastVerb : k;
    if (toks[k]!.kind === 'punct') return k;
    const verbLike = w in EVENT_VERBS || /ed$/.test(w);
    if (sawVerb && verbLike && toks[k - 1]!.kind === 'word' && !DETERMINERS.has(toks[k - 1]!.w)) return k;
    if (verbLike) lastVerb = k;
    if (verbLike || /s$/.test(w) || k === j + 1) sawVerb = true;
  }
  return k;
}

/** What happens to the subject counted at the token range ending at `j`: "were killed", "died", "lost their lives". */
function frameAfter(
  toks: Token[],
  j: number,
): { measure: string | null; state: string | null; active: boolean; predicate?: boolean; participle?: string } {
  let k = skipAside(toks, j);
  k = skipRelative(toks, k);
  k = skipAside(toks, k);
  let state: string | null = null;
  let passive = false;
  /** "were cancelled" is a state of the counted; "it had planned" is what someone did. */
  let beForm = false;
  for (let n = 0; k < toks.length && n < 7; k++, n++) {
    const tok = toks[k]!;
    if (tok.kind === 'num') break;
    if (tok.kind === 'punct' && tok.w !== '-') break;
    const w = tok.w;
    // "abducted 90 villagers and held them hostage": what follows "and" is the sentence subject's, not the count's.
    if (w === 'and' || w === 'or' || w === 'but' || w === 'as' || w === 'while' || w === 'when' || w === 'after') break;
    // "were taken to hospital", "had been admitted to hospital": a count of those who went there.
    if (/^(?:taken|admitted|brought|rushed)$/.test(w) && toks[k + 1]?.w === 'to' && toks[k + 2]?.w === 'hospital')
      return { measure: 'hospitalised', state, active: false };
    // "remain in hospital", "are still in hospital": those there now, a count of its own.
    if (
      w === 'in' &&
      toks[k + 1]?.w === 'hospital' &&
      (state === 'held' || /^(?:still|remain|remains|remained|remaining)$/.test(toks[k - 1]?.w ?? ''))
    )
      return { measure: 'in hospital', state: null, active: false };
    // "were treated for injuries": the injured.
    if (
      w === 'treated' &&
      toks[k + 1]?.w === 'for' &&
      /^(?:injuries|injury|wounds|burns|fractures)$/.test(toks[k + 2]?.w ?? '')
    )
      return { measure: 'injured', state, active: false };
    // "were still in shelters", "had slept in emergency shelters": those sheltered, a count of its own.
    if (w === 'in' && SHELTERS.test(toks[k + 1]?.w ?? ''))
      return { measure: 'in shelters', state: null, active: false };
    if (w === 'in' && SHELTERS.test(toks[k + 2]?.w ?? '') && isWord(toks[k + 1]) && !DETERMINERS.has(toks[k + 1]!.w))
      return { measure: 'in shelters', state: null, active: false };
    // "83,000 ballots were declared invalid": the adjective is the counted things' state.
    if (
      passive &&
      /^(?:declared|ruled|deemed|judged|found|rejected)$/.test(w) &&
      isWord(toks[k + 1]) &&
      !PHRASE_END.has(toks[k + 1]!.w) &&
      !DETERMINERS.has(toks[k + 1]!.w)
    )
      return { measure: null, state: toks[k + 1]!.w, active: false, predicate: true };
    // "have been allowed to return": a predicate the lexicon does not know; the clause before says nothing of it.
    // Its participle is the state of counted things ("212 flights were cancelled", "35 stations had opened").
    // For people it is what happened to them, when nothing follows that makes it a verb of control ("were
    // allowed to return"): "38,000 passengers were affected", "40,000 travellers stranded".
    const bare =
      n === 0 &&
      !/^(?:unaccounted|remained|lost|left|taken|killed|injured)$/.test(w) &&
      (!toks[k + 1] || toks[k + 1]!.kind === 'punct' || PHRASE_END.has(toks[k + 1]!.w)) &&
      // ("9,000 members walked out": a verb with its particle is what they did, not what was done to them.)
      !/^(?:out|up|off|down|away|back)$/.test(toks[k + 1]?.w ?? '');
    const irregular = IRREGULAR_PARTICIPLES.test(w);
    if (
      (passive || bare) &&
      !(w in EVENT_VERBS) &&
      (/(?:ed|en)$/.test(w) || irregular) &&
      !(w in STATES) &&
      w !== 'been'
    ) {
      const word = beForm || bare ? stateWord(w) : null;
      const participle = word && toks[k + 1]?.w !== 'to' ? word : undefined;
      // (An intransitive verb after things is no state of theirs: "50,000 doses arrived on Thursday"; a
      // participle that is only ever passive is: "52,400 tickets sold"; what happens to buildings is:
      // "1,240 buildings collapsed".)
      return {
        measure: null,
        state: state ?? (passive || irregular || THING_NOUNS.has(toks[k - 1]?.w ?? '') ? word : null),
        active: false,
        predicate: true,
        participle,
      };
    }
    if (w === 'still' || w === 'remain' || w === 'remained' || w === 'remaining' || w === 'remains')
      state = state ?? 'held';
    if (
      w === 'were' ||
      w === 'was' ||
      w === 'been' ||
      w === 'are' ||
      w === 'is' ||
      w === 'have' ||
      w === 'had' ||
      w === 'has'
    ) {
      passive = true;
      beForm = beForm || /^(?:were|was|been|are|is)$/.test(w);
      continue;
    }
    if (w === 'lost' && toks[k + 1]?.w === 'their' && toks[k + 2]?.w === 'lives')
      return { measure: 'killed', state, active: false };
    if (w === 'left' && (toks[k + 1]?.w === 'their' || toks[k + 1]?.w === 'the'))
      return { measure: 'evacuated', state, active: false };
    if (w === 'live' || w === 'living' || w === 'lived') return { measure: 'population', state, active: false };
    if (w === 'taken' && (toks[k + 1]?.w === 'hostage' || toks[k + 1]?.w === 'captive'))
      return { measure: 'hostages', state, active: false };
    if (w === 'taken' && toks[k + 1]?.w === 'to' && toks[k + 2]?.w === 'hospital')
      return { measure: 'hospitalised', state, active: false };
    if (w === 'taken' && toks[k + 1]?.w === 'to' && toks[k + 2]?.w === 'safety')
      return { measure: 'rescued', state, active: false };
    if (w === 'unaccounted') return { measure: 'missing', state, active: false };
    // "450 people on board", "320 people aboard the vessel".
    if (w === 'aboard' || (w === 'on' && toks[k + 1]?.w === 'board'))
      return { measure: 'aboard', state, active: false };
    // "were left homeless", "90,000 people homeless": without a home.
    if (w === 'homeless') return { measure: 'homeless', state, active: false };
    if ((w === 'in' || w === 'to') && toks[k + 1]?.w === 'hospital')
      return { measure: 'hospitalised', state: null, active: false };
    // "must urgently evacuate", "were told to leave": an order to leave.
    if (
      LEAVE_VERBS.has(w) &&
      toks.slice(Math.max(0, k - 3), k).some((x) => /^(?:must|should|to|told|ordered)$/.test(x.w))
    )
      return { measure: 'ordered to leave', state, active: false };
    if (w in EVENT_VERBS) {
      const measure = EVENT_VERBS[w]!;
      // "4,500 fighters … abducted 90 villagers": an active verb with an object of its own says what the subject did.
      const object = toks[k + 1];
      const active =
        !passive &&
        !/^(?:died|perished|drowned|fled|missing|injured|wounded|hurt|dead)$/.test(w) &&
        (object?.kind === 'num' || (isWord(object) && !PHRASE_END.has(object.w) && !(object.w in STATES)));
      return {
        measure: active ? null : measure,
        state: state ?? (measure === 'hostages' && w === 'held' ? 'held' : null),
        active,
      };
    }
    if (w in STATES) state = STATES[w]!;
  }
  return { measure: null, state, active: false };
}

/** What the clause before the number says it counts: "killing 1,200", "the martyrdom of", "the toll rose to". */
function frameBefore(
  toks: Token[],
  i: number,
  clauseStart: number,
): { measure: string | null; ordered: boolean; strong: boolean } {
  // Strong: nothing but verbs of change, determiners and hedges stand between the frame and the number
  // ("killing 1,200", "the toll rose to 58", "the martyrdom of 1,250").
  let strong = true;
  for (let k = i - 1, n = 0; k >= clauseStart && n < 20; k--, n++) {
    const tok = toks[k]!;
    if (tok.kind === 'num') break;
    // "the true toll was "over 30"": a quote mark around the figure does not end its clause.
    if (tok.kind === 'punct' && tok.w !== '-' && tok.w !== ',' && tok.w !== '"') break;
    const w = tok.w;
    // "the number of people killed in a crush at a football stadium rose to 23": it heads its clause as a toll does.
    if (w === 'number' && toks[k + 1]?.w === 'of') {
      for (let m = k + 2; m < Math.min(i, k + 6); m++) {
        const v = toks[m]!.w;
        if (v in EVENT_VERBS && v !== 'held' && v !== 'lost')
          return { measure: EVENT_VERBS[v]!, ordered: false, strong: true };
        if (v in MEASURE_NOUNS) return { measure: MEASURE_NOUNS[v]!, ordered: false, strong: true };
        // "the number of people told to leave at 3,480"
        if (ORDER_VERBS.has(v) && toks[m + 1]?.w === 'to' && LEAVE_VERBS.has(toks[m + 2]?.w ?? ''))
          return { measure: 'ordered to leave', ordered: false, strong: true };
      }
    }
    // "the death toll from Saturday's crush at Port Solace's Arena Costa rose to 24": a toll heads its clause.
    if (w === 'toll' && n < 16) return { measure: 'killed', ordered: false, strong: strong || n <= 14 };
    if (n >= 12) continue;
    if (w === 'home' && toks[k + 1]?.w === 'to') return { measure: 'population', ordered: false, strong: true };
    if (PLACE_NOUNS.has(w) && toks[k + 1]?.w === 'of' && k + 2 >= i - 2)
      return { measure: 'population', ordered: false, strong: true };
    // "the people told to leave numbered 7,200": the order stands whole before the count.
    if (ORDER_VERBS.has(w) && toks[k + 1]?.w === 'to' && LEAVE_VERBS.has(toks[k + 2]?.w ?? ''))
      return { measure: 'ordered to leave', ordered: false, strong: true };
    if (ORDER_VERBS.has(w)) return { measure: null, ordered: true, strong };
    if (w in FRAME_NOUNS && (toks[k + 1]?.w === 'of' || n <= 6))
      return { measure: FRAME_NOUNS[w]!, ordered: false, strong };
    if (w in MEASURE_NOUNS && n <= 5) return { measure: MEASURE_NOUNS[w]!, ordered: false, strong };
    if (w in EVENT_VERBS && !(w === 'held' || w === 'lost'))
      return { measure: EVENT_VERBS[w]!, ordered: false, strong };
    if (w === 'claimed' || w === 'claiming') return { measure: 'killed', ordered: false, strong };
    if (tok.kind === 'punct') {
      strong = false;
      continue;
    }
    if (CHANGE_VERBS.has(w) || DETERMINERS.has(w) || HEDGE_FIRST.has(w)) continue;
    strong = false;
  }
  return { measure: null, ordered: false, strong: false };
}

/** First words of hedges, which may stand between a frame and its number. */
const HEDGE_FIRST = new Set(Object.values(HEDGE_WORDS).flatMap((phrases) => phrases.flatMap((p) => p.split(' '))));

/** Whether "to leave" (or another leaving verb) follows within the clause, past an aside. */
function leaveFollows(toks: Token[], j: number): boolean {
  let k = toks[j]?.w === ',' ? j : skipAside(toks, j);
  for (let n = 0; k < toks.length && n < 8; k++, n++) {
    if (toks[k]!.kind === 'num') return false;
    if (toks[k]!.w === 'to' && LEAVE_VERBS.has(toks[k + 1]?.w ?? '')) return true;
    if (toks[k]!.w === '-') k = skipAside(toks, k) - 1;
  }
  return false;
}

/** Index of the next number after `from` that is a count, not a date ("on October 7" does not end a clause). */
function nextCount(toks: Token[], from: number, t: string): number {
  for (let k = from; k < toks.length; k++) {
    if (toks[k]!.kind !== 'num') continue;
    const n = readNumber(toks, k, t);
    if (n && !notAFigure(toks, n, t)) return k;
  }
  return toks.length;
}

/**
 * The time a count covers, when the clause narrows it to one day: "on the
 * first day", "on day one", "on October 7". "Since Monday", "so far" and a
 * weekday ("rose to 58 on Monday": the total as of Monday) do not narrow it.
 */
function scopeIn(toks: Token[], from: number, to: number): string | null {
  for (let k = from; k < to; k++) {
    const w0 = toks[k]!.w;
    // "turnout at 6 p.m. stood at 52%": a count at an hour of the day is not the day's final count.
    if ((w0 === 'at' || w0 === 'by') && toks[k + 1]?.kind === 'num' && Number(toks[k + 1]!.w) <= 24) {
      const half = toks[k + 2]?.w;
      if (half === 'p' || half === 'a' || half === 'pm' || half === 'am' || half === 'noon')
        return `${w0} ${Number(toks[k + 1]!.w)} ${half === 'p' || half === 'pm' ? 'p.m.' : 'a.m.'}`;
    }
    const m = toks[k + 1];
    if (w0 === 'on' && m && MONTHS.has(m.w)) {
      const d = toks[k + 2]?.w === '.' ? toks[k + 3] : toks[k + 2];
      if (d?.kind === 'num' && Number(d.w) <= 31) return `on ${m.w.slice(0, 3)} ${Number(d.w)}`;
    }
    if (w0 === 'on' && m?.kind === 'num' && Number(m.w) <= 31 && MONTHS.has(toks[k + 2]?.w ?? ''))
      return `on ${toks[k + 2]!.w.slice(0, 3)} ${Number(m.w)}`;
  }
  for (let k = from; k < to; k++) {
    const w = toks[k]!.w;
    if (w !== 'on' && w !== 'since' && w !== 'in' && w !== 'during' && w !== 'by') continue;
    if (w === 'in') {
      const a = toks[k + 1]?.w;
      const b = toks[k + 2]?.w;
      const c = toks[k + 3]?.w;
      if (
        (a === 'the' || a === 'a') &&
        b &&
        /^(?:first|second|third|final|last|initial)$/.test(b) &&
        c &&
        /^(?:round|phase|wave|stage|tranche)$/.test(c)
      )
        return `in the ${b === 'initial' ? 'first' : b} ${c}`;
      continue;
    }
    const a = toks[k + 1]?.w;
    const b = toks[k + 2]?.w;
    const c = toks[k + 3]?.w;
    if (w === 'since' || w === 'by') continue;
    const kind = 'on';
    if (
      a === 'the' &&
      b &&
      /^(?:first|second|third|fourth|fifth|opening|final|last)$/.test(b) &&
      c &&
      /^(?:day|night|round|week|morning|weekend)$/.test(c)
    )
      return `${kind} the ${b} ${c}`;
    if (a === 'day' && b && /^(?:one|two|three)$/.test(b)) return `${kind} day ${b}`;
    // "arrested on the night": the night of the event, one night.
    // "during the night" and "overnight" say when a one-off thing happened, as news of one night does: no scope.
    if (w === 'on' && a === 'the' && b === 'night' && !/^(?:of|before)$/.test(c ?? '')) return `${kind} the night`;
    // "since Monday", "since 7 October", "so far": the running total, as a figure with no scope is.
  }
  // "346 flights in all", "158 flights over the two days", "61,000 passengers in total": a total over days,
  // not the count of any one of them.
  for (let k = from; k < to; k++) {
    const w = toks[k]!.w;
    const next = toks[k + 1]?.w ?? '';
    if ((w === 'in' && (next === 'all' || next === 'total')) || w === 'altogether') return 'in total';
    if (w === 'over') {
      const n = toks[k + 1]?.w === 'the' ? k + 2 : k + 1;
      if (
        (toks[n]?.kind === 'num' || isSmall(toks[n]?.w ?? '')) &&
        /^(?:days|weeks|months|nights)$/.test(toks[n + 1]?.w ?? '')
      )
        return 'in total';
    }
  }
  for (let k = from; k < to; k++) {
    if (toks[k]!.w === 'so' && toks[k + 1]?.w === 'far') return null; // the running total, as an unscoped figure is
    if (toks[k]!.w === 'both' && toks[k + 1]?.w === 'sides') return null; // who, not when
  }
  return null;
}

/** The day named in a figure's clause: "on monday", "oct 7" (but not "since Oct 7": that starts the count). */
function dayIn(toks: Token[], from: number, to: number): string | null {
  for (let k = from; k < to; k++) {
    const w = toks[k]!.w;
    if (w === 'since' || w === 'from') {
      k += 3;
      continue;
    }
    if (WEEKDAYS.has(w)) return w;
    // "up from 58 a day earlier", "yesterday", "the day before": the day before the article's.
    if (w === 'yesterday' || (w === 'day' && (toks[k + 1]?.w === 'earlier' || toks[k + 1]?.w === 'before')))
      return '-1';
    if (MONTHS.has(w) && toks[k + 1]?.kind === 'num' && Number(toks[k + 1]!.w) <= 31)
      return `${w.slice(0, 3)} ${Number(toks[k + 1]!.w)}`;
    if (toks[k]!.kind === 'num' && Number(w) <= 31 && MONTHS.has(toks[k + 1]?.w ?? ''))
      return `${toks[k + 1]!.w.slice(0, 3)} ${Number(w)}`;
  }
  return null;
}

const CLAIM_VERBS = new Set([
  'said',
  'says',
  'reported',
  'reports',
  'estimated',
  'estimates',
  'claimed',
  'claims',
  'announced',
  'confirmed',
  'told',
  'stated',
  'insisted',
  'added',
]);
const NOT_CLAIMANTS = new Set([
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'this',
  'that',
  'which',
  'who',
  'and',
  'but',
]);

/** Who the sentence says a figure comes from: "according to the health ministry", "police said", "said the union". */
function claimantIn(toks: Token[]): string | null {
  for (let k = 0; k < toks.length; k++) {
    if (toks[k]!.w === 'according' && toks[k + 1]?.w === 'to') {
      const words: string[] = [];
      for (let j = k + 2; j < toks.length && words.length < 6 && toks[j]!.kind === 'word'; j++) words.push(toks[j]!.w);
      const phrase = words.filter((w) => w !== 'the').join(' ');
      if (phrase) return phrase;
    }
  }
  for (let k = 1; k < toks.length; k++) {
    if (!CLAIM_VERBS.has(toks[k]!.w)) continue;
    const words: string[] = [];
    for (let j = k - 1; j >= 0 && words.length < 5 && toks[j]!.kind === 'word' && !PHRASE_END.has(toks[j]!.w); j--)
      words.unshift(toks[j]!.w);
    while (words[0] === 'the') words.shift();
    if (words.length && !NOT_CLAIMANTS.has(words[0]!) && !words.some((w) => w in EVENT_VERBS)) return words.join(' ');
    // "…, said the union."
    const after: string[] = [];
    for (let j = k + 1; j < toks.length && after.length < 5 && toks[j]!.kind === 'word'; j++) after.push(toks[j]!.w);
    while (after[0] === 'the') after.shift();
    if (after.length && !NOT_CLAIMANTS.has(after[0]!) && toks[k - 1]?.kind === 'punct') return after.join(' ');
  }
  return null;
}

/** A phrase read in lower case, as the sentence writes it ("Israel's military", "the UN"), when it can be found. */
function asWritten(phrase: string | null, sentence: string): string | null {
  if (!phrase) return null;
  const at = sentence.toLowerCase().indexOf(phrase);
  return at < 0 ? phrase : sentence.slice(at, at + phrase.length);
}

/** Whether the number at tokens [from, to) is a date, a time, an age, a duration, a label or a measurement of where: never a figure. */
function notAFigure(toks: Token[], n: NumberExpr, t: string): boolean {
  const tok = toks[n.from]!;
  const prev = toks[n.from - 1];
  const next = toks[n.to];
  const after = t.slice(toks[n.to - 1]!.end, toks[n.to - 1]!.end + 12).toLowerCase();
  if (tok.kind === 'word' && (tok.w === 'one' || tok.w === 'a' || tok.w === 'an') && !n.scaled) return true;
  if (prev && MONTHS.has(prev.w)) return true; // October 7
  if (prev?.w === '.' && MONTHS.has(toks[n.from - 2]?.w ?? '')) return true; // Oct. 7
  if (next && MONTHS.has(next.w)) return true; // 7 October
  if (/^\s*(?:a\.m|p\.m|am\b|pm\b|o'clock|gmt|utc|bst|cet)/.test(after)) return true; // 7 a.m.
  if (/^[:.]\d/.test(after) && tok.kind === 'num' && !tok.w.includes('.')) return true; // 16:15
  if (/^-(?:year|month|week|day|hour|minute|second|storey|story|metre|meter|km|mile|point)/.test(after)) return true; // 34-year-old, 72-hour
  if (next && TIME_UNITS.test(next.w)) return true; // within 24 hours, close to three hours
  if (next && /^(?:old)$/.test(next.w)) return true;
  if (next && (next.w === '%' || NOT_COUNTED_UNITS.test(next.w))) return true;
  if (prev && (prev.w === '$' || prev.w === '€' || prev.w === '£')) return true;
  if (prev && (prev.w === 'aged' || prev.w === 'age' || prev.w === 'magnitude')) return prev.w !== 'magnitude';
  if (prev && LABEL_BEFORE.test(prev.w) && t[prev.start]! === t[prev.start]!.toUpperCase() && tok.kind === 'num')
    return true; // Road 17
  // "Anton Berec, 52, said": an age in apposition to a name.
  if (
    prev?.w === ',' &&
    (next?.w === ',' || next?.w === ')' || next?.w === '.') &&
    tok.kind === 'num' &&
    n.value < 120
  ) {
    const name = toks[n.from - 2];
    if (name && name.kind === 'word' && /^\p{Lu}/u.test(t[name.start]!)) return true;
  }
  if (
    prev?.w === 'under' &&
    toks[n.from - 2] &&
    /^(?:children|kids|minors|those|anyone|people)$/.test(toks[n.from - 2]!.w) &&
    n.value < 25
  )
    return true; // children under 12
  // "four in ten of its residents", "one in five": a ratio, not a count.
  if (next?.w === 'in' && toks[n.to + 1] && (toks[n.to + 1]!.kind === 'num' || isSmall(toks[n.to + 1]!.w))) return true;
  if (prev?.w === 'in' && toks[n.from - 2] && (toks[n.from - 2]!.kind === 'num' || isSmall(toks[n.from - 2]!.w)))
    return true;
  // A year: four digits from 1800 to 2100 in digits, unless a counted noun follows ("1900 people").
  if (tok.kind === 'num' && /^\d{4}$/.test(tok.w) && n.value >= 1800 && n.value <= 2100 && !n.scaled) {
    if (
      !next ||
      !COUNTED_AFTER_YEAR.test(next.w) ||
      (prev && /^(?:in|since|of|by|until|from|before|after|year|during)$/.test(prev.w))
    )
      return true;
  }
  // Ordinals and decimals that are scores or ratings: "4th", "2.5-star".
  if (/^(?:st|nd|rd|th)\b/.test(after)) return true;
  return false;
}

/** Words right before a percentage that make it a change ("fell 4%", "up by 3%"), not a share. */
const CHANGE_BY =
  /^(?:fell|fall|falls|rose|rise|rises|dropped|drop|declined|increased|grew|jumped|slipped|climbed|gained|lost|up|down|by|cut|raised)$/;

/** Words that make a sentence tell of a vote: a party's share in it is its share of the vote. */
const VOTE_WORDS = /^(?:votes?|voted|voters|ballots?|polls?|election|elections|seats|count|counted)$/;

/**
 * What a percentage is a share of, or null when the sentence does not say so
 * plainly enough to compare it (a chance of rain, a tariff, a share price
 * move are never figures): turnout ("Turnout, at 63%,"), a named party's or
 * candidate's share of the vote ("National Renewal on 38.4%", "31.5% for the
 * Social Alliance"), or a share of a counted noun ("62% of polling stations").
 * `at` is the index of the token after the number.
 */
function shareFrame(toks: Token[], t: string, from: number, at: number, clauseStart: number): Frame | null {
  let past: number;
  if (toks[at]?.w === '%' || toks[at]?.w === 'percent') past = at + 1;
  else if (toks[at]?.w === 'per' && toks[at + 1]?.w === 'cent') past = at + 2;
  else return null;
  // "turnout fell 4%", "up by 3%": a change, not a share.
  let before = from - 1;
  while (before >= 0 && HEDGE_FIRST.has(toks[before]!.w)) before--;
  if (CHANGE_BY.test(toks[before]?.w ?? '')) return null;
  // "62% of polling stations", "40 percent of its homes": the share of what follows "of".
  if (toks[past]?.w === 'of') {
    let k = past + 1;
    if (toks[k] && DETERMINERS.has(toks[k]!.w)) k++;
    if (toks[k]?.w === 'vote' || toks[k]?.w === 'votes') {
      const who = ownerIn(toks, t, clauseStart, from, k + 1);
      return who ? { measure: 'share of the vote', who: partyName(who), past } : null;
    }
    // "97% of polling stations reporting": the counted noun is the last plural of the phrase.
    const [phrase] = nounPhraseAfter(toks, k);
    const head = phrase.filter(isCountNoun).at(-1);
    if (head) return { measure: `share of ${head}`, who: null, past };
    return null;
  }
  // "Turnout, at 63%,", "turnout was nearly 62%": the share of voters who voted.
  for (let k = from - 1, n = 0; k >= clauseStart && n < 10; k--, n++) {
    // ("turnout at 6 p.m. stood at 52%": an hour of the day stands between.)
    if ((toks[k]!.kind === 'num' && !/^(?:p|a|pm|am)$/.test(toks[k + 1]?.w ?? '')) || toks[k]!.w === ';') break;
    if (toks[k]!.w === 'turnout') return { measure: 'turnout (%)', who: null, past };
  }
  // "National Renewal on 38.4%", "the Green Coalition, with 9.6%,", "31.5% for the Social Alliance".
  const onOrWith = /^(?:on|with|had|has|won|took|takes|polled|got|gets|at)$/.test(toks[from - 1]?.w ?? '');
  const forThe = toks[past]?.w === 'for';
  if (!onOrWith && !forThe) return null;
  if (!toks.some((x) => VOTE_WORDS.test(x.w))) return null;
  const who = ownerIn(toks, t, clauseStart, from, past);
  return who ? { measure: 'share of the vote', who: partyName(who), past } : null;
}

/** A party's name as different outlets write it: "the National Renewal Party" is "National Renewal". */
function partyName(name: string): string {
  return name.replace(/\s+party$/, '');
}
function partyNameOf(name: string | null): string | null {
  return name && partyName(name);
}

/** Words that make what follows a forecast rather than a count: "an exit poll put…", "projected to take". */
const PROJECTION_WORDS =
  /^(?:poll|polls|survey|surveys|projection|projections|projected|projects|forecast|forecasts|forecasted|predicted|predicts|expected|expects)$/;

/** Whether the clause before a number, tokens [from, to), makes it a forecast: a projection word, or "would give" just before. */
function projectedBefore(toks: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (PROJECTION_WORDS.test(toks[k]!.w)) return true;
    // "which would give it 87 seats"; not "close to 3,000 jobs would go", a plan.
    if (
      toks[k]!.w === 'would' &&
      to - k <= 4 &&
      /^(?:give|win|take|get|gain|secure|hold|have)$/.test(toks[k + 1]?.w ?? '')
    )
      return true;
  }
  return false;
}

/**
 * Whether the words before a number (tokens before `from`) set it against the
 * count that ended at `previousEnd` or restate it: "rather than the", "instead
 * of", "against", "down from", or an aside opened right after that count.
 */
function restatesBefore(toks: Token[], from: number, previousEnd: number): boolean {
  let k = from - 1;
  if (toks[k]?.w === 'the') k--;
  const w = toks[k]?.w ?? '';
  const w2 = toks[k - 1]?.w ?? '';
  if (w === 'than' && w2 === 'rather') return true;
  if (w === 'of' && w2 === 'instead') return true;
  if (w === 'from' && /^(?:up|down)$/.test(w2)) return true;
  // "raised the fund to €75 million, from €50 million": "from" right after the count.
  if (w === 'from' && previousEnd > 0 && k - previousEnd <= 2) return true;
  if (w === 'against' || w === 'versus' || w === 'vs') return true;
  return (w === '-' || w === '(') && previousEnd > 0 && k - previousEnd <= 6;
}

/** What a share, a sum of money or a measured amount is of, read from the words around its unit. */
interface Frame {
  /** The quantity's measure ("turnout", "fund (€)", "rain (mm)"), or null when the words do not say. */
  measure: string | null;
  who?: string | null;
  /** The token past the unit, and the first token of the amount (a currency sign before it). */
  past: number;
  first?: number;
}

const CURRENCY_SIGNS: Record<string, string> = { '€': '€', $: '$', '£': '£' };
/** Currency words after an amount, as the note names them. */
const CURRENCY_WORDS: Record<string, string> = {
  euros: '€',
  euro: '€',
  dollars: '$',
  pounds: '£',
  crowns: 'crowns',
  korun: 'crowns',
  koruna: 'crowns',
  francs: 'francs',
  yen: 'yen',
  yuan: 'yuan',
  rupees: 'rupees',
  pesos: 'pesos',
  shillings: 'shillings',
  shilling: 'shillings',
  rand: 'rand',
  naira: 'naira',
  cedis: 'cedis',
  kwacha: 'kwacha',
  birr: 'birr',
  dirhams: 'dirhams',
  riyals: 'riyals',
  dinars: 'dinars',
  lira: 'lira',
  lei: 'lei',
  zlotys: 'zlotys',
  forints: 'forints',
  kronor: 'kronor',
  kroner: 'kroner',
  reais: 'reais',
  ringgit: 'ringgit',
  baht: 'baht',
  won: 'won',
  rubles: 'rubles',
  roubles: 'rubles',
  hryvnias: 'hryvnias',
};
/** Units of a measured amount, as the note names them. */
const UNITS: Record<string, string> = {
  millimetres: 'mm',
  millimeters: 'mm',
  mm: 'mm',
  centimetres: 'cm',
  centimeters: 'cm',
  cm: 'cm',
  metres: 'm',
  meters: 'm',
  kilometres: 'km',
  kilometers: 'km',
  km: 'km',
  miles: 'miles',
  tonnes: 'tonnes',
  tons: 'tonnes',
  litres: 'litres',
  liters: 'litres',
  barrels: 'barrels',
  megawatts: 'MW',
  gigawatts: 'GW',
};
/** Words that cannot name what money is for. */
const NOT_PURPOSES =
  /^(?:a|an|the|its|their|his|her|this|that|year|years|month|week|day|last|next|each|total|sum|amount|more|less|further|additional|extra|new)$/;

/**
 * An amount of money and what it is for, or null when the sentence does not
 * say what the money is ("a €50 million fund", "500 million crowns in
 * emergency aid", "€20 million for retraining", "€62,000 per worker", "raised
 * its fund to €75 million"): what it is for is part of the quantity, so two
 * sums for different things never meet. `from`/`at` are the number's tokens.
 */
function moneyFrame(toks: Token[], from: number, at: number, clauseStart: number): Frame | null {
  let currency: string | null = null;
  let first = from;
  let past = at;
  if (toks[from - 1] && toks[from - 1]!.w in CURRENCY_SIGNS) {
    currency = CURRENCY_SIGNS[toks[from - 1]!.w]!;
    first = from - 1;
  } else if (toks[at] && toks[at]!.w in CURRENCY_WORDS) {
    currency = CURRENCY_WORDS[toks[at]!.w]!;
    past = at + 1;
  }
  if (!currency) return null;
  const purpose = (noun: string | undefined) =>
    noun && !NOT_PURPOSES.test(noun) && !(noun in CURRENCY_WORDS)
      ? { measure: `${noun} (${currency})`, past, first }
      : null;
  // "€62,000 per worker", "€45 million a day".
  if (toks[past]?.w === 'per' || ((toks[past]?.w === 'a' || toks[past]?.w === 'an') && toks[past + 1]?.w === 'day'))
    return purpose(`per ${toks[past + 1]?.w ?? ''}`.trim() === 'per' ? undefined : `per ${toks[past + 1]!.w}`);
  // "€2,000 to each evacuated household", "€500 for each child": per household, per child.
  if ((toks[past]?.w === 'to' || toks[past]?.w === 'for') && toks[past + 1]?.w === 'each') {
    // ("to each evacuated household": the last word of the phrase, past its participle.)
    let e = past + 2;
    while (isWord(toks[e + 1]) && e < past + 4 && !PHRASE_END.has(toks[e + 1]!.w)) e++;
    return purpose(isWord(toks[e]) ? `per ${toks[e]!.w}` : undefined);
  }
  // "a €50 million fund", "its €20 million retraining budget": the noun the amount modifies.
  let k = past;
  const nouns: string[] = [];
  while (isWord(toks[k]) && nouns.length < 3 && !PHRASE_END.has(toks[k]!.w) && !(toks[k]!.w in EVENT_VERBS)) {
    nouns.push(toks[k]!.w);
    k++;
  }
  const head = nouns.findLast((w) =>
    /^(?:fund|funds|budget|aid|package|loan|loans|grant|grants|bill|deal|plan|programme|program|investment|bonus|payment|payments|fine|damages|losses|compensation|bailout|subsidy|subsidies|cost|costs|debt|revenue|profit)$/.test(
      w,
    ),
  );
  if (head) return purpose(head.replace(/s$/, ''));
  // "500 million crowns in emergency aid", "€20 million for retraining".
  if ((toks[past]?.w === 'in' || toks[past]?.w === 'for') && isWord(toks[past + 1])) {
    const [phrase] = nounPhraseAfter(toks, past + 1);
    return purpose(phrase.filter((w) => !DETERMINERS.has(w)).at(-1));
  }
  // "raised its support fund to €75 million", "a budget of €3 billion": the noun before.
  const prep = toks[first - 1]?.w;
  if (prep === 'to' || prep === 'of' || prep === 'at' || prep === 'from') {
    // ("the emergency fund for the outbreak stands at 30 million shillings": the fund heads the clause.)
    for (let b = first - 2; b >= Math.max(clauseStart, first - 7); b--) {
      const w = toks[b]!.w;
      if (toks[b]!.kind !== 'word') break;
      if (/^(?:fund|budget|aid|package|loan|grant|bill|cost|losses|compensation|bailout|subsidy|payment)s?$/.test(w))
        return purpose(w.replace(/s$/, ''));
    }
  }
  return { measure: null, past, first };
}

/** The head of a noun phrase read up to its verb: "210 millimetres of rain fell" is rain, "the Assembly met" the Assembly. */
function nounBeforeVerb(phrase: string[]): string | undefined {
  const verb = phrase.findIndex((w) => /ed$/.test(w) || /^(?:fell|fall|falls|came|hit|met|was|were|is|are)$/.test(w));
  return (verb < 0 ? phrase : phrase.slice(0, verb)).filter((w) => !DETERMINERS.has(w)).at(-1);
}

/**
 * A size joined to the number ("the 52,000-seat stadium", "a 300-bed
 * hospital", "the 240-member Assembly"): the capacity of the thing the
 * compound describes, which is its "who", so two capacities of different
 * things never meet.
 */
function capacityFrame(toks: Token[], t: string, at: number): Frame | null {
  const unit = toks[at];
  if (!unit || unit.kind !== 'word' || t[unit.start - 1] !== '-' || !/\d/.test(t[unit.start - 2] ?? '')) return null;
  if (!/^(?:seat|seater|capacity|member|bed|room|place|berth)$/.test(unit.w)) return null;
  const thing = nounBeforeVerb(nounPhraseAfter(toks, at + 1)[0]);
  return thing ? { measure: 'capacity', who: thing, past: at + 1 } : null;
}

/**
 * A measured amount with its unit and what it measures ("210 millimetres of
 * rain", "25,000 tonnes of debris"), or null: a distance that only says where
 * something is ("12 km south of the town") is never a figure.
 */
function unitFrame(toks: Token[], at: number): Frame | null {
  const unit = UNITS[toks[at]?.w ?? ''];
  if (!unit || toks[at + 1]?.w !== 'of') return null;
  // "within two kilometres of the site": a distance from a place, not an amount of it.
  if (DETERMINERS.has(toks[at + 2]?.w ?? '')) return null;
  const noun = nounBeforeVerb(nounPhraseAfter(toks, at + 2)[0]);
  if (!noun || NOT_COUNT_NOUNS.test(noun)) return null;
  return { measure: `${noun} (${unit})`, past: at + 1 };
}

/** Nouns for those who work somewhere, or their posts. */
const WORKFORCE_NOUNS = /^(?:staff|workers|employees|workforce|jobs|people|personnel|miners|nurses|drivers)$/;
/** Common nouns for the employer a story is about: "the plant's 3,400 staff" needs no owner to tell it apart. */
const EMPLOYERS =
  /^(?:plant|plant's|company|company's|firm|firm's|factory|factory's|mine|mine's|works|site|site's|mill|mill's|group|group's)$/;

/**
 * Whether a count is a workforce ("employs more than 3,800 people", "the
 * plant's 3,400 staff") or the part of one kept on ("the remaining 500
 * staff", "around 500 staff to remain", "keep about 800 of the plant's 3,400
 * staff"), with the named employer when a capitalised possessive names one
 * ("Castor's 1,200 workers"): a supplier's workers are not the company's.
 */
function workforceOf(
  toks: Token[],
  t: string,
  from: number,
  head: string | null,
  past: number,
  clauseFrom: number,
): { measure: string; owner: string | null } | null {
  const prev = toks[from - 1];
  const employs = /^(?:employs|employed|employing|employ|employs)$/.test(prev?.w ?? '');
  const possessive = prev && /'s$/.test(prev.w) ? prev : null;
  const kept =
    prev?.w === 'remaining' ||
    toks.slice(clauseFrom, from).some((x) => /^(?:keep|keeps|keeping|kept|retain|retains|retaining)$/.test(x.w)) ||
    toks.slice(past, past + 4).some((x, k, near) => x.w === 'to' && /^(?:remain|stay)$/.test(near[k + 1]?.w ?? ''));
  // "keep about 800 of the plant's 3,400 staff": the part kept, counted in the noun of the whole.
  const partOf =
    toks[past]?.w === 'of' && toks[past + 1]?.w === 'the'
      ? nounPhraseAfter(toks, past)[0].filter(isCountNoun).at(-1)
      : null;
  const noun = head ?? partOf;
  if (!noun || !WORKFORCE_NOUNS.test(noun)) return null;
  if (kept) return { measure: 'workforce kept', owner: null };
  if (!employs && !possessive) return null;
  if (noun === 'people' && !employs) return null;
  // "the supplier's 400 staff" and "Castor's 1,200 workers" name their employer; "the plant's" is the story's own.
  const owner = possessive && !EMPLOYERS.test(possessive.w) ? possessive.w.replace(/'s$/, '') : null;
  return { measure: 'workforce', owner };
}

/** Verbs of change (and the words around them) between a counted subject and its number: "cases climbed to 790". */
const SUBJECT_LINK =
  /^(?:rose|risen|rises|rising|climbed|climbs|reached|reaches|reach|passed|passes|pass|topped|tops|hit|hits|jumped|surpassed|exceeded|exceeds|numbered|number|totalled|totaled|totals|stood|stands|stand|was|is|were|are|now|at|to|has|have|had|been|increased|grew|fell|dropped|edged|crept)$/;

/**
 * The plural noun a verb of change has for subject, right before the number
 * ("Suspected cases climbed to 790": cases, suspected), or null. A noun for
 * people is not read here (the frame says what happened to them), nor a verb
 * of saying ("police said 14").
 */
function subjectBefore(toks: Token[], from: number, clauseFrom: number): { noun: string; state: string | null } | null {
  let k = from - 1;
  let linked = false;
  while (k >= clauseFrom && k >= from - 5 && SUBJECT_LINK.test(toks[k]!.w)) {
    linked = true;
    k--;
  }
  // "cases of measles climbed to 430": the noun before "of" is counted.
  if (toks[k - 1]?.w === 'of' && isWord(toks[k - 2]) && isCountNoun(toks[k - 2]!.w) && k - 2 >= clauseFrom) k -= 2;
  const noun = toks[k];
  if (!linked || !isWord(noun) || !isCountNoun(noun.w) || noun.w in PEOPLE_NOUNS || PEOPLE_SUFFIX.test(noun.w))
    return null;
  if (noun.w in MEASURE_NOUNS || k < clauseFrom) return null;
  return { noun: noun.w, state: STATES[toks[k - 1]?.w ?? ''] ?? null };
}

/** Figures of one sentence. */
function readSentence(
  t: string,
  sentStart: number,
  sentEnd: number,
  work: Work | undefined,
  carried: Quantity | null = null,
): { figures: Omit<Figure, 'text' | 'start' | 'end'>[]; spans: [number, number][] } {
  const toks = tokenize(t, sentStart, sentEnd, work);
  const sentence = t.slice(sentStart, sentEnd);
  const claimant = asWritten(claimantIn(toks), sentence);
  const figures: Omit<Figure, 'text' | 'start' | 'end'>[] = [];
  const spans: [number, number][] = [];
  let clauseStart = 0;
  let previousCountEnd = 0;
  /** The measure of the last figure, for "including five children" and "of whom 12". */
  let lastMeasure: string | null = null;
  let lastWho: string | null = null;
  let lastState: string | null = null;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    if (tok.w === ';' || tok.w === ':') clauseStart = i + 1;
    const n = tok.kind === 'num' || tok.kind === 'word' ? readNumber(toks, i, t) : null;
    if (!n) continue;
    const share =
      shareFrame(toks, t, n.from, n.to, Math.max(clauseStart, previousCountEnd)) ??
      moneyFrame(toks, n.from, n.to, clauseStart) ??
      capacityFrame(toks, t, n.to) ??
      unitFrame(toks, n.to);
    if (!share && notAFigure(toks, n, t)) {
      i = n.to - 1;
      continue;
    }
    // The hedge before, or a range "between X and Y" / "X to Y" / "X or so" / "two plus million".
    let hedge: Hedge = 'exact';
    let from = n.from;
    let to = n.to;
    let upper = n.upper;
    // "about €62,000": the hedge stands before the currency sign.
    const sign = share?.first ?? n.from;
    const before = hedgeBefore(toks, sign);
    if (toks[n.from - 1]?.w === 'between') {
      const and = toks[n.to]?.w === 'and' ? readNumber(toks, n.to + 1, t) : null;
      if (and && and.value > n.value) {
        upper = and.scaled ? and.value : and.value * (n.scaled ? n.scaled.scale : 1);
        from = n.from - 1;
        to = and.to;
      }
    } else if (toks[n.to]?.w === 'to' && toks[n.to + 1]?.kind === 'num') {
      const other = readNumber(toks, n.to + 1, t);
      if (other && other.value > n.value && !notAFigure(toks, other, t)) {
        upper = other.value;
        to = other.to;
      }
    }
    if (sign < from) from = sign;
    if (upper !== null) hedge = 'range';
    else if (n.vague) hedge = 'atLeast';
    else if (before) {
      hedge = before.hedge;
      from = before.from;
      // "well over", "just over": more than; "just under": nearly (HEDGE_WORDS decides).
    }
    // "cases have passed 900", "the toll topped 70": more than.
    if (
      hedge === 'exact' &&
      /^(?:passed|passes|pass|exceeded|exceeds|surpassed|surpasses|topped|tops)$/.test(toks[from - 1]?.w ?? '')
    )
      hedge = 'moreThan';
    if (hedge === 'exact' && toks[n.to]?.w === 'or' && toks[n.to + 1]?.w === 'so') {
      hedge = 'about';
      to = n.to + 2;
    }
    // "two plus million", "2 million-plus", "200-plus": more than, whatever hedge stands before it.
    if (
      upper === null &&
      (toks[n.from + 1]?.w === 'plus' || /-plus$/.test(toks[n.to - 1]!.w) || toks[n.to]?.w === 'plus')
    ) {
      hedge = 'moreThan';
      if (toks[n.to]?.w === 'plus') to = n.to + 1;
    }
    if (share) to = Math.max(to, share.past);
    const precision = statedPrecision(n.value, n.scaled);
    const interval: Interval = intervalOf(hedge, n.value, precision, {
      scaled: n.scaled !== null,
      upper: upper ?? undefined,
    });

    // What is counted.
    const [phrase, past] = nounPhraseAfter(toks, to);
    const head = phrase.at(-1) ?? null;
    let measure: string | null = null;
    let who: string | null = null;
    let state: string | null = null;
    let region: string | null = null;
    const area = phrase.length > 0 && AREA_UNITS.test(phrase[0]!);
    const beforeWord = toks[from - 1]?.w;
    if (beforeWord && beforeWord in STATES) state = STATES[beforeWord]!;
    for (const w of phrase) {
      if (w in STATES) state = STATES[w]!;
      // "640 scheduled flights", "14 damaged bridges": a participle before the noun is its state.
      else if (
        toks[to]?.w !== 'of' &&
        w !== phrase.at(-1) &&
        /ed$/.test(w) &&
        isCountNoun(phrase.at(-1)!) &&
        phrase.indexOf(w) === phrase.length - 2
      )
        state = stateWord(w);
      if (REGIONS.has(w)) region = w;
    }
    const whoWord = phrase.find((w) => w in PEOPLE_NOUNS && PEOPLE_NOUNS[w]);
    if (whoWord) who = PEOPLE_NOUNS[whoWord]!;
    else {
      const adjective = phrase.find((w) => /^(?:palestinian|israeli)s?$/.test(w));
      if (adjective) who = adjective.replace(/s?$/, 's');
    }
    const fb = frameBefore(toks, from, clauseStart);
    const fa = frameAfter(toks, past);
    if (area) measure = 'area';
    else if (head && head in MEASURE_NOUNS) measure = MEASURE_NOUNS[head]!;
    else if (fb.measure === 'population') measure = 'population';
    else if (fb.ordered && leaveFollows(toks, past)) measure = 'ordered to leave';
    else if (fb.measure && fb.strong) measure = fb.measure;
    else if (fa.measure) measure = fa.measure;
    else if (fb.measure && !fa.predicate && !fa.active) measure = fb.measure;
    else if (fa.active) measure = head && !(head in PEOPLE_NOUNS) ? head : (who ?? null);
    else if (head && THING_NOUNS.has(head)) measure = head;
    else if (head && !(head in PEOPLE_NOUNS) && isCountNoun(head)) measure = head;
    else if (!head && toks[past]?.w === '-' && lastMeasure) measure = lastMeasure;
    // "Suspected cases climbed to 790", "cases pass 900": the noun a verb of change has for subject is counted.
    if (!measure && !(head && isCountNoun(head))) {
      const subject = subjectBefore(toks, from, Math.max(clauseStart, previousCountEnd));
      if (subject) {
        measure = subject.noun;
        state = state ?? subject.state;
      }
    }
    // "will cut 2,600 jobs rather than the 2,900 it announced", "close to 3,000 jobs would go — 2,900 by
    // its own count —": a number with no noun of its own, set against or restating the count before it in
    // the sentence, counts the same.
    const restated = !(head && isCountNoun(head)) && !!lastMeasure && restatesBefore(toks, from, previousCountEnd);
    if (restated) {
      measure = lastMeasure;
      who = lastWho;
    }
    // "up from 58 a day earlier": the same count, earlier.
    if (toks[from - 1]?.w === 'from' && /^(?:up|down)$/.test(toks[from - 2]?.w ?? '') && lastMeasure) {
      measure = lastMeasure;
      who = lastWho;
    }
    const jobs = head && JOB_NOUNS.has(head);
    if (jobs) {
      const verb = fa.measure ?? (fb.strong ? fb.measure : null);
      measure =
        head === 'redundancies' ||
        head === 'layoffs' ||
        (verb && /^(?:cut|lost|killed)$/.test(verb)) ||
        goes(toks, past)
          ? 'jobs cut'
          : 'jobs';
    } else if (
      head &&
      !(head in PEOPLE_NOUNS) &&
      !(head in MEASURE_NOUNS) &&
      !THING_NOUNS.has(head) &&
      isCountNoun(head) &&
      measure !== 'area' &&
      !(measure && isEvent(measure) && PEOPLE_SUFFIX.test(head))
    ) {
      // "40,000 head of cattle drowned", "14 damaged bridges", "30-40 villages": the thing counted, in the state the frame says.
      const event: string | null = measure && measure !== head ? measure : null;
      measure = head;
      // ("214 flights axed": things other than jobs that are cut are called off.)
      state = state ?? (event === 'cut' ? 'cancelled' : event);
    } else if (measure && THING_NOUNS.has(measure)) {
      // "14,000 homes were flooded": the thing counted, in the state the verb says.
      const verb = fa.measure ?? fb.measure;
      if (verb && /^(?:destroyed|damaged|flooded|burned|lost)$/.test(verb)) state = verb;
      measure = 'homes';
    } else if (head && THING_NOUNS.has(head) && measure && /^(?:destroyed|damaged|flooded|burned)$/.test(measure)) {
      state = measure;
      measure = 'homes';
    }
    // (A participle the lexicon does not know is a state of things, not of people: "evacuees are housed".)
    state = state ?? (fa.predicate && measure && isEvent(measure) ? null : fa.state);
    // "still held" sets hostages apart from those freed; "remain missing", "remain deployed" are the count itself.
    if (state === 'held' && measure !== 'hostages') state = null;
    // "38,000 passengers were affected": a participle the lexicon does not know says what happened to people.
    if (fa.participle && head && (head in PEOPLE_NOUNS || PEOPLE_SUFFIX.test(head)) && (!measure || measure === head)) {
      measure = fa.participle;
      who = PEOPLE_NOUNS[head] !== undefined ? PEOPLE_NOUNS[head]! : head;
      if (state === fa.participle) state = null;
    }
    // "Some 4,000 troops were working alongside volunteers": those sent to help are deployed.
    if (!measure && who && /^(?:soldiers|police|firefighters|rescuers|volunteers|personnel|officers)$/.test(who)) {
      measure = 'deployed';
    }
    // "cutting 2,900 of the plant's 3,400 jobs": a cut counts jobs.
    if (measure === 'cut') measure = 'jobs cut';
    // "a plant that employs more than 3,800 people", "the plant's 3,400 staff", "the remaining 500 staff":
    // those who work there, or those kept on.
    const workforce = workforceOf(toks, t, from, head, past, Math.max(clauseStart, previousCountEnd));
    if (workforce && measure !== 'jobs cut') {
      measure = workforce.measure;
      who = workforce.owner;
      state = null;
    }
    // "including five children", "among them 11 children": a part of the count before it.
    const including =
      toks[from - 1]?.w === 'including' ||
      toks[from - 1]?.w === 'among' ||
      (toks[from - 2]?.w === 'among' && toks[from - 1]?.w === 'them');
    if (including && lastMeasure && (!measure || measure === who)) measure = lastMeasure;
    if (!measure && (head === 'people' || head === 'others' || who) && lastMeasure && including) measure = lastMeasure;
    // "14,000 of those fatalities were combatants": the complement says who.
    let whoByComplement = false;
    if (toks[past]?.w === 'were' || toks[past]?.w === 'are') {
      const complementHead = nounPhraseAfter(toks, past + 1)[0].at(-1);
      if (complementHead && PEOPLE_NOUNS[complementHead]) {
        who = PEOPLE_NOUNS[complementHead]!;
        whoByComplement = true;
      }
    }
    // "with 12 children among the dead".
    if (toks[past]?.w === 'among' && toks[past + 1]?.w === 'the' && toks[past + 2]) {
      const among = MEASURE_NOUNS[toks[past + 2]!.w];
      if (among) measure = among;
    }
    // "59 were residents swept from cars": a part of the count before it, by who they were.
    if (!phrase.length && (toks[to]?.w === 'were' || toks[to]?.w === 'was') && (lastMeasure || fb.measure)) {
      const [complement] = nounPhraseAfter(toks, toks[to + 1]?.w === 'a' ? to + 2 : to + 1);
      const noun = complement.at(-1);
      if (noun && !(noun in MEASURE_NOUNS) && !(noun in EVENT_VERBS) && isCountNoun(noun)) {
        // A part named by who they were: "residents" here is not "people in general".
        who = PEOPLE_NOUNS[noun] ?? noun;
        measure = lastMeasure ?? fb.measure;
      }
    }
    // "where 34 bodies were recovered", "31 of the dead were found in Hollin": a part of the toll, by place.
    const subset =
      toks[from - 1]?.w === 'where' ||
      (toks[to]?.w === 'of' && toks[to + 1]?.w === 'the' && (toks[to + 2]?.w ?? '') in MEASURE_NOUNS);
    if ((subset && !whoByComplement) || head === 'bodies')
      region = placeIn(toks, t, to, clauseEndOf(toks, to)) ?? placeIn(toks, t, Math.max(0, from - 8), from) ?? 'part';
    // "the Unity Party won 104 seats", "87 seats for the Greens": whose things are counted.
    if (measure && !isEvent(measure) && !['population', 'area', 'homes', 'jobs', 'jobs cut'].includes(measure) && !who)
      who = partyNameOf(ownerIn(toks, t, Math.max(clauseStart, previousCountEnd, from - 6), from, past));
    // "on both sides" says who.
    for (let k = past; k < Math.min(toks.length, past + 8); k++)
      if (toks[k]!.w === 'both' && toks[k + 1]?.w === 'sides') who = 'both sides';
    if (measure === 'population' || measure === 'ordered to leave' || measure === 'evacuated') {
      for (let k = past; k < Math.min(toks.length, past + 6); k++) if (REGIONS.has(toks[k]!.w)) region = toks[k]!.w;
    } else if (!subset && head !== 'bodies') region = region && (measure === 'homes' ? region : null);
    // "45 guards were seized", "12 villagers died": a plural noun the lexicon does not know says who, when the frame is an event.
    if (
      !who &&
      measure &&
      isEvent(measure) &&
      head &&
      !(head in MEASURE_NOUNS) &&
      !(head in PEOPLE_NOUNS) &&
      isCountNoun(head) &&
      head !== measure
    )
      who = head;
    if (measure === who) who = null;
    // "640 suspected cases, 85 of them confirmed", "Of those, 96 have been confirmed", "17 people, nine of
    // them firefighters": a part of the count before it (in this sentence or the one before), told apart
    // by what follows; a part nothing tells apart is left unread rather than taken for the whole.
    // ("14,000 of those fatalities were combatants" names its noun and is read as any count is.)
    const ofThem =
      toks[to]?.w === 'of' &&
      (/^(?:them|whom)$/.test(toks[to + 1]?.w ?? '') || (toks[to + 1]?.w === 'those' && toks[to + 2]?.kind !== 'word'));
    const ofThose =
      toks[from - 1]?.w === ',' && /^(?:them|those)$/.test(toks[from - 2]?.w ?? '') && toks[from - 3]?.w === 'of';
    const partOf: Quantity | null = lastMeasure
      ? { measure: lastMeasure, who: lastWho, state: lastState, region: null, scope: null }
      : carried;
    if ((ofThem || ofThose) && partOf && !share) {
      let p = ofThem ? to + 2 : to;
      while (/^(?:have|has|had|been|were|are|was|is|now|still|all)$/.test(toks[p]?.w ?? '')) p++;
      const next = toks[p]?.w ?? '';
      measure = null;
      const stateBefore = STATES[toks[from - 1]?.w ?? ''] ?? STATES[toks[from - 2]?.w ?? ''];
      if (fa.measure === 'in shelters' || fa.measure === 'in hospital') measure = fa.measure;
      else if (stateBefore) {
        // "verifying close to 25,000 of them": the state is written before.
        measure = partOf.measure;
        who = partOf.who;
        state = stateBefore;
      } else if (next in PEOPLE_NOUNS && PEOPLE_NOUNS[next]) {
        measure = partOf.measure;
        who = PEOPLE_NOUNS[next]!;
        state = partOf.state;
      } else if (next in STATES) {
        measure = partOf.measure;
        who = partOf.who;
        state = STATES[next]!;
      }
    }
    if (share && (share.measure || !restated)) {
      measure = share.measure;
      who = share.who ?? null;
      state = null;
      region = null;
    }
    // "between 100 and 110 of the 240 seats", "112 of the Assembly's 240 seats": the whole a count is part of
    // belongs to no party and is no forecast; a name right before it ("the Assembly's") is its owner.
    const possessive = /'s$/.test(toks[from - 1]?.w ?? '') ? toks[from - 1]! : null;
    const whole =
      previousCountEnd > 0 &&
      toks[from - (possessive ? 2 : 1)]?.w === 'the' &&
      toks[from - (possessive ? 3 : 2)]?.w === 'of' &&
      from - (possessive ? 3 : 2) === previousCountEnd;
    if (whole && measure && !isEvent(measure) && !measure.startsWith('workforce')) {
      who = possessive ? possessive.w.replace(/'s$/, '') : null;
      state = 'in all';
    }
    // "projected to take 106 seats", "an exit poll … put the party on 29%": a forecast is not the count it forecasts.
    else if (measure !== 'capacity' && measure !== 'population' && projectedBefore(toks, clauseStart, from))
      state = 'projected';
    // "a magnitude 6.2 earthquake", "the 5.9-magnitude quake": the size of the event.
    if (toks[from - 1]?.w === 'magnitude' || (toks[to]?.w === 'magnitude' && t[toks[to]!.start - 1] === '-')) {
      measure = 'magnitude';
      who = null;
      state = null;
    }
    // "the ferry was carrying 212 passengers", "had 300 people on board": those aboard.
    if (
      /^(?:carrying|carried|carries|carry)$/.test(toks[from - 1]?.w ?? '') &&
      head &&
      (head in PEOPLE_NOUNS || PEOPLE_SUFFIX.test(head))
    ) {
      measure = 'aboard';
      who = PEOPLE_NOUNS[head] !== undefined ? PEOPLE_NOUNS[head]! : head;
    }
    // "212 passengers and 18 crew", "1,300 homes were destroyed and 4,000 damaged": a count joined by "and" to the
    // one before it has its frame, with its own noun or its own participle.
    const joined =
      toks[from - 1]?.w === 'and' &&
      previousCountEnd > 0 &&
      from - 1 - previousCountEnd <= 5 &&
      toks.slice(previousCountEnd, from - 1).every((x) => x.kind === 'word');
    if (joined && lastMeasure && !share) {
      if (head && (head in PEOPLE_NOUNS || PEOPLE_SUFFIX.test(head)) && (!measure || measure === 'deployed')) {
        measure = lastMeasure;
        who = PEOPLE_NOUNS[head] !== undefined ? PEOPLE_NOUNS[head]! : head;
      } else if (!head && !(measure && isEvent(measure))) {
        const own: string | null = fa.measure ?? fa.state ?? measure;
        measure = lastMeasure;
        who = lastWho;
        state = own && own !== lastMeasure ? own : lastState;
      }
    }
    // "The stadium, which holds 52,000,": the capacity of the thing the clause is about.
    if (
      /^(?:holds|seats|accommodates|hold)$/.test(toks[from - 1]?.w ?? '') &&
      /^(?:which|that)$/.test(toks[from - 2]?.w ?? '') &&
      toks[from - 3]?.w === ',' &&
      isWord(toks[from - 4]) &&
      !head
    ) {
      measure = 'capacity';
      who = toks[from - 4]!.w;
      state = null;
    }
    // "the district's 150,000 residents", "the town's 9,000 people": those who live in a place.
    const placeOwner = toks[from - 1]?.w.replace(/'s$/, '') ?? '';
    if (
      /'s$/.test(toks[from - 1]?.w ?? '') &&
      PLACE_NOUNS.has(placeOwner) &&
      /^(?:residents|people|inhabitants|citizens)$/.test(head ?? '') &&
      !fa.measure
    )
      measure = 'population';
    // The figure's clause: from the count before it to the count after it, so
    // "15,000 … and that 1,000 were killed on October 7" gives the date to 1,000 only.
    const clauseEnd = nextCount(toks, to, t);
    const clauseFrom = Math.max(clauseStart, previousCountEnd);
    // "rose to 17 on Tuesday, up from 12 a day earlier": the day written after a figure is its own, before
    // one written earlier in its clause (a dateline's "Aug 4", the count before it's "on Tuesday").
    const day = dayIn(toks, to, clauseEnd) ?? dayIn(toks, clauseFrom, clauseEnd);
    let scope =
      toks[from - 1]?.w === 'first' || toks[from - 1]?.w === 'initial'
        ? 'in the first round'
        : /^(?:more|additional|new|further|extra)$/.test(toks[to]?.w ?? '')
          ? 'more since the last count'
          : scopeIn(toks, clauseFrom, clauseEnd);
    // "212 flights were cancelled on Monday": things that something happened to on a named day are that day's
    // count, not a running total as of it ("the toll rose to 58 on Monday" is the toll as of Monday).
    const stateByVerb = !!state && (state === fa.state || state === fb.measure || state === 'cancelled');
    if (
      !scope &&
      !restated &&
      day &&
      WEEKDAYS.has(day) &&
      measure &&
      !isEvent(measure) &&
      stateByVerb &&
      state !== 'projected'
    )
      scope = `on ${day}`;
    figures.push({
      low: interval.low,
      high: interval.high,
      lowOpen: interval.lowOpen,
      highOpen: interval.highOpen,
      quantity: measure ? { measure, who, state, region, scope } : null,
      when: day,
      claimant,
      sentence,
    });
    spans.push([toks[from]!.start, toks[to - 1]!.end]);
    previousCountEnd = to;
    if (measure && !including) {
      lastMeasure = measure;
      lastWho = who;
      lastState = state;
    }
    i = to - 1;
  }
  return { figures, spans };
}

/**
 * Find every figure in `text` (or an article already prepared for the other
 * detectors), with what it counts.
 */
export function detectFigures(input: string | PreparedArticle): Figure[] {
  const { source: text, norm, sentences, work } = articleOf(input);
  const t = norm.text;
  const out: Figure[] = [];
  let at = 0;
  /** What the previous sentence's last figure counts: "Of those, 96 have been confirmed" is a part of it. */
  let carried: Quantity | null = null;
  while (at < t.length) {
    const [sentStart, sentEnd] = sentences.around(at);
    const { figures, spans } = readSentence(t, sentStart, sentEnd, work, carried);
    carried = figures.findLast((f) => f.quantity)?.quantity ?? null;
    figures.forEach((f, k) => {
      const [start, end] = toSource(norm, spans[k]![0], spans[k]![1]);
      out.push({ text: text.slice(start, end), start, end, ...f });
    });
    at = Math.max(sentEnd + 1, at + 1);
  }
  inheritWho(out);
  return out;
}

/** Who a noun for people names ("children", "palestinians"): a group a later count of the same measure may belong to. */
const PEOPLE_WHO = new Set(Object.values(PEOPLE_NOUNS).filter((w): w is string => w !== null));

/** "These figures … with around 24,000 fatalities identified": a count with no "who" takes it from the count of the same measure it follows. */
function inheritWho(figures: Figure[]): void {
  for (let i = 1; i < figures.length; i++) {
    const q = figures[i]!.quantity;
    if (!q || q.who) continue;
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const prev = figures[k]!;
      if (
        prev.quantity?.measure === q.measure &&
        prev.quantity.who &&
        prev.quantity.who !== 'both sides' &&
        // "the Civic Union took 1.4 million ballots, while 52,000 ballots were declared invalid": an owner is not inherited.
        PEOPLE_WHO.has(prev.quantity.who) &&
        (prev.quantity.scope ?? null) === (q.scope ?? null) &&
        figures[i]!.start - prev.end < 250
      ) {
        q.who = prev.quantity.who;
        break;
      }
    }
  }
}

/** Words a reader would use for a quantity: "Palestinians killed", "people ordered to leave", "homes flooded". */
export function describeQuantity(q: Quantity): string {
  const people =
    q.who ??
    (['homes', 'area', 'population', 'turnout', 'magnitude'].includes(q.measure) || !isEvent(q.measure)
      ? ''
      : 'people');
  const region = q.region ? `${q.region} ` : '';
  // "civic union's share of the vote", "share of homes".
  if (q.measure.startsWith('share of') || q.measure.startsWith('turnout'))
    return `${q.measure}${q.who ? ` for ${q.who}` : ''}${q.state ? ` (${q.state})` : ''}${q.scope ? ` ${q.scope}` : ''}`;
  const base =
    q.measure === 'homes'
      ? `homes${q.state ? ` ${q.state}` : ''}`
      : q.measure === 'area'
        ? `area${q.state ? ` ${q.state}` : ''}`
        : `${region}${people ? `${people} ` : ''}${q.measure}${q.state && q.state !== q.measure ? ` (${q.state === 'held' ? 'still held' : q.state})` : ''}`;
  return `${base}${q.scope ? ` ${q.scope}` : ''}`.replace(/\s+/g, ' ').trim();
}

const EVENTS = new Set([
  'killed',
  'injured',
  'casualties',
  'hostages',
  'evacuated',
  'ordered to leave',
  'missing',
  'rescued',
  'arrested',
  'hospitalised',
  'treated',
  'homeless',
  'survivors',
  'in hospital',
  'in shelters',
  'aboard',
]);
function isEvent(measure: string): boolean {
  return EVENTS.has(measure);
}

/** Whether `measure` is what happened to people ("killed", "in hospital"), a count that runs from day to day. */
export function isPeopleCount(measure: string): boolean {
  return EVENTS.has(measure);
}

/** Measures the reader names from its lexicons (what happened to people, and the counts of a place or event), not a raw noun. */
const NAMED_MEASURES = new Set([
  ...EVENTS,
  'population',
  'bodies recovered',
  'deployed',
  'jobs cut',
  'homes',
  'area',
  // the capacity of the thing a compound names ("the 52,000-seat stadium"): its who says which
  'capacity',
  // turnout in percent, the day's final unless an hour is its scope
  'turnout (%)',
  // those who work at a place, and those kept on: an employer other than the story's own is their who
  'workforce',
  'workforce kept',
]);

/**
 * Whether `measure` is one the reader names from its lexicons ("killed",
 * "ordered to leave", "homes"), rather than the raw noun of a count
 * ("stations", "seats"), which says less about what is counted.
 */
export function isNamedMeasure(measure: string): boolean {
  return NAMED_MEASURES.has(measure);
}
