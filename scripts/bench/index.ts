/**
 * `npm run bench [-- --json] [--only browser|scale|paragraph|fairness|personal] [--page part-of-path] [--loads N] [--largest N] [--remembered N]`:
 * what Retold costs a reader's browser and how it holds up as the corpus
 * grows, against the targets of the performance issue. Prints tables (or,
 * with --json, one JSON object holding every figure and every target). Each
 * figure is a median with its min, max and n; a target that is a ratio is
 * taken within one run: these machines are noisy, and a ratio survives the
 * noise that an absolute time does not. `--largest` is the biggest synthetic
 * corpus measured (100,000 by default); the scale curve goes to docs/scale.svg.
 */
import { writeFileSync } from 'node:fs';
import { runScale, syntheticCorpus, type ScaleRow } from './scale';
import { runBrowser, LOADS, type BrowserResult, type PageResult } from './browser';
import { runParagraph, type ParagraphRow } from './paragraph';
import { describe, type Summary } from './stats';
import { scaleSvg } from './svg';
import { runFairness, type FairnessResult } from './fairness';
import { runPersonal, type PersonalResult } from './personal';

export interface Target {
  name: string;
  measured: string;
  /** The figure the target is judged on (a median, a ratio of medians, a count, bytes or MB). */
  figure: number | null;
  target: string;
  /** Null for a figure reported beside a target, with no target of its own. */
  met: boolean | null;
}

/** The corpus at which the scale targets are judged. */
const AT_SCALE = 10_000;
const SVG = 'docs/scale.svg';

