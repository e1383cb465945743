import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/api';
import { gradientFlowBlock } from '../../src/blocks/gradient-flow';
import { formatProblem } from '../../src/i18n';
import { env, parseOk, firstProblem } from './fixtures';

const api = createApi();
const problemOf = (source: string): string => {
  const r = gradientFlowBlock.parse(source, env());
  return formatProblem(firstProblem(r), 'en');
};

describe('```gradient-flow reference lines', () => {
  it('reads out the envelope beside the runs, at the layer under the pointer', () => {
    const e = env();
    const v = gradientFlowBlock.view(
      gradientFlowBlock.init(parseOk(gradientFlowBlock, 'activations: Sigmoid\ndepth: 10', e), e),
      e,
    );
    const envelope = v.charts[0].lines.find((l) => l.faint);
    expect(envelope?.label).toBe('Sigmoid′ peak 0.25 per layer, from layer 10');
    // The envelope itself, by hand: 0.25^(10−l) times the last layer's plotted value, layers 1…10.
    const lastPlotted = v.charts[0].lines[0].y[9];
    expect(envelope?.y).toHaveLength(10);
    envelope?.y.forEach((y, i) => expect(y).toBeCloseTo(lastPlotted * 0.25 ** (9 - i), 12));
    const rows = v.readout(0, 3).rows;
    expect(rows.map((r) => [r.label, r.dashed ?? false])).toEqual([
      ['Sigmoid', false],
      [envelope?.label, true],
    ]);
    // (max σ′)^(L−l) scaled to the last layer: 0.25^(10−3) × g₁₀, computed here from the plotted last value.
    const last = v.charts[0].lines[0].y[9];
    const expected = last * 0.25 ** 7;
    expect(Math.abs(Number(rows[1].value.replace('−', '-')) - expected) / expected).toBeLessThan(5e-4); // 4 significant digits
  });
});

describe('```gradient-flow zeros on the log axis', () => {
  it('marks each exact 0 on the axis floor and says "0 — not drawable on a log scale" in read-out and summary', () => {
    const e = env();
    const v = gradientFlowBlock.view(gradientFlowBlock.init(parseOk(gradientFlowBlock, 'width: 1', e), e), e);
    const relu = createApi().gradientFlowDemo({
      activation: 'ReLU',
      depth: 20,
      width: 1,
      batch: 16,
      seed: 1,
    }).gradWNorm;
    const zeros = relu.flatMap((g, i) => (g === 0 ? [i + 1] : []));
    expect(zeros.length).toBeGreaterThan(0);
    const chart = v.charts[0];
    expect(chart.markers.filter((m) => m.colorIndex === 2).map((m) => m.x)).toEqual(zeros);
    expect(chart.markers.every((m) => m.y === chart.y.min && m.shape === 'ring')).toBe(true);
    expect(v.legend.at(-1)).toEqual({ label: 'on the axis: 0, not drawable on a log scale', mark: 'ring' });
    expect(v.readout(0, zeros[0]).rows[2].value).toBe('0 — not drawable on a log scale');
    // A ratio needs the last layer's gradient; with that 0 the summary says so, else a first-layer 0 is named as such.
    if (relu[19] === 0) expect(v.summary).toContain('ReLU undefined (layer 20 gets no gradient)');
    else if (relu[0] === 0) expect(v.summary).toContain('ReLU 0 at layer 1 — not drawable on a log scale');
  });
});

