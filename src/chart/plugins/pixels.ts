/**
 * A line's samples in canvas pixels, converted once per paint: the curves and the label obstacles both need
 * them, and a slider frame would otherwise convert every sample twice.
 */
import type { Chart, Scale } from 'chart.js';
import type { LineModel } from '../../blocks/line-chart-model';

/** Pixel coordinates of a line's samples; NaN where the sample is NaN (the pen lifts there). */
export interface LinePixels {
  xs: Float64Array;
  ys: Float64Array;
}

interface Cached extends LinePixels {
  frame: readonly unknown[];
}

/** Lines are rebuilt by every view, so a cache keyed by the line object lives one paint, never longer than the line. */
const cache = new WeakMap<LineModel, Cached>();

/** What the conversion depends on: both scales, their value ranges and their pixel extents. */
function frameOf(x: Scale, y: Scale): unknown[] {
  return [x, y, x.min, x.max, x.left, x.right, y.min, y.max, y.top, y.bottom];
}

function sameFrame(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The pixels of `line` on `chart`'s current scales (converted now, or reused from earlier in the same frame). */
export function linePixels(chart: Chart, line: LineModel): LinePixels {
  const { x: sx, y: sy } = chart.scales;
  const frame = frameOf(sx, sy);
  const hit = cache.get(line);
  if (hit && sameFrame(hit.frame, frame)) return hit;
  const n = line.x.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = sx.getPixelForValue(line.x[i]);
    ys[i] = Number.isNaN(line.y[i]) ? NaN : sy.getPixelForValue(line.y[i]);
  }
  const fresh = { xs, ys, frame };
  cache.set(line, fresh);
  return fresh;
}
