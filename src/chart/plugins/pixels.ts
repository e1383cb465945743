/**
 * A line's samples in canvas pixels, converted once per paint: the curves and the label obstacles both need
 * them, and a slider frame would otherwise convert every sample twice.
 */
import { LinearScale, Scale, type Chart } from 'chart.js';
import type { LineModel } from '../../blocks/line-chart-model';
import { runVertices } from '../straight-runs';

/**
 * Pixel coordinates of a line's samples; NaN where the sample is NaN (the pen lifts there). Plain arrays: Chromium
 * backs every typed array of more than 64 bytes with memory outside the JS heap, about 20 µs per array (measured),
 * and a slider frame converts its lines anew.
 */
export interface LinePixels {
  xs: number[];
  ys: number[];
}

interface Cached extends LinePixels {
  frame: readonly unknown[];
  /** The vertices drawn (straight-runs.ts), once asked for. */
  drawn?: LinePixels;
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

/** What Chart.js's linear scale maps a value to a pixel with (Scale.getPixelForDecimal after LinearScale.getPixelForValue). */
interface LinearMapping {
  _startValue: number;
  _valueRange: number;
  _reversePixels: boolean;
  _startPixel: number;
  _length: number;
  _alignToPixels: boolean;
}

/**
 * `scale.getPixelForValue` over a whole array, into the empty `out`: for a linear scale whose methods are Chart.js's
 * own, the same operations inlined (the same doubles, without two calls per sample), in an indexed loop (a slider
 * frame runs it before V8's optimising tiers, where each step of for…of allocates); anything else through the scale.
 */
function toPixels(scale: Scale, values: readonly number[], out: number[]): void {
  const own =
    scale.getPixelForValue === LinearScale.prototype.getPixelForValue &&
    scale.getPixelForDecimal === Scale.prototype.getPixelForDecimal;
  const m = scale as unknown as LinearMapping;
  if (!own || m._alignToPixels) {
    for (const v of values) out.push(Number.isNaN(v) ? NaN : scale.getPixelForValue(v));
    return;
  }
  const { _startValue: start, _valueRange: range, _reversePixels: reverse, _startPixel: first, _length: length } = m;
  for (let i = 0; i < values.length; i++) {
    const decimal = (values[i] - start) / range;
    const pixel = first + (reverse ? 1 - decimal : decimal) * length;
    // Chart.js's _int16Range: pixels stay within ±32767 (canvas coordinates overflow past that); NaN stays NaN.
    out[i] = pixel > 32767 ? 32767 : pixel < -32768 ? -32768 : pixel;
  }
}

/**
 * x values in pixels, by the array of values: a function and its derivative share their x samples, and a slider frame
 * samples the grid the frame before did (sampling reuses it), so on an unchanged x axis they are converted once.
 */
const xCache = new WeakMap<readonly number[], { frame: readonly unknown[]; xs: number[] }>();

/** `values` of the x axis `sx` in pixels (converted now, or reused). Read only: lines with the same x values share it. */
function xPixels(sx: Scale, values: readonly number[]): number[] {
  const frame = [sx, sx.min, sx.max, sx.left, sx.right];
  const hit = xCache.get(values);
  if (hit && sameFrame(hit.frame, frame)) return hit.xs;
  const xs: number[] = [];
  toPixels(sx, values, xs);
  xCache.set(values, { frame, xs });
  return xs;
}

/** The pixels of `line` on `chart`'s current scales (converted now, or reused from earlier in the same frame). */
export function linePixels(chart: Chart, line: LineModel): LinePixels {
  const { x: sx, y: sy } = chart.scales;
  const frame = frameOf(sx, sy);
  const hit = cache.get(line);
  if (hit && sameFrame(hit.frame, frame)) return hit;
  const ys: number[] = [];
  toPixels(sy, line.y, ys);
  const fresh = { xs: xPixels(sx, line.x), ys, frame };
  cache.set(line, fresh);
  return fresh;
}

/** The vertices a line is drawn through on `chart` (merged straight runs, a non-finite pair where the pen lifts). */
export function lineVertices(chart: Chart, line: LineModel): LinePixels {
  const pixels = linePixels(chart, line) as Cached;
  return (pixels.drawn ??= runVertices(pixels.xs, pixels.ys));
}
