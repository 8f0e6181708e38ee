/**
 * `npm test`: every test, then one closing line `N passed, N failed` that CI
 * can read (vitest's own summary is not one), and a non-zero exit on any failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const report = join(mkdtempSync(join(tmpdir(), 'retold-test-')), 'vitest.json');
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
if (!existsSync(report)) {
  console.log('0 passed, 1 failed');
  console.error('test: vitest wrote no report (it did not start)');
  process.exit(1);
}
const result = JSON.parse(readFileSync(report, 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
};
// Suites that fail to load count as failures even when no test inside them ran.
const failed = result.numFailedTests + (run.status !== 0 && result.numFailedTests === 0 ? 1 : 0);
console.log(`${result.numPassedTests} passed, ${failed} failed`);
process.exit(failed > 0 || result.numPassedTests === 0 ? 1 : 0);
