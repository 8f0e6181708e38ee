/**
 * Pages that fight back, each built around a retelling of remarks the corpus
 * knows (so Retold has notes to show) plus one hostile trait. Every page sets
 * `window.pageOk` from its own script once it has done its own work, and has a
 * button that must keep working.
 */
import { demoArticle } from '../../scripts/demo/site';

const article = () => demoArticle('/retelling/retelling-st-petersburg.html');

const page = (title: string, body: string, head = '', script = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body>${body}
<button id="page-button" onclick="window.clicks = (window.clicks || 0) + 1">Page button</button>
<script>${script}; window.pageOk = true;</script>
</body></html>`;

const words =
  'the council said that officials would meet again next week to discuss the plan for roads and schools'.split(' ');
const filler = (n: number, seed = 1) => {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(words[x % words.length]!);
  }
  return out.join(' ');
};

/** The hostile pages, by path. `notes: false` pages must get no UI at all, or are tested case by case. */
export function hostilePages(): Record<string, { html: string; notes: boolean; what: string }> {
  const a = article();
  return {
    '/hostile/css-attack.html': {
      what: 'page CSS aimed at everything: all: unset, display:none on unknown elements, a giant z-index overlay',
      notes: true,
      html: page(
        'CSS attack',
        `${a}<div id="overlay" style="position:fixed;inset:0;z-index:2147483647;pointer-events:none"></div>`,
        `<style>
          * { all: unset !important; }
          head, style, script { display: none !important; }
          body, article, p, h1, div, main { display: block !important; }
          :not(html, head, body, article, p, h1, div, main, button, script, style, title, meta) { display: none !important; }
          retold-ui, [data-retold-ui] { display: none !important; visibility: hidden !important; opacity: 0 !important; }
          html::before { content: ''; position: fixed; inset: 0; z-index: 2147483647; }
        </style>`,
      ),
    },
    '/hostile/own-element.html': {
      what: 'a page that defines its own <retold-ui> element, with a closed shadow root',
      notes: true,
      html: page(
        'Own element',
        `<retold-ui>the page's own element</retold-ui>${a}`,
        '',
        `customElements.define('retold-ui', class extends HTMLElement {
           constructor() { super(); this.attachShadow({ mode: 'closed' }).textContent = 'page element'; }
         });`,
      ),
    },
    '/hostile/markup-in-quotes.html': {
      what: 'quote text that looks like markup',
      notes: true,
      html: page(
        'Markup in quotes',
        a.replace(
          'It is a kind of total destruction of the civilian population',
          'It is a kind of total destruction of the civilian population &lt;img src=x onerror="window.xss=1"&gt;&lt;script&gt;window.xss=2&lt;/script&gt;',
        ),
      ),
    },
    '/hostile/huge.html': {
      what: 'a 100,000-word page',
      notes: true,
      html: page(
        'Huge',
        // The retelling first: of an article this long only the first MAX_READ_CHARS characters are read.
        `<article>${a.replace(/<\/?article>/g, '')}<h2>A very long report</h2>${Array.from({ length: 400 }, (_, i) => `<p>${filler(250, i + 1)}.</p>`).join('')}</article>`,
      ),
    },
    '/hostile/many-quotes.html': {
      what: 'a page with 5,000 quotes',
      notes: true,
      html: page(
        'Many quotes',
        a.replace(
          '</article>',
          `${Array.from({ length: 5000 }, (_, i) => `<p>"We will look at item ${i} again next week," said Official ${i}.</p>`).join('')}</article>`,
        ),
      ),
    },
    '/hostile/deep.html': {
      what: 'a DOM nested 5,000 deep',
      notes: true,
      html: page('Deep', `${'<div>'.repeat(5000)}${a}${'</div>'.repeat(5000)}`),
    },
    '/hostile/malformed.html': {
      what: 'malformed HTML',
      notes: true,
      html: `<html><head><title>Malformed</title><body><div><p>Unclosed <b>bold <i>both</b> italic</i></div></span></p>${a.replace(/<\/p>/g, '')}<table><tr><td>cell<div>stray</table></td><p>end<script>window.pageOk = true</script><button id="page-button" onclick="window.clicks=(window.clicks||0)+1">Page button</button>`,
    },
    '/hostile/iframes.html': {
      what: 'iframes: ads and another article in frames around the article',
      notes: true,
      html: page(
        'Iframes',
        `<iframe srcdoc="<p>Advertisement</p>" width="300" height="100"></iframe>${a}<iframe src="/retelling/retelling-bishkek.html" width="600" height="300"></iframe>`,
      ),
    },
    '/hostile/shadow-dom.html': {
      what: 'article text inside a web component’s shadow DOM',
      notes: true,
      html: page(
        'Shadow DOM',
        `<news-story></news-story><template id="story">${a}</template>`,
        '',
        `customElements.define('news-story', class extends HTMLElement {
           constructor() { super(); this.attachShadow({ mode: 'open' }).append(document.getElementById('story').content.cloneNode(true)); }
         });`,
      ),
    },
    '/hostile/ticker.html': {
      what: 'a live ticker that changes the DOM every 100 ms',
      notes: true,
      html: page(
        'Ticker',
        `<div id="ticker">Markets: 0</div>${a}`,
        '',
        `let n = 0; setInterval(() => { document.getElementById('ticker').textContent = 'Markets: ' + (++n) + ' ' + 'x'.repeat(n % 50); }, 100);`,
      ),
    },
    '/hostile/replace-state.html': {
      what: 'a page that rewrites its address (path, query and fragment) every 500 ms',
      notes: true,
      html: page(
        'Replace state',
        a,
        '',
        `let n = 0; setInterval(() => history.replaceState({}, '', '/hostile/replace-state/' + (++n) + '.html?session=secret-' + n + '#t' + n), 500);`,
      ),
    },
    '/hostile/own-style-id.html': {
      what: 'a page with elements of its own under the ids and names an extension might use',
      notes: true,
      html: page(
        'Own style id',
        `<style id="retold-highlights">/* the page's own */</style><div id="retold-highlights-div"></div>${a}`,
      ),
    },
    '/hostile/no-article.html': {
      what: 'a page that is not an article (a form and a list)',
      notes: false,
      html: page('App', '<form><input name="q"><button>Search</button></form><ul><li>One</li><li>Two</li></ul>'),
    },
  };
}
