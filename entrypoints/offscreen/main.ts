/**
 * Chromium's offscreen document: a page of the extension with a DOM, where
 * the background worker (which has none) has articles read. See lib/extension/read-article.
 */
import { answerExtractRequests } from '../../lib/extension/read-article';

answerExtractRequests();
