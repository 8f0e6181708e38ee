/**
 * Demo news pages, made from the bundled articles and from articles written
 * for the demo, served from localhost. Each page looks like a real news page
 * around its article — masthead, navigation, ads, a related-links box,
 * comments — so extraction and anchoring meet the clutter they meet on the
 * web. `npm start` opens them; the end-to-end tests load them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { parseManifest } from '../../lib/corpus/corpus';
import { longRead } from '../bench/synthetic';

export interface DemoPage {
  /** URL path, e.g. `/seed/001_790c6556cd2dca1e.html`. */
  path: string;
  title: string;
  /**
   * Seeds are in the corpus; retellings quote its remarks in other words;
   * unrelated pages share nothing with it; the long read is a retelling
   * followed by 50,000 words of other news, to measure Retold on a long page.
   */
  kind: 'seed' | 'retelling' | 'unrelated' | 'long' | 'layout';
  html: string;
}

const SEEDS = 'seeds';
/** Words of other news after the retelling on the long demo page. */
export const LONG_READ_WORDS = 50_000;
const ARTICLES = join(import.meta.dirname, 'articles');

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A masthead and colours per site, so the demo pages do not all look alike. One is dark. */
const LOOKS = [
  { site: 'The Morning Ledger', font: 'Georgia, serif', bg: '#ffffff', fg: '#1a1a1a', accent: '#9b1c1c', dark: false },
  {
    site: 'Harbour Post',
    font: '"Helvetica Neue", Arial, sans-serif',
    bg: '#fbfaf7',
    fg: '#222',
    accent: '#0b5394',
    dark: false,
  },
  { site: 'Nightwire', font: 'system-ui, sans-serif', bg: '#15171c', fg: '#e6e6e6', accent: '#f0a030', dark: true },
  {
    site: 'The Civic Review',
    font: '"Times New Roman", serif',
    bg: '#fffdf6',
    fg: '#2b2b2b',
    accent: '#2f6f4f',
    dark: false,
  },
  { site: 'Daily Dispatch', font: 'Verdana, sans-serif', bg: '#ffffff', fg: '#111', accent: '#5b2a86', dark: false },
];

