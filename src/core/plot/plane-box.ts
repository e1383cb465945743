/**
 * The visible window of a 2-D parameter plane such as (w₁, w₂): around the points that matter, with
 * equal units on both axes (so a circle of constant loss looks round) and a shared nice tick step.
 */
import type { Box } from './clip';
import { niceStep } from './ticks';

/** A window and the tick step both axes share. */
export interface PlaneBox extends Box {
  step: number;
}

/**
 * Covers the `focus` points (e.g. w₀ and w*) with a margin, plus every `extra` point (a path) that
 * lies within reach of them: beyond 1.5 times the focus span on each side a diverging path is cut
 * off rather than shrinking everything else to a dot. Then widens the narrower axis so that
 * x-span / y-span ≈ `aspect` (the plot area's width / height), on whole multiples of the step.
 */
export function planeBox(
  focus: readonly (readonly number[])[],
  extra: readonly (readonly number[])[],
  aspect: number,
): PlaneBox {
  const core = bounds(focus);
  const reach = Math.max(core.xMax - core.xMin, core.yMax - core.yMin, 1);
  const margin = 0.15 * reach;
  const limit: Box = {
    xMin: core.xMin - 1.5 * reach,
    xMax: core.xMax + 1.5 * reach,
    yMin: core.yMin - 1.5 * reach,
    yMax: core.yMax + 1.5 * reach,
  };
  const near = extra.filter(([x, y]) => x >= limit.xMin && x <= limit.xMax && y >= limit.yMin && y <= limit.yMax);
  const b = bounds([...focus, ...near]);
  const [xMin, xMax] = [b.xMin - margin, b.xMax + margin];
  let [yMin, yMax] = [b.yMin - margin, b.yMax + margin];
  if ((xMax - xMin) / (yMax - yMin) > aspect) [yMin, yMax] = widen(yMin, yMax, (xMax - xMin) / aspect);
  const step = niceStep(yMax - yMin, 5);
  // y on whole steps first; then x gets the whole number of steps closest to aspect × y-span that still
  // covers the data, so rounding bends the aspect by at most one step.
  [yMin, yMax] = [Math.floor(yMin / step) * step, Math.ceil(yMax / step) * step];
  const count = Math.max(Math.ceil((xMax - xMin) / step - 1e-9), Math.round((aspect * (yMax - yMin)) / step));
  let x0 = Math.floor(((xMin + xMax) / 2 - (count * step) / 2) / step + 0.5) * step;
  if (x0 > xMin) x0 -= step;
  const x1 = Math.max(x0 + count * step, Math.ceil(xMax / step) * step);
  const clean = (v: number) => (Math.abs(v) < 1e-12 * step ? 0 : v); // no −0 or 1e−17 labels
  return { xMin: clean(x0), xMax: clean(x1), yMin: clean(yMin), yMax: clean(yMax), step };
}

/** [lo, hi] widened symmetrically to `span`. */
function widen(lo: number, hi: number, span: number): [number, number] {
  const mid = (lo + hi) / 2;
  return [mid - span / 2, mid + span / 2];
}

function bounds(points: readonly (readonly number[])[]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { xMin: Math.min(...xs), xMax: Math.max(...xs), yMin: Math.min(...ys), yMax: Math.max(...ys) };
}

/** The box shrunk by a hair, so clipped points never sit exactly on the axis limits. */
export function inset(box: Box): Box {
  const ex = 1e-9 * (box.xMax - box.xMin);
  const ey = 1e-9 * (box.yMax - box.yMin);
  return { xMin: box.xMin + ex, xMax: box.xMax - ex, yMin: box.yMin + ey, yMax: box.yMax - ey };
}
