/**
 * `npm run corpus:synthetic -- --articles N [--out folder] [--seed S]`: a
 * corpus folder of N articles for the scale benchmark: the five seed articles
 * plus news coverage of made-up events (many outlets, speakers, quotes and
 * figures, worded the way newsrooms word them), and a known set of planted
 * articles that quote real seed remarks:
 * - variants that must match: verbatim, with words swapped for synonyms, an
 *   excerpt, a light edit;
 * - decoys that must not: the same words from another speaker, or the
 *   remark with its claim negated.
 * The folder gets `manifest.json`, the articles and `planted.json` (the
 * truth the benchmark scores against). The same N and seed give the same folder.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectQuotes } from '../../lib/text/quotes';
import { articleId, parseManifest, sentencesOf } from '../../lib/corpus/corpus';
import { contentStems, words } from '../../lib/text/words';
import { loadWordNet } from '../../lib/node/io';
import type { Manifest } from '../../lib/corpus/schema';

export type VariantKind = 'verbatim' | 'synonyms' | 'excerpt' | 'edit';
export type DecoyKind = 'other-speaker' | 'negated';

/** A planted article: which seed quote it quotes, and how. */
export interface Planted {
  articleId: string;
  kind: VariantKind | DecoyKind;
  /** True for variants (same remark), false for decoys (must not match). */
  same: boolean;
  source: { articleId: string; quote: string };
  /** The wording the planted article prints. */
  text: string;
}

export interface SyntheticFolder {
  manifest: Manifest;
  files: Map<string, string>;
  planted: Planted[];
}

/** Share of the synthetic articles that are planted variants, and of decoys. */
const PLANTED_SHARE = 0.02;
const DECOY_SHARE = 0.01;
/** Articles per made-up event, on average. */
const ARTICLES_PER_EVENT = 25;

