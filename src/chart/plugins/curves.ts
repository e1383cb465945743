/**
 * Draws the model's lines straight onto Chart.js's canvas, through its scales. Chart.js then lays out
 * axes, grid and ticks and routes pointer events, while a slider frame is one redraw with no per-point
 * elements to rebuild: that is what keeps an update within a hair of a raw Canvas 2D drawing.
 */
import type { Chart } from 'chart.js';
import type { LineModel } from '../../blocks/line-chart-model';
import type { Theme } from '../theme';
import { withAlpha } from '../theme';
import { clipToWholePixels } from '../fill-within';
import { tracePolyline } from '../straight-runs';
import { linePixels, lineVertices } from './pixels';

/** Radius of a line's dots (a sample marked on its curve). */
export const DOT_RADIUS = 2.5;

/** A line's stroke width in CSS px. Faint dashed lines are reference lines, drawn stronger than faint solid ones (contours) to stay visible on dark themes. */
export function lineWidthOf(line: LineModel): number {
  return line.faint ? (line.dashed ? 1.5 : 1) : (line.width ?? 2);
}

/**
 * One polyline; NaN (or a non-finite pixel) lifts the pen, so gaps stay gaps. Joins are round: a corner (ReLU's at 0)
 * stays as thick as the line, and no join reaches further than half the line's width from the curve, which is
 * what a redraw of part of the plot relies on (ink-map.ts); a mitred spike can reach ten times as far.
 */
function strokeLine(chart: Chart, line: LineModel, theme: Theme): void {
  const { ctx } = chart;
  const color = theme.series[line.colorIndex % theme.series.length];
  const reference = line.faint && line.dashed;
  ctx.strokeStyle = line.faint ? withAlpha(color, reference ? 0.75 : 0.45) : color;
  ctx.lineWidth = lineWidthOf(line);
  ctx.lineJoin = 'round';
  ctx.setLineDash(line.dashed ? [6, 4] : []);
  ctx.beginPath();
  const drawn = lineVertices(chart, line);
  tracePolyline(ctx, drawn.xs, drawn.ys);
  ctx.stroke();
  if (!line.dots) return;
  const { xs, ys } = linePixels(chart, line);
  ctx.setLineDash([]);
  ctx.fillStyle = color;
  for (let i = 0; i < xs.length; i++) {
    const px = xs[i];
    const py = ys[i];
    if (!isFinite(px) || !isFinite(py)) continue;
    ctx.beginPath();
    ctx.arc(px, py, DOT_RADIUS, 0, 2 * Math.PI);
    ctx.fill();
  }
}

/**
 * Draws every line, clipped to the plot area grown to whole device pixels (fill-within.ts), in the model's paint
 * order: solid lines in array order (a later one over an earlier one), then dashed lines in array order, so
 * derivatives and references stay readable on top. `above` paints on top under the same clip (one clip fewer to
 * record and rasterise than a clip of its own).
 */
export function drawCurves(chart: Chart, lines: readonly LineModel[], theme: Theme, above?: () => void): void {
  const { ctx } = chart;
  ctx.save();
  clipToWholePixels(ctx, chart.chartArea, chart.currentDevicePixelRatio);
  for (const line of lines) if (!line.dashed) strokeLine(chart, line, theme);
  for (const line of lines) if (line.dashed) strokeLine(chart, line, theme);
  above?.();
  ctx.restore();
}
