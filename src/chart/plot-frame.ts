/**
 * A frame in which only the plot area changes (a slider moved, the pointer moved, axes as they were): clear and
 * repaint the plot area, or parts of it, instead of the whole chart. Tick labels, axis titles and Chart.js's layout
 * and plugin passes are skipped; what is left is the grid, our decorations and the crosshair, in the order of a
 * full draw. The result is pixel for pixel what `chart.render()` paints: everything that changes lies inside the plot
 * area, and, given where the frame before and this one put their ink (ink-map.ts), inside those parts of it.
 * Measured by `npm run bench`.
 */
import type { Chart } from 'chart.js';
import type { Rects } from '../core/plot/ink-map';
import { wholePixels, type Parts } from './fill-within';
import { BatchedLinearScale, BatchedLogarithmicScale, fillGrid } from './scales';

/**
 * Repaints the plot area of `chart` with `paint` (our plugins' drawing), or only `rects` of it when given; false if
 * the scales are not ours (then draw it all). Nothing is clipped to them (a clip of many rectangles costs more than
 * the drawing it saves): the grid, bands and zero axes are filled piece by piece inside the parts (`paint` gets them),
 * and everything else `paint` draws is clipped to the plot area and lies inside the ink the rects were made from.
 */
export function repaintPlotArea(
  chart: Chart<'line'>,
  rects: Rects | null,
  paint: (chart: Chart<'line'>, parts: Parts) => void,
): boolean {
  const { x, y } = chart.scales;
  const ours = (s: unknown): s is BatchedLinearScale | BatchedLogarithmicScale =>
    s instanceof BatchedLinearScale || s instanceof BatchedLogarithmicScale;
  if (!ours(x) || !ours(y)) return false;
  const { ctx, chartArea: area } = chart;
  const dpr = chart.currentDevicePixelRatio;
  // Whole device pixels around the plot area (tick labels sit outside it: Chart.js pads them off the area), and
  // around each rectangle within it: every pixel a curve or a grid line touches there is cleared and repainted, none half.
  const { left, top, right, bottom } = wholePixels(area, dpr);
  const within = rects ?? [left, top, right - left, bottom - top];
  const parts: number[] = [];
  for (let i = 0; i < within.length; i += 4) {
    const l = Math.max(left, Math.floor(within[i] * dpr) / dpr);
    const t = Math.max(top, Math.floor(within[i + 1] * dpr) / dpr);
    const w = Math.min(right, Math.ceil((within[i] + within[i + 2]) * dpr) / dpr) - l;
    const h = Math.min(bottom, Math.ceil((within[i + 1] + within[i + 3]) * dpr) / dpr) - t;
    if (w > 0 && h > 0) {
      parts.push(l, t, w, h);
      ctx.clearRect(l, t, w, h);
    }
  }
  fillGrid(x, area, parts);
  fillGrid(y, area, parts);
  paint(chart, parts);
  return true;
}
