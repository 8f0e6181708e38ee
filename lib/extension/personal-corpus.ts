/**
 * The reader's remembered articles as a corpus of their own, matched by a
 * second, small Annotator beside the bundled one. Each article's quotes and
 * figures were read once, when it was remembered (articleEntries); adding
 * one groups only its quotes with the remembered ones (GrowingCorpus, with
 * the builder's decisions), so the cost of remembering an article does not
 * grow with how many are remembered; the bundled corpus is never touched.
 */
import type { Annotator } from '../corpus/annotate';
import type { ArticleEntries } from '../corpus/corpus';
import { GrowingCorpus, type DecidedPair } from '../corpus/growing';
import type { Corpus } from '../corpus/schema';
import type { SynonymTable } from '../text/wordnet';
import { REMEMBERED_ID_PREFIX, type RememberedArticle } from './remember';

export class PersonalCorpus {
  private growing: GrowingCorpus;

  /**
   * `synonyms`: the bundled corpus's table. Remembered articles use words it
   * may not cover; those are matched by their letters and stems alone, as
   * WordNet is not shipped with the extension.
   */
  constructor(private readonly synonyms: SynonymTable) {
    this.growing = new GrowingCorpus(synonyms);
  }

  get size(): number {
    return this.growing.size;
  }

  /** Everything remembered, replacing what was held; `articles` least recently read first, as they were added. */
  replace(articles: readonly RememberedArticle[]): void {
    this.growing = new GrowingCorpus(this.synonyms);
    // The pairs kept with each record: nothing is scored again (see GrowingCorpus.load).
    this.growing.load(articles);
  }

  /**
   * Remember one more article; one read before takes its earlier reading's
   * place unless its text is the same. Returns the pairs to keep with its
   * record (see RememberedArticle.pairs).
   */
  add(article: RememberedArticle): DecidedPair[] {
    const { id, fingerprint } = article.entries.article;
    const held = this.growing.held(id);
    if (!held || !sameNumbers(held.article.fingerprint, fingerprint)) this.growing.add(article.entries);
    return this.growing.pairsOf(id);
  }

  remove(urls: readonly string[]): void {
    if (urls.length) this.growing.forget(urls.map((url) => `${REMEMBERED_ID_PREFIX}${url}`));
  }

  /** The annotator over the remembered articles; null when none is remembered. */
  annotator(): Annotator | null {
    return this.growing.size ? this.growing.annotator() : null;
  }

  /** The remembered articles' entries, in the order they were added. */
  entries(): ArticleEntries[] {
    return this.growing.entries();
  }

  /** The corpus as it stands (forgotten articles may still be in its lists, never matched). */
  get corpus(): Corpus {
    return this.growing.current;
  }
}

const sameNumbers = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((n, i) => n === b[i]);
