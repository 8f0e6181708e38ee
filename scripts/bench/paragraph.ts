/**
 * Long paragraphs on the command line: a page that is one paragraph of figures
 * with no full stop, and one of quotes, each about PARAGRAPH_KB kilobytes,
 * annotated with `npm run annotate` as a reader would run it. Detectors that
 * re-read a sentence for every number or quote take minutes on these; linear
 * ones take about as long as reading the page.
 *
 * `npx tsx scripts/bench/paragraph.ts [--kb N]` prints one line per page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Size of each page's one paragraph, in kilobytes. */
export const PARAGRAPH_KB = 300;

export interface ParagraphRow {
  page: 'figures' | 'quotes';
  kb: number;
  /** Wall-clock milliseconds of `npm run annotate` on the page, process start included. */
  ms: number;
}

const FIGURE_CLAUSES = [
  'at least 1,200 people were killed and about 3,400 were injured in the north',
  'officials said more than 240 hostages remain held while nearly 15,000 fighters died',
  'some 2 million residents of northern Gaza were told to evacuate within 24 hours',
  'up to 36,586 Palestinians were reported dead on Oct 7 and 14,000 combatants wounded',
];

const QUOTE_CLAUSES = [
  '"We will not allow the bloodshed to continue in the region," Putin said',
  'while "the talks must go on whatever happens," he added',
  'and Lavrov told reporters that "nobody wants a wider war in the Middle East"',
  'a spokesman called the strike "absolutely unacceptable" and urged restraint',
];

/** One paragraph of `clauses`, joined without a full stop, about `kb` kilobytes long. */
export function paragraph(clauses: readonly string[], kb: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < kb * 1024; i++) {
    const clause = clauses[i % clauses.length]!;
    parts.push(clause);
    length += clause.length + 2;
  }
  return parts.join(', ');
}

const page = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;

export function runParagraph(kb = PARAGRAPH_KB, log: (line: string) => void = () => {}): ParagraphRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'retold-paragraph-'));
  try {
    const rows: ParagraphRow[] = [];
    for (const [name, clauses] of [
      ['figures', FIGURE_CLAUSES],
      ['quotes', QUOTE_CLAUSES],
    ] as const) {
      const file = join(dir, `${name}.html`);
      writeFileSync(file, page(`A long paragraph of ${name}`, paragraph(clauses, kb)));
      log(`annotating a ${kb} KB paragraph of ${name}`);
      const start = performance.now();
      const run = spawnSync('npx', ['tsx', 'scripts/annotate.ts', file], { encoding: 'utf8' });
      const ms = performance.now() - start;
      if (run.status !== 0) throw new Error(`annotate failed on the ${name} page:\n${run.stderr}`);
      rows.push({ page: name, kb, ms });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const kb = argv.includes('--kb') ? Number(argv[argv.indexOf('--kb') + 1]) : PARAGRAPH_KB;
  for (const row of runParagraph(kb, (line) => process.stderr.write(`bench: ${line}\n`)))
    process.stdout.write(`${row.kb} KB paragraph of ${row.page}: ${(row.ms / 1000).toFixed(2)} s\n`);
}