/** Lines of a plain-text article as HTML blocks: headings, captions and paragraphs. */
function body(paragraphs: string[]): string {
  return paragraphs
    .map((p, i) => {
      if (/^\(photo credit|^photo:|getty images$/i.test(p)) return `<figcaption>${escape(p)}</figcaption>`;
      // Short lines without a full stop are section headings or captions in the seed texts.
      if (p.length < 60 && !/[.!?"”]$/.test(p)) return `<h2>${escape(p)}</h2>`;
      const ad =
        i === 3
          ? '<div class="ad inline-ad" aria-label="Advertisement"><span>Advertisement</span><p>Switch your energy supplier in minutes. Compare plans now.</p></div>'
          : '';
      return `<p>${escape(p)}</p>${ad}`;
    })
    .join('\n');
}

function page(
  title: string,
  text: string,
  lookIndex: number,
  related: { path: string; title: string }[],
  date: string | null,
): string {
  const look = LOOKS[lookIndex % LOOKS.length]!;
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  // The first line of every article file is its headline.
  const paragraphs = lines[0] === title ? lines.slice(1) : lines;
  return `<!doctype html>
<html lang="en"${look.dark ? ' style="color-scheme: dark"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} | ${escape(look.site)}</title>
<style>
  body { margin: 0; background: ${look.bg}; color: ${look.fg}; font-family: ${look.font}; }
  header.site { border-bottom: 3px solid ${look.accent}; padding: 14px 24px 0; }
  header.site .brand { font-size: 30px; font-weight: 700; color: ${look.accent}; letter-spacing: -0.5px; }
  nav ul { display: flex; gap: 18px; list-style: none; padding: 10px 0; margin: 0; font-size: 14px; }
  nav a { color: inherit; text-decoration: none; }
  .leaderboard { margin: 12px auto; width: 728px; max-width: 92%; height: 90px; background: ${look.dark ? '#262a33' : '#eee'}; display: grid; place-items: center; font: 12px sans-serif; color: #888; }
  .layout { display: grid; grid-template-columns: minmax(0, 680px) 260px; gap: 48px; justify-content: center; padding: 0 24px; }
  article h1 { font-size: 34px; line-height: 1.2; margin: 24px 0 8px; }
  article .byline { font-size: 14px; opacity: 0.75; margin-bottom: 24px; }
  article p { font-size: 19px; line-height: 1.6; margin: 0 0 1.1em; }
  article h2 { font-size: 22px; margin: 1.4em 0 0.6em; }
  figcaption { font-size: 13px; opacity: 0.7; margin-bottom: 1em; }
  .inline-ad { border: 1px solid ${look.dark ? '#333' : '#ddd'}; padding: 10px; margin: 0 0 1.2em; font: 13px sans-serif; }
  .inline-ad span { text-transform: uppercase; font-size: 10px; opacity: 0.6; }
  aside.related { font-size: 14px; border-top: 3px solid ${look.accent}; padding-top: 8px; margin-top: 24px; }
  aside.related a { color: inherit; }
  section.comments { border-top: 1px solid ${look.dark ? '#333' : '#ccc'}; margin-top: 32px; padding-top: 12px; font-size: 15px; }
  footer.site { margin-top: 48px; padding: 24px; font-size: 12px; opacity: 0.7; border-top: 1px solid ${look.dark ? '#333' : '#ddd'}; }
  @media (max-width: 980px) { .layout { grid-template-columns: minmax(0, 680px); } }
</style>
</head>
<body>
<header class="site">
  <div class="brand">${escape(look.site)}</div>
  <nav aria-label="Sections"><ul><li><a href="/">Home</a></li><li><a href="/">World</a></li><li><a href="/">Politics</a></li><li><a href="/">Business</a></li><li><a href="/">Opinion</a></li><li><a href="/">Sport</a></li></ul></nav>
</header>
<div class="leaderboard" aria-label="Advertisement">Advertisement</div>
<div class="layout">
  <main>
    <article>
      <h1>${escape(title)}</h1>
      <div class="byline">By Staff Reporter${date ? ` · <time datetime="${date}">${date}</time>` : ''}</div>
      ${body(paragraphs)}
    </article>
    <section class="comments" aria-label="Comments">
      <h3>Comments (2)</h3>
      <div class="comment"><b>reader_one</b><p>Interesting to compare with what the other papers wrote.</p></div>
      <div class="comment"><b>K. Morgan</b><p>Does anyone have the full transcript?</p></div>
    </section>
  </main>
  <aside class="related" aria-label="Related">
    <h3>Related</h3>
    <ul>${related.map((r) => `<li><a href="${r.path}">${escape(r.title)}</a></li>`).join('')}</ul>
    <div class="ad" aria-label="Advertisement" style="height:250px;margin-top:16px;background:${look.dark ? '#262a33' : '#f2f2f2'};display:grid;place-items:center;font:12px sans-serif;color:#888">Advertisement</div>
  </aside>
</div>
<footer class="site">© ${escape(look.site)}. A demo page for Retold, made from the text of a real article.</footer>
</body>
</html>
`;
}

/** Every demo page: the seed articles, then the written retellings and unrelated articles. */
export function demoPages(): DemoPage[] {
  const manifest = parseManifest(readFileSync(join(SEEDS, 'manifest.json'), 'utf8'));
  const pages: (Omit<DemoPage, 'html'> & { text: string; date: string | null })[] = [];
  for (const a of manifest.articles) {
    const text = readFileSync(join(SEEDS, a.file), 'utf8');
    const title = a.title ?? text.split('\n')[0]!.trim();
    pages.push({ path: `/seed/${a.file.replace(/\.\w+$/, '')}.html`, title, kind: 'seed', text, date: a.date });
  }
  for (const file of readdirSync(ARTICLES).sort()) {
    const text = readFileSync(join(ARTICLES, file), 'utf8');
    const kind = file.startsWith('unrelated') ? 'unrelated' : 'retelling';
    pages.push({
      path: `/${kind}/${file.replace(/\.txt$/, '')}.html`,
      title: text.split('\n')[0]!.trim(),
      kind,
      text,
      date: null,
    });
  }
  const retelling = pages.find((p) => p.kind === 'retelling')!;
  pages.push({
    path: '/long/long-read.html',
    title: 'The long read: a year of crises, and what was said about them',
    kind: 'long',
    text: [retelling.text, ...longRead(LONG_READ_WORDS)].join('\n'),
    date: null,
  });
  const built: DemoPage[] = pages.map((p, i) => ({
    path: p.path,
    title: p.title,
    kind: p.kind,
    html: page(p.title, p.text, i, pages.filter((o) => o !== p).slice(0, 4), p.date),
  }));
  return [...built, ...layoutPages(built)];
}

/**
 * The St Petersburg retelling on layouts real sites use, where notes have
 * least room: one centred 640 px column (a 320 px margin each side at
 * 1280 px), under a sticky header, on a light and a dark page. Open them at
 * 400 px too for a phone. The retelling in reported speech gets the same
 * layouts (`/layout/reported-light.html`), for its paraphrase notes.
 */
function layoutPages(pages: DemoPage[]): DemoPage[] {
  return [
    ...layoutPagesOf(pages, '/retelling/retelling-st-petersburg.html', 'centred'),
    ...layoutPagesOf(pages, '/retelling/retelling-with-reported-speech.html', 'reported'),
  ];
}

function layoutPagesOf(pages: DemoPage[], path: string, name: string): DemoPage[] {
  const article = demoArticle(path, pages);
  const title = pages.find((p) => p.path === path)!.title;
  return (['light', 'dark'] as const).map((theme) => {
    const [bg, fg, bar, link] =
      theme === 'dark' ? ['#121417', '#e4e4e4', '#1d2026', '#9ab8ff'] : ['#ffffff', '#1b1b1b', '#f4f1ea', '#1a4fa0'];
    return {
      path: `/layout/${name}-${theme}.html`,
      title: `${title} (centred column, sticky header, ${theme})`,
      kind: 'layout' as const,
      html: `<!doctype html>
<html lang="en"${theme === 'dark' ? ' style="color-scheme: dark"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} | The Column</title>
<style>
  body { margin: 0; background: ${bg}; color: ${fg}; font: 19px/1.6 Georgia, serif; }
  /* A site's own rule that reaches every button it can. */
  button { color: inherit; }
  header.bar { position: sticky; top: 0; z-index: 10; height: 56px; display: flex; align-items: center; gap: 24px; padding: 0 24px; background: ${bar}; border-bottom: 1px solid ${theme === 'dark' ? '#333' : '#ddd'}; font: 15px system-ui, sans-serif; }
  header.bar b { font-size: 20px; }
  header.bar a { color: ${link}; }
  main { max-width: 640px; margin: 0 auto; padding: 0 24px; box-sizing: content-box; }
  @media (min-width: 1000px) { main { padding: 0; } }
  article h1 { font-size: 32px; line-height: 1.2; margin: 28px 0 8px; }
  article .byline { font-size: 14px; opacity: 0.75; margin-bottom: 24px; }
  article p { margin: 0 0 1.1em; }
  article a, main a { color: ${link}; }
  .inline-ad { border: 1px solid #8884; padding: 10px; margin: 0 0 1.2em; font: 13px sans-serif; }
</style>
</head>
<body>
<header class="bar"><b>The Column</b><a href="/">World</a><a href="/">Politics</a><a href="/">Opinion</a></header>
<main>
${article}
</main>
</body>
</html>
`,
    };
  });
}

const READING = join(import.meta.dirname, 'reading');
/** The outlets of the reading pages, in the order of their files. */
const READING_OUTLETS = ['The Valley Courier', 'Northern Standard', 'The River Times', 'Evening Herald'];

/**
 * Four outlets' articles on one invented event (a dam breach in the Korvath
 * Vale), each quoting the same governor in other words and the fourth
 * giving a different evacuation figure: for remembering what a reader
 * read (no bundled article is about it). Each names its outlet
 * (`og:site_name`) and its date (`article:published_time`), by path.
 */
export function readingPages(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(READING)
      .sort()
      .map((file, i) => {
        const text = readFileSync(join(READING, file), 'utf8');
        const meta =
          `<meta property="og:site_name" content="${escape(READING_OUTLETS[i]!)}">` +
          '<meta property="article:published_time" content="2025-03-14T18:00:00Z">';
        const html = page(text.split('\n')[0]!.trim(), text, i, [], '2025-03-14').replace(
          '<meta charset="utf-8">',
          `<meta charset="utf-8">\n${meta}`,
        );
        return [`/reading/${file.replace(/\.txt$/, '')}.html`, html];
      }),
  );
}

/** The `<article>` element of a demo page, as markup, for test pages built around it. */
export function demoArticle(path: string, pages: DemoPage[] = demoPages()): string {
  const article = pages.find((p) => p.path === path)?.html.match(/<article>[\s\S]*<\/article>/)?.[0];
  if (!article) throw new Error(`no demo article at ${path}`);
  return article;
}

function indexPage(pages: DemoPage[]): string {
  const list = (kind: DemoPage['kind'], heading: string) =>
    `<h2>${heading}</h2><ul>${pages
      .filter((p) => p.kind === kind)
      .map((p) => `<li><a href="${p.path}">${escape(p.title)}</a></li>`)
      .join('')}</ul>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Retold demo pages</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:720px;margin:40px auto;padding:0 20px}</style></head><body>
<h1>Retold demo pages</h1>
<p>News pages made from the articles in Retold's bundled corpus, and articles that retell the same remarks in other words. Open one with Retold loaded and its notes appear.</p>
${list('retelling', 'Retellings (not in the corpus)')}${list('seed', 'Articles in the corpus (each is compared with the others)')}${list('unrelated', 'Unrelated (no notes expected)')}${list('long', 'A long page (a retelling, then 50,000 words of other news)')}${list('layout', 'Layouts with little room: a centred column, a sticky header (try them at 400 px wide too)')}
</body></html>`;
}

/** Serve the demo pages on 127.0.0.1 (port 0 picks a free one). Extra pages can be added by path. */
export async function serveDemo(
  port = 0,
  extra: Record<string, string> = {},
): Promise<{ url: string; pages: DemoPage[]; server: Server; close: () => Promise<void> }> {
  const pages = demoPages();
  const routes = new Map<string, string>([['/', indexPage(pages)], ...pages.map((p) => [p.path, p.html] as const)]);
  for (const [path, html] of Object.entries(extra)) routes.set(path, html);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const html = routes.get(path);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html ?? '<!doctype html><title>Not found</title><p>Not found</p>');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject); // a port in use: the caller may try another
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    pages,
    server,
    // Open keep-alive connections would hold close() up for as long as the browser keeps them.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
