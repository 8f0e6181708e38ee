/**
 * Debian's Chromium with the built extension loaded, driven by playwright-core:
 * shared by `npm start` (headless fallback) and the end-to-end tests.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_BUILD = resolve('.output/chrome-mv3');
export const FIREFOX_BUILD = resolve('.output/firefox-mv2');

/**
 * Flags for a quiet browser on a machine with no network: no background
 * networking, no component updates, no sync, no first-run pages. Nothing but
 * the pages we open makes a request.
 */
export const QUIET_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-gpu',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM)
    ? null
    : `Chromium was not found at ${CHROMIUM}. Install Debian's chromium (apt-get install chromium), or set CHROMIUM_PATH.`;
}

export interface Launched {
  context: BrowserContext;
  /** The extension's background service worker. */
  worker: Worker;
  extensionId: string;
  /** The browser's profile folder (its command line names it, so its processes can be found). */
  profile: string;
  close: () => Promise<void>;
}

export async function launchWithRetold(
  options: { headless?: boolean; width?: number; height?: number } = {},
): Promise<Launched> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  if (!existsSync(join(CHROME_BUILD, 'manifest.json')))
    throw new Error('The extension is not built: run `npm run build` first.');
  const profile = mkdtempSync(join(tmpdir(), 'retold-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...QUIET_FLAGS, `--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`],
  });
  const worker = await Promise.resolve(
    context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker', { timeout: 15_000 }),
  ).catch(async (error: unknown) => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
