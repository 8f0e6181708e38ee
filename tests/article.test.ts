/**
 * Reading an article out of odd HTML in bounded time and memory: pages nested
 * tens of thousands deep and runs of a million spaces (both came from a
 * red-team pass: minutes, or a stack overflow, before).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { blockText, collapseSpaces, flattenDeep, MAX_READ_DEPTH } from '../lib/page/article';
import { readArticleFile } from '../lib/node/io';

const documentOf = (html: string) => parseHTML(html).document as unknown as Document;
const paragraph = 'The council met on Tuesday and heard from residents about the harbour plan for an hour. ';

describe('the article reader on odd HTML', () => {
  it('keeps blocks apart with one blank line and folds spaces inside a line', () => {
    const doc = documentOf(
      '<html><body><h1>Title</h1><p>One  \t two\n\n\n  three</p><div>Four<br>five</div></body></html>',
    );
    expect(blockText(doc.body)).toBe('Title\n\nOne two\n\nthree\n\nFour\n\nfive');
  });

  it('collapses a million spaces into one, and a run holding two line breaks into a blank line', () => {
    expect(collapseSpaces(`a${' '.repeat(1_000_000)}b`)).toBe('a b');
    expect(collapseSpaces(`a${' \t'.repeat(500_000)}\n \n${' '.repeat(500_000)}b`)).toBe('a\n\nb');
    expect(collapseSpaces('a \u00a0 \n\n b')).toBe('a \u00a0\n\nb');
  });

  it('reads a page nested 50,000 deep (a stack overflow before) with its paragraph intact', () => {
    const depth = 50_000;
    const html = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>${paragraph.repeat(6)}</p>${'</div>'.repeat(depth)}</body></html>`;
    const file = join(mkdtempSync(join(tmpdir(), 'retold-deep-')), 'deep.html');
    writeFileSync(file, html);
    const article = readArticleFile(file);
    expect(article.text).toContain(paragraph.repeat(6).trim());
  });

  it('flattens only what lies deeper than the limit, keeping its text as paragraphs', () => {
    const nested = (n: number, inner: string) => '<div>'.repeat(n) + inner + '</div>'.repeat(n);
    const doc = documentOf(
      `<html><body>${nested(3, '<p>shallow</p>')}${nested(MAX_READ_DEPTH + 5, '<p>deep one</p><p>deep two</p>')}</body></html>`,
    );
    const before = blockText(doc.body);
    expect(flattenDeep(doc)).toBe(1);
    expect(blockText(doc.body)).toBe(before);
    expect(doc.querySelectorAll('p').length).toBe(3);
    expect(flattenDeep(doc)).toBe(0);
  });
});