/** mulberry32: a small seeded generator, so a folder can be rebuilt exactly. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  /** `k` different items of `list`, in random order. */
  const some = <T>(list: readonly T[], k: number): T[] =>
    list
      .map((x) => ({ x, key: next() }))
      .sort((a, b) => a.key - b.key)
      .slice(0, k)
      .map(({ x }) => x);
  return { next, int, pick, some, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

const FIRST_NAMES =
  'Maria Daniel Amina Pavel Sofia Kenji Laila Tomas Grace Omar Ingrid Mateo Nadia Samuel Yara Viktor Elena Kwame Hana Lucas Irene Ahmed Chloe Dmitri Fatima Jonas Priya Rafael Leila Anders'.split(
    ' ',
  );
/** Surnames few enough that different people now and then share one, as they do in the news. */
const SURNAMES =
  'Kovac Okafor Lindqvist Haddad Moreau Tanaka Novak Mensah Ortega Petrov Nakamura Salazar Brennan Osei Varga Rahman Keller Duarte Ibrahim Castellano Halloran Sandoval Weiss Adeyemi Kowalski Farouk Marchetti Rosen Abebe Quinn Okonkwo Bergstrom Lazarev Achterberg Mwangi Delacroix Szabo Yilmaz Fitzgerald Moravec Oyelaran Vasquez Thorsen Dragomir Kiplagat Esposito Hakimi Lindgren Barros Wojcik Nakashima Albescu Renner Obi Castell Falk Ivanova Serrano Mahlangu Holm'.split(
    ' ',
  );
const ROLES = [
  'Interior Minister',
  'Mayor',
  'Governor',
  'Health Minister',
  'Prime Minister',
  'Foreign Minister',
  'police chief',
  'union leader',
  'opposition leader',
  'fire chief',
  'aid coordinator',
  'spokesperson',
];
const OUTLET_WORDS = {
  first: 'Daily Evening Morning Northern Coastal National Metro Capital Harbour Valley Continental Global'.split(' '),
  second: 'Herald Courier Ledger Tribune Observer Gazette Post Chronicle Dispatch Standard Monitor Review'.split(' '),
};
const PLACE_PARTS = {
  start: 'Var Bel Kor Mar Tal Os Dun Ser Lun Ar Ves Kal Bran Mir Tor Zel'.split(' '),
  end: 'na grad ov ia burg esti mouth ford ara ovo holm ica'.split(' '),
};

interface EventKind {
  name: string;
  /** Figure sentences: {n} is the number, {place} the place. */
  figures: string[];
  nouns: string[];
}
const EVENT_KINDS: EventKind[] = [
  {
    name: 'floods',
    figures: [
      'At least {n} people were killed in the floods in {place}.',
      'More than {n} residents were displaced as the river burst its banks.',
      'Some {n} homes were destroyed, officials said.',
      '{n} people were injured.',
    ],
    nouns: ['the floods', 'the water', 'the river', 'the dams'],
  },
  {
    name: 'earthquake',
    figures: [
      'The earthquake killed at least {n} people in {place}.',
      'About {n} people were injured.',
      'Nearly {n} buildings were destroyed.',
      'More than {n} people were displaced.',
    ],
    nouns: ['the earthquake', 'the collapsed buildings', 'the aftershocks'],
  },
  {
    name: 'factory explosion',
    figures: [
      'The explosion at the chemical plant near {place} killed {n} workers.',
      'At least {n} people were injured.',
      'More than {n} residents were evacuated from nearby streets.',
    ],
    nouns: ['the explosion', 'the plant', 'the safety inspections'],
  },
  {
    name: 'protests',
    figures: [
      'Police arrested more than {n} protesters in {place}.',
      'At least {n} people were injured in clashes with police.',
      'Organisers said {n} people took part in the march.',
    ],
    nouns: ['the protests', 'the police', 'the new law', 'the arrests'],
  },
  {
    name: 'wildfires',
    figures: [
      'The fires have killed at least {n} people around {place}.',
      'More than {n} residents were evacuated.',
      'Some {n} homes were destroyed.',
    ],
    nouns: ['the fires', 'the smoke', 'the firefighters', 'the forests'],
  },
  {
    name: 'ceasefire talks',
    figures: [
      'The fighting near {place} has killed at least {n} civilians.',
      'More than {n} people have been displaced by the fighting.',
      'The two sides agreed to exchange {n} prisoners.',
    ],
    nouns: ['the ceasefire', 'the talks', 'the shelling', 'the border'],
  },
];

/** A remark grammar in the register of quoted officials: opener, claim, object, tail. */
const OPENERS = [
  'We',
  'Our ministers',
  'The people of {place}',
  'Our rescue teams',
  'The residents of {place}',
  'Our volunteers',
  'The families here',
  'Our doctors',
];
const CLAIMS = [
  'will not accept',
  'cannot ignore',
  'must respond to',
  'are determined to end',
  'have warned for years about',
  'will rebuild after',
  'demand a full inquiry into',
  'will never forget',
  'are deeply concerned about',
  'reject',
  'will not be silenced by',
  'need help to recover from',
];
/** The object of a claim: "the {adjective} {noun} {of what}", drawn from pools large enough that two remarks rarely share more than a word or two. */
const ADJECTIVES =
  'reckless unprecedented devastating shameful careless brutal chaotic avoidable systematic deliberate sudden endless dangerous illegal senseless growing cynical costly repeated quiet'.split(
    ' ',
  );
const NOUNS =
  'neglect destruction looting evictions negligence corruption blockade cuts delays shortages closures layoffs censorship mismanagement intimidation sabotage profiteering harassment'.split(
    ' ',
  );
const OF_WHAT = [
  'of our hospitals',
  'in the harbour district',
  'against aid workers',
  'in the northern villages',
  'of the water supply',
  'at the border crossings',
  'of the pension fund',
  'of the power grid',
  'in the refugee camps',
  'of local farmers',
  'at the main railway station',
  'of the emergency services',
  'in the old town',
  'of small businesses',
  'of the school system',
  'along the coast road',
];
const OBJECTS = ['{noun}', 'what happened after {noun}', '{object}', '{object}', '{object}', '{object}'];
const TAILS = [
  ' in {place}',
  ' in {place} this week',
  ' in {place} at any price',
  ' without delay, here in {place}',
  ' in {place}, and we will hold those responsible to account',
  ' before the winter comes to {place}',
  ' after {noun}',
];
/** Second sentences: a frame filled from the same pools, so that two speakers rarely say the same one. */
const SECOND_SENTENCES = [
  'Nobody can accept the {adjective} {noun} {of what}.',
  'We have all seen the {adjective} {noun} {of what}.',
  'This is about the {adjective} {noun} {of what}, and people here know it.',
  'I have never seen such {adjective} {noun} {of what}.',
  'The families of {place} have paid for the {adjective} {noun} {of what}.',
  'Ask anyone about the {adjective} {noun} {of what}.',
].map((s) => s.replace('{noun}', '{thing}'));
/** How outlets reword one another's quotes of the made-up speakers. */
const SWAPS: Record<string, string> = {
  destruction: 'devastation',
  demand: 'call for',
  reject: 'refuse',
  negligence: 'carelessness',
  shortages: 'scarcity',
  answers: 'explanations',
  reckless: 'careless',
  dangerous: 'perilous',
  senseless: 'pointless',
  corruption: 'graft',
};
const DROPPABLE = [' deeply ', ' full ', ' whole ', ' so ', ' very ', ' all '];

interface Person {
  name: string;
  role: string;
}
interface MadeUpEvent {
  title: string;
  place: string;
  date: string;
  kind: EventKind;
  people: Person[];
  remarks: { person: Person; text: string }[];
  figures: { sentence: string; value: number }[];
}

function fill(template: string, place: string, noun: string): string {
  return template.replaceAll('{place}', place).replaceAll('{noun}', noun);
}

function madeUpEvent(r: Random): MadeUpEvent {
  const kind = r.pick(EVENT_KINDS);
  const place = r.pick(PLACE_PARTS.start) + r.pick(PLACE_PARTS.end);
  const day = new Date(Date.UTC(2021, 0, 1) + r.int(4 * 365) * 86_400_000);
  const people = Array.from({ length: 2 + r.int(3) }, () => ({
    name: `${r.pick(FIRST_NAMES)} ${r.pick(SURNAMES)}`,
    role: r.pick(ROLES),
  }));
  const remarks = Array.from({ length: 4 + r.int(5) }, () => {
    const noun = r.pick(kind.nouns);
    const object = `the ${r.pick(ADJECTIVES)} ${r.pick(NOUNS)} ${r.pick(OF_WHAT)}`;
    const claim = r.pick(OBJECTS).replace('{object}', object);
    let text = fill(`${r.pick(OPENERS)} ${r.pick(CLAIMS)} ${claim}${r.pick(TAILS)}.`, place, noun);
    if (r.chance(0.4))
      text += ` ${fill(r.pick(SECOND_SENTENCES), place, noun)
        .replace('{adjective}', r.pick(ADJECTIVES))
        .replace('{thing}', r.pick(NOUNS))
        .replace('{of what}', r.pick(OF_WHAT))}`;
    return { person: r.pick(people), text };
  });
  const figures = kind.figures.map((sentence) => ({
    sentence: sentence.replaceAll('{place}', place),
    value: [12, 40, 150, 600, 2_400, 15_000, 48_000][r.int(7)]! + r.int(900),
  }));
  return {
    title: `${kind.name[0]!.toUpperCase()}${kind.name.slice(1)} in ${place}`,
    place,
    date: day.toISOString().slice(0, 10),
    kind,
    people,
    remarks,
    figures,
  };
}

/** One outlet's wording of a remark: mostly verbatim, sometimes edited as newsrooms do. */
function reword(r: Random, text: string): string {
  const roll = r.next();
  if (roll < 0.6) return text;
  if (roll < 0.8) {
    const word = Object.keys(SWAPS).find((w) => text.includes(w));
    return word ? text.replace(word, SWAPS[word]!) : text;
  }
  const drop = DROPPABLE.find((w) => text.includes(w));
  return drop ? text.replace(drop, ' ') : text;
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** One outlet's figure: the event's value, rounded or revised, with the hedges newsrooms use. */
function reportFigure(r: Random, sentence: string, value: number): string {
  const revised = Math.max(2, Math.round(value * (0.9 + r.next() * 0.2)));
  const rounded = revised > 1000 && r.chance(0.4) ? Math.round(revised / 1000) * 1000 : revised;
  return sentence.replace('{n}', formatNumber(rounded));
}

function attribute(r: Random, text: string, person: Person | null): string {
  const body = text.replace(/[.!?]$/, '');
  if (!person) return `“${body},” the ${r.pick(['ministry', 'agency', 'council'])} said in a statement.`;
  const surname = person.name.split(' ').at(-1)!;
  switch (r.int(4)) {
    case 0:
      return `“${body},” ${person.name} said.`;
    case 1:
      return `${person.role} ${person.name} told reporters: “${text}”`;
    case 2:
      return `“${body},” ${surname} said on ${r.pick(['Monday', 'Tuesday', 'Thursday', 'Friday'])}.`;
    default:
      return `${person.name}, the ${person.role.toLowerCase()}, said: “${text}”`;
  }
}

const FILLER = [
  'Emergency services said the situation remained difficult.',
  'Local officials held a briefing in the afternoon.',
  'Aid groups have set up shelters in schools and sports halls.',
  'The regional government has promised compensation.',
  'Critics said the authorities had ignored earlier warnings.',
  'Opposition parties called for an emergency session of parliament.',
  'Residents described scenes of confusion in the first hours.',
  'Neighbouring countries have offered assistance.',
  'Road and rail links in the area remain closed.',
  'Schools will stay closed until the end of the week.',
];

function eventArticle(r: Random, event: MadeUpEvent): string {
  const paragraphs = [`${event.title}: ${r.pick(FILLER)}`, r.some(FILLER, 2).join(' ')];
  const figures = r.some(event.figures, 1 + r.int(event.figures.length));
  paragraphs.push(figures.map((f) => reportFigure(r, f.sentence, f.value)).join(' '));
  const quoted = r.some(event.remarks, 2 + r.int(3));
  for (const remark of quoted) {
    paragraphs.push(attribute(r, reword(r, remark.text), r.chance(0.1) ? null : remark.person));
    paragraphs.push(r.some(FILLER, 3).join(' '));
  }
  return `${paragraphs.join('\n\n')}\n`;
}

/**
 * Paragraphs of made-up news, about `words` words of it: section headings and
 * event reports, for the long demo page that measures Retold on a page of
 * 50,000 words. No WordNet and no seeds: only the event grammar.
 */
export function longRead(words: number, seed = 7): string[] {
  const r = random(seed);
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const event = madeUpEvent(r);
    const section = [event.title, ...eventArticle(r, event).split(/\n+/).filter(Boolean)];
    for (const p of section) count += p.split(/\s+/).length;
    out.push(...section);
  }
  return out;
}

/** A seed remark sentence worth planting: attributed to Putin, with enough words to be told apart. */
interface SeedSentence {
  articleId: string;
  event: string;
  quote: string;
  sentence: string;
}

function seedSentences(seedsDir: string): { manifest: Manifest; sentences: SeedSentence[] } {
  const manifest = parseManifest(readFileSync(join(seedsDir, 'manifest.json'), 'utf8'));
  const sentences: SeedSentence[] = [];
  for (const entry of manifest.articles) {
    const text = readFileSync(join(seedsDir, entry.file), 'utf8');
    for (const q of detectQuotes(text)) {
      if (!q.speaker || !/putin/i.test(q.speaker)) continue;
      for (const sentence of sentencesOf(q.quote))
        if (contentStems(sentence).length >= 6)
          sentences.push({ articleId: articleId(entry.file), event: entry.event!, quote: q.quote, sentence });
    }
  }
  return { manifest, sentences };
}

/** Swap one or two content words for a WordNet synonym, as a second translation of the remark would. */
function synonymVariant(r: Random, sentence: string, related: (word: string) => string[]): string | null {
  const candidates = words(sentence)
    .filter((w) => w.content && w.word.length > 4)
    .map((w) => ({ word: w.word, options: related(w.word) }))
    .filter((c) => c.options.length > 0);
  if (candidates.length === 0) return null;
  let out = sentence;
  for (const c of r.some(candidates, 1 + r.int(2)))
    out = out.replace(new RegExp(`\\b${c.word}\\b`, 'i'), r.pick(c.options));
  return out === sentence ? null : out;
}

/** A run of 5 to 9 words, as a partial quote; null when the run holds fewer than three content words (nobody could match it). */
function excerpt(r: Random, sentence: string): string | null {
  const tokens = sentence.replace(/[.!?]$/, '').split(/\s+/);
  const length = Math.min(tokens.length, 5 + r.int(5));
  const start = r.int(tokens.length - length + 1);
  const text = tokens.slice(start, start + length).join(' ');
  return contentStems(text).length >= 3 ? text : null;
}

function lightEdit(sentence: string): string | null {
  for (const word of ['really ', 'currently ', 'all ', 'very ', 'now ', 'just '])
    if (sentence.includes(word)) return sentence.replace(word, '');
  const clauses = sentence.split(', ');
  return clauses.length > 1 ? `${clauses.slice(0, -1).join(', ')}.` : null;
}

function negate(sentence: string): string | null {
  if (/\bdoes not\b/.test(sentence)) return sentence.replace(/\bdoes not\b/, 'does');
  if (/\bis not\b/.test(sentence)) return sentence.replace(/\bis not\b/, 'is');
  if (/\b(is|are|was|will)\b/.test(sentence)) return sentence.replace(/\b(is|are|was|will)\b/, '$1 not');
  return null;
}

/** Build the folder's contents in memory: `articles` in all, the five seeds among them. */
export function syntheticFolder(articles: number, seedsDir: string, seed = 1): SyntheticFolder {
  const r = random(seed);
  const { manifest: seeds, sentences } = seedSentences(seedsDir);
  const synthetic = Math.max(0, articles - seeds.articles.length);
  const plantedCount = Math.round(synthetic * PLANTED_SHARE);
  const decoyCount = Math.round(synthetic * DECOY_SHARE);
  const files = new Map<string, string>();
  const manifest: Manifest = { articles: [...seeds.articles] };
  const planted: Planted[] = [];
  const outlets = Array.from(
    { length: 60 },
    (_, i) => `The ${OUTLET_WORDS.first[i % 12]} ${OUTLET_WORDS.second[Math.floor(i / 5) % 12]}`,
  );

  const { wordnet } = loadWordNet();
  const relatedCache = new Map<string, string[]>();
  const related = (word: string) => {
    let list = relatedCache.get(word);
    if (!list) {
      list = [...wordnet.related(word)].filter((l) => /^[a-z]{4,}$/.test(l)).sort();
      relatedCache.set(word, list);
    }
    return list;
  };

  const add = (file: string, text: string, meta: Omit<Manifest['articles'][number], 'file'>) => {
    files.set(file, text);
    manifest.articles.push({ file, ...meta });
  };
  const name = (i: number) => `syn_${String(i).padStart(6, '0')}.txt`;

  let made = 0;
  // Planted articles: follow-up coverage that quotes a seed remark.
  const variantKinds: VariantKind[] = ['verbatim', 'synonyms', 'excerpt', 'edit'];
  for (
    let attempts = 0;
    planted.filter((p) => p.same).length < plantedCount && attempts < plantedCount * 20;
    attempts++
  ) {
    const s = r.pick(sentences);
    const kind = variantKinds[planted.length % variantKinds.length]!;
    const text =
      kind === 'verbatim'
        ? s.sentence
        : kind === 'synonyms'
          ? synonymVariant(r, s.sentence, related)
          : kind === 'excerpt'
            ? excerpt(r, s.sentence)
            : lightEdit(s.sentence);
    if (!text) continue;
    const id = articleId(name(made));
    const speaker = r.pick(['Vladimir Putin', 'Putin', 'President Vladimir Putin']);
    const quoteLine =
      kind === 'excerpt'
        ? `${speaker} said the situation was “${text}”, according to a transcript released by the Kremlin.`
        : `“${text.replace(/[.!?]$/, '')},” ${speaker} said, according to a transcript released by the Kremlin.`;
    add(name(made++), `${r.pick(FILLER)}\n\n${quoteLine}\n\n${r.some(FILLER, 2).join(' ')}\n`, {
      outlet: r.pick(outlets),
      title: `Putin's remarks, revisited (${made})`,
      date: '2023-10-20',
      event: s.event,
      url: null,
    });
    planted.push({ articleId: id, kind, same: true, source: { articleId: s.articleId, quote: s.quote }, text });
  }
  // Decoys: the same words from someone else, or the claim turned around.
  for (let attempts = 0; planted.filter((p) => !p.same).length < decoyCount && attempts < decoyCount * 20; attempts++) {
    const s = r.pick(sentences);
    const kind: DecoyKind = attempts % 2 === 0 ? 'other-speaker' : 'negated';
    const text = kind === 'negated' ? negate(s.sentence) : s.sentence;
    if (!text) continue;
    const speaker = kind === 'negated' ? 'Vladimir Putin' : `${r.pick(FIRST_NAMES)} ${r.pick(SURNAMES)}`;
    const id = articleId(name(made));
    add(
      name(made++),
      `${r.pick(FILLER)}\n\n“${text.replace(/[.!?]$/, '')},” ${speaker} said at a press conference.\n\n${r.pick(FILLER)}\n`,
      { outlet: r.pick(outlets), title: `Reaction (${made})`, date: '2023-10-21', event: s.event, url: null },
    );
    planted.push({ articleId: id, kind, same: false, source: { articleId: s.articleId, quote: s.quote }, text });
  }
  // Everything else: coverage of made-up events.
  const events = Array.from({ length: Math.max(1, Math.round((synthetic - made) / ARTICLES_PER_EVENT)) }, () =>
    madeUpEvent(r),
  );
  while (made < synthetic) {
    const event = r.pick(events);
    add(name(made++), eventArticle(r, event), {
      outlet: r.pick(outlets),
      title: event.title,
      date: event.date,
      event: `${event.title}, ${event.date}`,
      url: null,
    });
  }
  return { manifest, files, planted };
}

/** Write a synthetic folder: the seeds copied in, the generated articles, manifest.json and planted.json. */
export function writeSynthetic(out: string, articles: number, seedsDir = resolve('seeds'), seed = 1): SyntheticFolder {
  const folder = syntheticFolder(articles, seedsDir, seed);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const entry of folder.manifest.articles)
    if (!folder.files.has(entry.file)) copyFileSync(join(seedsDir, entry.file), join(out, entry.file));
  for (const [file, text] of folder.files) writeFileSync(join(out, file), text);
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(folder.manifest, null, 1)}\n`);
  writeFileSync(join(out, 'planted.json'), `${JSON.stringify(folder.planted, null, 1)}\n`);
  return folder;
}

function main(argv: string[]): number {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const articles = Number(value('--articles') ?? NaN);
  if (!Number.isInteger(articles) || articles < 5) {
    console.error('corpus:synthetic: give --articles N (N ≥ 5: the five seeds count)');
    return 1;
  }
  const out = resolve(value('--out') ?? `.bench/synthetic-${articles}`);
  const folder = writeSynthetic(out, articles, resolve('seeds'), Number(value('--seed') ?? 1));
  const variants = folder.planted.filter((p) => p.same).length;
  console.log(
    `${folder.manifest.articles.length} articles (${variants} planted variants, ` +
      `${folder.planted.length - variants} decoys) → ${out}\nBuild its corpus with: npm run corpus -- ${out} --out ${out}/corpus.json`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
