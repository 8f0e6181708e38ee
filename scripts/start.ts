/**
 * `npm start`: what Retold shows on a news article, today from the command
 * line: the bundled corpus is rebuilt from seeds/ if missing, then the notes
 * for one of the demo articles are printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...args], { stdio: 'inherit' }).status ?? 1;

if (!existsSync('data/corpus.json') && run(['data/build.ts']) !== 0) process.exit(1);
const article = process.argv[2] ?? 'seeds/001_790c6556cd2dca1e.txt';
console.log(`Retold — notes on ${article}, compared with the other outlets in the bundled corpus:\n`);
process.exit(run(['scripts/annotate.ts', article]));
