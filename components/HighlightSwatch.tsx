import { FIGURE_LINES, PALETTES, type Palette } from '../lib/extension/highlight-colours';

export interface HighlightSwatchProps {
  /** What the swatch shows: a remark in a palette, or a figure whose outlets agree or differ. */
  kind: 'remark' | 'agree' | 'differ';
  /** The palette of a remark (figures keep their colours in every palette). */
  palette: Palette;
  /** A remark's look: tinted background and underline, or underline only. */
  highlightStyle: 'background' | 'underline';
}

const SAMPLES = { remark: 'a quote', agree: '15,000', differ: '14,000' } as const;

/**
 * A sample of text highlighted as Retold highlights it in a page, in the
 * same colours (light or dark, as the browser's colour scheme is). Only a
 * picture: hidden from assistive technology, so a choice's label stays the
 * colour's name.
 */
export function HighlightSwatch({ kind, palette, highlightStyle }: HighlightSwatchProps) {
  const [light, dark] = (['light', 'dark'] as const).map((theme) =>
    kind === 'remark'
      ? {
          tint: highlightStyle === 'background' ? PALETTES[palette][theme][0] : 'transparent',
          line: PALETTES[palette][theme][1],
        }
      : { tint: 'transparent', line: FIGURE_LINES[theme][kind] },
  ) as [{ tint: string; line: string }, { tint: string; line: string }];
  return (
    <span
      class={`swatch swatch-${kind === 'remark' ? `remark-${highlightStyle}` : kind}`}
      aria-hidden="true"
      data-testid={`swatch-${kind}`}
      style={{
        '--tint-light': light.tint,
        '--line-light': light.line,
        '--tint-dark': dark.tint,
        '--line-dark': dark.line,
      }}
    >
      {SAMPLES[kind]}
    </span>
  );
}
