/**
 * ```gradient-flow's view model from a delivered result: the block draws what its job sent (gradients chosen here
 * by hand, so every label, ratio, marker and cell below is checked against numbers we know), its placeholder, its
 * controls, and when it asks for a new job.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { gradientFlowBlock } from '../../src/blocks/gradient-flow';
import type { GradientFlowJob, GradientFlowResult, LayerCounts } from '../../src/blocks/jobs/gradient-flow-job';
import type { GradientFlow } from '../../src/core/engines/gradient-flow/network';
import type { Lang } from '../../src/i18n';
import { env, parseOk } from './fixtures';

const stateOf = (source: string, lang: Lang = 'en') => {
  const e = env(lang);
  return gradientFlowBlock.init(parseOk(gradientFlowBlock, source, e), e);
};
const viewOf = (s: ReturnType<typeof stateOf>, lang: Lang = 'en') => gradientFlowBlock.view(s, env(lang));
const received = (s: ReturnType<typeof stateOf>, r: GradientFlowResult) => gradientFlowBlock.received!(s, r);
const jobOf = (s: ReturnType<typeof stateOf>) => gradientFlowBlock.job!(s) as GradientFlowJob | null;

/** A flow whose weight-gradient norms are `w` and mean |∂loss/∂h| are `h`. */
const flow = (w: number[], h: number[] = w.map((v) => v * 2)): GradientFlow => ({
  loss: 1,
  gradWNorm: w,
  gradBNorm: w,
  gradHMeanAbs: h,
});

// Four activations over three layers. Sigmoid: a ratio of 2e-4 / 5 = 4×10⁻⁵; ReLU: 0 at layer 1 (a ring on the
// axis floor, "0 at layer 1" in the summary); Tanh: ratio 0.1 / 2 = 0.05, no envelope (its f′ peaks at 1);
// Hardsigmoid: 0 at the last layer, so no ratio and no envelope though it saturates.
const FOUR = 'activations: Sigmoid, ReLU, Tanh, Hardsigmoid\ndepth: 3\nwidth: 16\nbatch: 8';
const SIG = [2e-4, 2e-2, 5];
const RELU = [0, 1e-2, 3];
const TANH = [1e-1, 1, 2];
const HARD = [1e-2, 1e-1, 0];
const fourResult: GradientFlowResult = { flows: [flow(SIG), flow(RELU), flow(TANH), flow(HARD)], counts: null };

