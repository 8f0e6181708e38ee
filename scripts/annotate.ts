/**
 * `npm run --silent annotate -- <file.html|file.txt> [--json] [--corpus file]`:
 * the notes a reader would see on a saved article, as text or as one JSON object.
 * Exit 2 with a one-line error when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { Annotator, type Notes } from '../lib/corpus/annotate';
import { CorpusSchema, describeIssues } from '../lib/corpus/schema';
import { readArticleFile } from '../lib/node/io';
import { clipArticle, MAX_READ_CHARS } from '../lib/page/article';

function render(notes: Notes, text: string): string {
  const lines: string[] = [];
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  lines.push(
    `${count(notes.remarks.length, 'remark')} and ${count(notes.figures.length, 'figure')} also reported elsewhere.`,
  );
  if (notes.excluded.length)
    lines.push(`(This article is in the corpus as ${notes.excluded.join(', ')}; left out of the comparison.)`);
  for (const r of notes.remarks) {
    lines.push('', `“${r.quote}”${r.speaker ? ` — ${r.speaker}` : ''}  [line ${lineOf(text, r.start)}]`);
    for (const m of r.matches)
      lines.push(`    ${m.outlet ?? m.articleId}: “${m.quote}”  (${Math.round(m.similarity * 100)}% alike)`);
  }
  for (const f of notes.figures) {
    lines.push(
      '',
      `${f.text} ${f.quantity}${f.claimant ? ` (${f.claimant})` : ''}  [line ${lineOf(text, f.start)}] — ${f.differs ? 'outlets DIFFER' : 'outlets agree'}`,
    );
    for (const o of f.others)
      lines.push(
        `    ${o.outlet ?? o.articleId}: ${o.text}${o.claimant ? ` (${o.claimant})` : ''} — ${o.verdict === 'over-time' ? `another day${o.day ? ` (${o.day})` : ''}` : o.verdict === 'differ' ? 'cannot both be right' : 'agrees'}`,
      );
  }
  return lines.join('\n');
}

const lineOf = (text: string, at: number) => text.slice(0, at).split('\n').length;

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const corpusIndex = argv.indexOf('--corpus');
  const corpusPath =
    corpusIndex >= 0 ? argv[corpusIndex + 1] : new URL('../data/corpus.json', import.meta.url).pathname;
  const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--corpus');
  if (!file) {
    console.error('usage: npm run --silent annotate -- <file.html|file.txt> [--json] [--corpus corpus.json]');
    return 2;
  }
  let text: string;
  let date: string | null;
  try {
    const article = readArticleFile(file);
    if (article.warning) console.error(`annotate: ${article.warning}`);
    ({ text, date } = article);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // A stack overflow or a message that already names the file is passed on as it is.
    const why =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EISDIR'
          ? 'it is a folder'
          : err.message.replace(`${file}: `, '');
    console.error(`annotate: cannot read ${file}: ${why}`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(corpusPath!, 'utf8'));
  } catch (e) {
    console.error(`annotate: cannot read the corpus ${corpusPath}: ${(e as Error).message.split('\n')[0]}`);
    return 2;
  }
  const corpus = CorpusSchema.safeParse(raw);
  if (!corpus.success) {
    console.error(`annotate: the corpus ${corpusPath} is invalid: ${describeIssues(corpus.error).split('\n')[0]}`);
    return 2;
  }
  // Read as the extension reads it: the first MAX_READ_CHARS characters of a long article.
  const clipped = clipArticle(text);
  if (clipped.clipped)
    console.error(
      `annotate: a long article (${text.length.toLocaleString('en')} characters): the first ${MAX_READ_CHARS.toLocaleString('en')} characters are read`,
    );
  text = clipped.text;
  const notes = new Annotator(corpus.data).annotate(text, { date });
  if (json) {
    const { excluded: _excluded, ...out } = notes;
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else process.stdout.write(`${render(notes, text)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
