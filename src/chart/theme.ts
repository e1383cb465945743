/** Chart colours read from Obsidian's CSS variables, so every theme (light, dark, community) just works. */
import type { Palette } from '../core/settings';

/** The colours a chart needs, as CSS colour strings. */
export interface Theme {
  text: string;
  muted: string;
  grid: string;
  axis: string;
  background: string;
  font: string;
  /** Series colours, in order. */
  series: string[];
}

/** Okabe & Ito's colour-blind-safe set (Color Universal Design), black replaced by grey for dark themes. */
export const COLORBLIND_SAFE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

/** Obsidian's named colour variables (1.0+), in the order series take them after the theme's accent. */
const THEME_SERIES_VARS = [
  '--color-orange',
  '--color-green',
  '--color-blue',
  '--color-red',
  '--color-cyan',
  '--color-pink',
  '--color-yellow',
  '--color-purple',
];

/** Reads one CSS variable, falling back when a theme leaves it empty. */
function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

/** The theme palette: the user's accent colour first, then Obsidian's named colours (minus one equal to the accent). */
function themeSeries(style: CSSStyleDeclaration): string[] {
  const accent = cssVar(style, '--interactive-accent', COLORBLIND_SAFE[0]);
  const named = THEME_SERIES_VARS.map((v, i) => cssVar(style, v, COLORBLIND_SAFE[i + 1] ?? COLORBLIND_SAFE[0]));
  return [accent, ...named.filter((c) => c !== accent)];
}

/** Reads the theme of `el`'s document, as Obsidian's CSS variables resolve at `el`. */
export function readTheme(el: HTMLElement, palette: Palette): Theme {
  const style = el.win.getComputedStyle(el);
  const series = palette === 'colorblind' ? COLORBLIND_SAFE : themeSeries(style);
  return {
    text: cssVar(style, '--text-normal', '#222'),
    muted: cssVar(style, '--text-muted', '#666'),
    grid: cssVar(style, '--background-modifier-border', 'rgba(128,128,128,0.2)'),
    axis: cssVar(style, '--text-faint', '#999'),
    background: cssVar(style, '--background-primary', '#fff'),
    font: cssVar(style, '--font-interface', 'sans-serif'),
    series,
  };
}

/** The same colour at a given opacity, for translucent overlays (accepts #rgb, #rrggbb, rgb(), hsl() and names). */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const h =
      hex[1].length === 3
        ? hex[1]
            .split('')
            .map((c) => c + c)
            .join('')
        : hex[1];
    const n = parseInt(h, 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }
  return `color-mix(in srgb, ${color} ${Math.round(alpha * 100)}%, transparent)`;
}