describe('```gradient-flow view of a delivered result', () => {
  // Built in each test (not while the file loads), so a mutation run sees the code under test.
  let v: ReturnType<typeof viewOf>;
  let chart: ReturnType<typeof viewOf>['charts'][number];
  beforeEach(() => {
    v = viewOf(received(stateOf(FOUR), fourResult));
    chart = v.charts[0];
  });

  it('draws one line per activation, in the block’s order and colours, plus Sigmoid’s envelope', () => {
    expect(chart.lines.map((l) => [l.id, l.label, l.colorIndex, l.dashed ?? false, l.faint ?? false])).toEqual([
      ['g0', 'Sigmoid', 0, false, false],
      ['e0', 'Sigmoid′ peak 0.25 per layer, from layer 3', 0, true, true],
      ['g1', 'ReLU', 1, false, false],
      ['g2', 'Tanh', 2, false, false],
      ['g3', 'Hardsigmoid', 3, false, false],
    ]);
    expect(chart.lines.every((l) => l.dots === undefined || l.dots === true)).toBe(true);
    expect(chart.lines[0].x).toEqual([1, 2, 3]);
    expect(chart.lines[0].y).toEqual(SIG);
    // The envelope: the last value 5 times 0.25 per layer back.
    expect(chart.lines[1].y).toEqual([5 / 16, 5 / 4, 5]);
    // Zeros are gaps on the log axis.
    expect(chart.lines[2].y).toEqual([NaN, 1e-2, 3]);
    expect(chart.lines[4].y).toEqual([1e-2, 1e-1, NaN]);
  });

  it('spans whole decades around every drawn value, and rings each exact zero on the floor', () => {
    // Smallest drawn value 2e-4 → 1e-4; largest 5 → 10.
    expect(chart.y).toEqual({
      type: 'logarithmic',
      min: expect.closeTo(1e-4, 15) as number,
      max: 10,
      title: '‖∂loss/∂W‖ per layer',
    });
    expect(chart.x).toEqual({ type: 'linear', min: 1, max: 3, integer: true, title: 'layer' });
    expect(chart.markers).toEqual([
      { x: 1, y: chart.y.min, colorIndex: 1, shape: 'ring', legend: 'on the axis: 0, not drawable on a log scale' },
      { x: 3, y: chart.y.min, colorIndex: 3, shape: 'ring', legend: 'on the axis: 0, not drawable on a log scale' },
    ]);
    expect(chart.bands).toEqual([]);
    expect(chart.zeroAxes).toBe(false);
    expect(chart.description).toBe(
      'Gradient per layer, log scale, of a 3-layer network of width 16 for Sigmoid, ReLU, Tanh, Hardsigmoid',
    );
  });

  it('names every line and the rings in the legend', () => {
    expect(v.legend).toEqual([
      { label: 'Sigmoid', colorIndex: 0 },
      { label: 'Sigmoid′ peak 0.25 per layer, from layer 3', colorIndex: 0, dashed: true, faint: true },
      { label: 'ReLU', colorIndex: 1 },
      { label: 'Tanh', colorIndex: 2 },
      { label: 'Hardsigmoid', colorIndex: 3 },
      { label: 'on the axis: 0, not drawable on a log scale', mark: 'ring' },
    ]);
  });

  it('summarises each ratio, a first-layer zero and a last-layer zero as such', () => {
    expect(v.summary).toBe(
      "Ratio of layer 1's to layer 3's gradient norm ‖∂loss/∂W‖ (init: he_normal): Sigmoid 4×10⁻⁵, " +
        'ReLU 0 at layer 1 — not drawable on a log scale, Tanh 0.05, Hardsigmoid undefined (layer 3 gets no gradient).',
    );
  });

  it('reads out every run and the envelope at the layer under the pointer, clamped to the network', () => {
    expect(v.readout(0, 2.2)).toEqual({
      heading: 'layer 2',
      rows: [
        { label: 'Sigmoid', colorIndex: 0, value: '0.02' },
        { label: 'ReLU', colorIndex: 1, value: '0.01' },
        { label: 'Tanh', colorIndex: 2, value: '1' },
        { label: 'Hardsigmoid', colorIndex: 3, value: '0.1' },
        { label: 'Sigmoid′ peak 0.25 per layer, from layer 3', colorIndex: 0, dashed: true, value: '1.25' },
      ],
    });
    const first = v.readout(0, -4);
    expect(first.heading).toBe('layer 1');
    expect(first.rows.map((r) => r.value)).toEqual([
      '0.0002',
      '0 — not drawable on a log scale',
      '0.1',
      '0.01',
      '0.3125',
    ]);
    const last = v.readout(0, 9);
    expect(last.heading).toBe('layer 3');
    expect(last.rows.map((r) => r.value)).toEqual(['5', '3', '2', '0 — not drawable on a log scale', '5']);
  });

  it('exports the runs layer by layer as CSV', () => {
    expect(v.csv()).toBe(
      'layer,Sigmoid,ReLU,Tanh,Hardsigmoid\r\n1,0.0002,0,0.1,0.01\r\n2,0.02,0.01,1,0.1\r\n3,5,3,2,0\r\n',
    );
  });

  it('plots mean |∂loss/∂h| under metric: output, and says so on the axis and in the summary', () => {
    const out = viewOf(received(stateOf(`${FOUR}\nmetric: output`), fourResult));
    expect(out.charts[0].y.title).toBe('mean |∂loss/∂h| per layer');
    expect(out.charts[0].lines[0].y).toEqual(SIG.map((x) => 2 * x));
    expect(out.summary).toMatch(
      /^Ratio of layer 1's to layer 3's mean \|∂loss\/∂h\| \(init: he_normal\): Sigmoid 4×10⁻⁵, /,
    );
  });

  it('speaks Chinese', () => {
    const zh = viewOf(received(stateOf(FOUR, 'zh'), fourResult), 'zh');
    expect(zh.charts[0].x.title).toBe('层');
    expect(zh.charts[0].y.title).toBe('各层 ‖∂loss/∂W‖');
    expect(zh.readout(0, 2).heading).toBe('第 2 层');
    expect(zh.summary).toBe(
      '第 1 层与第 3 层的梯度范数 ‖∂loss/∂W‖ 之比（初始化：he_normal）：Sigmoid 4×10⁻⁵、ReLU 第 1 层为 0（对数坐标上无法画出）、Tanh 0.05、Hardsigmoid 无定义（第 3 层没有梯度）。',
    );
  });

  it('draws the envelope only for saturating functions: not for a line of slope 0.5 the note defines', () => {
    const st = stateOf('define: half(x) = 0.5 * x\nactivations: half\ndepth: 3\nwidth: 2\nbatch: 1');
    const lines = viewOf(received(st, { flows: [flow([1, 2, 4])], counts: null })).charts[0].lines;
    expect(lines.map((l) => l.id)).toEqual(['g0']);
  });

  it('draws dots on each layer up to depth 40, not beyond', () => {
    const at = (depth: number) => {
      const st = stateOf(`activations: ReLU\ndepth: ${depth}\nwidth: 2\nbatch: 1`);
      const g = Array.from({ length: depth }, (_, i) => i + 1);
      return viewOf(received(st, { flows: [flow(g)], counts: null })).charts[0].lines[0].dots;
    };
    expect(at(40)).toBe(true);
    expect(at(41)).toBe(false);
  });

  it('x axis of a one-layer network still spans 1 to 2', () => {
    const one = viewOf(
      received(stateOf('activations: ReLU\ndepth: 1\nwidth: 2\nbatch: 1'), { flows: [flow([3])], counts: null }),
    );
    expect([one.charts[0].x.min, one.charts[0].x.max]).toEqual([1, 2]);
  });
});

