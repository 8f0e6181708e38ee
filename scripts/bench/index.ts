/**
 * `npm run bench [-- --json] [--only browser|scale|paragraph|fairness] [--page part-of-path]`: what Retold costs a
 * reader's browser and how it holds up as the corpus grows, against the
 * targets of the performance issue. Prints a table (or, with --json, one
 * JSON object). Figures are ratios within one run wherever a target is one:
 * these machines are noisy, and a ratio survives the noise that an absolute
 * time does not.
 */
import { runScale, type ScaleRow } from './scale';
import { runBrowser, type BrowserResult, type PageResult } from './browser';
import { runParagraph, type ParagraphRow } from './paragraph';
import { runFairness, type FairnessResult } from './fairness';

export interface Target {
  name: string;
  measured: string;
  target: string;
  /** Null for a figure reported beside a target, with no target of its own. */
  met: boolean | null;
}

const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

export function targets(
  browser: BrowserResult | null,
  scale: ScaleRow[] | null,
  paragraph: ParagraphRow[] | null = null,
  fairness: FairnessResult | null = null,
): Target[] {
  const out: Target[] = [];
  for (const row of paragraph ?? [])
    out.push({
      name: `annotate on the command line: one ${row.kb} KB paragraph of ${row.page}, no full stop`,
      measured: `${(row.ms / 1000).toFixed(2)} s`,
      target: '–',
      met: null,
    });
  for (const b of fairness?.beside ?? [])
    out.push({
      name: `another tab's notes, delayed by a 300 KB paragraph in ${b.page} (alone: ${ms(fairness!.alone)})`,
      measured: ms(b.delay),
      target: '< 1 s',
      met: b.delay < 1000,
    });
  if (browser) {
    const demo = browser.pages.filter((p) => !p.long);
    const long = browser.pages.find((p) => p.long);
    const worst = (pages: PageResult[], key: (p: PageResult) => number) =>
      pages.reduce((a, b) => (key(b) > key(a) ? b : a));
    const painted = worst(demo, (p) => p.ratio);
    out.push({
      name: "start → notes painted ÷ plain Readability parse (the issue's target; see README)",
      measured: `${painted.ratio.toFixed(2)}× (${painted.page})`,
      target: '≤ 1.5×',
      met: painted.ratio <= 1.5,
    });
    const reading = worst(browser.pages, (p) => p.checkAndSnapshot / p.readability);
    out.push({
      name: 'proposed: page-thread time checking and snapshotting the page ÷ Readability parse (worst page)',
      measured: `${(reading.checkAndSnapshot / reading.readability).toFixed(2)}× (${reading.page})`,
      target: '≤ 1×',
      met: reading.checkAndSnapshot <= reading.readability,
    });
    const busy = worst(demo, (p) => p.busyRatio);
    out.push({
      name: 'proposed: all page-thread time, notes drawn ÷ Readability parse (worst demo page)',
      measured: `${busy.busyRatio.toFixed(2)}× (${busy.page})`,
      target: '≤ 3×',
      met: busy.busyRatio <= 3,
    });
    const slowest = worst(demo, (p) => p.pipeline);
    out.push({
      name: 'proposed: start → notes painted (worst demo page; 50,000 words)',
      measured: `${ms(slowest.pipeline)}; ${long ? ms(long.pipeline) : '–'}`,
      target: '≤ 250 ms; ≤ 1.5 s',
      met: slowest.pipeline <= 250 && (!long || long.pipeline <= 1500),
    });
    const longest = Math.max(...browser.pages.map((p) => p.longestSlice));
    out.push({
      name: 'longest content-script task, any page incl. 50,000 words',
      measured: ms(longest),
      target: '≤ 50 ms',
      met: longest <= 50,
    });
    out.push({
      name: 'content script gzipped',
      measured: `${(browser.contentScript.gzip / 1024).toFixed(1)} KB`,
      target: '≤ 40 KB',
      met: browser.contentScript.gzip <= 40 * 1024,
    });
  }
  if (scale) {
    const five = scale[0]!;
    const biggest = scale.at(-1)!;
    const reference = scale.find((r) => r.label.includes('planted'));
    const ratio = biggest.medianPerArticle / five.medianPerArticle;
    out.push({
      name: `matching one article: ${biggest.label} ÷ 5 articles`,
      measured: `${ratio.toFixed(2)}×`,
      target: '≤ 3×',
      met: ratio <= 3,
    });
    const presented = biggest.medianWithPresent / five.medianWithPresent;
    const more = biggest.matchesPerArticle / Math.max(1, five.matchesPerArticle);
    out.push({
      name: `…and presenting the notes (${more.toFixed(0)}× as many matches to diff)`,
      measured: `${presented.toFixed(2)}×`,
      target: '–',
      met: null,
    });
    if (biggest.planted && reference?.planted)
      out.push({
        name: `planted-variant recall at ${biggest.label} vs. without the other articles`,
        measured: `${pct(biggest.planted.recall)} vs. ${pct(reference.planted.recall)}`,
        target: 'unchanged',
        met: biggest.planted.found >= reference.planted.found,
      });
    out.push({
      name: `index load at ${biggest.label}`,
      measured: ms(biggest.load.total),
      target: '< 1 s',
      met: biggest.load.total < 1000,
    });
    out.push({
      name: `background heap at ${biggest.label}`,
      measured: `${biggest.heap.total.toFixed(0)} MB`,
      target: '< 150 MB',
      met: biggest.heap.total < 150,
    });
  }
  return out;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function report(
  browser: BrowserResult | null,
  scale: ScaleRow[] | null,
  paragraph: ParagraphRow[] | null = null,
  fairness: FairnessResult | null = null,
): string {
  const parts: string[] = [];
  if (browser) {
    parts.push(
      table(
        [
          'page',
          'words',
          'start → painted',
          'page-thread time (check + snapshot)',
          'background wait',
          'Readability parse',
          'painted ÷ parse',
          'page time ÷ parse',
          'longest slice',
          'page long task with / without Retold',
        ],
        browser.pages.map((p) => [
          p.page,
          p.words.toLocaleString('en-US'),
          ms(p.pipeline),
          `${ms(p.busy)} (${ms(p.checkAndSnapshot)})`,
          ms(p.background),
          ms(p.readability),
          `${p.ratio.toFixed(2)}×`,
          `${p.busyRatio.toFixed(2)}×`,
          `${ms(p.longestSlice)} (${p.slowest})`,
          `${p.longTask.with ? ms(p.longTask.with) : 'none'} / ${p.longTask.without ? ms(p.longTask.without) : 'none'}`,
        ]),
      ),
      `Page-thread time by kind of work (medians, ms): ${browser.pages
        .map(
          (p) =>
            `${p.page}: ${Object.entries(p.breakdown)
              .map(([k, v]) => `${k} ${v.toFixed(1)}`)
              .join(', ')}`,
        )
        .join('; ')}.\n` +
        `Medians of ${browser.loads} fresh loads per page (the longest slice and long task: the worst load). ` +
        `Content script: ${(browser.contentScript.raw / 1024).toFixed(1)} KB raw, ${(browser.contentScript.gzip / 1024).toFixed(1)} KB gzipped.`,
    );
  }
  if (scale) {
    parts.push(
      table(
        [
          'articles',
          'quotes',
          'corpus',
          'load (parse + check + index)',
          'heap',
          'match 1 article',
          '+ present notes (matches)',
          'planted recall',
          'precision',
          'decoys matched',
          'seed matches kept',
        ],
        scale.map((r) => [
          r.label,
          r.quotes.toLocaleString('en-US'),
          `${r.corpusMB.toFixed(1)} MB`,
          `${ms(r.load.total)} (${r.load.parse.toFixed(0)} + ${r.load.validate.toFixed(0)} + ${r.load.index.toFixed(0)})`,
          `${r.heap.total.toFixed(0)} MB`,
          ms(r.medianPerArticle),
          `${ms(r.medianWithPresent)} (${r.matchesPerArticle.toFixed(0)})`,
          r.planted ? `${r.planted.found}/${r.planted.expected} (${pct(r.planted.recall)})` : '–',
          r.planted ? `${r.planted.correct}/${r.planted.returned} (${pct(r.planted.precision)})` : '–',
          r.planted ? String(r.planted.decoysMatched) : '–',
          `${r.seedMatchesKept.kept}/${r.seedMatchesKept.of}`,
        ]),
      ),
    );
  }
  parts.push(
    table(
      ['target', 'measured', 'wanted', ''],
      targets(browser, scale, paragraph, fairness).map((t) => [
        t.name,
        t.measured,
        t.target,
        t.met === null ? '' : t.met ? 'met' : 'MISSED',
      ]),
    ),
  );
  return parts.join('\n\n');
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const page = argv.includes('--page') ? argv[argv.indexOf('--page') + 1]! : '';
  const wants = (part: string) => !only || only === part;
  const browser = wants('browser') ? await runBrowser(log, (path) => path.includes(page)) : null;
  const scale = wants('scale') ? runScale([1000, 10000], log) : null;
  const paragraph = wants('paragraph') ? runParagraph(undefined, log) : null;
  const fairness = wants('fairness') ? await runFairness(log, browser === null) : null;
  if (json)
    process.stdout.write(
      `${JSON.stringify({ browser, scale, paragraph, fairness, targets: targets(browser, scale, paragraph, fairness) }, null, 2)}\n`,
    );
  else process.stdout.write(`${report(browser, scale, paragraph, fairness)}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`bench: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
