/**
 * The background worker owns the corpus, the matcher and the search index,
 * so no page ever loads them. It answers "what notes does this article
 * get?" for content scripts and "what does the corpus say about…?" for the
 * popup, and keeps the toolbar badge of each tab showing how many remarks
 * matched.
 *
 * The article itself is read off the page: the content script sends a
 * snapshot of the page's DOM, and Readability runs in a document of the
 * extension (see lib/extension/read-article).
 *
 * Manifest V3 stops the worker when it is idle; the corpus is parsed again on
 * the first message after a restart (lazily, so starting is cheap).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import corpusJson from '../data/corpus.json';
import { Annotator } from '../lib/corpus/annotate';
import { AnnotateResponse, noteCount, RequestSchema, type SearchResponse } from '../lib/extension/messages';
import { CorpusSearch } from '../lib/corpus/search';
import { presentNotes } from '../lib/extension/present';
import { CorpusSchema, describeIssues } from '../lib/corpus/schema';
import { readArticle } from '../lib/extension/read-article';

export default defineBackground(() => {
  let annotator: Annotator | null = null;
  let search: CorpusSearch | null = null;
  const load = (): Annotator => {
    if (annotator) return annotator;
    const parsed = CorpusSchema.safeParse(corpusJson);
    if (!parsed.success) throw new Error(`The bundled corpus is invalid:\n${describeIssues(parsed.error)}`);
    return (annotator = new Annotator(parsed.data));
  };

  // Manifest V3 (Chromium) calls the toolbar button `action`; Firefox's Manifest V2 build, `browserAction`.
  const action = browser.action ?? browser.browserAction;
  /** The badge counts matched remarks; its tooltip also counts figures. */
  const setBadge = (tabId: number | undefined, remarks: number, notes = remarks) => {
    if (tabId === undefined) return;
    void action.setBadgeText({ tabId, text: remarks > 0 ? String(remarks) : '' });
    void action.setBadgeBackgroundColor({ tabId, color: '#3a55c4' });
    void action.setTitle({
      tabId,
      title: notes > 0 ? `Retold: ${remarks} remarks and ${notes - remarks} figures also reported elsewhere` : 'Retold',
    });
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts talk to us.
    if (sender.id !== browser.runtime.id) return undefined;
    const request = RequestSchema.safeParse(message);
    if (!request.success) return Promise.resolve({ ok: false, error: 'Unrecognised message' } as AnnotateResponse);
    const tabId = sender.tab?.id;
    if (request.data.type === 'clear') {
      setBadge(tabId, 0);
      return Promise.resolve({ ok: true });
    }
    if (request.data.type === 'search') {
      try {
        // The index is built once per worker start, on the first search.
        search ??= new CorpusSearch(load().corpus);
        const results = search.search(request.data.query);
        return Promise.resolve({ ok: true, results, searchable: search.size } satisfies SearchResponse);
      } catch (error) {
        return Promise.resolve({ ok: false, error: String(error) } satisfies SearchResponse);
      }
    }
    const { snapshot, url, threshold } = request.data;
    return (async (): Promise<AnnotateResponse> => {
      try {
        const article = await readArticle(snapshot);
        if (!article.ok) throw new Error(article.error);
        const a = load();
        const text = article.text ?? '';
        const notes = text
          ? presentNotes(a.annotate(text, { url, threshold }), text, a.corpus)
          : { remarks: [], figures: [], outletCount: 0 };
        setBadge(tabId, notes.remarks.length, noteCount(notes));
        return { ok: true, notes };
      } catch (error) {
        console.error('Retold:', error);
        setBadge(tabId, 0);
        return { ok: false, error: String(error) };
      }
    })();
  });
});
