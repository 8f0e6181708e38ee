/**
 * From the annotator's notes to what the page shows: each remark with the
 * other outlets' wordings grouped by outlet and diffed word by word against
 * this page's wording, each figure with every outlet's figure and whether it
 * agrees, and selectors that find the text again in the page. A remark the
 * page quotes in several places (headline, pull quote, body) is one note
 * with a selector for each place.
 */
import type { FigureOther, Notes, RemarkMatch, RemarkNote } from '../corpus/annotate';
import { selectorFor } from '../page/anchor';
import { focusedDiff } from '../text/diff';
import { contentStems } from '../text/words';
import type { Corpus } from '../corpus/schema';
import type { DiffPart } from '../text/diff';
import type { MatchReason, PageNotes, RemarkView, FigureView } from './messages';
import { REMEMBERED_ID_PREFIX } from './remember';

/** Why a wording was matched, read off its diff: which sides have words of their own, and where. */
export function matchReason(diff: readonly DiffPart[]): MatchReason {
  const has = (kind: DiffPart['kind']) => diff.some((p) => p.kind === kind && /[\p{L}\p{N}]/u.test(p.text));
  if (has('added') || has('removed')) return 'other-words';
  if (has('context')) return 'longer-quote';
  if (has('omitted')) return 'shorter-excerpt';
  return 'same-words';
}

export function presentNotes(notes: Notes, text: string, corpus: Corpus): PageNotes {
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const source = (articleId: string) => {
    const a = articles.get(articleId);
    const known = {
      articleId,
      outlet: a?.outlet ?? null,
      title: a?.title ?? null,
      date: a?.date ?? null,
      url: a?.url ?? null,
    };
    // An article the reader read and Retold remembered: the note says so, and links to it.
    return articleId.startsWith(REMEMBERED_ID_PREFIX) ? { ...known, fromReading: { url: a?.url ?? '' } } : known;
  };
  const outletsSeen = new Set<string>();

  const remarks: RemarkView[] = placesOfRemarks(notes.remarks, corpus).map((places) => {
    // The fullest of the page's wordings is the one the others are diffed against.
    const r = places.reduce((a, b) => (b.quote.length > a.quote.length ? b : a));
    const outlets = new Map<string, RemarkView['outlets'][number]>();
    const best = new Map<string, RemarkMatch>();
    for (const m of places.flatMap((p) => p.matches)) {
      const key = `${m.articleId}\u0000${m.quote}`;
      if ((best.get(key)?.similarity ?? -1) < m.similarity) best.set(key, m);
    }
    for (const m of [...best.values()].sort((a, b) => b.similarity - a.similarity)) {
      outletsSeen.add(m.articleId);
      let entry = outlets.get(m.articleId);
      if (!entry) outlets.set(m.articleId, (entry = { ...source(m.articleId), wordings: [] }));
      const diff = r.paraphrased ? quotedWords(focusedDiff(r.quote, m.quote)) : focusedDiff(r.quote, m.quote);
      entry.wordings.push({
        quote: m.quote,
        speaker: m.speaker,
        similarity: m.similarity,
        reason: r.paraphrased ? 'paraphrase' : matchReason(diff),
        diff,
      });
    }
    return {
      id: `${r.paraphrased ? 'paraphrase' : 'remark'}-${places[0]!.start}`,
      quote: r.quote,
      ...(r.paraphrased ? { paraphrased: true as const } : {}),
      speaker: places.find((p) => p.speaker)?.speaker ?? null,
      selectors: places.map((p) => selectorFor(text, p.start, p.end)),
      outlets: [...outlets.values()],
    };
  });

  const figures: FigureView[] = notes.figures.map((f) => {
    for (const o of f.others) outletsSeen.add(o.articleId);
    return {
      id: `figure-${f.start}`,
      text: f.text,
      quantity: f.quantity,
      selector: selectorFor(text, f.start, f.end),
      differs: f.differs,
      ...reading(f),
      others: f.others.map((o) => ({
        ...source(o.articleId),
        text: o.text,
        ...reading(o),
        verdict: o.verdict,
        agrees: o.verdict !== 'differ',
      })),
    };
  });

  return { remarks, figures, outletCount: outletsSeen.size };
}

/**
 * The outlet's quoted words against a paraphrase of them: this page's words
 * are the writer's, not a wording to strike through, so only the outlet's
 * are kept, `same` where the paraphrase uses them too.
 */
export function quotedWords(diff: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of diff) {
    if (p.kind === 'removed' || p.kind === 'omitted') continue;
    const kind = p.kind === 'same' ? 'same' : 'added';
    const last = out.at(-1);
    if (last?.kind === kind) last.text += p.text;
    else out.push({ kind, text: p.text });
  }
  return out;
}

/** The interval, day and claimant of a figure, as a view carries them. */
function reading(f: Pick<FigureOther, 'low' | 'high' | 'lowOpen' | 'highOpen' | 'day' | 'claimant'>) {
  return { low: f.low, high: f.high, lowOpen: f.lowOpen, highOpen: f.highOpen, day: f.day, claimant: f.claimant };
}

/**
 * The page's quotes grouped into remarks, each group in page order: quotes
 * whose matches stand in one of the corpus's remarks (as the corpus builder
 * grouped them), or that have the same words, are one remark quoted in
 * several places.
 */
export function placesOfRemarks(notes: readonly RemarkNote[], corpus: Corpus): RemarkNote[][] {
  const quotes = new Map(corpus.quotes.map((q) => [`${q.articleId}\u0000${q.quote}`, q]));
  const parent = notes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstWith = new Map<string, number>();
  // The sentence of a corpus quote a page quote matches: a quote of two
  // sentences is two remarks, and a page quoting each in its own place has two notes.
  const sentenceOf = (page: string, quote: Corpus['quotes'][number]): number[] => {
    if (quote.remarks.length <= 1) return quote.remarks;
    const stems = new Set(contentStems(page));
    const shared = quote.remarks.map((r) => {
      const variant = corpus.remarks[r]?.variants.find((v) => v.quote === quote.id);
      return variant ? contentStems(variant.text).filter((x) => stems.has(x)).length : 0;
    });
    const most = Math.max(...shared);
    return quote.remarks.filter((_, k) => shared[k] === most);
  };
  notes.forEach((n, i) => {
    // A paraphrase is a note of its own kind: never one group with a quote (the annotator drops a paraphrase of a quoted remark).
    const kind = n.paraphrased ? 'paraphrase' : 'quote';
    const keys = [`${kind}:words:${n.quote}`];
    for (const m of n.matches) {
      const quote = quotes.get(`${m.articleId}\u0000${m.quote}`);
      for (const r of quote ? sentenceOf(n.quote, quote) : []) keys.push(`${kind}:remark:${r}`);
    }
    for (const key of keys) {
      const j = firstWith.get(key);
      if (j === undefined) firstWith.set(key, i);
      else parent[Math.max(find(i), find(j))] = Math.min(find(i), find(j));
    }
  });
  const groups = new Map<number, RemarkNote[]>();
  notes.forEach((n, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), n]);
  });
  return [...groups.values()];
}
