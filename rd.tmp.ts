import { readFileSync } from 'node:fs';
import { detectFigures, describeQuantity } from './lib/text/figures';
const DIR = 'tests/eval/figures/';
const m = JSON.parse(readFileSync(DIR + 'manifest.json', 'utf8')).articles.filter((a: any) => a.split === (process.argv[2] ?? 'dev'));
const labels = JSON.parse(readFileSync(DIR + 'labels.json', 'utf8')).mentions;
for (const a of m) {
  const text = readFileSync(DIR + a.file, 'utf8');
  const figs = detectFigures(text);
  for (const l of labels.filter((x: any) => x.file === a.file)) {
    const s = text.indexOf(l.exact); const e = s + l.exact.length;
    const f = figs.find((f) => f.start < e && s < f.end);
    const mine = f ? (f.quantity ? describeQuantity(f.quantity) : 'NULLQ') : 'NONE';
    const want = l.figure ? l.quantity.split('/').slice(1).join('/') : 'not:' + l.why;
    if (process.argv[3] === 'all' || (!l.figure && f) || (l.figure && (!f || !f.quantity))) console.log(`${l.id.padEnd(14)} ${want.padEnd(45)} | ${mine.padEnd(30)} | ${l.exact}`);
  }
}
