import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noMarkup } from './scripts/no-markup-plugin';

// The extension: a content script that reads articles and draws notes, a
// background worker that owns the corpus and the matcher. See the README for
// what each permission is for.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out; nothing is auto-imported.
  imports: false,
  vite: () => ({ plugins: [noMarkup(), preact()] }),
  zip: { excludeSources: ['test-results/**', 'retold-demo.png'] },
  manifest: ({ browser, mode }) => ({
    name: 'Retold',
    description: 'See how other outlets quoted the same remark and reported the same figures.',
    action: { default_title: 'Retold' },
    // The browser's own shortcut: the reader can rebind it (chrome://extensions/shortcuts, Firefox's add-on
    // shortcuts), it works from the address bar too, and no page can press it. The background handles it.
    commands: {
      'toggle-notes': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Show or hide the notes on this page',
      },
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the list of notes in the side panel',
      },
      'next-note': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Go to the next note on the page' },
    },
    // Settings; and in Chromium an offscreen document, where the article of a
    // page is read off the page's main thread (Firefox's background page has a
    // DOM of its own). Content scripts need no host permission beyond their
    // match patterns.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'offscreen'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Retold collects nothing: everything stays in the browser.
            gecko: {
              id: 'retold@retold.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    // The Firefox test build only (never shipped): Firefox's test driver (WebDriver BiDi) may not open an add-on's
    // pages, so the browser tests open the options page from a test page, which may load only what is listed here.
    ...(browser === 'firefox' && mode === 'e2e' ? { web_accessible_resources: ['options.html'] } : {}),
  }),
});
