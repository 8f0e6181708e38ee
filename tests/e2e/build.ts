/**
 * Vitest global setup: the end-to-end tests load the built extension, so it
 * is built once, for Chromium and for Firefox, before any test runs: the
 * shipped builds, and the tests' builds (`--mode e2e`, whose UI shadow root is
 * open so tests can look inside; see CHROME_TEST_BUILD in scripts/browser).
 */
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  for (const args of [
    ['build'],
    ['build', '-b', 'firefox'],
    ['build', '--mode', 'e2e'],
    ['build', '-b', 'firefox', '--mode', 'e2e'],
  ]) {
    const run = spawnSync('npx', ['wxt', ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`wxt ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  }
}