describe('```gradient-flow asks for a job only when its results are not those of its own run', () => {
  let s: ReturnType<typeof stateOf>;
  beforeEach(() => {
    s = stateOf(FOUR);
  });

  it('a fresh block asks for one: its activations, shape, and no histograms under view: norms', () => {
    const j = jobOf(s);
    expect(j).not.toBeNull();
    expect(j).toMatchObject({
      kind: 'gradient-flow',
      seed: 1,
      depth: 3,
      width: 16,
      batch: 8,
      gain: 1,
      histograms: null,
    });
    expect(j?.activations.map((a) => a.init)).toEqual(['he_normal', 'he_normal', 'he_normal', 'he_normal']);
    // The cost model, by hand: depth·width·(25·width + count·batch·(width + batch)) multiply-adds at 1.4 ns:
    // 3·16·(400 + 4·8·24) = 56 064 → 0.0784896 ms.
    expect(j?.expectedMs).toBeCloseTo(56064 * 1.4e-6, 12);
  });

  it('weighs the note’s own functions by their cost', () => {
    const st = stateOf(
      'define: f(x) = x * sigmoid(x) * tanh(x) + exp(-x * x) * sin(x) + cos(x) * x / (1 + x * x)\nactivations: f, ReLU\ndepth: 2\nwidth: 4\nbatch: 3',
    );
    const cost = st.options.activations[0].spec.cost ?? 0;
    expect(cost).toBeGreaterThan(10);
    // One torch function's worth is 10 operations; f costs cost/10 of them, ~10 multiply-adds each beyond the first.
    const extra = 10 * (cost / 10 - 1);
    expect(jobOf(st)?.expectedMs).toBeCloseTo(2 * 4 * (25 * 4 + 2 * 3 * (4 + 3) + 3 * extra) * 1.4e-6, 12);
  });

  it('holds its delivered result until depth, width, init, seed or gain move', () => {
    const done = received(s, fourResult);
    expect(jobOf(done)).toBeNull();
    for (const [id, value] of [
      ['depth', 2],
      ['width', 8],
      ['init', 'xavier_normal'],
      ['seed', 0],
      ['gain', 2],
    ] as const) {
      const moved = gradientFlowBlock.control(done, id, value);
      expect(jobOf(moved), id).not.toBeNull();
    }
    // A moved state computes its own run rather than drawing the stale one.
    const deeper = viewOf(gradientFlowBlock.control(done, 'depth', 2));
    expect(deeper.charts[0].lines[0].x).toEqual([1, 2]);
    const fresh = viewOf(stateOf(FOUR.replace('depth: 3', 'depth: 2')));
    expect(deeper.charts[0].lines[0].y).toEqual(fresh.charts[0].lines[0].y);
    expect(deeper.charts[0].lines[0].y).not.toEqual(SIG.slice(0, 2));
  });

  it('needs counts for the histograms: a norms-only result does not serve view: histograms', () => {
    const done = received(s, fourResult);
    const hist = gradientFlowBlock.control(done, 'view', 'histograms');
    const j = jobOf(hist);
    // Each activation's bound is 10 % of its largest |f′| (Sigmoid 0.25, ReLU 1, Tanh 1, Hardsigmoid 1/6), and
    // the layers drawn are the first, last and three between: here all three.
    expect(j?.histograms?.layers).toEqual([1, 2, 3]);
    // (Hardsigmoid's peak is found numerically, to ~1e-8.)
    j?.histograms?.below.forEach((b, i) => expect(b).toBeCloseTo([0.025, 0.1, 0.1, 0.1 / 6][i], 8));
  });

  it('auto picks the init per family: Xavier for the saturating ones, He for ReLU', () => {
    const j = jobOf(stateOf(`${FOUR}\ninit: auto`));
    expect(j?.activations.map((a) => a.init)).toEqual([
      'xavier_uniform',
      'he_normal',
      'xavier_uniform',
      'xavier_uniform',
    ]);
  });
});

