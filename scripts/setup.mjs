/**
 * Everything `npm start` and `npm test` need on a fresh machine, installed
 * before they run: the npm packages (when `node_modules` is missing or older
 * than the lock file) and the browsers Retold runs in (Debian's Chromium, and
 * Firefox ESR for the tests). Browsers come from the system's packages with
 * apt, the way test tools' `install --with-deps` does it; without apt it says
 * exactly what to install and stops. Plain Node with no dependencies, because
 * it runs before any are installed.
 *
 *   node scripts/setup.mjs --chromium            what `npm start` needs
 *   node scripts/setup.mjs --chromium --firefox  what `npm test` needs
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const want = new Set(process.argv.slice(2));
// `npm test -- tests/x.test.ts` runs the files named; browsers are needed only when a browser test is among them.
const tests = [...want].filter((a) => !a.startsWith('--'));
const needsBrowsers = tests.length === 0 || tests.some((t) => t.includes('e2e'));

const BROWSERS = [
  {
    flag: '--chromium',
    path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    env: 'CHROMIUM_PATH',
    apt: 'chromium',
    name: 'Chromium',
    why: 'Retold is built for it: `npm start` opens it with the extension loaded, and the browser tests drive it.',
  },
  {
    flag: '--firefox',
    path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    env: 'FIREFOX_PATH',
    apt: 'firefox-esr',
    name: 'Firefox ESR',
    why: "the browser tests load Retold's Firefox build in it.",
  },
];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`setup: \`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`setup: Retold needs Node.js 20 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

// npm keeps a copy of the installed tree's lock in node_modules: older than package-lock.json means stale.
const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs) {
  console.log('setup: installing the npm packages (npm ci): node_modules is missing or older than package-lock.json.');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const missing = needsBrowsers ? BROWSERS.filter((b) => want.has(b.flag) && !existsSync(b.path)) : [];
for (const b of missing)
  if (process.env[b.env]) {
    console.error(`setup: ${b.env} names ${b.path}, which does not exist (${b.name}: ${b.why})`);
    process.exit(1);
  }
if (missing.length > 0) {
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!hasApt) {
    for (const b of missing)
      console.error(
        `setup: ${b.name} was not found at ${b.path}; ${b.why}\n` +
          `  This system has no apt-get, so install ${b.name} with its own package manager and set ${b.env} to its ` +
          `executable (for example ${b.env}=/usr/bin/${b.apt}).`,
      );
    process.exit(1);
  }
  for (const b of missing) console.log(`setup: installing Debian's ${b.apt} with apt-get: ${b.why}`);
  const root = process.getuid?.() === 0;
  if (!root) console.log('setup: apt-get needs root; running it through sudo (it may ask for your password).');
  const [cmd, ...pre] = [...(root ? [] : ['sudo']), 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
  run(cmd, [...pre, 'update', '-qq']);
  run(cmd, [...pre, 'install', '-y', '-qq', ...missing.map((b) => b.apt)]);
  for (const b of missing)
    if (!existsSync(b.path)) {
      console.error(
        `setup: apt-get installed ${b.apt}, but ${b.path} is still missing; set ${b.env} to its executable.`,
      );
      process.exit(1);
    }
}
