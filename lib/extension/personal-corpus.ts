/**
 * The reader's remembered articles as a corpus of their own, matched by a
 * second, small Annotator beside the bundled one. Each article's quotes and
 * figures were read once, when it was remembered (articleEntries); adding
 * one only groups the remembered articles again (corpusFromEntries), which
 * costs far less than reading them: the bundled corpus is never rebuilt.
 * The annotator is rebuilt on the first page after a change, not on every
 * change, so reading ten articles in a row costs one rebuild.
 */
import { Annotator } from '../corpus/annotate';
import { corpusFromEntries, type ArticleEntries } from '../corpus/corpus';
import type { SynonymTable } from '../text/wordnet';
import type { RememberedArticle } from './remember';

export class PersonalCorpus {
  private readonly entries = new Map<string, ArticleEntries>();
  private built: Annotator | null | undefined = null;

  /**
   * `synonyms`: the bundled corpus's table. Remembered articles use words it
   * may not cover; those are matched by their letters and stems alone, as
   * WordNet is not shipped with the extension.
   */
  constructor(private readonly synonyms: SynonymTable) {}

  get size(): number {
    return this.entries.size;
  }

  /** Everything remembered, replacing what was held. */
  replace(articles: readonly RememberedArticle[]): void {
    this.entries.clear();
    for (const a of articles) this.entries.set(a.url, a.entries);
    this.built = undefined;
  }

  add(article: RememberedArticle): void {
    this.entries.set(article.url, article.entries);
    this.built = undefined;
  }

  remove(urls: readonly string[]): void {
    for (const url of urls) this.entries.delete(url);
    if (urls.length) this.built = undefined;
  }

  /** The annotator over the remembered articles; null when none is remembered. */
  annotator(): Annotator | null {
    if (this.built !== undefined) return this.built;
    const entries = [...this.entries.values()].sort((a, b) => (a.article.id < b.article.id ? -1 : 1));
    return (this.built = entries.length ? new Annotator(corpusFromEntries(entries, this.synonyms, [])) : null);
  }
}
