/**
 * A build step that takes every assignment of markup out of the libraries the
 * extension ships, so no built file can turn a string into nodes (and Firefox's
 * add-on linter finds none):
 * - Preact's `dangerouslySetInnerHTML` path (we never use it; ESLint bans it)
 *   now throws;
 * - Readability keeps its page cache as a cloned node instead of an HTML
 *   string, and no longer re-parses `<noscript>` contents looking for images
 *   (we read text, not images).
 * Each replacement must match exactly once, so upgrading either library fails
 * the build here instead of silently shipping the old code.
 */
import type { Plugin } from 'vite';

const PATCHES: { module: RegExp; replacements: [string, string][] }[] = [
  {
    module: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    replacements: [
      ['(t.innerHTML=h.__html)', '(()=>{throw Error("dangerouslySetInnerHTML is not allowed in Retold")})()'],
    ],
  },
  {
    module: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      ['var pageCacheHtml = page.innerHTML;', 'var pageCache = page.cloneNode(true);'],
      ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCache.cloneNode(true).childNodes);'],
      ['tmp.innerHTML = noscript.innerHTML;', ''],
    ],
  },
];

export function noMarkup(): Plugin {
  return {
    name: 'retold-no-markup',
    enforce: 'pre',
    transform(code, id) {
      const patch = PATCHES.find((p) => p.module.test(id.split('?')[0]!));
      if (!patch) return null;
      let out = code;
      for (const [from, to] of patch.replacements) {
        const count = out.split(from).length - 1;
        if (count !== 1) this.error(`expected "${from}" once in ${id}, found it ${count} times: update the patch`);
        out = out.replace(from, to);
      }
      return { code: out, map: null };
    },
  };
}
