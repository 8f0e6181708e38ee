import { readFileSync } from 'node:fs';
import { Annotator } from './lib/corpus/annotate';
import { detectParaphrases } from './lib/text/quotes';
const corpus = JSON.parse(readFileSync('data/corpus.json', 'utf8'));
const a = new Annotator(corpus);
const text = readFileSync(process.argv[2]!, 'utf8');
console.log(detectParaphrases(text).map((p) => [p.speaker, p.text]));
for (const r of a.annotate(text).remarks) console.log(r.paraphrased, r.speaker, '|', r.quote, '=>', r.matches.map((m) => `${m.articleId.slice(0,3)} ${m.similarity} ${m.quote.slice(0, 60)}`));
