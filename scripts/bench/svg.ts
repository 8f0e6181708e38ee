/**
 * The scale curve as an SVG file for docs/performance.md: load time and the
 * time to match one article against corpora of 5 to 100,000 articles, both
 * axes logarithmic. The file is built as text, so every piece of text in it
 * is escaped; numbers are formatted, never spliced in raw.
 */
import type { ScaleRow } from './scale';

const W = 640;
const H = 360;
const M = { left: 64, right: 150, top: 24, bottom: 48 };

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const num = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '0');

export function scaleSvg(rows: ScaleRow[]): string {
  // The seeds-plus-planted reference is another kind of corpus, not a point on the curve.
  const points = rows
    .filter((r) => !r.planted || r.label === String(r.articles))
    .map((r) => ({ n: r.articles, series: seriesOf(r) }))
    .filter((p) => p.n > 0)
    .sort((a, b) => a.n - b.n);
  const xs = points.map((p) => Math.log10(p.n));
  const ys = points.flatMap((p) => p.series.map((s) => Math.log10(Math.max(0.1, s.value))));
  const [x0, x1] = [Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs))];
  const [y0, y1] = [Math.floor(Math.min(...ys)), Math.ceil(Math.max(...ys))];
  const x = (n: number) => M.left + ((Math.log10(n) - x0) / Math.max(1, x1 - x0)) * (W - M.left - M.right);
  const y = (v: number) =>
    H - M.bottom - ((Math.log10(Math.max(0.1, v)) - y0) / Math.max(1, y1 - y0)) * (H - M.top - M.bottom);
  const text = (tx: number, ty: number, s: string, anchor = 'middle', extra = '') =>
    `<text x="${num(tx)}" y="${num(ty)}" text-anchor="${anchor}"${extra}>${escape(s)}</text>`;
  const parts: string[] = [];
  for (let e = x0; e <= x1; e++) {
    const px = x(10 ** e);
    parts.push(`<line x1="${num(px)}" y1="${M.top}" x2="${num(px)}" y2="${H - M.bottom}" stroke="#e4e4e4"/>`);
    parts.push(text(px, H - M.bottom + 18, (10 ** e).toLocaleString('en-US')));
  }
  for (let e = y0; e <= y1; e++) {
    const py = y(10 ** e);
    parts.push(`<line x1="${M.left}" y1="${num(py)}" x2="${W - M.right}" y2="${num(py)}" stroke="#e4e4e4"/>`);
    parts.push(text(M.left - 8, py + 4, `${(10 ** e).toLocaleString('en-US')} ms`, 'end'));
  }
  const names = points[0]?.series.map((s) => s.name) ?? [];
  names.forEach((series, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const line = points.map((p) => `${num(x(p.n))},${num(y(p.series[i]!.value))}`).join(' ');
    parts.push(`<polyline points="${line}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const p of points)
      parts.push(`<circle cx="${num(x(p.n))}" cy="${num(y(p.series[i]!.value))}" r="3" fill="${colour}"/>`);
    parts.push(`<rect x="${W - M.right + 12}" y="${M.top + i * 22}" width="12" height="3" fill="${colour}"/>`);
    parts.push(text(W - M.right + 30, M.top + i * 22 + 5, series, 'start'));
  });
  parts.push(text((M.left + W - M.right) / 2, H - 10, 'articles in the corpus'));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12" fill="#222">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

const COLOURS = ['#3a55c4', '#c4553a', '#2f8f5f', '#8a5bc4'];

function seriesOf(r: ScaleRow): { name: string; value: number }[] {
  return [
    { name: 'load (parse + unpack + index)', value: r.load.total },
    { name: 'match 1 article, cold', value: r.match.notInCorpus.cold.median },
    { name: 'match 1 article, warm', value: r.match.notInCorpus.warm.median },
  ];
}
