/**
 * An inline Chart.js plugin that paints the model on Chart.js's frame, straight on the canvas: shaded
 * bands, zero axes, the curves themselves (see curves.ts), markers on top. One plugin, one pass, and
 * everything it paints lies inside the plot area (plot-frame.ts relies on that).
 */
import type { Chart, Plugin } from 'chart.js';
import type { LineChartModel } from '../../blocks/line-chart-model';
import type { Theme } from '../theme';
import { withAlpha } from '../theme';
import { drawCurves } from './curves';
import { drawLabels, LANE, type LabelLayout } from './labels';

/** What the decorations read at draw time; ChartView swaps it on every update. */
export interface DecorationState {
  model: LineChartModel;
  theme: Theme;
  /** Told where the labels went after every paint (labels without a free spot go into the block's key). */
  onLabels?: (layout: LabelLayout) => void;
}

function drawBands(chart: Chart, { model, theme }: DecorationState): void {
  const { ctx, chartArea: area, scales } = chart;
  ctx.save();
  for (const band of model.bands) {
    const left = Math.max(area.left, scales.x.getPixelForValue(band.from));
    const right = Math.min(area.right, scales.x.getPixelForValue(band.to));
    if (!(right > left)) continue;
    const color = theme.series[band.colorIndex % theme.series.length];
    const strip = band.lane !== undefined;
    const top = strip ? area.bottom - LANE * ((band.lane as number) + 1) : area.top;
    const height = strip ? LANE - 1 : area.bottom - area.top;
    ctx.fillStyle = withAlpha(color, strip ? 0.22 : 0.08);
    ctx.fillRect(left, top, right - left, height);
  }
  ctx.restore();
}

/** The x = 0 and y = 0 axes, 1 px wide, as filled rectangles (a blit in software raster, unlike a stroked path). */
function drawZeroAxes(chart: Chart, { theme }: DecorationState): void {
  const { ctx, chartArea: area, scales } = chart;
  ctx.fillStyle = theme.axis;
  if (scales.y.min < 0 && scales.y.max > 0)
    ctx.fillRect(area.left, Math.round(scales.y.getPixelForValue(0)), area.right - area.left, 1);
  if (scales.x.min < 0 && scales.x.max > 0)
    ctx.fillRect(Math.round(scales.x.getPixelForValue(0)), area.top, 1, area.bottom - area.top);
}

/** Markers, drawn under the curves' clip (drawCurves' `above`): everything that changes between frames stays inside the plot area. */
function drawMarkers(chart: Chart, { model, theme }: DecorationState): void {
  const { ctx, chartArea: area, scales } = chart;
  // Solid outlines, whatever dash the last curve left.
  ctx.setLineDash([]);
  for (const m of model.markers) {
    const x = scales.x.getPixelForValue(m.x);
    const y = scales.y.getPixelForValue(m.y);
    if (x < area.left || x > area.right || y < area.top || y > area.bottom) continue;
    const color = theme.series[m.colorIndex % theme.series.length];
    ctx.beginPath();
    if (m.shape === 'star') starPath(ctx, x, y, 7);
    else ctx.arc(x, y, 3.5, 0, 2 * Math.PI);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = color;
    ctx.fillStyle = m.shape === 'ring' ? theme.background : color;
    ctx.fill();
    ctx.stroke();
  }
}

/** A five-pointed star of outer radius r around (x, y), for targets such as w*. */
function starPath(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    const px = x + radius * Math.cos(angle);
    const py = y + radius * Math.sin(angle);
    if (k === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}

/** Bands and zero axes: under the curves. */
function paintBeneath(chart: Chart, s: DecorationState): void {
  drawBands(chart, s);
  if (s.model.zeroAxes) drawZeroAxes(chart, s);
}

/** A canvas that carries where its labels went (read by tests and by the block's key). */
export type LabelledCanvas = HTMLCanvasElement & { activationLabLabels?: LabelLayout };

/** Curves, then markers, then labels where no curve passes. */
function paintAbove(chart: Chart, s: DecorationState): void {
  drawCurves(chart, s.model.lines, s.theme, () => drawMarkers(chart, s));
  const layout = drawLabels(chart, s.model, s.theme);
  (chart.canvas as LabelledCanvas).activationLabLabels = layout;
  s.onLabels?.(layout);
}

/**
 * Everything the decorations paint, in the order the plugin paints it during a full Chart.js draw: for
 * a redraw of the plot area alone (see plot-frame.ts).
 */
export function paintDecorations(chart: Chart, s: DecorationState): void {
  paintBeneath(chart, s);
  paintAbove(chart, s);
}

/** Builds the plugin for one chart; `state()` returns what to paint now. */
export function decorationsPlugin(state: () => DecorationState): Plugin<'line'> {
  return {
    id: 'activationLabDecorations',
    beforeDatasetsDraw: (chart) => paintBeneath(chart, state()),
    afterDatasetsDraw: (chart) => paintAbove(chart, state()),
  };
}
