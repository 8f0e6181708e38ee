import { defineConfig } from 'wxt';

// The extension itself (content script, background, popup, options) is built
// on this configuration; see the README for what each entrypoint does.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Retold',
    description: 'See how other outlets quoted the same remark and reported the same figures.',
  },
});