const ms = (n: number) => `${Math.abs(n) < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
const x = (n: number) => `${n.toFixed(2)}×`;
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export function targets(
  browser: BrowserResult | null,
  scale: ScaleRow[] | null,
  paragraph: ParagraphRow[] | null = null,
  fairness: FairnessResult | null = null,
  personal: PersonalResult | null = null,
): Target[] {
  const out: Target[] = [];
  const add = (name: string, measured: string, figure: number | null, target: string, met: boolean | null) =>
    out.push({ name, measured, figure, target, met });
  if (personal) {
    const { add: cost, restart, storage, remembered } = personal;
    add(
      `remembering one article with ${remembered.toLocaleString('en')} remembered: the worker's time (Node, same code)`,
      `${ms(cost.total.median)} (read ${ms(cost.read.median)} + index ${ms(cost.index.median)} + store on fake-indexeddb ${ms(cost.store.median)} + the next page's extra ${ms(cost.stories.median)}; ${describe(cost.total)})`,
      cost.total.median,
      '≤ 50 ms median',
      cost.total.median <= 50,
    );
    add(
      `first page after a worker restart, notes with ${remembered.toLocaleString('en')} remembered ÷ bundled corpus only (Node; the background no longer holds the bundled notes for them)`,
      `${x(restart.ratio)} (${describe(restart.withRemembered)} vs ${describe(restart.bundledOnly)}; of which IndexedDB read ${ms(restart.dbRead.median)} on fake-indexeddb, taken in ${ms(restart.takeIn.median)}; ${personal.notesFromReading} remark notes from the reading)`,
      restart.ratio,
      '≤ 1.5×',
      restart.ratio <= 1.5,
    );
    const biggest = Math.max(storage.counted, storage.cloned);
    add(
      `storage for ${remembered.toLocaleString('en')} remembered articles`,
      `${mb(storage.cloned)} as IndexedDB clones the records (${mb(storage.counted)} as the options page counts them)`,
      biggest / 2 ** 20,
      '< 150 MB',
      biggest < 150 * 2 ** 20,
    );
  }
  for (const row of paragraph ?? [])
    add(
      `annotate on the command line: one ${row.kb} KB paragraph of ${row.page}, no full stop`,
      `${(row.ms / 1000).toFixed(2)} s`,
      row.ms,
      '–',
      null,
    );
  for (const b of fairness?.beside ?? [])
    add(
      `another tab's notes, delayed by a 300 KB paragraph in ${b.page} (alone: ${Math.round(fairness!.alone)} ms)`,
      `${Math.round(b.delay)} ms`,
      b.delay,
      '< 1 s',
      b.delay < 1000,
    );
  if (browser && browser.pages.length) {
    const demo = browser.pages.filter((p) => !p.long);
    const long = browser.pages.find((p) => p.long);
    const worst = (pages: PageResult[], key: (p: PageResult) => number) =>
      pages.reduce((a, b) => (key(b) > key(a) ? b : a));
    const delay = worst(browser.pages, (p) => p.loadDelay);
    add(
      'load event delay: median load-event end with − without Retold (worst page)',
      `${ms(delay.loadDelay)} (${delay.page}: ${describe(delay.loadEventEnd.with)} vs ${describe(delay.loadEventEnd.without)})`,
      delay.loadDelay,
      '≤ 5 ms',
      delay.loadDelay <= 5,
    );
    if (demo.length) {
      const busy = worst(demo, (p) => p.ratio);
      add(
        "Retold's main-thread time ÷ Readability parse, demo articles (worst page)",
        `${x(busy.ratio)} (${busy.page}: ${describe(busy.taskTime.retold)} ÷ ${describe(busy.readability)})`,
        busy.ratio,
        '≤ 1.5×',
        busy.ratio <= 1.5,
      );
    }
    if (long)
      add(
        "Retold's main-thread time ÷ Readability parse, 50,000 words",
        `${x(long.ratio)} (${describe(long.taskTime.retold)} ÷ ${describe(long.readability)})`,
        long.ratio,
        '≤ 0.7×',
        long.ratio <= 0.7,
      );
    const extra = browser.pages.filter((p) => p.longTasks.with > p.longTasks.without);
    const withTasks = browser.pages.reduce((n, p) => n + p.longTasks.with, 0);
    const withoutTasks = browser.pages.reduce((n, p) => n + p.longTasks.without, 0);
    add(
      'loads with a long task after the load event, with vs without Retold (all pages)',
      `${withTasks} vs ${withoutTasks} of ${browser.pages.length * browser.loads}${extra.length ? `; more with Retold on ${extra.map((p) => p.page).join(', ')}` : ''}`,
      withTasks - withoutTasks,
      'no long task only with Retold',
      extra.length === 0,
    );
    const slice = Math.max(...browser.pages.map((p) => p.longestSlice));
    add(
      "longest stretch of Retold's own work on the page's thread (its account)",
      ms(slice),
      slice,
      '≤ 50 ms',
      slice <= 50,
    );
    add(
      'content script gzipped',
      `${(browser.contentScript.gzip / 1024).toFixed(1)} KB`,
      browser.contentScript.gzip,
      '≤ 40 KB',
      browser.contentScript.gzip <= 40 * 1024,
    );
  }
  const large = browser?.coldWarm.find((c) => c.articles === AT_SCALE);
  const small = browser?.coldWarm.find((c) => c.articles === 5);
  if (large) {
    add(
      `background.js with the ${AT_SCALE}-article corpus (the corpus file beside it: ${mb(large.build.corpusBytes)})`,
      `${(large.build.backgroundBytes / 1024).toFixed(1)} KB`,
      large.build.backgroundBytes,
      '< 300 KB',
      large.build.backgroundBytes < 300 * 1024,
    );
    for (const p of large.pages) {
      const ratio = p.cold.painted.median / p.warm.painted.median;
      add(
        `first page after a worker restart ÷ warm, navigation start → notes painted, ${AT_SCALE} articles, ${p.inCorpus ? 'article in the corpus' : 'article not in the corpus'}`,
        `${x(ratio)} (${describe(p.cold.painted)} vs ${describe(p.warm.painted)})`,
        ratio,
        '≤ 1.5×',
        ratio <= 1.5,
      );
    }
    add(
      `extension process memory (PSS) after the loads, ${AT_SCALE} articles`,
      large.memory ? `${large.memory.pss.toFixed(0)} MB (RSS ${large.memory.rss.toFixed(0)} MB)` : 'not found',
      large.memory?.pss ?? null,
      '≤ 70 MB',
      large.memory ? large.memory.pss <= 70 : false,
    );
    if (small)
      for (const kind of ['cold', 'warm'] as const)
        for (const p of large.pages) {
          const base = small.pages.find((q) => q.page === p.page)!;
          const ratio = p[kind].background.median / base[kind].background.median;
          add(
            `in the browser: wait for the background, ${kind}, ${AT_SCALE} ÷ 5 articles, ${p.inCorpus ? 'in' : 'not in'} the corpus`,
            `${x(ratio)} (${describe(p[kind].background)} vs ${describe(base[kind].background)})`,
            ratio,
            '–',
            null,
          );
        }
  }
  if (scale) {
    const five = scale[0]!;
    const at = scale.find((r) => r.label === String(AT_SCALE));
    if (at)
      for (const kind of ['cold', 'warm'] as const)
        for (const group of ['inCorpus', 'notInCorpus'] as const) {
          const ratio = at.match[group][kind].median / five.match[group][kind].median;
          add(
            `matching one article, ${kind}, ${AT_SCALE} ÷ 5 articles, ${group === 'inCorpus' ? 'articles in the corpus' : 'articles not in it'}`,
            `${x(ratio)} (${describe(at.match[group][kind])} vs ${describe(five.match[group][kind])})`,
            ratio,
            '≤ 2×',
            ratio <= 2,
          );
        }
    const reference = scale.find((r) => r.label.includes('planted'));
    if (at?.planted && reference?.planted)
      add(
        `planted-variant recall at ${AT_SCALE} vs. without the other articles`,
        `${pct(at.planted.recall)} vs. ${pct(reference.planted.recall)}`,
        at.planted.recall,
        'unchanged',
        at.planted.found >= reference.planted.found,
      );
    const biggest = scale.at(-1)!;
    add(
      `largest corpus measured: ${biggest.articles.toLocaleString('en-US')} articles`,
      `built in ${biggest.buildSeconds === null ? '?' : `${biggest.buildSeconds.toFixed(0)} s`}, ${mb(biggest.bytes.packed)} packed (${mb(biggest.bytes.json)} JSON), loads in ${ms(biggest.load.total)}, matches one article in ${describe(biggest.match.notInCorpus.warm)} warm, ${describe(biggest.match.notInCorpus.cold)} cold`,
      biggest.articles,
      '–',
      null,
    );
  }
  return out;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const med = (s: Summary) => ms(s.median);

