/**
 * Corpus packs: the reader's remembered articles written as a corpus file,
 * in the format `npm run corpus` writes (so `annotate --corpus` and another
 * reader's Retold can use it), and such a file read back into articles to
 * remember. Reading is forgiving by the article: a pack is checked against
 * the corpus schema part by part, and what cannot be read is named (which
 * article, which field) and left out, while the rest is taken.
 */
import { corpusFromEntries, type ArticleEntries } from './corpus';
import { CorpusSchema, describeIssues, type CorpusArticle } from './schema';
import type { SynonymTable } from '../text/wordnet';
import type { Lexicon } from '../text/similarity';

/** The pack of some articles' entries: a corpus built by the builder's own path, serialised as the builder does. */
export function packOf(
  entries: readonly ArticleEntries[],
  synonyms: SynonymTable,
  notices: string[],
  lexicon: Lexicon = {},
): string {
  return `${JSON.stringify(corpusFromEntries(entries, synonyms, notices, lexicon))}\n`;
}

/** Largest pack read, in characters: about 3,000 remembered articles with room to spare. */
export const MAX_PACK_CHARS = 400_000_000;

/** An article read from a pack: its entries, under the pack's id for it. */
export interface PackArticle {
  entries: ArticleEntries;
}

export interface ReadPack {
  articles: PackArticle[];
  /** What could not be read, one line each, naming the article and the field. */
  problems: string[];
}

const shape = CorpusSchema.shape;
const ArticleSchema = shape.articles.def.element;
const QuoteSchema = shape.quotes.def.element;
const FigureSchema = shape.figures.def.element;

const issues = (error: Parameters<typeof describeIssues>[0]) => describeIssues(error).split('\n').join('; ');

/**
 * Read a pack. Nothing is taken from a file that is not a corpus at all (not
 * JSON, another format, no list of articles); otherwise every article that
 * passes the schema is taken with the quotes and figures of it that pass,
 * and each part left out is named.
 */
export function readPack(json: string): ReadPack {
  const problems: string[] = [];
  const fail = (problem: string): ReadPack => ({ articles: [], problems: [problem] });
  if (json.length > MAX_PACK_CHARS)
    return fail(`(whole file): larger than ${MAX_PACK_CHARS.toLocaleString('en')} characters`);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return fail(`(whole file): not a corpus file, not even JSON (${(e as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('(whole file): not a corpus file');
  const file = raw as Record<string, unknown>;
  if (file.format !== 'retold-corpus/1')
    return fail(`format: "${String(file.format)}" is not a corpus format this version reads (retold-corpus/1)`);
  if (!Array.isArray(file.articles)) return fail('articles: missing, or not a list');
  const list = (name: 'quotes' | 'figures'): unknown[] => {
    if (Array.isArray(file[name])) return file[name];
    if (file[name] !== undefined) problems.push(`${name}: not a list; no ${name} were read`);
    return [];
  };

  const articles = new Map<string, { article: CorpusArticle; entries: ArticleEntries }>();
  /** Articles left out, by id: their line, to which their quotes and figures are counted, not listed one by one. */
  const leftOut = new Map<string, { line: number; quotes: number; figures: number }>();
  file.articles.forEach((a, i) => {
    const parsed = ArticleSchema.safeParse(a);
    const id = (a as { id?: unknown } | null)?.id;
    const name = typeof id === 'string' && id ? `article "${id}"` : `article ${i + 1}`;
    const leave = (why: string) => {
      if (typeof id === 'string' && !articles.has(id))
        leftOut.set(id, { line: problems.length, quotes: 0, figures: 0 });
      problems.push(`${name}: ${why}`);
    };
    if (!parsed.success) return leave(`${issues(parsed.error)}; the article was left out`);
    if (articles.has(parsed.data.id)) return leave('a second article with this id was left out');
    articles.set(parsed.data.id, { article: parsed.data, entries: { article: parsed.data, quotes: [], figures: [] } });
  });
  const owner = (part: string, i: number, item: unknown) => {
    const articleId = (item as { articleId?: unknown } | null)?.articleId;
    return typeof articleId === 'string' && articles.has(articleId)
      ? { name: `article "${articleId}", ${part} ${i + 1}`, entries: articles.get(articleId)!.entries }
      : { name: `${part} ${i + 1}`, entries: null };
  };
  /** A part whose article was left out is counted on that article's line; one of no article at all is named. */
  const orphan = (part: 'quotes' | 'figures', name: string, articleId: unknown) => {
    const mine = typeof articleId === 'string' ? leftOut.get(articleId) : undefined;
    if (mine) mine[part]++;
    else problems.push(`${name}: no article "${String(articleId)}" in the file; left out`);
  };
  list('quotes').forEach((q, i) => {
    const { name, entries } = owner('quote', i, q);
    if (!entries) return orphan('quotes', name, (q as { articleId?: unknown } | null)?.articleId);
    const parsed = QuoteSchema.safeParse(q);
    if (!parsed.success) return problems.push(`${name}: ${issues(parsed.error)}; the quote was left out`);
    const { id: _id, remarks: _remarks, ...quote } = parsed.data;
    entries.quotes.push(quote);
  });
  list('figures').forEach((f, i) => {
    const { name, entries } = owner('figure', i, f);
    if (!entries) return orphan('figures', name, (f as { articleId?: unknown } | null)?.articleId);
    const parsed = FigureSchema.safeParse(f);
    if (!parsed.success) return problems.push(`${name}: ${issues(parsed.error)}; the figure was left out`);
    const { id: _id, group: _group, ...figure } = parsed.data;
    entries.figures.push(figure);
  });
  for (const { line, quotes, figures } of leftOut.values()) {
    const parts = [
      quotes ? `${quotes} quote${quotes === 1 ? '' : 's'}` : '',
      figures ? `${figures} figure${figures === 1 ? '' : 's'}` : '',
    ].filter(Boolean);
    if (parts.length) problems[line] += `, with its ${parts.join(' and ')}`;
  }
  return { articles: [...articles.values()].map(({ entries }) => ({ entries })), problems };
}
