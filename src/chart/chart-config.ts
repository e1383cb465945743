/**
 * Drawing model + theme → Chart.js configuration, as plain data (apart from the log-tick formatter), so it
 * can be approved in a snapshot. Chosen for speed as `npm run bench` measures it: no animation, fixed scales with
 * explicit steps, no datasets (our plugin draws the curves), no responsive MutationObserver.
 */
import type { ChartConfiguration, ScaleOptionsByType } from 'chart.js';
import type { AxisModel, LineChartModel } from '../blocks/line-chart-model';
import { SCALE_TYPE } from './scales';
import type { Theme } from './theme';

type AnyScale = Partial<ScaleOptionsByType<'linear'>> | Partial<ScaleOptionsByType<'logarithmic'>>;

/** One axis; ticks fixed by the model, styled by the theme. */
function toScale(axis: AxisModel, theme: Theme): AnyScale {
  const ticks = {
    color: theme.muted,
    font: { family: theme.font, size: 11 },
    maxRotation: 0,
    minRotation: 0,
    // Our ticks are already few (nice steps, ≤ 11 generated): skipping labels only costs a measuring pass.
    autoSkip: false,
    // A range the block fixed (y: [-0.1, 1.1]) is not on the step: ticks at its ends would sit 0.1 from
    // their neighbours and make Chart.js print every label with one decimal (0.25 → "0.3").
    includeBounds: false,
    ...(axis.step !== undefined ? { stepSize: axis.step } : {}),
    ...(axis.integer ? { precision: 0 } : {}),
    // The only functions in the config: Chart.js's default log ticks label every minor tick in full, and
    // its linear labels round to the step's leading digit (0.25 → "0.3", under Sigmoid′'s peak of 0.25).
    ...(axis.type === 'logarithmic' ? { callback: logTickLabel } : {}),
    ...(axis.type === 'linear' && axis.step !== undefined ? { callback: stepTickLabel(axis.step) } : {}),
  };
  return {
    type: SCALE_TYPE[axis.type],
    min: axis.min,
    max: axis.max,
    ticks,
    grid: { color: theme.grid, drawTicks: false },
    border: { display: false },
    ...(axis.title
      ? { title: { display: true, text: axis.title, color: theme.muted, font: { family: theme.font, size: 11 } } }
      : {}),
  } as unknown as AnyScale;
}

/** Decimals that write `step` exactly (0.25 → 2, 0.2 → 1), at most 10. */
function decimalsOf(step: number): number {
  let d = Math.max(0, -Math.floor(Math.log10(step)));
  while (d < 10 && Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) > 1e-9 * 10 ** d) d++;
  return d;
}

/** Tick labels for a fixed step: every label with the step's decimals (0.00, 0.25, 0.50; −5, 0, 5), minus as −. */
export function stepTickLabel(step: number): (value: number | string) => string {
  const d = decimalsOf(step);
  return (value) => {
    const v = Number(value);
    // Ticks are sums of steps: a float residue such as −1e-17 is zero, not "−0.00".
    return (Math.abs(v) < step * 1e-9 ? 0 : v).toFixed(d).replace('-', '−');
  };
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Log-axis tick labels: powers of ten as 10⁻⁹ … 10³ (1 and 10 kept plain), every other tick unlabelled. */
export function logTickLabel(value: number | string): string {
  const v = Number(value);
  if (!(v > 0)) return '';
  const exp = Math.round(Math.log10(v));
  if (Math.abs(v / Math.pow(10, exp) - 1) > 1e-9) return '';
  if (exp === 0) return '1';
  if (exp === 1) return '10';
  return `10${String(exp)
    .split('')
    .map((c) => SUPERSCRIPT[c])
    .join('')}`;
}

/**
 * The full Chart.js configuration for a model (plugins are attached by ChartView, not here). `yWidth`, for
 * charts stacked in one block, is the y axis's least width, so their plot areas (and x axes) line up.
 */
export function buildChartConfig(
  model: LineChartModel,
  theme: Theme,
  devicePixelRatio: number,
  yWidth?: number,
): ChartConfiguration<'line'> {
  const y = toScale(model.y, theme);
  if (yWidth !== undefined)
    (y as { afterFit?: (scale: { width: number }) => void }).afterFit = (scale) => {
      scale.width = Math.max(scale.width, yWidth);
    };
  return {
    type: 'line',
    // No datasets: our plugin draws the model's lines through Chart.js's scales (plugins/curves.ts), so
    // Chart.js builds no per-point elements and a slider frame is a plain redraw.
    data: { datasets: [] },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      devicePixelRatio,
      // Chart.js binds no listeners: the crosshair follows mouse and touch itself (pointer.ts), which lets the build
      // drop Chart.js's event handling (scripts/chartjs-unreachable.mjs).
      events: [],
      layout: { padding: { top: 6, right: 8 } },
      scales: { x: toScale(model.x, theme), y },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
  };
}