describe('```gradient-flow histogram view of a delivered result', () => {
  const counts = (saturated: number[], meanDf: number[], weightGain: number): LayerCounts => ({
    saturated,
    meanDf,
    z: [1, 2, 3].map((layer) => ({ layer, values: new Float64Array([-1, 0.5, 2, layer]) })),
    weightGain,
  });
  let v: ReturnType<typeof viewOf>;
  beforeEach(() => {
    const st = gradientFlowBlock.control(
      stateOf('activations: Sigmoid, ReLU\ndepth: 3\nwidth: 2\nbatch: 2'),
      'view',
      'histograms',
    );
    v = viewOf(
      received(st, {
        flows: [flow([1, 1, 1]), flow([1, 1, 1])],
        counts: [counts([0.5, 0.25, 0], [0.2, 0.15, 0.125], 1.414), counts([0, 0.5, 1], [1, 0.5, 0.75], 2)],
      }),
    );
  });

  it('names each activation and the shaded zone in the legend', () => {
    expect(v.legend).toEqual([
      { label: 'Sigmoid', colorIndex: 0 },
      { label: 'ReLU', colorIndex: 1 },
      { label: 'shaded: saturation', mark: 'band' },
    ]);
  });

  it('summarises mean f′ at the first and last layer and the weight gain, to two digits', () => {
    expect(v.summary).toBe(
      'Each layer back, the gradient is multiplied by f′ and by the weights (weight gain: √fan_in × std of the weights): ' +
        'Sigmoid: mean f′ 0.2 at layer 1, 0.13 at layer 3, weight gain 1.4; ReLU: mean f′ 1 at layer 1, 0.75 at layer 3, weight gain 2.',
    );
  });

  it('reads out the saturated share, per shown layer on a panel and per activation on the share chart', () => {
    expect(v.readout(2, 2)).toEqual({
      heading: 'layer 2',
      rows: [
        { label: 'Sigmoid', value: '25 %', colorIndex: 0 },
        { label: 'ReLU', value: '50 %', colorIndex: 1 },
      ],
    });
    expect(v.readout(1, 0).rows.map((r) => r.value)).toEqual(['0 %', '50 %', '100 %']);
  });

  it('exports the saturated share and mean f′ per layer as CSV', () => {
    expect(v.csv()).toBe(
      'layer,Sigmoid saturated,Sigmoid mean f′,ReLU saturated,ReLU mean f′\r\n' +
        '1,0.5,0.2,0,1\r\n2,0.25,0.15,0.5,0.5\r\n3,0,0.125,1,0.75\r\n',
    );
  });
});

describe('```gradient-flow placeholder, before anything is computed', () => {
  let s: ReturnType<typeof stateOf>;
  beforeEach(() => {
    s = stateOf('activations: Sigmoid, ReLU\ndepth: 10\nwidth: 16\nbatch: 8');
  });

  it('shows the axes, no lines, and says what it computes', () => {
    const p = gradientFlowBlock.placeholder!(s, env());
    expect(p.charts).toEqual([
      {
        x: { type: 'linear', min: 1, max: 10, integer: true, title: 'layer' },
        y: { type: 'logarithmic', min: 1e-3, max: 1, title: '‖∂loss/∂W‖ per layer' },
        lines: [],
        bands: [],
        markers: [],
        zeroAxes: false,
        description: 'Computing the gradients of a 10-layer network of width 16 for Sigmoid, ReLU',
      },
    ]);
    expect(p.legend).toEqual([]);
    expect(p.summary).toBe('');
    expect(p.readout(0, 3.4)).toEqual({ heading: 'layer 3', rows: [] });
    expect(p.readout(0, 70).heading).toBe('layer 10');
    expect(p.readout(0, -2).heading).toBe('layer 1');
    expect(p.csv()).toBe('layer\r\n');
    expect(p.controls).toEqual(
      gradientFlowBlock.view(
        received(s, {
          flows: [flow(Array.from({ length: 10 }, () => 1)), flow(Array.from({ length: 10 }, () => 1))],
          counts: null,
        }),
        env(),
      ).controls,
    );
  });

  it('names the output metric and a one-layer network’s axis, in Chinese too', () => {
    const p = gradientFlowBlock.placeholder!(stateOf('activations: ReLU\ndepth: 1\nmetric: output', 'zh'), env('zh'));
    expect(p.charts[0].x).toEqual({ type: 'linear', min: 1, max: 2, integer: true, title: '层' });
    expect(p.charts[0].y.title).toBe('各层 |∂loss/∂h| 的均值');
    expect(p.charts[0].description).toBe('正在计算 ReLU 在 1 层、宽度 32 的网络中各层的梯度');
  });
});

