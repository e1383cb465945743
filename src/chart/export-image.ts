/**
 * The exported image of a block: title, legend (swatches drawn as the chart draws its lines), the charts,
 * and the caption's plain text, on the theme's background at the charts' device pixel ratio, so a pasted
 * chart still says what its lines are.
 */
import type { LegendEntry } from '../blocks/block-kind';
import type { KeyedLabel } from './plugins/labels';
import type { Theme } from './theme';
import { withAlpha } from './theme';

/** What goes into the image. */
export interface ExportParts {
  title?: string;
  legend: readonly LegendEntry[];
  keyed: readonly (readonly KeyedLabel[])[];
  canvases: readonly HTMLCanvasElement[];
  /** Where each canvas sits (CSS px from the charts' top left), as on screen; stacked when absent. */
  at?: readonly { x: number; y: number }[];
  caption?: string;
  theme: Theme;
  /** Device pixels per CSS pixel of the canvases. */
  dpr: number;
}

const PAD = 10;
const TITLE_PX = 15;
const TEXT_PX = 12;
const LINE = 18;
const SWATCH = 22;

/** One legend item as drawn: its swatch painter and its text. */
interface Item {
  text: string;
  color?: string;
  entry?: LegendEntry;
}

/** Splits `text` into lines no wider than `width` (at spaces, or anywhere in text without spaces such as Chinese). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const token of paragraph.match(/\S+\s*|\s+/gu) ?? []) {
      for (const piece of ctx.measureText(token).width > width ? Array.from(token) : [token]) {
        if (line && ctx.measureText(line + piece).width > width) {
          lines.push(line.trimEnd());
          line = piece.trimStart();
        } else {
          line += piece;
        }
      }
    }
    if (line.trim()) lines.push(line.trimEnd());
  }
  return lines;
}

/** Paints a legend swatch in the box starting at (x, y) of height LINE. */
function swatch(ctx: CanvasRenderingContext2D, e: LegendEntry, color: string, x: number, y: number): void {
  const mid = y + LINE / 2;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = e.faint ? 1 : 2;
  const mark = e.mark ?? 'line';
  ctx.beginPath();
  if (mark === 'line') {
    ctx.setLineDash(e.dashed ? [6, 4] : []);
    ctx.globalAlpha = e.faint ? 0.6 : 1;
    ctx.moveTo(x, mid);
    ctx.lineTo(x + SWATCH - 6, mid);
    ctx.stroke();
  } else if (mark === 'band') {
    ctx.fillStyle = withAlpha(color, 0.3);
    ctx.fillRect(x, mid - 5, SWATCH - 6, 10);
  } else if (mark === 'star') {
    ctx.fillText('★', x + 2, mid);
  } else {
    ctx.arc(x + 8, mid, 3.5, 0, 2 * Math.PI);
    if (mark === 'dot') ctx.fill();
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

/** Lays the legend items out in rows no wider than `width`; returns each item's position. */
function flow(
  ctx: CanvasRenderingContext2D,
  items: readonly Item[],
  width: number,
): { item: Item; x: number; row: number }[] {
  let x = 0;
  let row = 0;
  return items.map((item) => {
    const w = SWATCH + ctx.measureText(item.text).width + 14;
    if (x > 0 && x + w > width) {
      row++;
      x = 0;
    }
    const at = { item, x, row };
    x += w;
    return at;
  });
}

/** Composes the image on a new canvas (device pixels). */
export function composeImage(parts: ExportParts): HTMLCanvasElement {
  const { theme, dpr } = parts;
  let below = 0;
  const at = parts.at ?? parts.canvases.map((c) => ({ x: 0, y: (below += c.height / dpr) - c.height / dpr }));
  const width = Math.max(...parts.canvases.map((c, i) => at[i].x + c.width / dpr));
  const inner = width - 2 * PAD;
  const out = createEl('canvas');
  const ctx = out.getContext('2d') as CanvasRenderingContext2D;
  const font = (px: number, bold = false) => `${bold ? '600 ' : ''}${px}px ${theme.font}`;
  const series = (i: number) => theme.series[i % theme.series.length];
  const items: Item[] = [
    ...parts.legend.map((e) => ({
      text: e.label,
      entry: e,
      color: e.colorIndex === undefined ? theme.muted : series(e.colorIndex),
    })),
    ...parts.keyed.flatMap((labels) =>
      labels.map((k, i) => ({ text: `[${i + 1}] ${k.text}`, color: series(k.colorIndex) })),
    ),
  ];
  // Measure first (the canvas size must be set before drawing, and setting it clears the canvas).
  ctx.font = font(TITLE_PX, true);
  const title = parts.title ? wrap(ctx, parts.title, inner) : [];
  ctx.font = font(TEXT_PX);
  const placed = flow(ctx, items, inner);
  const legendRows = placed.length ? placed[placed.length - 1].row + 1 : 0;
  const caption = parts.caption ? wrap(ctx, parts.caption, inner) : [];
  const chartsHeight = Math.max(...parts.canvases.map((c, i) => at[i].y + c.height / dpr));
  const top = PAD + title.length * (TITLE_PX + 6) + legendRows * LINE + (legendRows ? 4 : 0);
  const height = top + chartsHeight + (caption.length ? 6 + caption.length * LINE : 0) + PAD;
  out.width = Math.round(width * dpr);
  out.height = Math.round(height * dpr);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.scale(dpr, dpr);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = theme.text;
  ctx.font = font(TITLE_PX, true);
  title.forEach((line, i) => ctx.fillText(line, PAD, PAD + i * (TITLE_PX + 6) + TITLE_PX / 2 + 2));
  ctx.font = font(TEXT_PX);
  const legendTop = PAD + title.length * (TITLE_PX + 6);
  for (const { item, x, row } of placed) {
    const y = legendTop + row * LINE;
    const color = item.color ?? theme.muted;
    if (item.entry) swatch(ctx, item.entry, color, PAD + x, y);
    ctx.font = font(TEXT_PX);
    ctx.fillStyle = item.entry ? theme.muted : color;
    ctx.fillText(item.text, PAD + x + (item.entry ? SWATCH : 0), y + LINE / 2);
  }
  // Straight device-pixel copies: the charts are exactly what the note shows, where it shows them.
  parts.canvases.forEach((c, i) => ctx.drawImage(c, at[i].x, top + at[i].y, c.width / dpr, c.height / dpr));
  const y = top + chartsHeight;
  ctx.fillStyle = theme.muted;
  caption.forEach((line, i) => ctx.fillText(line, PAD, y + 6 + i * LINE + LINE / 2));
  return out;
}