export function report(
  browser: BrowserResult | null,
  scale: ScaleRow[] | null,
  paragraph: ParagraphRow[] | null = null,
  fairness: FairnessResult | null = null,
  personal: PersonalResult | null = null,
): string {
  const parts: string[] = [];
  if (browser?.pages.length)
    parts.push(
      table(
        [
          'page',
          'words',
          'load event with / without',
          'DCL → painted',
          'Retold main thread',
          'Readability parse',
          '÷ parse',
          'loads with a long task after load, with / without',
        ],
        browser.pages.map((p) => [
          p.page,
          p.words.toLocaleString('en-US'),
          `${med(p.loadEventEnd.with)} / ${med(p.loadEventEnd.without)}`,
          med(p.paintedAfterDcl),
          describe(p.taskTime.retold),
          describe(p.readability),
          x(p.ratio),
          `${p.longTasks.with} / ${p.longTasks.without}`,
        ]),
      ),
      `Every figure: median (min–max, n) of ${browser.loads} loads with Retold and ${browser.loads} without, alternating. ` +
        `Main-thread time is CDP's TaskDuration with minus without, over the same stretch of each load. ` +
        `Content script: ${(browser.contentScript.raw / 1024).toFixed(1)} KB raw, ${(browser.contentScript.gzip / 1024).toFixed(1)} KB gzipped.`,
    );
  if (browser?.coldWarm.length)
    parts.push(
      table(
        [
          'corpus',
          'page',
          'cold: start → painted',
          'warm: start → painted',
          'cold: background',
          'warm: background',
          'background.js',
          'corpus file',
          'extension process',
        ],
        browser.coldWarm.flatMap((c) =>
          c.pages.map((p) => [
            c.corpus,
            `${p.page}${p.inCorpus ? ' (in corpus)' : ''}`,
            describe(p.cold.painted),
            describe(p.warm.painted),
            describe(p.cold.background),
            describe(p.warm.background),
            `${(c.build.backgroundBytes / 1024).toFixed(0)} KB`,
            mb(c.build.corpusBytes),
            c.memory ? `${c.memory.pss.toFixed(0)} MB` : '–',
          ]),
        ),
      ),
    );
  if (scale)
    parts.push(
      table(
        [
          'articles',
          'quotes',
          'build',
          'JSON / packed',
          'load: parse + unpack + index',
          'JSON parse + zod (not done)',
          'heap',
          'match, in corpus: cold / warm',
          'match, not in corpus: cold / warm',
          'planted recall',
          'precision',
          'decoys matched',
          'seed matches kept',
        ],
        scale.map((r) => [
          r.label,
          r.quotes.toLocaleString('en-US'),
          r.buildSeconds === null ? '–' : `${r.buildSeconds.toFixed(0)} s`,
          `${mb(r.bytes.json)} / ${mb(r.bytes.packed)}`,
          `${ms(r.load.total)} (${r.load.parse.toFixed(0)} + ${r.load.unpack.toFixed(0)} + ${r.load.index.toFixed(0)})`,
          `${ms(r.jsonLoad.parse + r.jsonLoad.validate)} (${r.jsonLoad.parse.toFixed(0)} + ${r.jsonLoad.validate.toFixed(0)})`,
          `${r.heap.toFixed(0)} MB`,
          `${med(r.match.inCorpus.cold)} / ${med(r.match.inCorpus.warm)}`,
          `${med(r.match.notInCorpus.cold)} / ${med(r.match.notInCorpus.warm)}`,
          r.planted ? `${r.planted.found}/${r.planted.expected} (${pct(r.planted.recall)})` : '–',
          r.planted ? `${r.planted.correct}/${r.planted.returned} (${pct(r.planted.precision)})` : '–',
          r.planted ? String(r.planted.decoysMatched) : '–',
          `${r.seedMatchesKept.kept}/${r.seedMatchesKept.of}`,
        ]),
      ),
    );
  parts.push(
    table(
      ['target', 'measured', 'wanted', ''],
      targets(browser, scale, paragraph, fairness, personal).map((t) => [
        t.name,
        t.measured,
        t.target,
        t.met === null ? '' : t.met ? 'met' : 'MISSED',
      ]),
    ),
  );
  return parts.join('\n\n');
}

