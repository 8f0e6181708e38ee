import { detectFigures, describeQuantity } from './lib/text/figures';
import { readFileSync } from 'node:fs';
const files = process.argv.slice(2);
for (const file of files) {
  const text = file.startsWith('@') ? file.slice(1) : readFileSync(file, 'utf8');
  if (files.length > 1) console.log('== ' + file);
  for (const f of detectFigures(text)) console.log(JSON.stringify(f.text), f.low, f.lowOpen ? '(' : '[', f.high, f.quantity ? describeQuantity(f.quantity) : null, '|when', f.when, '|by', f.claimant, '|', f.sentence.slice(0, 70));
}
