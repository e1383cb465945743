/**
 * The Chart.js configuration built from a chart model, in Node: which tick options each kind of axis gets (a fixed
 * step, integer ticks, our label formatters), and the least y-axis width that lines up stacked charts.
 */
import { describe, expect, it } from 'vitest';
import type { AxisModel, LineChartModel } from '../../src/blocks/line-chart-model';
import { buildChartConfig, logTickLabel } from '../../src/chart/chart-config';
import { LIGHT } from '../blocks/fixtures';

type Ticks = { stepSize?: number; precision?: number; callback?: (value: number) => string };
type Scale = { ticks: Ticks; afterFit?: (scale: { width: number }) => void };

const model = (x: AxisModel, y: AxisModel = x): LineChartModel => ({
  x,
  y,
  lines: [],
  bands: [],
  markers: [],
  zeroAxes: false,
  description: 'test',
});
const scalesOf = (m: LineChartModel, yWidth?: number) =>
  buildChartConfig(m, LIGHT, 2, yWidth).options?.scales as unknown as { x: Scale; y: Scale };

describe('buildChartConfig axes', () => {
  it('gives a linear axis with a step that step and labels written with its decimals', () => {
    const { x } = scalesOf(model({ type: 'linear', min: -1, max: 1, step: 0.25 }));
    expect(x.ticks.stepSize).toBe(0.25);
    expect([-0.25, 0, 0.5].map((v) => x.ticks.callback?.(v))).toEqual(['−0.25', '0.00', '0.50']);
    expect('precision' in x.ticks).toBe(false);
  });

  it('leaves step, precision and labels to Chart.js on a linear axis without a step', () => {
    const { x } = scalesOf(model({ type: 'linear', min: 0, max: 10 }));
    expect('stepSize' in x.ticks).toBe(false);
    expect('precision' in x.ticks).toBe(false);
    expect('callback' in x.ticks).toBe(false);
  });

  it('keeps integer axes to whole ticks', () => {
    const { x } = scalesOf(model({ type: 'linear', min: 0, max: 150, integer: true }));
    expect(x.ticks.precision).toBe(0);
  });

  it('labels a log axis at powers of ten only, even when the model gives a step', () => {
    const { y } = scalesOf(
      model({ type: 'linear', min: 0, max: 1, step: 0.5 }, { type: 'logarithmic', min: 1e-6, max: 1, step: 0.5 }),
    );
    expect(y.ticks.callback).toBe(logTickLabel);
    expect(y.ticks.callback?.(0.01)).toBe('10⁻²');
    expect(y.ticks.callback?.(0.02)).toBe('');
  });

  it('widens the y axis to the width asked for, never narrows it, and leaves it alone when none is asked', () => {
    const m = model({ type: 'linear', min: 0, max: 1, step: 0.5 });
    const { y } = scalesOf(m, 50);
    const narrow = { width: 30 };
    const wide = { width: 70 };
    y.afterFit?.(narrow);
    y.afterFit?.(wide);
    expect([narrow.width, wide.width]).toEqual([50, 70]);
    expect(scalesOf(m).y.afterFit).toBeUndefined();
    expect(scalesOf(m, 50).x.afterFit).toBeUndefined();
  });

  it('writes a step that has no short decimal form with nine decimals', () => {
    // 1/3 × 10⁹ is within 10⁻⁹ (relative) of a whole number: nine decimals are as exact as labels need.
    const { x } = scalesOf(model({ type: 'linear', min: 0, max: 1, step: 1 / 3 }));
    expect(x.ticks.callback?.(1 / 3)).toBe('0.333333333');
  });
});