const option = (argv: string[], flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const only = option(argv, '--only');
  const page = option(argv, '--page') ?? '';
  const loads = Number(option(argv, '--loads') ?? LOADS);
  const largest = Number(option(argv, '--largest') ?? 100_000);
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const sizes = [1000, AT_SCALE, largest].filter((n, i, all) => n > 0 && all.indexOf(n) === i).sort((a, b) => a - b);
  const scale = !only || only === 'scale' ? runScale(sizes, log) : null;
  if (scale) writeFileSync(SVG, scaleSvg(scale));
  let browser: BrowserResult | null = null;
  if (!only || only === 'browser') {
    log(`the ${AT_SCALE}-article corpus (cached after the first run)`);
    const large = { file: syntheticCorpus(AT_SCALE).file, articles: AT_SCALE };
    browser = await runBrowser(log, (path) => path.includes(page), large, loads);
  }
  const paragraph = !only || only === 'paragraph' ? runParagraph(undefined, log) : null;
  const fairness = !only || only === 'fairness' ? await runFairness(log, browser === null) : null;
  const personal =
    !only || only === 'personal' ? await runPersonal(log, Number(option(argv, '--remembered') ?? 3000)) : null;
  if (json)
    process.stdout.write(
      `${JSON.stringify({ browser, scale, paragraph, fairness, personal, targets: targets(browser, scale, paragraph, fairness, personal) }, null, 2)}\n`,
    );
  else process.stdout.write(`${report(browser, scale, paragraph, fairness, personal)}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`bench: ${(error as Error).stack ?? String(error)}`);
      process.exitCode = 1;
    },
  );
