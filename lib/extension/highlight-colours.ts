/**
 * The colours of Retold's highlights, one set for light pages and one for
 * dark: the page paints with them (entrypoints/content/page.ts) and the
 * options page shows them as swatches, so what a reader picks is what the
 * page shows.
 */

/** Per palette, for light and dark pages: [tint, line, active]. Figures keep their own colours. */
export const PALETTES = {
  amber: {
    light: ['rgb(250 204 21 / 0.22)', 'rgb(202 138 4 / 0.85)', 'rgb(58 85 196 / 0.2)'],
    dark: ['rgb(250 204 21 / 0.16)', 'rgb(250 204 21 / 0.75)', 'rgb(142 162 255 / 0.3)'],
  },
  blue: {
    light: ['rgb(59 130 246 / 0.16)', 'rgb(29 78 216 / 0.8)', 'rgb(245 158 11 / 0.25)'],
    dark: ['rgb(96 165 250 / 0.18)', 'rgb(147 197 253 / 0.8)', 'rgb(251 191 36 / 0.25)'],
  },
  magenta: {
    light: ['rgb(217 70 239 / 0.13)', 'rgb(162 28 175 / 0.8)', 'rgb(14 165 233 / 0.2)'],
    dark: ['rgb(232 121 249 / 0.16)', 'rgb(240 171 252 / 0.8)', 'rgb(56 189 248 / 0.25)'],
  },
} as const;
export type Palette = keyof typeof PALETTES;

/** A figure's underline in every palette: dotted where the outlets agree, wavy where they differ. */
export const FIGURE_LINES = {
  light: { agree: 'rgb(15 118 110 / 0.75)', differ: 'rgb(194 65 12 / 0.9)' },
  dark: { agree: 'rgb(110 231 183 / 0.8)', differ: 'rgb(255 153 102 / 0.9)' },
} as const;