describe('```gradient-flow parsing', () => {
  it("takes torch.nn.init's names: kaiming_* for He, with or without the trailing underscore", () => {
    expect(parseOk(gradientFlowBlock, 'init: kaiming_normal').init).toBe('he_normal');
    expect(parseOk(gradientFlowBlock, 'init: kaiming_uniform_').init).toBe('he_uniform');
    expect(parseOk(gradientFlowBlock, 'init: xavier_normal_').init).toBe('xavier_normal');
    expect(parseOk(gradientFlowBlock, 'init: Kaiming_Normal').init).toBe('he_normal');
  });

  it("has the issue's defaults", () => {
    const o = parseOk(gradientFlowBlock, '');
    expect(o.activations.map((a) => a.spec.name)).toEqual(['Sigmoid', 'Tanh', 'ReLU']);
    expect(o).toMatchObject({ depth: 20, width: 32, batch: 16, init: 'he_normal', seed: 1, metric: 'weight' });
    expect(parseOk(gradientFlowBlock, 'init: auto').init).toBe('auto');
  });

  it('reads every key', () => {
    const o = parseOk(
      gradientFlowBlock,
      'activations: GELU, LeakyReLU(0.1)\ndepth: 50\nwidth: 64\nbatch: 8\ninit: he_uniform\nseed: 9\nmetric: output\ntitle: t',
    );
    expect(o).toMatchObject({
      depth: 50,
      width: 64,
      batch: 8,
      init: 'he_uniform',
      seed: 9,
      metric: 'output',
      title: 't',
    });
    expect(o.activations[1].params.negative_slope).toBe(0.1);
  });

  it('rejects out-of-range sizes and unknown choices with the line and what is allowed', () => {
    expect(problemOf('depth: 1000000')).toMatch(/^Line 1: .*depth.*1000000.*200/);
    expect(problemOf('depth: 5\ninit: xavier')).toMatch(/^Line 2: .*xavier.*xavier_uniform/);
    expect(problemOf('init: kaiming_norml')).toMatch(/Did you mean 'kaiming_normal'/);
    expect(problemOf('activations: Sigmoid, Tahn')).toMatch(/^Line 1: .*'Tahn'.*Tanh/);
    expect(problemOf('metric: weights')).toMatch(/weight/);
  });
});

describe('```gradient-flow view', () => {
  const e = env();
  const options = parseOk(gradientFlowBlock, 'activations: Sigmoid, ReLU\ndepth: 10\nwidth: 16\nbatch: 8', e);
  const state = gradientFlowBlock.init(options, e);
  const view = gradientFlowBlock.view(state, e);

  it('plots exactly what the API computes for the seeded network, first layer first', () => {
    const expected = api.gradientFlowDemo({
      activation: 'Sigmoid',
      depth: 10,
      width: 16,
      batch: 8,
      seed: 1,
      init: 'he_normal',
    });
    const sigmoid = view.charts[0].lines.find((l) => l.id === 'g0');
    expect(sigmoid?.x).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sigmoid?.y).toEqual(expected.gradWNorm);
    expect(view.charts[0].y.type).toBe('logarithmic');
  });

  it('adds the dashed envelope 0.25^(L−l) scaled to the last layer for Sigmoid, none for ReLU', () => {
    const lines = view.charts[0].lines;
    const envelope = lines.find((l) => l.id === 'e0');
    const last = (lines.find((l) => l.id === 'g0')?.y ?? [])[9];
    expect(envelope?.dashed).toBe(true);
    envelope?.y.forEach((v, i) => expect(v).toBeCloseTo(last * Math.pow(0.25, 9 - i), 12));
    expect(lines.find((l) => l.id === 'e1')).toBeUndefined();
  });

  it("summarises layer 1's gradient as a ratio to the last layer's, naming the metric and the init", () => {
    const s = api.gradientFlowDemo({
      activation: 'Sigmoid',
      depth: 10,
      width: 16,
      batch: 8,
      seed: 1,
      init: 'he_normal',
    });
    const [mantissa, exponent] = (s.gradWNorm[0] / s.gradWNorm[9]).toExponential(1).split('e');
    const sup = (e: string) => String(Number(e)).replace(/./g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)]);
    expect(view.summary).toContain(`Sigmoid ${mantissa}×10${sup(exponent)}`);
    expect(view.summary).toMatch(
      /^Ratio of layer 1's to layer 10's gradient norm ‖∂loss\/∂W‖ \(init: he_normal\): Sigmoid \S+, ReLU \S+\.$/,
    );
    expect(view.legend).toEqual([
      { label: 'Sigmoid', colorIndex: 0 },
      { label: 'Sigmoid′ peak 0.25 per layer, from layer 10', colorIndex: 0, dashed: true, faint: true },
      { label: 'ReLU', colorIndex: 1 },
    ]);
  });

  it('"new weights" changes the seed and the figures; sliders change depth and width', () => {
    const reseeded = gradientFlowBlock.control(state, 'seed', 0);
    expect(reseeded.seed).toBe(2);
    const deeper = gradientFlowBlock.view(gradientFlowBlock.control(state, 'depth', 30), e);
    expect(deeper.charts[0].lines[0].x).toHaveLength(30);
    expect(gradientFlowBlock.control(state, 'init', 'bogus')).toBe(state);
  });

  it('exports the plotted figures as CSV', () => {
    const rows = view.csv().trim().split('\r\n');
    expect(rows[0]).toBe('layer,Sigmoid,ReLU');
    expect(rows).toHaveLength(11);
  });
});
