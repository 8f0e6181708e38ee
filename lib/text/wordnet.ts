/**
 * Derives a synonym table from WordNet's database files for the words a
 * corpus actually uses, so the table grows with the corpus instead of
 * shipping all of WordNet. Pure: the caller reads the files and passes text.
 */
import { stem } from './words';

/** Stem → stems it may stand for (synonyms, one step up or down the hierarchy). Multi-word lemmas join with `_`. */
export type SynonymTable = Record<string, string[]>;

type Pos = 'n' | 'v' | 'a' | 'r';
/** WordNet's database, by part of speech: the text of `index.<pos>` and `data.<pos>`. */
export type WordNetFiles = Record<Pos, { index: string; data: string }>;

/**
 * Senses looked at per word. WordNet lists senses by frequency; past the first
 * few, rare senses link common words to unrelated ones ("kind" → "tolerant").
 */
const SENSES_PER_WORD = 3;
/** Relations followed from every sense looked at: hypernym, similar-to, verb group. */
const RELATIONS = new Set(['@', '&', '$']);
/**
 * Hyponyms ("annihilation" under "destruction", "look like" under "resemble")
 * are followed from the first sense only, and only when there are few:
 * a verb like "happen" has a hundred, and they mean anything.
 */
const MAX_HYPONYMS = 20;
/** Lemmas too general to stand for anything in particular. */
const TOO_GENERAL = new Set(['be', 'make', 'come', 'go', 'get', 'give', 'take', 'have', 'do', 'end', 'state', 'all']);
/** A related synset with more members than this is too general to say "same meaning". */
const MAX_SYNSET_MEMBERS = 8;

interface Synset {
  lemmas: string[];
  pointers: { symbol: string; offset: string; pos: string }[];
}

/** Parsed WordNet, indexed for look-ups by lemma. */
export class WordNet {
  private readonly index = new Map<string, string[]>(); // `${pos}:${lemma}` → synset offsets
  private readonly data = new Map<string, string>(); // `${pos}:${offset}` → raw line
  private readonly exceptions = new Map<string, string>();

  constructor(files: WordNetFiles) {
    for (const pos of ['n', 'v', 'a', 'r'] as Pos[]) {
      for (const line of files[pos].index.split('\n')) {
        if (!line || line.startsWith(' ')) continue;
        const parts = line.trim().split(' ');
        const synsetCount = Number(parts[2]);
        this.index.set(`${pos}:${parts[0]}`, parts.slice(parts.length - synsetCount));
      }
      for (const line of files[pos].data.split('\n')) {
        if (!line || line.startsWith(' ')) continue;
        this.data.set(`${pos}:${line.slice(0, 8)}`, line);
      }
    }
    // Irregular forms that suffix rules miss.
    for (const [form, base] of [
      ['said', 'say'],
      ['told', 'tell'],
      ['took', 'take'],
      ['taken', 'take'],
      ['went', 'go'],
      ['gone', 'go'],
      ['children', 'child'],
      ['men', 'man'],
      ['women', 'woman'],
      ['people', 'person'],
      ['better', 'good'],
      ['worse', 'bad'],
      ['fled', 'flee'],
      ['held', 'hold'],
      ['fought', 'fight'],
      ['lives', 'life'],
    ])
      this.exceptions.set(form!, base!);
  }

  private synset(pos: string, offset: string): Synset | null {
    const line = this.data.get(`${pos === 's' ? 'a' : pos}:${offset}`);
    if (!line) return null;
    const fields = line.split(' | ')[0]!.split(' ');
    const wordCount = parseInt(fields[3]!, 16);
    const lemmas = [];
    for (let k = 0; k < wordCount; k++) lemmas.push(fields[4 + 2 * k]!.replace(/\(.*\)$/, '').toLowerCase());
    let p = 4 + 2 * wordCount;
    const pointerCount = Number(fields[p++]);
    const pointers = [];
    for (let k = 0; k < pointerCount; k++, p += 4)
      pointers.push({ symbol: fields[p]!, offset: fields[p + 1]!, pos: fields[p + 2]! });
    return { lemmas, pointers };
  }

  /** Base forms WordNet may list a surface word under (a short form of WordNet's "morphy"). */
  private baseForms(word: string, pos: Pos): string[] {
    const forms = new Set([word]);
    const irregular = this.exceptions.get(word);
    if (irregular) forms.add(irregular);
    const rules: Record<Pos, [string, string][]> = {
      n: [
        ['s', ''],
        ['ses', 's'],
        ['xes', 'x'],
        ['ches', 'ch'],
        ['shes', 'sh'],
        ['ies', 'y'],
        ['men', 'man'],
      ],
      v: [
        ['s', ''],
        ['ies', 'y'],
        ['es', 'e'],
        ['es', ''],
        ['ed', 'e'],
        ['ed', ''],
        ['ing', 'e'],
        ['ing', ''],
      ],
      a: [
        ['er', ''],
        ['est', ''],
        ['er', 'e'],
        ['est', 'e'],
      ],
      r: [],
    };
    for (const [suffix, repl] of rules[pos]) if (word.endsWith(suffix)) forms.add(word.slice(0, -suffix.length) + repl);
    return [...forms].filter((f) => this.index.has(`${pos}:${f}`));
  }

