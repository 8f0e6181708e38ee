import { prepare } from './lib/text/similarity';
import { loadRemarkPairs } from './scripts/eval';
const p = loadRemarkPairs().find(p=>p.id==='cb-002')!;
console.log(p.a,'|',p.b);
for (const s of [p.a,p.b]) console.log(prepare(s).words.map(w=>`${w.word}${w.negated?'!':''}${w.content?'':'°'}`).join(' '));
