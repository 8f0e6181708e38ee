/**
 * The accessibility check every component test ends with: axe-core's rules
 * run on what the component rendered. Colour contrast is left out: happy-dom
 * lays nothing out and computes no colours, so the browser tests and the
 * screenshots are where contrast is seen.
 */
import axe from 'axe-core';
import { expect } from 'vitest';

/** Every axe violation inside `root`, one line each ("button-name: <button>"); none expected. */
export async function expectAccessible(root: Element): Promise<void> {
  const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  const problems = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`));
  expect(problems).toEqual([]);
}
