/** Every figure the bench reports is a summary of several measurements: median, min, max and how many. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summary(xs: readonly number[]): Summary {
  if (xs.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, n: sorted.length };
}

/** "12 ms (10–15, n=7)" */
export function describe(s: Summary, unit = 'ms'): string {
  const f = (n: number) => (Math.abs(n) < 10 ? n.toFixed(2) : n.toFixed(0));
  return `${f(s.median)} ${unit} (${f(s.min)}–${f(s.max)}, n=${s.n})`;
}

/** a[i] ÷ b[i] for paired measurements, summarised. */
export const ratios = (a: readonly number[], b: readonly number[]) =>
  summary(a.map((x, i) => x / Math.max(1e-9, b[i]!)));
