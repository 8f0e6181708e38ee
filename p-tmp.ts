import { demoPages } from './scripts/demo/site';
import { loadAnnotator } from './scripts/golden';
import { detectParaphrases, detectQuotes } from './lib/text/quotes';
import { prepareArticle } from './lib/text/analysis';
const a = loadAnnotator();
const long = demoPages().find((p) => p.kind === 'long')!;
const text = long.html.replace(/<[^>]+>/g, ' ');
console.log('chars', text.length);
for (let i = 0; i < 2; i++) {
  let t0 = performance.now(); const art = prepareArticle(text); const q = detectQuotes(art); const t1 = performance.now(); const p = detectParaphrases(art); const t2 = performance.now();
  const n = a.annotate(text); const t3 = performance.now();
  console.log('quotes', q.length, (t1-t0).toFixed(0), 'ms; paraphrases', p.length, (t2-t1).toFixed(0), 'ms; annotate', (t3-t2).toFixed(0), 'ms', n.remarks.length, n.remarks.filter(r=>r.paraphrased).length);
}
