/**
 * From the annotator's notes to what the page shows: each remark with the
 * other outlets' wordings grouped by outlet and diffed word by word against
 * this page's wording, each figure with every outlet's figure and whether it
 * agrees, and for both a selector that finds the text again in the page.
 */
import type { Notes } from '../corpus/annotate';
import { selectorFor } from '../page/anchor';
import { focusedDiff } from '../text/diff';
import type { Corpus } from '../corpus/schema';
import type { PageNotes, RemarkView, FigureView } from './messages';
import { REMEMBERED_ID_PREFIX } from './remember';

export function presentNotes(notes: Notes, text: string, corpus: Pick<Corpus, 'articles'>): PageNotes {
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  const source = (articleId: string) => {
    const a = articles.get(articleId);
    const known = { articleId, outlet: a?.outlet ?? null, title: a?.title ?? null, date: a?.date ?? null };
    // An article the reader read and Retold remembered: the note says so, and links to it.
    return articleId.startsWith(REMEMBERED_ID_PREFIX) ? { ...known, fromReading: { url: a?.url ?? '' } } : known;
  };
  const outletsSeen = new Set<string>();

  const remarks: RemarkView[] = notes.remarks.map((r) => {
    const outlets = new Map<string, RemarkView['outlets'][number]>();
    for (const m of r.matches) {
      outletsSeen.add(m.articleId);
      let entry = outlets.get(m.articleId);
      if (!entry) outlets.set(m.articleId, (entry = { ...source(m.articleId), wordings: [] }));
      entry.wordings.push({
        quote: m.quote,
        speaker: m.speaker,
        similarity: m.similarity,
        diff: focusedDiff(r.quote, m.quote),
      });
    }
    return {
      id: `remark-${r.start}`,
      quote: r.quote,
      speaker: r.speaker,
      selector: selectorFor(text, r.start, r.end),
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

/** The interval, day and claimant of a figure, as a view carries them. */
function reading(f: {
  low: number | null;
  high: number | null;
  lowOpen: boolean;
  highOpen: boolean;
  day: string | null;
  claimant: string | null;
}) {
  return { low: f.low, high: f.high, lowOpen: f.lowOpen, highOpen: f.highOpen, day: f.day, claimant: f.claimant };
}
