import tseslint from 'typescript-eslint';

/** What a room of lib/ may not import (see docs/architecture.md; tests/layout-rules.test.ts checks the same). */
const outside = (...rooms) => rooms.flatMap((room) => [`../${room}/*`, `../../lib/${room}/*`, `**/lib/${room}/*`]);
const noBrowser = [
  { name: 'wxt/browser', message: 'The engine never talks to the extension APIs.' },
  { name: 'webextension-polyfill', message: 'The engine never talks to the extension APIs.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', '.bench/', 'data/corpus.json'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Page and corpus text must never become markup.' },
      ],
    },
  },
  {
    // The text engine is pure: text in, plain data out.
    files: ['lib/text/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noBrowser,
          patterns: [
            { group: outside('corpus', 'page', 'extension', 'node'), message: 'lib/text imports only lib/text.' },
            { group: ['node:*'], message: 'lib/text runs in the browser too.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'navigator'],
    },
  },
  {
    // The corpus builds and matches on the engine, and is pure too.
    files: ['lib/corpus/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noBrowser,
          patterns: [
            {
              group: outside('page', 'extension', 'node'),
              message: 'lib/corpus imports only lib/text and lib/corpus.',
            },
            { group: ['node:*'], message: 'lib/corpus runs in the browser too.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'navigator'],
    },
  },
  {
    // Page code gets its DOM passed in; it never talks to the extension.
    files: ['lib/page/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noBrowser,
          patterns: [
            { group: outside('extension', 'node'), message: 'lib/page never imports extension or Node code.' },
          ],
        },
      ],
    },
  },
);
