/**
 * A corpus pack taken into the reader's remembered articles, from the
 * options page (so the scoring of a large pack runs there, not on the
 * background's thread). What is already remembered is never replaced or
 * dropped: an article remembered already is left as it is, and a pack
 * larger than the room left under the limit is taken only up to it.
 */
import { readPack } from '../corpus/pack';
import type { SynonymTable } from '../text/wordnet';
import { QuotaReachedError, type Memory } from './memory';
import { PersonalCorpus } from './personal-corpus';
import { packedArticle, withPairs } from './remember';

export interface PackImport {
  imported: number;
  /** Articles of the pack already remembered (by address), left as they were. */
  alreadyKept: number;
  /** Articles not taken because the limit of remembered articles was reached. */
  overLimit: number;
  /** What could not be read, or kept, one line each (see readPack). */
  problems: string[];
}

/** Articles scored between two pauses, so the options page keeps answering during a large import. */
const SLICE = 10;

export async function importPack(
  json: string,
  packName: string,
  memory: Memory,
  synonyms: SynonymTable,
  now = Date.now(),
): Promise<PackImport> {
  const pack = readPack(json);
  const result: PackImport = { imported: 0, alreadyKept: 0, overLimit: 0, problems: [...pack.problems] };
  if (!pack.articles.length) return result;
  const held = await memory.all();
  const kept = new Set(held.map((r) => r.url));
  const corpus = new PersonalCorpus(synonyms);
  corpus.replace(held);
  let room = memory.limits.maxArticles - held.length;
  for (const [i, { entries }] of pack.articles.entries()) {
    const record = packedArticle(entries, packName, now);
    if (kept.has(record.url)) {
      result.alreadyKept++;
      continue;
    }
    if (room <= 0) {
      result.overLimit++;
      continue;
    }
    try {
      await memory.add(withPairs(record, corpus.add(record)));
    } catch (error) {
      corpus.remove([record.url]);
      result.problems.push(
        error instanceof QuotaReachedError
          ? `${error.message} ${pack.articles.length - i} articles of the pack were not imported.`
          : `article "${entries.article.id}": could not be kept (${String(error)})`,
      );
      if (error instanceof QuotaReachedError) break;
      continue;
    }
    kept.add(record.url);
    result.imported++;
    room--;
    if (i % SLICE === SLICE - 1) await new Promise((r) => setTimeout(r, 0));
  }
  return result;
}

/** One sentence on what an import did, for the options page. */
export function describeImport(r: PackImport): string {
  const n = (count: number, one: string) => `${count.toLocaleString('en')} ${one}${count === 1 ? '' : 's'}`;
  const parts = [`Imported ${n(r.imported, 'article')}.`];
  if (r.alreadyKept) parts.push(`${n(r.alreadyKept, 'article')} already remembered, left as they were.`);
  if (r.overLimit)
    parts.push(`${n(r.overLimit, 'article')} not imported: the limit of remembered articles is reached.`);
  if (r.problems.length) parts.push(`${n(r.problems.length, 'part')} of the file could not be read:`);
  return parts.join(' ');
}
