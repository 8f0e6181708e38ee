/** Where the built extension keeps its corpus, packed (see modules/corpus.ts and lib/corpus/packed). */
export const CORPUS_FILE = 'corpus.packed.json';
