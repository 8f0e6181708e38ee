import { describe, expect, it } from 'vitest';
import { normalize, toSource } from '../lib/text/normalize';

describe('normalize', () => {
  it('folds spaces, dashes and compatibility forms while every character maps back to its source', () => {
    const source = 'A\u00a0\u00a0“ﬁne”\u2014day\u2026 done\u200b.';
    const norm = normalize(source);
    expect(norm.text).toBe('A “fine” - day... done.');
    const at = norm.text.indexOf('fine');
    const [s, e] = toSource(norm, at, at + 4);
    expect(source.slice(s, e)).toBe('ﬁne');
  });

  it('keeps paragraph breaks and trims the spaces around them', () => {
    expect(normalize('one  \n   two').text).toBe('one\ntwo');
  });

  it('maps characters outside the Basic Multilingual Plane as one unit', () => {
    const source = 'x 𝐀 y';
    const norm = normalize(source);
    const at = norm.text.indexOf('A');
    const [s, e] = toSource(norm, at, at + 1);
    expect(source.slice(s, e)).toBe('𝐀');
  });
});
