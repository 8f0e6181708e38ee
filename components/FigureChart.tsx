import type { FigureView } from '../lib/extension/messages';
import { outletName } from './format';

export interface FigureChartProps {
  /** The figure on this page and the other outlets' figures, with the interval each stands for. */
  figure: FigureView;
}

const WIDTH = 320;
const LABEL = 122;
const PLOT_RIGHT = WIDTH - 14;
const ROW = 24;

/** 36,500 → "36,500"; 2.85 → "2.85". */
const number = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(n);

/**
 * Every outlet's figure on one number line: a dot for an exact figure, a bar
 * for a range ("about 15,000"), an arrow for an open end ("at least 36,500").
 * Drawn with SVG elements, never markup strings. Nothing is drawn when no
 * figure carries its interval (notes from an older version).
 */
export function FigureChart({ figure }: FigureChartProps) {
  const rows = [
    { name: 'This page', text: figure.text, low: figure.low ?? null, high: figure.high ?? null, here: true },
    ...figure.others.map((o) => ({
      name: outletName(o.outlet),
      text: o.text,
      low: o.low ?? null,
      high: o.high ?? null,
      here: false,
    })),
  ];
  const ends = rows.flatMap((r) => [r.low, r.high]).filter((v): v is number => v !== null);
  if (ends.length === 0 || rows.every((r) => r.low === null && r.high === null)) return null;
  let min = Math.min(...ends);
  let max = Math.max(...ends);
  // Room either side, so a point at an end is not drawn on the edge, and a single value has a line.
  const pad = (max - min) * 0.15 || Math.abs(max) * 0.1 || 1;
  min -= pad;
  max += pad;
  const x = (v: number) => LABEL + ((v - min) / (max - min)) * (PLOT_RIGHT - LABEL);
  const height = rows.length * ROW + 26;
  const axis = rows.length * ROW + 6;
  const summary = rows.map((r) => `${r.name}: ${r.text}`).join('; ');
  return (
    <svg
      class="r-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`The figures on one number line. ${summary}`}
      data-testid="retold-figure-chart"
    >
      {rows.map((r, i) => {
        const y = i * ROW + ROW / 2 + 2;
        const low = r.low === null ? LABEL : x(r.low);
        const high = r.high === null ? PLOT_RIGHT : x(r.high);
        const point = r.low !== null && r.high !== null && r.low === r.high;
        return (
          <g key={i} class={r.here ? 'r-chart-here' : 'r-chart-other'} data-testid="retold-chart-row">
            <text x={0} y={y + 4} class="r-chart-label">
              {r.name.length > 15 ? `${r.name.slice(0, 14)}…` : r.name}
            </text>
            <line x1={LABEL} x2={PLOT_RIGHT} y1={y} y2={y} class="r-chart-guide" />
            {point ? (
              <circle cx={low} cy={y} r={4.5} class="r-chart-mark" />
            ) : (
              <>
                <line x1={low} x2={high} y1={y} y2={y} class="r-chart-mark r-chart-range" />
                {r.low !== null && <line x1={low} x2={low} y1={y - 5} y2={y + 5} class="r-chart-mark r-chart-end" />}
                {r.high !== null && <line x1={high} x2={high} y1={y - 5} y2={y + 5} class="r-chart-mark r-chart-end" />}
                {r.low === null && (
                  <path d={`M ${low + 7} ${y - 5} L ${low} ${y} L ${low + 7} ${y + 5}`} class="r-chart-arrow" />
                )}
                {r.high === null && (
                  <path d={`M ${high - 7} ${y - 5} L ${high} ${y} L ${high - 7} ${y + 5}`} class="r-chart-arrow" />
                )}
              </>
            )}
          </g>
        );
      })}
      <line x1={LABEL} x2={PLOT_RIGHT} y1={axis} y2={axis} class="r-chart-axis" />
      <text x={LABEL} y={axis + 15} class="r-chart-tick">
        {number(Math.min(...ends))}
      </text>
      <text x={PLOT_RIGHT} y={axis + 15} class="r-chart-tick" text-anchor="end">
        {number(Math.max(...ends))}
      </text>
    </svg>
  );
}
