/**
 * The corpus in the built extension: a data file beside the code, not part
 * of it. At build time `data/corpus.json` (or the corpus named by
 * RETOLD_CORPUS, which the bench uses for its large synthetic corpora) is
 * checked in full against the corpus schema and written, packed by column
 * (lib/corpus/packed), as CORPUS_FILE; the background fetches it from the
 * extension's own files when it first needs it. So `background.js` stays the
 * same size whatever the corpus, and a worker start evaluates no corpus.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { CorpusSchema, describeIssues } from '../lib/corpus/schema';
import { pack, shapeOf } from '../lib/corpus/packed';
import { CORPUS_FILE } from '../lib/extension/corpus-file';

/** The corpus file a build packs: data/corpus.json unless RETOLD_CORPUS names another. */
export const corpusSource = () => resolve(process.env.RETOLD_CORPUS || 'data/corpus.json');

/** The packed text of the corpus in `file`; throws, naming each bad field, when it does not match the schema. */
export function packCorpusFile(file: string): string {
  const parsed = CorpusSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a valid corpus:\n${describeIssues(parsed.error)}`);
  return JSON.stringify(pack(parsed.data, shapeOf(CorpusSchema)));
}

export default defineWxtModule({
  name: 'retold-corpus',
  setup(wxt) {
    wxt.hook('prepare:publicPaths', (_, paths) => {
      paths.push(CORPUS_FILE);
    });
    wxt.hook('build:publicAssets', (_, files) => {
      files.push({ relativeDest: CORPUS_FILE, contents: packCorpusFile(corpusSource()) });
    });
  },
});
