/**
 * A small accessibility check for components rendered in happy-dom, run at
 * the end of each component's test: what a screen reader or keyboard user
 * needs and a DOM without layout can show. Controls, dialogs, links and
 * images have names; ids are unique and references to them resolve; nothing
 * jumps ahead in Tab order; links that open a new tab do not hand it this
 * page. (Colour contrast needs a real browser: tests/e2e/reading.test.ts.)
 */
import { expect } from 'vitest';

function accessibleName(el: Element, root: ParentNode): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy)
    return labelledBy
      .split(/\s+/)
      .map((id) => root.querySelector(`#${CSS.escape(id)}`)?.textContent ?? '')
      .join(' ')
      .trim();
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
}

export function expectAccessible(root: HTMLElement): void {
  const problems: string[] = [];
  const describe = (el: Element) => el.outerHTML.slice(0, 80);
  for (const el of root.querySelectorAll(
    'button, a[href], [role="dialog"], [role="img"], svg, input, select, textarea',
  ))
    if (!accessibleName(el, root)) problems.push(`no accessible name: ${describe(el)}`);
  const ids = [...root.querySelectorAll('[id]')].map((e) => e.id);
  for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problems.push(`duplicate id: ${id}`);
  for (const el of root.querySelectorAll('[aria-labelledby], [aria-describedby]'))
    for (const attr of ['aria-labelledby', 'aria-describedby'])
      for (const id of el.getAttribute(attr)?.split(/\s+/).filter(Boolean) ?? [])
        if (!root.querySelector(`#${CSS.escape(id)}`)) problems.push(`${attr} points nowhere: ${id}`);
  for (const el of root.querySelectorAll('[tabindex]'))
    if (Number(el.getAttribute('tabindex')) > 0) problems.push(`positive tabindex: ${describe(el)}`);
  for (const a of root.querySelectorAll('a[target="_blank"]'))
    if (!/noopener/.test(a.getAttribute('rel') ?? '')) problems.push(`new tab without noopener: ${describe(a)}`);
  for (const el of root.querySelectorAll('[aria-hidden="true"]'))
    if (el.matches('button, a[href], input') || el.querySelector('button, a[href], input'))
      problems.push(`focusable inside aria-hidden: ${describe(el)}`);
  expect(problems).toEqual([]);
}
