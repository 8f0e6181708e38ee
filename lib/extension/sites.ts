/**
 * Which sites a setting names. A pattern is a host name as a reader types
 * it: `cnn.com` is cnn.com (and www.cnn.com) only, so blocking it leaves
 * edition.cnn.com alone; `*.cnn.com` is cnn.com and every host under it.
 * Matching is by whole labels, so `cnn.com` never matches `notcnn.com` or
 * `cnn.com.example.net`.
 */

/** The longest text read as a pattern: a pasted URL with a long path and query. Anything longer is not one. */
export const MAX_PATTERN_INPUT = 2048;
/** The longest host name, and the longest label in one (RFC 1035). */
const MAX_HOST = 253;
const MAX_LABEL = 63;
/**
 * One label: letters, digits, `-` and `_`, neither end a hyphen. Underscores
 * are not in host names' grammar, but browsers open hosts that have them
 * (my_site.example.com), and a reader must be able to block those.
 */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/;

/**
 * A pattern in canonical form — lower case, no scheme, path, port or
 * trailing dot, `www.` dropped — or null when the input is not a host name
 * or wildcard host. Accepts a pasted URL (`https://edition.cnn.com/world`).
 * Time is linear in the input's length: imported files are full of these.
 */
export function normalizePattern(input: string): string | null {
  if (input.length > MAX_PATTERN_INPUT) return null;
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const end = s.search(/[/?#]/);
  if (end >= 0) s = s.slice(0, end);
  const colon = s.lastIndexOf(':');
  if (colon >= 0 && /^\d+$/.test(s.slice(colon + 1))) s = s.slice(0, colon);
  if (s.endsWith('.')) s = s.slice(0, -1);
  const wildcard = s.startsWith('*.');
  if (wildcard) s = s.slice(2);
  if (s.startsWith('www.')) s = s.slice(4);
  if (s.length > MAX_HOST) return null;
  const labels = s.split('.');
  // "localhost" and IP addresses are hosts too; a wildcard needs at least one dot under it.
  if (!labels.every((l) => l.length <= MAX_LABEL && LABEL.test(l)) || (wildcard && labels.length < 2)) return null;
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
export const anyPatternMatches = (patterns: readonly string[], host: string) =>
  patterns.some((p) => hostMatches(p, host));
