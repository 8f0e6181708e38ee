/**
 * Chromium's offscreen document: a page of the extension with a DOM, where
 * the background worker (which has none) has articles read. See utils/read-article.
 */
import { answerExtractRequests } from '../../utils/read-article';

answerExtractRequests();
