/**
 * The model's `image` (a classifier's decision map): n × n cells rendered once into pixels, then drawn scaled over
 * the plot with one drawImage per paint (through one small shared canvas) — not one fillRect per cell.
 */
import type { LineChartModel } from '../../blocks/line-chart-model';
import type { Theme } from '../theme';

type HeatMap = NonNullable<LineChartModel['image']>;

/** Rendered maps by their data, with the colours they were rendered in (a theme change renders again). */
const rendered = new WeakMap<Float64Array, { colors: string; image: ImageData }>();

/** The one canvas every map passes through on its way to a panel: a canvas and context of its own cost 0.4 ms a map. */
let scratch: CanvasRenderingContext2D | null = null;

const parsed = new Map<string, Uint8ClampedArray>();

/** A CSS colour as r, g, b (the browser parses it: names, hex, rgb(), hsl(), variables already resolved); once per colour. */
function rgbOf(color: string): Uint8ClampedArray {
  let rgb = parsed.get(color);
  if (rgb) return rgb;
  const ctx = createEl('canvas', { attr: { width: 1, height: 1 } }).getContext('2d');
  if (!ctx) return new Uint8ClampedArray(4);
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  parsed.set(color, (rgb = ctx.getImageData(0, 0, 1, 1).data));
  return rgb;
}

/**
 * Image pixels per grid cell: p is interpolated between the cells' centres, so the class boundary (p = 0.5) is drawn
 * as the smooth curve it is (a straight line without an activation), not the grid's staircase; drawImage's own
 * smoothing does the rest.
 */
const UP = 2;

function render(map: HeatMap, colors: string[]): ImageData {
  const { n, p } = map;
  const size = n * UP;
  const [c0, c1] = colors.map(rgbOf);
  const img = new ImageData(size, size);
  const d = img.data;
  // Per image row (and column, the same): the cell at or before its centre, the next cell, the next one's weight.
  // Plain arrays: a typed array of more than 64 bytes costs ~20 µs in Chromium (memory outside the heap).
  const [lo, hi, w, row]: number[][] = [[], [], [], new Array<number>(n).fill(0)];
  for (let i = 0; i < size; i++) {
    const g = Math.min(n - 1, Math.max(0, (i + 0.5) / UP - 0.5));
    lo.push(Math.floor(g));
    hi.push(Math.min(n - 1, lo[i] + 1));
    w.push(g - lo[i]);
  }
  for (let y = 0; y < size; y++) {
    // p along this image row, at every grid column; then across, per pixel.
    for (let c = 0; c < n; c++) row[c] = p[lo[y] * n + c] * (1 - w[y]) + p[hi[y] * n + c] * w[y];
    for (let x = 0; x < size; x++) {
      const v = row[lo[x]] * (1 - w[x]) + row[hi[x]] * w[x];
      const c = v > 0.5 ? c1 : c0;
      const at = 4 * (y * size + x);
      d[at] = c[0];
      d[at + 1] = c[1];
      d[at + 2] = c[2];
      d[at + 3] = 30 + 120 * Math.abs(2 * v - 1);
    }
  }
  return img;
}

/** Draws the map scaled onto the square of side `size` at (left, top). */
export function paintHeatMap(
  ctx: CanvasRenderingContext2D,
  map: HeatMap,
  theme: Theme,
  left: number,
  top: number,
  size: number,
): void {
  const colors = map.colors.map((i) => theme.series[i % theme.series.length]);
  let done = rendered.get(map.p);
  if (!done || done.colors !== colors.join())
    rendered.set(map.p, (done = { colors: colors.join(), image: render(map, colors) }));
  const side = done.image.width;
  if (scratch?.canvas.width !== side)
    scratch = createEl('canvas', { attr: { width: side, height: side } }).getContext('2d');
  if (!scratch) return;
  scratch.putImageData(done.image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(scratch.canvas, left, top, size, size);
}
