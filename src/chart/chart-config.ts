/**
 * Drawing model + theme → Chart.js configuration, as plain data (no functions, no DOM), so it can be
 * approved in a snapshot. Chosen for speed as measured (issue 3): no animation, no parsing, fixed
 * scales with explicit steps, no point markers on dense curves, no responsive MutationObserver.
 */
import type { ChartConfiguration, ChartDataset, ScaleOptionsByType } from 'chart.js';
import type { AxisModel, LineChartModel, LineModel } from './line-chart-model';
import type { Theme } from './theme';
import { withAlpha } from './theme';

/** Chart.js's data point shape when `parsing: false`. */
export interface XY {
  x: number;
  y: number;
}

/** Parallel arrays → the {x, y} objects Chart.js reads without parsing. */
export function toPoints(x: readonly number[], y: readonly number[]): XY[] {
  const out: XY[] = new Array<XY>(x.length);
  for (let i = 0; i < x.length; i++) out[i] = { x: x[i], y: y[i] };
  return out;
}

/** One Chart.js dataset for one line of the model. */
export function toDataset(line: LineModel, theme: Theme): ChartDataset<'line', XY[]> {
  const color = theme.series[line.colorIndex % theme.series.length];
  return {
    label: line.label,
    data: toPoints(line.x, line.y),
    borderColor: line.faint ? withAlpha(color, 0.45) : color,
    backgroundColor: color,
    borderWidth: line.faint ? 1 : 2,
    borderDash: line.dashed ? [6, 4] : [],
    pointRadius: line.dots ? 2.5 : 0,
    pointHoverRadius: line.dots ? 3.5 : 0,
    pointHitRadius: 0,
    tension: 0,
    spanGaps: false,
    fill: false,
  };
}

type AnyScale = Partial<ScaleOptionsByType<'linear'>> | Partial<ScaleOptionsByType<'logarithmic'>>;

/** One axis; ticks fixed by the model, styled by the theme. */
function toScale(axis: AxisModel, theme: Theme): AnyScale {
  const ticks = {
    color: theme.muted,
    font: { family: theme.font, size: 11 },
    maxRotation: 0,
    minRotation: 0,
    ...(axis.step !== undefined ? { stepSize: axis.step } : {}),
    ...(axis.integer ? { precision: 0 } : {}),
  };
  return {
    type: axis.type,
    min: axis.min,
    max: axis.max,
    ticks,
    grid: { color: theme.grid, drawTicks: false },
    border: { display: false },
    ...(axis.title ? { title: { display: true, text: axis.title, color: theme.muted, font: { family: theme.font, size: 11 } } } : {}),
  } as AnyScale;
}

/** The full Chart.js configuration for a model (plugins are attached by ChartView, not here). */
export function buildChartConfig(model: LineChartModel, theme: Theme, devicePixelRatio: number): ChartConfiguration<'line', XY[]> {
  return {
    type: 'line',
    data: { datasets: model.lines.map((line) => toDataset(line, theme)) },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      devicePixelRatio,
      parsing: false,
      normalized: true,
      events: ['mousemove', 'mouseout', 'touchstart', 'touchmove', 'touchend'],
      layout: { padding: { top: 6, right: 8 } },
      scales: { x: toScale(model.x, theme), y: toScale(model.y, theme) },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
  };
}
