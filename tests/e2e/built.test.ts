/**
 * What the built extension is allowed to contain: the fewest permissions,
 * no code made from strings, no markup assigned from strings, no address to
 * fetch anything from; and Firefox's add-on linter finds nothing to say.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from '../../scripts/browser';
import { CorpusSchema } from '../../lib/corpus/schema';
import { shapeOf, unpack } from '../../lib/corpus/packed';
import { CORPUS_FILE } from '../../lib/extension/corpus-file';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(js|html|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

/**
 * URL literals that name a namespace or a documentation page, and the
 * addresses the bundled corpus records for its articles (data about where a
 * text came from); nothing is ever fetched from them.
 */
const INERT_URLS = [
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1998/Math/MathML',
  'https://developer.mozilla.org/en-US/docs/Web/API/Element/attachShadow',
  // Named in the error WXT's storage throws when loaded outside an extension.
  'https://github.com/wxt-dev/wxt/issues/371',
  'https://wxt.dev/guide/go-further/testing.html',
  ...(JSON.parse(readFileSync('data/corpus.json', 'utf8')) as { articles: { url: string | null }[] }).articles
    .map((a) => a.url)
    .filter((url) => url !== null),
];
/**
 * The addresses of the bundled corpus's articles: data a page's address is
 * compared with (to leave a page out of its own notes), never loaded.
 */
const CORPUS_URLS = CorpusSchema.parse(
  JSON.parse(readFileSync(new URL('../../data/corpus.json', import.meta.url), 'utf8')),
).articles.flatMap((a) => (a.url ? [a.url] : []));

describe.each([
  // Chromium's worker has no DOM: articles are read in an offscreen document. Its side panel needs `sidePanel`
  // (Firefox's sidebar needs no permission).
  ['Chromium', CHROME_BUILD, ['storage', 'offscreen', 'sidePanel']],
  ['Firefox', FIREFOX_BUILD, ['storage']],
])('the %s build', (_name, dir, permissions) => {
  it('asks only for storage (and an offscreen document and a side panel where it has to), and sets no content security policy of its own', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(permissions);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.content_scripts[0].matches).toEqual(['http://*/*', 'https://*/*']);
  });

  it('carries the corpus as a data file, not in its code: the background script stays small whatever the corpus', () => {
    const corpus: unknown = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
    const packed: unknown = JSON.parse(readFileSync(join(dir, CORPUS_FILE), 'utf8'));
    expect(unpack(packed, shapeOf(CorpusSchema))).toStrictEqual(corpus);
    const background = readFileSync(join(dir, 'background.js'), 'utf8');
    expect(background.length).toBeLessThan(300 * 1024);
    const quote = (corpus as { quotes: { quote: string }[] }).quotes[0]!.quote;
    expect(background).not.toContain(JSON.stringify(quote).slice(1, -1));
  });

  it('holds no code made from strings, no markup assigned from strings, and no address to load from', () => {
    for (const file of files(dir)) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/\beval\s*\(/);
      expect(code, file).not.toMatch(/\bFunction\s*\(/);
      expect(code, file).not.toMatch(/\b(?:setTimeout|setInterval)\s*\(\s*["'`]/);
      expect(code, file).not.toMatch(/\.(?:innerHTML|outerHTML)\s*=[^=]/);
      expect(code, file).not.toMatch(/insertAdjacentHTML|document\.write\s*\(/);
      expect(code, file).not.toMatch(/<script[^>]+src=["']?https?:/);
      const urls = [...code.matchAll(/https?:\/\/[\w.-]+[\w./%-]*/g)].map((m) => m[0]);
      for (const url of urls) expect([...INERT_URLS, ...CORPUS_URLS], `${file}: ${url}`).toContain(url);
    }
  });
});

describe("Firefox's add-on linter", () => {
  it('reports no error, no warning and no notice on the Firefox build', () => {
    const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_BUILD, '--output', 'json'], {
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as {
      summary: { errors: number; warnings: number; notices: number };
      warnings: { code: string; message: string }[];
    };
    expect(report.warnings.map((w) => `${w.code}: ${w.message}`)).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, notices: 0 });
  });
});
