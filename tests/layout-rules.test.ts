/**
 * The rooms of lib/ and what each may import (docs/architecture.md). ESLint
 * enforces the same rule as code is written; this test keeps it true for the
 * whole tree, including files a lint run might skip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const filesIn = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesIn(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** Every module a file imports, as a path from the repository root for relative imports, else the package name. */
export function importsOf(file: string, source: string): string[] {
  const specs = [
    ...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]/g),
  ];
  return specs.map((m) => {
    const spec = (m[1] ?? m[2])!;
    return spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)) : spec;
  });
}

/** The rooms each room may import from; packages that talk to the browser are never allowed. */
const ALLOWED: Record<string, string[]> = {
  'lib/text': ['lib/text'],
  'lib/corpus': ['lib/text', 'lib/corpus'],
  'lib/page': ['lib/text', 'lib/corpus', 'lib/page'],
};
const BROWSER_PACKAGES = /^(wxt|webextension-polyfill|@wxt-dev\/)/;

describe('the rooms of lib/', () => {
  it('finds relative, package and dynamic imports (so the rule below can fail)', () => {
    const found = importsOf(
      'lib/text/x.ts',
      "import { a } from './words';\nimport type { B } from '../extension/messages';\nexport { c } from 'zod/mini';\nconst d = await import('../page/anchor');",
    );
    expect(found).toEqual(['lib/text/words', 'lib/extension/messages', 'zod/mini', 'lib/page/anchor']);
  });

  for (const [room, allowed] of Object.entries(ALLOWED)) {
    it(`${room} imports only from ${allowed.join(', ')} and no browser API`, () => {
      const files = filesIn(room);
      expect(files.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const file of files) {
        for (const target of importsOf(file, readFileSync(join(root, file), 'utf8'))) {
          const local = target.startsWith('lib/') || target.startsWith('data/') || target.startsWith('entrypoints/');
          if (local ? !allowed.some((a) => target.startsWith(a + '/')) : BROWSER_PACKAGES.test(target))
            wrong.push(`${file} → ${target}`);
          if (room !== 'lib/page' && target.startsWith('node:')) wrong.push(`${file} → ${target}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
