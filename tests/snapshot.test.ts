import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { articleFromDocument, articleFromSnapshot } from '../lib/page/article';
import { rebuild, snapshotOf, SnapshotSchema, type Snapshot } from '../lib/page/snapshot';
import { demoPages } from '../scripts/demo/site';

const documentOf = (html: string) => parseHTML(html).document as unknown as Document;
const empty = () => documentOf('<!doctype html><html><head></head><body></body></html>');

describe('reading an article from a snapshot of the page', () => {
  it.each(demoPages().map((p) => [p.path, p.html]))(
    '%s: gives the same article as reading the page itself',
    (_path, html) => {
      const snapshot = snapshotOf(documentOf(html));
      expect(SnapshotSchema.safeParse(snapshot).success).toBe(true);
      const direct = articleFromDocument(documentOf(html), true);
      expect(direct?.text.length).toBeGreaterThan(500);
      expect(articleFromSnapshot(snapshot, empty())).toEqual(direct);
    },
  );

  it('leaves out scripts, styles, inline images and event handlers, and keeps the metadata scripts', () => {
    const doc = documentOf(
      `<html><head><style>p{color:red}</style><script>alert(1)</script>` +
        `<script type="application/ld+json">{"headline":"H"}</script></head>` +
        `<body><p onclick="alert(2)" class="lead">Text <img src="data:image/png;base64,${'A'.repeat(5000)}"></p></body></html>`,
    );
    const json = JSON.stringify(snapshotOf(doc));
    expect(json).not.toContain('alert');
    expect(json).not.toContain('color:red');
    expect(json).not.toContain('base64');
    expect(json).toContain('headline');
    expect(json).toContain('"class","lead"');
  });

  it('carries the article and nothing of the reader’s: no form values, hidden inputs, tokens, data-* or editable text', () => {
    const body = 'The harbour council voted on Tuesday to keep the old pier open for another year. '.repeat(8);
    const doc = documentOf(
      `<html><head><title>Pier vote</title><meta name="csrf-token" content="CSRF-meta-123">` +
        `<meta property="og:site_name" content="Harbour Post"><meta property="article:published_time" content="2026-03-04">` +
        `</head><body><form action="/comment"><input type="hidden" name="authenticity_token" value="CSRF-hidden-456">` +
        `<input type="email" value="reader@example.org"><input type="password" value="hunter2-secret">` +
        `<textarea>my draft comment text</textarea><select><option selected>Preferred option text</option></select></form>` +
        `<article data-user-id="user-789" data-session="sess-abc"><h1>Pier vote</h1><p>${body}</p>` +
        `<p><a href="https://example.org/next?session=sess-xyz#frag">Next story</a></p>` +
        `<div contenteditable="true">an unsent note the reader is typing</div></article></body></html>`,
    );
    const json = JSON.stringify(snapshotOf(doc));
    for (const secret of [
      'CSRF-meta-123',
      'CSRF-hidden-456',
      'reader@example.org',
      'hunter2-secret',
      'my draft comment text',
      'Preferred option text',
      'user-789',
      'sess-abc',
      'sess-xyz',
      'an unsent note',
    ])
      expect(json).not.toContain(secret);
    // What an article reader needs is still there: the text, the site name, the date.
    expect(json).toContain('The harbour council voted on Tuesday');
    expect(json).toContain('Harbour Post');
    expect(json).toContain('2026-03-04');
    expect(articleFromSnapshot(snapshotOf(doc), empty())?.text).toContain(body.trim());
  });

  it('rebuilds what it can of a malformed snapshot and never throws', () => {
    const snapshot: Snapshot = {
      nodes: [
        [-1, 'html', []],
        [0, 'body', ['@click', 'x', 'class', 'kept']],
        [1, 'not a tag!', []],
        [7, 'orphan text'],
        [1, 'Text that stays'],
        [-1, 'a second root'],
      ],
    };
    const doc = rebuild(snapshot, empty());
    expect(doc.body?.getAttribute('class')).toBe('kept');
    expect(doc.body?.textContent).toBe('Text that stays');
  });

  it('refuses a snapshot with a parent index below -1 at the message boundary', () => {
    expect(SnapshotSchema.safeParse({ nodes: [[-2, 'html', []]] }).success).toBe(false);
    expect(SnapshotSchema.safeParse({ nodes: [] }).success).toBe(false);
  });

  it('reads the bundled test page', () => {
    const html = readFileSync(new URL('./fixtures/page.html', import.meta.url), 'utf8');
    expect(articleFromSnapshot(snapshotOf(documentOf(html)), empty())).toEqual(
      articleFromDocument(documentOf(html), true),
    );
  });
});
