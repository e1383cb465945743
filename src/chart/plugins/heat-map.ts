/**
 * The model's `image` (a classifier's decision map): n × n cells rendered once into a small image (UP pixels per
 * cell), put into a canvas of that size with one putImageData — not one fillRect per cell. On screen CSS scales that
 * canvas over the plot (the browser smooths it); an export draws it scaled with drawImage.
 */
import type { LineChartModel } from '../../blocks/line-chart-model';
import type { Theme } from '../theme';

type HeatMap = NonNullable<LineChartModel['image']>;

/** Per CSS colour, its pixel at every alpha: parsed once per colour. */
const palettes = new Map<string, Uint32Array>();

/**
 * A CSS colour's pixel at each alpha 0..255, as the image stores it (r, g, b, a bytes read as one 32-bit word in the
 * platform's byte order, so writing the word writes those bytes): one store per pixel. The browser parses the colour
 * (names, hex, rgb(), hsl(), variables already resolved).
 */
function paletteOf(color: string): Uint32Array {
  let palette = palettes.get(color);
  if (palette) return palette;
  const bytes = new Uint8ClampedArray(4 * 256);
  const ctx = createEl('canvas', { attr: { width: 1, height: 1 } }).getContext('2d');
  if (ctx) {
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    for (let a = 0; a < 256; a++) bytes.set([r, g, b, a], 4 * a);
  }
  palettes.set(color, (palette = new Uint32Array(bytes.buffer)));
  return palette;
}

/**
 * Image pixels per grid cell: p is interpolated between the cells' centres, so the class boundary (p = 0.5) is drawn
 * as the smooth curve it is (a straight line without an activation), not the grid's staircase; the browser's
 * smoothing when scaling the image does the rest.
 */
const UP = 2;

/** The side of a map's image in pixels. */
function heatMapSide(map: HeatMap): number {
  return map.n * UP;
}

function render(map: HeatMap, colors: string[]): ImageData {
  const { n, p } = map;
  const size = n * UP;
  const [c0, c1] = colors.map(paletteOf);
  const img = new ImageData(size, size);
  const pixels = new Uint32Array(img.data.buffer);
  // Per image row (and column, the same): the cell at or before its centre, the next cell, the next one's weight.
  // Plain arrays: a typed array of more than 64 bytes costs ~20 µs in Chromium (memory outside the heap).
  const [lo, hi, w, row]: number[][] = [[], [], [], new Array<number>(n).fill(0)];
  for (let i = 0; i < size; i++) {
    const g = Math.min(n - 1, Math.max(0, (i + 0.5) / UP - 0.5));
    lo.push(Math.floor(g));
    hi.push(Math.min(n - 1, lo[i] + 1));
    w.push(g - lo[i]);
  }
  for (let y = 0, at = 0; y < size; y++) {
    // p along this image row, at every grid column; then across, per pixel.
    for (let c = 0; c < n; c++) row[c] = p[lo[y] * n + c] * (1 - w[y]) + p[hi[y] * n + c] * w[y];
    for (let x = 0; x < size; x++, at++) {
      const v = row[lo[x]] * (1 - w[x]) + row[hi[x]] * w[x];
      // Deeper where the network is surer: alpha 30 at p = ½ up to 150 at 0 or 1.
      pixels[at] = (v > 0.5 ? c1 : c0)[Math.round(30 + 120 * Math.abs(2 * v - 1))];
    }
  }
  return img;
}

/** Renders the map into `canvas` at its image's own size (translucent: the page's background shows through). */
export function paintHeatMap(canvas: HTMLCanvasElement, map: HeatMap, theme: Theme): void {
  const side = heatMapSide(map);
  if (canvas.width !== side) canvas.width = side;
  if (canvas.height !== side) canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.putImageData(
    render(
      map,
      map.colors.map((i) => theme.series[i % theme.series.length]),
    ),
    0,
    0,
  );
}
