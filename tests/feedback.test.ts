import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  entryFor,
  exportFeedback,
  hiddenKeys,
  MAX_FEEDBACK,
  noteKey,
  parseFeedback,
  withEntry,
  withoutEntry,
} from '../lib/extension/feedback';
import { presentNotes } from '../lib/extension/present';
import { loadAnnotator } from '../scripts/golden';

const annotator = loadAnnotator();
const text = readFileSync('scripts/demo/articles/retelling-st-petersburg.txt', 'utf8');
const notes = presentNotes(annotator.annotate(text), text, annotator.corpus);
const url = 'https://news.example/story';
const remark = notes.remarks[0]!;
const figure = notes.figures[0]!;

describe('what the reader says about notes', () => {
  it('keeps the page, the note and what it matched, so a maintainer can read a report without the page', () => {
    const entry = entryFor(`${url}#comments`, { kind: 'remark', remark }, 'wrong', new Date('2024-06-07T10:00:00Z'));
    expect(entry).toMatchObject({
      verdict: 'wrong',
      page: url,
      kind: 'remark',
      text: remark.quote,
      at: '2024-06-07T10:00:00.000Z',
    });
    expect(entry.matched.map((m) => m.outlet)).toEqual(remark.outlets.map((o) => o.outlet));
    expect(entry.matched[0]!.similarity).toBeGreaterThan(0);
    expect(entry.key).toBe(noteKey(url, 'remark', remark.selectors[0]!.exact));
    const exported = JSON.parse(exportFeedback([entry]));
    expect(exported).toEqual({ format: 'retold-note-feedback', version: 1, entries: [entry] });
  });

  it('says a paraphrase’s note was one, so the options page does not show the page’s words as a quotation', () => {
    const reportedText = readFileSync('scripts/demo/articles/retelling-with-reported-speech.txt', 'utf8');
    const reported = presentNotes(annotator.annotate(reportedText), reportedText, annotator.corpus);
    const paraphrase = reported.remarks.find((r) => r.paraphrased)!;
    const entry = entryFor(url, { kind: 'remark', remark: paraphrase }, 'hidden');
    expect(entry).toMatchObject({ kind: 'remark', paraphrased: true, speaker: 'Vladimir Putin' });
    expect(parseFeedback([entry]).entries).toEqual([entry]);
    expect(entryFor(url, { kind: 'remark', remark }, 'hidden')).not.toHaveProperty('paraphrased');
  });

  it('holds one entry per note, the latest verdict, and undoes one', () => {
    const hide = entryFor(url, { kind: 'figure', figure }, 'hidden');
    const wrong = entryFor(url, { kind: 'figure', figure }, 'wrong');
    const list = withEntry(withEntry([], hide), wrong);
    expect(list).toEqual([wrong]);
    expect(hiddenKeys(list).has(noteKey(url, 'figure', figure.text))).toBe(true);
    expect(withoutEntry(list, wrong.key)).toEqual([]);
  });

  it('keeps at most MAX_FEEDBACK entries, dropping the oldest', () => {
    let list = [entryFor(url, { kind: 'figure', figure }, 'hidden')];
    for (let i = 0; i < MAX_FEEDBACK; i++) list = withEntry(list, { ...list[0]!, key: `k${i}` });
    expect(list).toHaveLength(MAX_FEEDBACK);
    expect(list[0]!.key).toBe('k0');
  });

  it('reads the stored list through its schema, dropping what fails it and counting it', () => {
    const good = entryFor(url, { kind: 'remark', remark }, 'hidden');
    expect(parseFeedback([good, { key: 1 }, 'x'])).toEqual({ entries: [good], dropped: 2 });
    expect(parseFeedback(null)).toEqual({ entries: [], dropped: 0 });
    expect(parseFeedback({ not: 'a list' })).toEqual({ entries: [], dropped: 1 });
  });
});
