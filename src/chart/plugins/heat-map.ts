/**
 * The model's `image` (a classifier's decision map): n × n cells rendered once into an offscreen canvas, then
 * drawn scaled over the plot with one drawImage per paint — not one fillRect per cell.
 */
import type { LineChartModel } from '../../blocks/line-chart-model';
import type { Theme } from '../theme';

type HeatMap = NonNullable<LineChartModel['image']>;

/** Rendered maps by their data, with the colours they were rendered in (a theme change renders again). */
const rendered = new WeakMap<Float64Array, { colors: string; canvas: HTMLCanvasElement }>();

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

function render(map: HeatMap, colors: string[]): HTMLCanvasElement {
  const canvas = createEl('canvas', { attr: { width: map.n, height: map.n } });
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  const [c0, c1] = colors.map(rgbOf);
  const img = ctx.createImageData(map.n, map.n);
  map.p.forEach((p, k) => {
    const c = p > 0.5 ? c1 : c0;
    img.data.set([c[0], c[1], c[2], Math.round(30 + 120 * Math.abs(2 * p - 1))], 4 * k);
  });
  ctx.putImageData(img, 0, 0);
  return canvas;
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
    rendered.set(map.p, (done = { colors: colors.join(), canvas: render(map, colors) }));
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(done.canvas, left, top, size, size);
}
