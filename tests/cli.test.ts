import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const annotate = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/annotate.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });

describe('annotate command', () => {
  it('prints one JSON object with remarks and figures exactly as in the article', () => {
    const run = annotate(join(root, 'tests/golden/own-retelling-bishkek/article.txt'), '--json');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    const bloodshed = out.remarks.find(
      (r: { quote: string }) => r.quote === 'Now the main thing is to stop the bloodshed',
    );
    expect(bloodshed.speaker).toBe('Vladimir Putin');
    expect(bloodshed.matches[0]).toMatchObject({ articleId: '003_6b2e10c6dedfae58', outlet: 'Forbes', similarity: 1 });
    expect(Object.keys(out)).toEqual(['remarks', 'figures']);
  });

  it('prints readable notes by default', () => {
    const run = annotate(join(root, 'seeds/000_bc9d5f5d0ffe9631.txt'));
    expect(run.stdout).toContain('approximately 15,000 fighters killed');
    expect(run.stdout).toContain('outlets DIFFER');
  });

  it('exits 2 with a one-line error for a missing file', () => {
    const run = annotate('no/such/file.txt');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['annotate: cannot read no/such/file.txt: no such file']);
  });

  it('reads a saved HTML page through Readability', () => {
    const run = annotate(join(root, 'tests/fixtures/page.html'), '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).remarks.map((r: { quote: string }) => r.quote)).toContain(
      'all constructively minded partners',
    );
  });
});
