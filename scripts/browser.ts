/**
 * Debian's Chromium with the built extension loaded, driven by playwright-core:
 * shared by `npm start` (headless fallback) and the end-to-end tests.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The builds Retold ships (`npm run build`, `npm run build:firefox`): our UI's shadow root is closed. */
export const CHROME_BUILD = resolve('.output/chrome-mv3');
export const FIREFOX_BUILD = resolve('.output/firefox-mv2');
/**
 * The end-to-end tests' builds (`wxt build --mode e2e`): the same code, but
 * our UI's shadow root is open so tests can look inside it like a reader
 * would. `tests/e2e/hostile.test.ts` checks the shipped build's is closed.
 */
export const CHROME_TEST_BUILD = resolve('.output/chrome-mv3-e2e');
export const FIREFOX_TEST_BUILD = resolve('.output/firefox-mv2-e2e');

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

/** Chromium with a build of Retold loaded: the end-to-end tests' build (CHROME_TEST_BUILD) unless told another. */
export async function launchWithRetold(
  options: { headless?: boolean; width?: number; height?: number; build?: string; args?: string[] } = {},
): Promise<Launched> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const build = options.build ?? CHROME_TEST_BUILD;
  if (!existsSync(join(build, 'manifest.json')))
    throw new Error(`The extension is not built at ${build}: run \`npm run build\` (or the tests) first.`);
  const profile = mkdtempSync(join(tmpdir(), 'retold-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...QUIET_FLAGS,
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      ...(options.args ?? []),
    ],
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

interface DomNode {
  nodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * Our UI in a shipped build, whose shadow root is closed to page script: read
 * through the DevTools protocol, which sees inside closed roots (Chromium
 * only). Clicks are real mouse clicks at an element's centre.
 */
export async function closedUi(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const rootOf = async (): Promise<number | null> => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const stack = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.attributes?.includes('data-retold-ui') && node.shadowRoots?.[0]) return node.shadowRoots[0].nodeId;
      stack.push(...(node.children ?? []), ...(node.shadowRoots ?? []));
    }
    return null;
  };
  const all = async (selector: string): Promise<number[]> => {
    const root = await rootOf();
    if (root === null) return [];
    return ((await cdp.send('DOM.querySelectorAll', { nodeId: root, selector })) as { nodeIds: number[] }).nodeIds;
  };
  const ui = {
    /** Whether the closed root holds an element matching `selector`, waiting up to `timeout` ms for one. */
    async waitFor(selector: string, timeout = 20_000): Promise<void> {
      const end = Date.now() + timeout;
      while ((await all(selector)).length === 0) {
        if (Date.now() > end) throw new Error(`no ${selector} in our UI after ${timeout} ms`);
        await page.waitForTimeout(200);
      }
    },
    count: async (selector: string) => (await all(selector)).length,
    async text(selector: string, nth = 0): Promise<string | null> {
      const nodeId = (await all(selector))[nth];
      if (nodeId === undefined) return null;
      const { object } = (await cdp.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: 'function () { return this.textContent; }',
        returnByValue: true,
      })) as { result: { value: string } };
      return result.value;
    },
    async click(selector: string, nth = 0): Promise<void> {
      const nodeId = (await all(selector))[nth];
      if (nodeId === undefined) throw new Error(`no ${selector} in our UI`);
      await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
      const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    },
  };
  return ui;
}
