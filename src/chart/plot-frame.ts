/**
 * A frame in which only the plot area changes (a slider moved, axes as they were): clear and repaint the
 * plot area alone instead of the whole chart. Tick labels, axis titles and Chart.js's layout and plugin
 * passes are skipped; what is left is the grid, our decorations and the crosshair, in the order of a
 * full draw. The result is pixel for pixel what `chart.render()` paints (everything that changes lies
 * inside the plot area: curves and markers are clipped to it), for about half the work (measured by `npm run bench`).
 */
import type { Chart } from 'chart.js';
import { BatchedLinearScale, BatchedLogarithmicScale } from './scales';

/** Repaints the plot area of `chart` with `paint` (our plugins' drawing); false if the scales are not ours (then draw it all). */
export function repaintPlotArea(chart: Chart<'line'>, paint: (chart: Chart<'line'>) => void): boolean {
  const { x, y } = chart.scales;
  const ours = (s: unknown): s is BatchedLinearScale | BatchedLogarithmicScale =>
    s instanceof BatchedLinearScale || s instanceof BatchedLogarithmicScale;
  if (!ours(x) || !ours(y)) return false;
  const { ctx, chartArea: area } = chart;
  const dpr = chart.currentDevicePixelRatio;
  // Whole device pixels around the area: every pixel a curve or a grid line touches there is cleared and
  // repainted; tick labels sit outside it (Chart.js pads them off the area).
  const left = Math.floor(area.left * dpr) / dpr;
  const top = Math.floor(area.top * dpr) / dpr;
  const width = Math.ceil(area.right * dpr) / dpr - left;
  const height = Math.ceil(area.bottom * dpr) / dpr - top;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  ctx.clearRect(left, top, width, height);
  x.drawGrid(area);
  y.drawGrid(area);
  paint(chart);
  ctx.restore();
  return true;
}