describe('```gradient-flow controls', () => {
  let s: ReturnType<typeof stateOf>;
  beforeEach(() => {
    s = stateOf('activations: Sigmoid\ndepth: 10\nwidth: 16\nbatch: 8');
  });

  it('depth, width, init, gain, view and new weights, with the slider ranges the README gives', () => {
    expect(gradientFlowBlock.placeholder!(s, env()).controls).toEqual([
      { kind: 'slider', id: 'depth', label: 'depth', min: 1, max: 50, step: 1, value: 10 },
      { kind: 'slider', id: 'width', label: 'width', min: 1, max: 64, step: 1, value: 16 },
      {
        kind: 'select',
        id: 'init',
        label: 'init',
        value: 'he_normal',
        options: [
          { value: 'auto', label: 'auto (by activation)' },
          { value: 'xavier_uniform', label: 'xavier_uniform' },
          { value: 'xavier_normal', label: 'xavier_normal' },
          { value: 'he_uniform', label: 'he_uniform' },
          { value: 'he_normal', label: 'he_normal' },
        ],
      },
      { kind: 'slider', id: 'gain', label: 'weight gain', min: 0.25, max: 4, step: 0.05, value: 1 },
      {
        kind: 'select',
        id: 'view',
        label: 'view',
        value: 'norms',
        options: [
          { value: 'norms', label: 'gradient norms' },
          { value: 'histograms', label: 'histograms of z' },
        ],
      },
      { kind: 'button', id: 'seed', label: 'new weights' },
    ]);
  });

  it('stretches a slider to a block value past its usual end', () => {
    const big = stateOf('activations: Sigmoid\ndepth: 60\nwidth: 70\nbatch: 1\ngain: 5');
    const maxOf = (id: string) => {
      const c = gradientFlowBlock.placeholder!(big, env()).controls.find((x) => x.id === id);
      return c?.kind === 'slider' ? c.max : undefined;
    };
    expect([maxOf('depth'), maxOf('width'), maxOf('gain')]).toEqual([60, 70, 5]);
  });

  it('labels them in Chinese', () => {
    const zh = gradientFlowBlock.placeholder!(stateOf('activations: Sigmoid', 'zh'), env('zh')).controls;
    expect(zh.map((c) => c.label)).toEqual(['层数', '宽度', '初始化', '权重增益', '视图', '换一组权重']);
  });

  it('takes depth and width ≥ 1 (rounded), a gain in (0, 100], a known view, and ignores anything else', () => {
    const c = (st: typeof s, id: string, value: number | string) => gradientFlowBlock.control(st, id, value);
    expect(c(s, 'depth', 1).depth).toBe(1);
    expect(c(s, 'depth', 7.4).depth).toBe(7);
    expect(c(s, 'width', 1).width).toBe(1);
    expect(c(s, 'depth', 0.5)).toBe(s);
    expect(c(s, 'depth', '7')).toBe(s);
    expect(c(s, 'width', Number.NaN)).toBe(s);
    expect(c(s, 'gain', 100).gain).toBe(100);
    expect(c(s, 'gain', 0.01).gain).toBe(0.01);
    expect(c(s, 'gain', 0)).toBe(s);
    expect(c(s, 'gain', 100.5)).toBe(s);
    expect(c(s, 'gain', '2')).toBe(s);
    expect(c(s, 'view', 'histograms').view).toBe('histograms');
    expect(c(c(s, 'view', 'histograms'), 'view', 'norms').view).toBe('norms');
    expect(c(s, 'view', 'bogus')).toBe(s);
    expect(c(s, 'nothing', 3)).toBe(s);
    expect(c(s, 'nothing', 'histograms')).toBe(s);
  });
});

describe('```gradient-flow memory guard', () => {
  it('never refuses a block that leaves width at its default: every other key at its maximum fits', () => {
    // So the guard always blames width (the only key that can break it); `init: auto` draws two networks here.
    const o = parseOk(
      gradientFlowBlock,
      'activations: Sigmoid, Tanh, ReLU, GELU, ELU, SiLU, Softsign, Mish\ndepth: 200\nbatch: 256\ninit: auto\nview: histograms',
    );
    expect([o.depth, o.width, o.batch]).toEqual([200, 32, 256]);
  });
});
