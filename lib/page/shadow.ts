/**
 * Pages that keep their article inside web components' shadow roots, read
 * as if that content were in the light DOM. Kept apart from Readability's
 * parser so the content script can check a page without carrying it.
 */
// The check on its own, without the parser: a CommonJS file whose export is the function.
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';

/**
 * A clone of `doc` in which the content of every open shadow root is copied
 * in as children of its host, so an article a page renders inside web
 * components is still read. (`cloneNode` alone leaves shadow roots out.)
 */
export function cloneWithShadows(doc: Document): Document {
  const clone = doc.cloneNode(true) as Document;
  if (!doc.documentElement) return clone;
  // Original and clone are walked side by side; iterative, so a page nested thousands deep cannot exhaust the stack.
  const stack: [Element, Element][] = [[doc.documentElement, clone.documentElement]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const ac = a.children;
    const bc = b.children;
    for (let i = 0; i < ac.length && i < bc.length; i++) stack.push([ac[i]!, bc[i]!]);
    const shadow = (a as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (!shadow) continue;
    for (const child of Array.from(shadow.childNodes)) {
      const copy = clone.importNode(child, true);
      b.appendChild(copy);
      if (child.nodeType === 1) stack.push([child as Element, copy as Element]);
    }
  }
  return clone;
}

/**
 * Whether the page looks like an article. Readability's check reads the light
 * DOM only; a page that keeps its content in web components' shadow roots is
 * checked again on a copy with that content in place.
 */
export function readerable(doc: Document): boolean {
  if (isProbablyReaderable(doc)) return true;
  if (!doc.body) return false;
  const walker = doc.createTreeWalker(doc.body, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if ((n as Element).shadowRoot) return isProbablyReaderable(cloneWithShadows(doc));
  return false;
}