  /** Lemmas that may stand for `word`: members of its first senses' synsets and of their close relatives. */
  related(word: string): Set<string> {
    const out = new Set<string>();
    for (const pos of ['n', 'v', 'a', 'r'] as Pos[]) {
      for (const base of this.baseForms(word, pos)) {
        for (const [sense, offset] of this.index.get(`${pos}:${base}`)!.slice(0, SENSES_PER_WORD).entries()) {
          const synset = this.synset(pos, offset);
          if (!synset) continue;
          for (const l of synset.lemmas) out.add(l);
          const hyponyms = synset.pointers.filter((p) => p.symbol === '~').length;
          for (const ptr of synset.pointers) {
            const followHyponym = ptr.symbol === '~' && sense === 0 && hyponyms <= MAX_HYPONYMS;
            if (ptr.symbol === '+' && pos === 'n' && ptr.pos === 'v') {
              for (const verb of this.synset(ptr.pos, ptr.offset)?.lemmas ?? [])
                if (stem(verb) === stem(base)) for (const l of this.verbSynonyms(verb)) out.add(l);
              continue;
            }
            if (!RELATIONS.has(ptr.symbol) && !followHyponym) continue;
            const rel = this.synset(ptr.pos, ptr.offset);
            if (rel && rel.lemmas.length <= MAX_SYNSET_MEMBERS) for (const l of rel.lemmas) out.add(l);
          }
        }
      }
    }
    out.delete(word);
    for (const general of TOO_GENERAL) out.delete(general);
    return out;
  }

  /**
   * The members of a verb's first senses: a noun's verb ("elimination" →
   * "eliminate") brings the verb's synonyms ("eradicate"), whose stems are
   * their nouns' too ("eradication"), so translations that chose other nouns
   * of one action match.
   */
  private verbSynonyms(verb: string): string[] {
    const out: string[] = [];
    for (const offset of this.index.get(`v:${verb}`)?.slice(0, SENSES_PER_WORD) ?? []) {
      const synset = this.synset('v', offset);
      if (synset && synset.lemmas.length <= MAX_SYNSET_MEMBERS) out.push(...synset.lemmas);
    }
    return out;
  }

  /** Lemma → lemmas whose antonyms (or the words under them) include it: WordNet lists most antonyms one way only. */
  private opposedBy: Map<string, Set<string>> | null = null;

  private reverseAntonyms(word: string): Set<string> {
    if (!this.opposedBy) {
      this.opposedBy = new Map();
      for (const [key, line] of this.data) {
        if (!line.includes(' ! ')) continue;
        const synset = this.synset(key.slice(0, 1), key.slice(2));
        if (!synset || synset.lemmas.length > MAX_SYNSET_MEMBERS) continue;
        for (const p of synset.pointers) {
          if (p.symbol !== '!') continue;
          const opposite = this.synset(p.pos, p.offset);
          if (!opposite || opposite.lemmas.length > MAX_SYNSET_MEMBERS) continue;
          const hyponyms = opposite.pointers.filter((h) => h.symbol === '~');
          const under =
            hyponyms.length <= MAX_HYPONYMS ? hyponyms.map((h) => this.synset(h.pos, h.offset)?.lemmas ?? []) : [];
          for (const lemma of [...opposite.lemmas, ...under.flat()]) {
            let set = this.opposedBy.get(lemma);
            if (!set) this.opposedBy.set(lemma, (set = new Set()));
            for (const l of synset.lemmas) set.add(l);
          }
        }
      }
    }
    return this.opposedBy.get(word) ?? new Set();
  }

