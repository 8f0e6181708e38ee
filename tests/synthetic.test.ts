import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFromFolder } from '../data/build';
import { Annotator } from '../lib/corpus/annotate';
import { parseManifest } from '../lib/corpus/corpus';
import { writeSynthetic } from '../scripts/bench/synthetic';

const root = new URL('..', import.meta.url).pathname;

describe('the synthetic corpus for the scale benchmark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'retold-synthetic-'));
  const folder = writeSynthetic(dir, 300, join(root, 'seeds'));
  const corpus = buildFromFolder(dir);

  it('writes a folder the corpus builder reads: the seeds, made-up coverage and planted articles', () => {
    expect(corpus.articles).toHaveLength(300);
    expect(readdirSync(dir).filter((f) => f.endsWith('.txt'))).toHaveLength(300);
    const manifest = parseManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(new Set(manifest.articles.map((a) => a.outlet)).size).toBeGreaterThan(20);
    expect(new Set(manifest.articles.map((a) => a.event)).size).toBeGreaterThan(5);
    expect(new Set(corpus.quotes.map((q) => q.speaker)).size).toBeGreaterThan(30);
    expect(corpus.groups.length).toBeGreaterThan(10);
    expect(folder.planted.filter((p) => p.same)).toHaveLength(6);
    expect(folder.planted.filter((p) => !p.same)).toHaveLength(3);
  });

  it('is the same folder for the same size and seed', () => {
    const again = writeSynthetic(mkdtempSync(join(tmpdir(), 'retold-synthetic-')), 300, join(root, 'seeds'));
    expect(again.manifest).toEqual(folder.manifest);
    expect([...again.files]).toEqual([...folder.files]);
  });

  it('plants variants the matcher finds from the seed they quote, and decoys it refuses', () => {
    const annotator = new Annotator(corpus);
    const matched = new Map<string, Set<string>>(); // seed article → articles its quotes matched
    for (const a of corpus.articles.filter((a) => !a.id.startsWith('syn_'))) {
      const text = readFileSync(join(dir, `${a.id}.txt`), 'utf8');
      const notes = annotator.annotate(text);
      matched.set(a.id, new Set(notes.remarks.flatMap((r) => r.matches.map((m) => m.articleId))));
    }
    const found = (p: (typeof folder.planted)[number]) => matched.get(p.source.articleId)!.has(p.articleId);
    const certain = folder.planted.filter((p) => p.kind === 'verbatim' || p.kind === 'edit');
    expect(certain.length).toBeGreaterThan(0);
    for (const p of certain) expect(found(p), `${p.kind}: ${p.text}`).toBe(true);
    for (const p of folder.planted.filter((p) => !p.same))
      for (const seed of matched.values()) expect(seed.has(p.articleId), `${p.kind}: ${p.text}`).toBe(false);
  });
});
