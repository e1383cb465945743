/**
 * Draws the model's lines straight onto Chart.js's canvas, through its scales. Chart.js then lays out
 * axes, grid and ticks and routes pointer events, while a slider frame is one redraw with no per-point
 * elements to rebuild: that is what keeps an update within a hair of a raw Canvas 2D drawing.
 */
import type { Chart } from 'chart.js';
import type { LineModel } from '../../blocks/line-chart-model';
import type { Theme } from '../theme';
import { withAlpha } from '../theme';
import { traceRuns } from '../straight-runs';
import { linePixels } from './pixels';

/** One polyline; NaN (or a non-finite pixel) lifts the pen, so gaps stay gaps. */
function strokeLine(chart: Chart, line: LineModel, theme: Theme): void {
  const { ctx } = chart;
  const { xs, ys } = linePixels(chart, line);
  const color = theme.series[line.colorIndex % theme.series.length];
  // Faint dashed lines are reference lines, drawn stronger than faint solid ones (contours) to stay visible on dark themes.
  const reference = line.faint && line.dashed;
  ctx.strokeStyle = line.faint ? withAlpha(color, reference ? 0.75 : 0.45) : color;
  ctx.lineWidth = line.faint ? (reference ? 1.5 : 1) : (line.width ?? 2);
  ctx.setLineDash(line.dashed ? [6, 4] : []);
  ctx.beginPath();
  traceRuns(ctx, xs, ys);
  ctx.stroke();
  if (!line.dots) return;
  ctx.setLineDash([]);
  ctx.fillStyle = color;
  for (let i = 0; i < xs.length; i++) {
    const px = xs[i];
    const py = ys[i];
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    ctx.beginPath();
    ctx.arc(px, py, 2.5, 0, 2 * Math.PI);
    ctx.fill();
  }
}

/**
 * Draws every line, clipped to the plot area, in the model's paint order: solid lines in array order (a later one
 * over an earlier one), then dashed lines in array order, so derivatives and references stay readable on top.
 * `above` paints on top under the same clip (one clip fewer to record and rasterise than a clip of its own).
 */
export function drawCurves(chart: Chart, lines: readonly LineModel[], theme: Theme, above?: () => void): void {
  const { ctx, chartArea: area } = chart;
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
  ctx.clip();
  for (const line of lines) if (!line.dashed) strokeLine(chart, line, theme);
  for (const line of lines) if (line.dashed) strokeLine(chart, line, theme);
  above?.();
  ctx.restore();
}
