/**
 * `view: histograms` and `gain` in ```gradient-flow, against a forward pass written out here with nested loops:
 * z_l = gain·(h_{l−1}·W_l) + b_l, h_l = f(z_l), the saturated share counted directly as |f′(z)| < 10 % of max |f′|.
 */
import { describe, expect, it } from 'vitest';
import { gradientFlowBlock } from '../../src/blocks/gradient-flow';
import { bindActivation } from '../../src/core/activations';
import { cachedGradientFlowData } from '../../src/core/engines/gradient-flow/cache';
import { gradientFlowFlat } from '../../src/core/engines/gradient-flow/network';
import { env, parseOk } from './fixtures';

const e = env();
const viewOf = (source: string) =>
  gradientFlowBlock.view(gradientFlowBlock.init(parseOk(gradientFlowBlock, source, e), e), e);

/** The direct count: every layer's z by hand, then the share with |f′(z)| < bound and the mean f′. */
function direct(name: string, gain: number, depth: number, width: number, batch: number, bound: number) {
  const act = bindActivation(name, {});
  if (!act.ok) throw new Error(name);
  const f = (x: number) => act.value.f(x);
  const df = (x: number) => act.value.df(x);
  const net = cachedGradientFlowData(1, { depth, width, batch, init: 'he_normal' });
  let h = Array.from({ length: batch }, (_, b) => Array.from(net.inputs.subarray(b * width, (b + 1) * width)));
  const share: number[] = [];
  const meanDf: number[] = [];
  for (let l = 0; l < depth; l++) {
    const z = h.map((row) =>
      Array.from({ length: width }, (_, j) => {
        let sum = 0;
        for (let i = 0; i < width; i++) sum += row[i] * net.weights[l * width * width + i * width + j];
        return gain * sum + net.biases[l * width + j];
      }),
    );
    const all = z.flat();
    share.push(all.filter((v) => Math.abs(df(v)) < bound).length / all.length);
    meanDf.push(all.reduce((s, v) => s + df(v), 0) / all.length);
    h = z.map((row) => row.map(f));
  }
  return { share, meanDf };
}

describe('```gradient-flow view: histograms', () => {
  it('plots the share of saturated units per layer exactly as a direct count finds it (Sigmoid: |σ′| < 0.025)', () => {
    const v = viewOf('activations: Sigmoid, Tanh\ndepth: 12\nwidth: 16\nbatch: 8\nview: histograms\ngain: 3');
    const shareChart = v.charts[v.charts.length - 1];
    const sig = direct('Sigmoid', 3, 12, 16, 8, 0.025);
    const tanh = direct('Tanh', 3, 12, 16, 8, 0.1);
    shareChart.lines[0].y.forEach((y, l) => expect(y).toBeCloseTo(100 * sig.share[l], 10));
    shareChart.lines[1].y.forEach((y, l) => expect(y).toBeCloseTo(100 * tanh.share[l], 10));
    // Gain 3 pushes Tanh into its tails: a real share is saturated somewhere.
    expect(Math.max(...tanh.share)).toBeGreaterThan(0.2);
    expect(shareChart.y.title).toBe('% saturated (|f′| < 10 % of its max)');
  });

  it('draws one histogram panel per activation at up to five layers, with the saturated zone shaded', () => {
    const v = viewOf('activations: Sigmoid, ReLU\ndepth: 20\nview: histograms');
    expect(v.charts.map((c) => c.panel ?? false)).toEqual([true, true, false]);
    expect(v.charts[0].lines.map((l) => l.label)).toEqual(['layer 1', 'layer 6', 'layer 11', 'layer 15', 'layer 20']);
    // Sigmoid's band edges: σ′ = 0.025 at ±3.6369; ReLU's zone is x ≤ 0.
    expect(v.charts[0].bands.map((b) => (b.to > 0 ? b.from : b.to))).toEqual([
      expect.closeTo(-3.6369, 4),
      expect.closeTo(3.6369, 4),
    ]);
    expect(v.charts[1].bands.map((b) => b.to)).toEqual([0]);
    // Each histogram counts every unit of its layer: batch × width values in 40 bins.
    const heights = v.charts[0].lines[0].y.filter((_, i) => i % 2 === 0).map((y) => y - 1);
    expect(Math.max(...heights)).toBeCloseTo(0.9 * 4, 10);
  });

  it('keeps exploding runs readable: beyond ±20 values go to the end bins, and the axis says so', () => {
    const v = viewOf('activations: ReLU\ndepth: 20\nview: histograms\ngain: 4');
    const panel = v.charts[0];
    expect([panel.x.min, panel.x.max]).toEqual([-20, 20]);
    expect(panel.x.title).toBe('z, ReLU (|z| > 20 in the end bins)');
  });

  it('names mean f′ at the first and last layer and the weight gain, computed from the run', () => {
    const v = viewOf('activations: Sigmoid\ndepth: 10\nwidth: 16\nbatch: 8\nview: histograms\ngain: 2');
    const d = direct('Sigmoid', 2, 10, 16, 8, 0.025);
    const two = (x: number) => String(Number(x.toPrecision(2)));
    // He normal: std √2/√16, so √fan_in × std × gain ≈ 2√2 (the drawn weights' own std, to 2 digits).
    expect(v.summary).toBe(
      `Each layer back, the gradient is multiplied by f′ and by the weights (weight gain: √fan_in × std of the weights): Sigmoid: mean f′ ${two(d.meanDf[0])} at layer 1, ${two(d.meanDf[9])} at layer 10, weight gain ${v.summary?.match(/weight gain ([\d.]+)\.$/)?.[1]}.`,
    );
    expect(Number(v.summary?.match(/weight gain ([\d.]+)\.$/)?.[1])).toBeCloseTo(2 * Math.SQRT2, 0);
  });
});

describe('gain', () => {
  it('runs the network with every weight matrix times gain (same as scaling a copy of the weights)', () => {
    const act = bindActivation('Tanh', {});
    if (!act.ok) throw new Error();
    const net = cachedGradientFlowData(3, { depth: 6, width: 8, batch: 4, init: 'xavier_uniform' });
    const scaled = { ...net, weights: net.weights.map((w) => 2.5 * w) };
    const a = gradientFlowFlat(act.value, net, { gain: 2.5 });
    const b = gradientFlowFlat(act.value, scaled);
    a.gradWNorm.forEach((g, i) => expect(g).toBeCloseTo(b.gradWNorm[i], 12));
    a.gradHMeanAbs.forEach((g, i) => expect(g).toBeCloseTo(b.gradHMeanAbs[i], 12));
  });

  it('has a slider beside view, and the norms summary names a gain other than 1', () => {
    const v = viewOf('activations: Sigmoid\ngain: 3');
    expect(v.controls.map((c) => c.id)).toEqual(['depth', 'width', 'init', 'gain', 'view', 'seed']);
    expect(v.summary).toContain('(init: he_normal × gain 3)');
    const s = gradientFlowBlock.control(
      gradientFlowBlock.init(parseOk(gradientFlowBlock, 'activations: Sigmoid', e), e),
      'view',
      'histograms',
    );
    expect(gradientFlowBlock.view(s, e).charts).toHaveLength(2);
  });
});
