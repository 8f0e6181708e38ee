/**
 * Which sites a setting names. A pattern is a host name as a reader types
 * it: `cnn.com` is cnn.com (and www.cnn.com) only, so blocking it leaves
 * edition.cnn.com alone; `*.cnn.com` is cnn.com and every host under it.
 * Matching is by whole labels, so `cnn.com` never matches `notcnn.com` or
 * `cnn.com.example.net`.
 */

/**
 * A pattern in canonical form — lower case, no scheme, path, port or
 * trailing dot, `www.` dropped — or null when the input is not a host name
 * or wildcard host. Accepts a pasted URL (`https://edition.cnn.com/world`).
 */
export function normalizePattern(input: string): string | null {
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '');
  s = s.replace(/:\d+$/, '').replace(/\.$/, '');
  const wildcard = s.startsWith('*.');
  if (wildcard) s = s.slice(2);
  s = s.replace(/^www\./, '');
  const label = '(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|xn--[a-z0-9-]+)';
  const host = new RegExp(`^${label}(?:\\.${label})*$`);
  // "localhost" and IP addresses are hosts too; a wildcard needs at least one dot under it.
  if (!host.test(s) || (wildcard && !s.includes('.'))) return null;
  return wildcard ? `*.${s}` : s;
}

/** Whether `host` (a page's `location.hostname`) is named by `pattern` (canonical, see normalizePattern). */
export function hostMatches(pattern: string, host: string): boolean {
  const h = host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return h === base || h.endsWith(`.${base}`);
  }
  return h === pattern;
}

/** Whether any of `patterns` names `host`. */
export const anyMatches = (patterns: readonly string[], host: string) => patterns.some((p) => hostMatches(p, host));
