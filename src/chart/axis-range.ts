/**
 * New bounds on axes that keep everything else (a demo's depth changed: x runs 1..depth, the log y axis spans
 * new decades). The live scales take the bounds and Chart.js lays the chart out again, skipping `chart.update()`:
 * that rebuilds every scale and drops every resolved option, so the layout then resolves them all afresh
 * (measured by `npm run bench`: about half of a new result's layout).
 */
import type { Chart } from 'chart.js';
import type { AxisModel } from '../blocks/line-chart-model';

/** The members of Chart.js's Chart and Scale this relies on, which its typings leave private. */
interface Internals {
  _minPadding: number;
  _updateLayout(minPadding: number): void;
}
interface ScaleInternals {
  _userMin: unknown;
  _userMax: unknown;
  parse(raw: unknown): unknown;
}

/** Axes that differ from `b` at most in their bounds. */
export function onlyBoundsDiffer(a: AxisModel, b: AxisModel): boolean {
  return a.type === b.type && a.step === b.step && a.title === b.title && a.integer === b.integer;
}

/** Gives `chart`'s x and y scales the axes' bounds and lays the chart out again, without drawing it. */
export function setBounds(chart: Chart<'line'>, axes: { x: AxisModel; y: AxisModel }): void {
  for (const id of ['x', 'y'] as const) {
    const scale = chart.scales[id];
    const { min, max } = axes[id];
    // Written through Chart.js's option resolver into the chart's configuration, as `chart.options.scales.x.min = …`
    // would, and derived as `Scale.init` derives them; the layout recomputes the data limits from these.
    const options = scale.options as unknown as { min: number; max: number };
    options.min = min;
    options.max = max;
    const own = scale as unknown as ScaleInternals;
    own._userMin = own.parse(min);
    own._userMax = own.parse(max);
  }
  const internals = chart as unknown as Internals;
  internals._updateLayout(internals._minPadding);
}