  /**
   * Lemmas that say the opposite of `word`: WordNet's antonyms ("!") of its
   * first senses, with the narrower words under them ("cut" under
   * "decrease", the antonym of "increase"), an adjective's indirect
   * antonyms through the head it is similar to ("resilient" → "spirited" →
   * "spiritless"), and antonyms reached through a derived form ("support" →
   * "supporter" ↔ "opponent" → "oppose").
   */
  antonyms(word: string): Set<string> {
    const out = new Set<string>();
    const addSynset = (s: Synset | null, narrower: boolean) => {
      if (!s || s.lemmas.length > MAX_SYNSET_MEMBERS) return;
      for (const l of s.lemmas) out.add(l);
      if (!narrower) return;
      const hyponyms = s.pointers.filter((p) => p.symbol === '~');
      if (hyponyms.length > MAX_HYPONYMS) return;
      for (const h of hyponyms) {
        const rel = this.synset(h.pos, h.offset);
        if (rel && rel.lemmas.length <= MAX_SYNSET_MEMBERS) for (const l of rel.lemmas) out.add(l);
      }
    };
    const opposites = (s: Synset) =>
      s.pointers.filter((p) => p.symbol === '!').map((p) => this.synset(p.pos, p.offset));
    for (const pos of ['n', 'v', 'a', 'r'] as Pos[]) {
      for (const base of this.baseForms(word, pos)) {
        for (const offset of this.index.get(`${pos}:${base}`)!.slice(0, SENSES_PER_WORD)) {
          const synset = this.synset(pos, offset);
          if (!synset) continue;
          for (const a of opposites(synset)) addSynset(a, true);
          for (const ptr of synset.pointers) {
            const rel = this.synset(ptr.pos, ptr.offset);
            if (!rel) continue;
            if (ptr.symbol === '&') for (const a of opposites(rel)) addSynset(a, false);
            if (ptr.symbol === '+')
              for (const a of opposites(rel))
                for (const back of a?.pointers ?? [])
                  if (back.symbol === '+' && back.pos === pos) addSynset(this.synset(back.pos, back.offset), false);
          }
        }
      }
    }
    for (const pos of ['v', 'n', 'a', 'r'] as Pos[])
      for (const base of this.baseForms(word, pos)) for (const l of this.reverseAntonyms(base)) out.add(l);
    out.delete(word);
    for (const general of TOO_GENERAL) out.delete(general);
    return out;
  }
}

/** Stem → stems of words that say its opposite ("increas" → "decreas", "cut"…). */
export type AntonymTable = Record<string, string[]>;

/**
 * Opposites of stance and verdict that news turns on and WordNet does not
 * list as antonyms: who is for or against something, and whether it went
 * well or badly.
 */
const STANCE_OPPOSITES: readonly (readonly [string[], string[]])[] = [
  [
    ['support', 'endorse', 'favour', 'favor', 'welcome', 'praise', 'accept', 'approve'],
    ['oppose', 'reject', 'condemn', 'criticise', 'criticize', 'denounce', 'disapprove', 'refuse'],
  ],
  [
    ['victory', 'triumph', 'success', 'breakthrough', 'win'],
    ['catastrophe', 'disaster', 'calamity', 'failure', 'fiasco', 'defeat', 'setback'],
  ],
];

/**
 * The antonym table for a vocabulary, built like the synonym table: only
 * words of the vocabulary get entries.
 */
export function antonymTable(wordnet: WordNet, vocabulary: Iterable<string>): AntonymTable {
  const table: Record<string, Set<string>> = {};
  const stance = new Map<string, string[]>();
  for (const [one, other] of STANCE_OPPOSITES)
    for (const [side, opposite] of [
      [one, other],
      [other, one],
    ] as const)
      for (const w of side) stance.set(stem(w), [...(stance.get(stem(w)) ?? []), ...opposite.map(stem)]);
  for (const word of [...new Set(vocabulary)].sort()) {
    const key = stem(word);
    if (TOO_GENERAL.has(word) || TOO_GENERAL.has(key)) continue;
    for (const lemma of wordnet.antonyms(word)) {
      const s = lemma.split('_').map(stem).join('_');
      if (s !== key) (table[key] ??= new Set()).add(s);
    }
    for (const s of stance.get(key) ?? []) (table[key] ??= new Set()).add(s);
  }
  const out: AntonymTable = {};
  for (const key of Object.keys(table).sort()) out[key] = [...table[key]!].sort();
  return out;
}

/**
 * The synonym table for a vocabulary: for each word, the stems of what may
 * stand for it. Only words of the vocabulary get entries, so a five-article
 * corpus carries a few kilobytes, not all of WordNet.
 */
export function synonymTable(wordnet: WordNet, vocabulary: Iterable<string>): SynonymTable {
  const table: Record<string, Set<string>> = {};
  for (const word of [...new Set(vocabulary)].sort()) {
    const key = stem(word);
    for (const lemma of wordnet.related(word)) {
      const s = lemma.split('_').map(stem).join('_');
      if (s === key) continue;
      (table[key] ??= new Set()).add(s);
    }
  }
  const out: SynonymTable = {};
  for (const key of Object.keys(table).sort()) out[key] = [...table[key]!].sort();
  return out;
}
