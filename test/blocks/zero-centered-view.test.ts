/**
 * ```zero-centered's view model: paths delivered by a job (chosen here by hand, so what is drawn, cut off, read
 * out and exported is known), the directions chart's frame, the contour levels against a loss computed here,
 * controls, and summary sentences on hand-built runs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { nearestStep, sampleDirections, zeroCenteredBlock, zigzagSummary } from '../../src/blocks/zero-centered';
import type { ZigzagRun } from '../../src/core/engines/zigzag/zigzag';
import { zigzagData } from '../../src/core/engines/zigzag/data';
import { bindActivation } from '../../src/core/activations';
import type { Lang } from '../../src/i18n';
import { env, parseOk } from './fixtures';

const stateOf = (source: string, lang: Lang = 'en') =>
  zeroCenteredBlock.init(parseOk(zeroCenteredBlock, source, env(lang)), env(lang));
type State = ReturnType<typeof stateOf>;
const viewOf = (s: State, lang: Lang = 'en') => zeroCenteredBlock.view(s, env(lang));

/** A run through the points `w` with losses `loss` (the updates are the differences). */
function run(w: [number, number][], loss: number[] = w.map((_, i) => 10 - i)): ZigzagRun {
  const updates = w.slice(1).map((p, i): [number, number] => [p[0] - w[i][0], p[1] - w[i][1]]);
  return {
    w,
    loss,
    updates,
    updateSameSign: updates.map(([a, b]) => a * b > 0),
    perSampleSameSignFraction: updates.map(() => 0),
  };
}

/** The squared error the block's loss stands for: mean over samples of (x_i·w − t_i)². */
const directLoss = (x: number[][], t: number[], w: readonly number[]) =>
  x.reduce((s, xi, i) => s + (xi[0] * w[0] + xi[1] * w[1] - t[i]) ** 2, 0) / x.length;

// w₀ = (0, −1), w* = (3, 3): 5 apart, toward (0.6, 0.8).
const FOUR = 'inputs: Sigmoid, Tanh, ReLU, Softsign\nsteps: 3\nw0: [0, -1]\nw_star: [3, 3]\nsamples: 4';

describe('```zero-centered paths from a delivered result', () => {
  // Each run leaves the window once, on its own side, and comes back; only the part up to leaving is drawn.
  const runs = [
    run([
      [0, -1],
      [1, 0],
      [-100, 1],
      [2, 2],
    ]),
    run([
      [0, -1],
      [1, 0],
      [100, 1],
      [2, 2],
    ]),
    run([
      [0, -1],
      [1, 0],
      [1, -100],
      [2, 2],
    ]),
    run([
      [0, -1],
      [1, 0],
      [1, 100],
      [2, 2],
    ]),
  ];
  // Built in each test (not while the file loads), so a mutation run sees the code under test.
  let s: State;
  let v: ReturnType<typeof viewOf>;
  let chart: ReturnType<typeof viewOf>['charts'][number];
  let paths: ReturnType<typeof viewOf>['charts'][number]['lines'];
  beforeEach(() => {
    s = zeroCenteredBlock.received!(stateOf(FOUR), runs);
    v = viewOf(s);
    chart = v.charts[0];
    paths = chart.lines.filter((l) => l.id.startsWith('p'));
  });

  it('asks for no job once it holds the result, and for one with its size when the steps move', () => {
    expect(zeroCenteredBlock.job!(s)).toBeNull();
    const j = zeroCenteredBlock.job!(zeroCenteredBlock.control(s, 'steps', 5));
    // 4 input kinds × (5 steps + 1) × 4 samples at 3 ns each.
    expect(j?.expectedMs).toBeCloseTo(4 * 6 * 4 * 3e-6, 15);
  });

  it('draws each path up to its first point outside the window, cut at the border', () => {
    expect(paths.map((p) => [p.id, p.label, p.colorIndex, p.dots])).toEqual([
      ['p0', 'Sigmoid inputs', 0, true],
      ['p1', 'Tanh inputs', 1, true],
      ['p2', 'ReLU inputs', 2, true],
      ['p3', 'Softsign inputs', 3, true],
    ]);
    const { min: x0, max: x1 } = chart.x;
    const { min: y0, max: y1 } = chart.y;
    // The window holds w₀ and w*, not the far points.
    expect(x0 < 0 && x1 > 3 && y0 < -1 && y1 > 3 && x0 > -100 && x1 < 100 && y0 > -100 && y1 < 100).toBe(true);
    const ends = paths.map((p) => [p.x.at(-1), p.y.at(-1)] as [number, number]);
    for (const p of paths) {
      expect(p.x.slice(0, 2)).toEqual([0, 1]);
      expect(p.y.slice(0, 2)).toEqual([-1, 0]);
      expect(p.x).toHaveLength(3);
    }
    const near = (a: number, b: number) => Math.abs(a - b) < 1e-6 * (x1 - x0);
    expect(near(ends[0][0], x0)).toBe(true);
    expect(near(ends[1][0], x1)).toBe(true);
    expect(near(ends[2][1], y0)).toBe(true);
    expect(near(ends[3][1], y1)).toBe(true);
  });

  it('reads out the recorded point nearest in w₁, per path', () => {
    const r = v.readout(0, 0.9);
    expect(r.heading).toBe('w₁ = 0.9');
    expect(r.rows[0]).toEqual({ label: 'Sigmoid inputs, step 1', colorIndex: 0, value: '(1, 0), loss 9' });
    expect(v.readout(0, 0.2).rows.map((x) => x.label)).toEqual([
      'Sigmoid inputs, step 0',
      'Tanh inputs, step 0',
      'ReLU inputs, step 0',
      'Softsign inputs, step 0',
    ]);
    expect(v.readout(0, 0.2).rows[3].value).toBe('(0, −1), loss 10');
  });

  it('exports every recorded point and loss per step', () => {
    const rows = v.csv().split('\r\n');
    expect(rows[0]).toBe(
      'step,Sigmoid w1,Sigmoid w2,Sigmoid loss,Tanh w1,Tanh w2,Tanh loss,ReLU w1,ReLU w2,ReLU loss,Softsign w1,Softsign w2,Softsign loss',
    );
    expect(rows[1]).toBe('0,0,-1,10,0,-1,10,0,-1,10,0,-1,10');
    expect(rows[3]).toBe('2,-100,1,8,100,1,8,1,-100,8,1,100,8');
    expect(rows).toHaveLength(6);
  });

  it('marks w₀ and w*, names each path, and puts the axes on the weights', () => {
    expect(chart.markers).toEqual([
      { x: 0, y: -1, colorIndex: 4, shape: 'ring', label: 'w₀', legend: 'w₀: start' },
      { x: 3, y: 3, colorIndex: 4, shape: 'star', label: 'w*', legend: 'w*: target' },
    ]);
    expect([chart.x.type, chart.x.title, chart.y.type, chart.y.title]).toEqual(['linear', 'w₁', 'linear', 'w₂']);
    expect(chart.bands).toEqual([]);
    expect(chart.zeroAxes).toBe(true);
    expect(v.legend.slice(0, 4)).toEqual([
      { label: 'Sigmoid inputs', colorIndex: 0 },
      { label: 'Tanh inputs', colorIndex: 1 },
      { label: 'ReLU inputs', colorIndex: 2 },
      { label: 'Softsign inputs', colorIndex: 3 },
    ]);
  });

  it('shows a run that recorded nothing as diverged, and leaves its CSV cells empty', () => {
    const short = zeroCenteredBlock.received!(
      stateOf('inputs: Sigmoid, Tanh\nsteps: 3\nw0: [0, -1]\nw_star: [3, 3]\nsamples: 4'),
      [
        run([
          [0, -1],
          [1, 0],
        ]),
        run([]),
      ],
    );
    const sv = viewOf(short);
    expect(sv.readout(0, 1).rows[1]).toEqual({ label: 'Tanh', value: 'diverged', colorIndex: 1 });
    expect(sv.csv().split('\r\n').slice(1, 5)).toEqual(['0,0,-1,10,,,', '1,1,0,9,,,', '2,,,,,,', '3,,,,,,']);
  });

  it('draws dots on each step up to 80 steps, not beyond', () => {
    const dots = (steps: number) =>
      viewOf(stateOf(`inputs: Tanh\nsteps: ${steps}\nsamples: 2`)).charts[0].lines.find((l) => l.id === 'p0')?.dots;
    expect(dots(80)).toBe(true);
    expect(dots(81)).toBe(false);
  });
});

describe('```zero-centered directions chart', () => {
  let v: ReturnType<typeof viewOf>;
  let d: ReturnType<typeof viewOf>['charts'][number];
  beforeEach(() => {
    const s = zeroCenteredBlock.received!(
      stateOf('inputs: Sigmoid, Tanh\nsteps: 1\nw0: [0, -1]\nw_star: [3, 3]\nsamples: 4'),
      [
        run([
          [0, -1],
          [1, 0],
        ]),
        run([
          [0, -1],
          [1, 0],
        ]),
      ],
    );
    v = viewOf(s);
    d = v.charts[1];
  });

  it('frames unit steps on whole half-ticks, wider as the chart is wider than tall', () => {
    // The plot area is guessed as (700 − 60) × (height − 50) px: 640 / 250 = 2.56 at the default 300 px,
    // so x spans ⌈3 × 2.56⌉ / 2 = 4 each way; y always ±1.5.
    expect(d.x).toEqual({ type: 'linear', min: -4, max: 4, step: 0.5, title: 'Δw₁' });
    expect(d.y).toEqual({ type: 'linear', min: -1.5, max: 1.5, step: 0.5, title: 'Δw₂' });
    const half = (height: number) =>
      viewOf(stateOf(`inputs: Tanh\nsteps: 1\nsamples: 2\nheight: ${height}`)).charts[1].x.max;
    // 640 / 450 = 1.42 → ⌈4.27⌉ / 2; 640 / 750 < 1 → aspect 1; 640 / 70 > 3 → aspect 3.
    expect([half(500), half(800), half(120)]).toEqual([2.5, 1.5, 4.5]);
  });

  it('draws a dashed arrow and a star toward w*, and names the inputs', () => {
    expect(d.lines.map((l) => [l.id, l.label, l.colorIndex, l.hideInLegend, l.dashed ?? false])).toEqual([
      ['d0', 'Sigmoid inputs', 0, true, false],
      ['d1', 'Tanh inputs', 1, true, false],
      ['toward', 'w* − w₀', 2, true, true],
    ]);
    const toward = d.lines[2];
    expect(toward.x).toEqual([0, 0.6]);
    expect(toward.y).toEqual([0, 0.8]);
    expect(d.markers).toEqual([{ x: 0.6, y: 0.8, colorIndex: 2, shape: 'star', label: 'w* − w₀' }]);
    expect(d.bands).toEqual([]);
    expect(d.zeroAxes).toBe(true);
    expect(d.description).toBe(
      "Each sample's gradient step at w₀ (unit length) for Sigmoid, Tanh inputs, and the direction of w* − w₀",
    );
    expect(v.readout(1, 0.25).heading).toBe('Δw₁ = 0.25');
    expect(v.readout(1, 0.25).rows.map((r) => [r.label, r.colorIndex])).toEqual([
      ['Sigmoid inputs', 0],
      ['Tanh inputs', 1],
    ]);
  });

  it('has no arrow and no star when w₀ is w*', () => {
    const same = viewOf(stateOf('inputs: Tanh\nsteps: 1\nsamples: 2\nw0: [3, 3]\nw_star: [3, 3]')).charts[1];
    expect(same.lines.map((l) => l.id)).toEqual(['d0']);
    expect(same.markers).toEqual([]);
  });

  it('draws w₀ as a ring when it differs from w* in one coordinate only', () => {
    for (const w0 of ['[3, 0]', '[0, 3]']) {
      const m = viewOf(stateOf(`inputs: Tanh\nsteps: 1\nsamples: 2\nw0: ${w0}\nw_star: [3, 3]`)).charts[0].markers;
      expect(m.map((x) => x.shape)).toEqual(['ring', 'star']);
    }
  });
});

describe('sampleDirections', () => {
  it("is each sample's own step at w₀, −(x·w₀ − t)·x, normalised; zero or infinite steps are left out", () => {
    // Sample 0: error 1 + 2 − 1 = 2, step (−2, −4)/√20. Sample 1: x = 0, no step. Sample 2: error 2, step (−6, 2)/√40.
    // Sample 3: an overflowing step (−∞ components) is left out too.
    const d = sampleDirections(
      {
        x: [
          [1, 2],
          [0, 0],
          [3, -1],
          [1e200, 1e200],
        ],
        t: [1, 5, 0, 0],
      },
      [1, 1],
    );
    expect(d.x).toEqual([0, -1 / Math.sqrt(5), -1 / Math.sqrt(5), 0, -3 / Math.sqrt(10), -3 / Math.sqrt(10)]);
    expect(d.y).toEqual([0, -2 / Math.sqrt(5), NaN, 0, 1 / Math.sqrt(10), NaN]);
  });
});

describe('nearestStep', () => {
  it('is the recorded step closest in w₁, the earliest on ties; −1 for an empty run', () => {
    const r = run([
      [0, 0],
      [1, 0],
      [2, 0],
      [1, 5],
    ]);
    expect(nearestStep(r, 1.2)).toBe(1);
    expect(nearestStep(r, 0.9)).toBe(1);
    expect(nearestStep(r, -1)).toBe(0);
    expect(nearestStep(r, 7)).toBe(2);
    expect(nearestStep(r, 1.6)).toBe(2);
    expect(nearestStep(run([]), 0)).toBe(-1);
  });
});

describe('```zero-centered contour levels', () => {
  /** The loss at every contour vertex that is not a cut at the window's border, per contour line. */
  function levels(source: string) {
    const s = stateOf(source);
    const v = viewOf(s);
    const [chart] = v.charts;
    const bind = bindActivation('Tanh');
    if (!bind.ok) throw new Error();
    const act = bind.value;
    const data = zigzagData(s.seed, { n: s.options.samples, inputs: { f: (z) => act.f(z) }, w_star: s.options.w_star });
    const inside = (x: number, y: number) => {
      const ex = 1e-6 * (chart.x.max - chart.x.min);
      return x > chart.x.min + ex && x < chart.x.max - ex && y > chart.y.min + ex && y < chart.y.max - ex;
    };
    const contours = chart.lines.filter((l) => l.id.startsWith('c0_'));
    const byLine = contours.map((l) => ({
      id: l.id,
      losses: l.x.flatMap((x, i) => (inside(x, l.y[i]) ? [directLoss(data.x, data.t, [x, l.y[i]])] : [])),
    }));
    return { chart, data, byLine, contours };
  }

  it('draws six ellipses, the second through w₀, each a quarter of the loss above the minimum of the last', () => {
    const { byLine, data } = levels('inputs: Tanh\nsteps: 1\nsamples: 16\nw0: [-1.5, 0]\nw_star: [2, -1]');
    const at = directLoss(data.x, data.t, [-1.5, 0]);
    // Targets are x·w*, so the minimum is 0 (at w*): level k is loss(w₀)·4^k, k = 1, 0, −1, …
    // The outermost may lie wholly outside the window (then it is not drawn); the one through w₀ is there.
    expect(byLine.map((l) => l.id)).toContain('c0_1');
    expect(byLine.length).toBeGreaterThanOrEqual(4);
    for (const l of byLine) {
      const j = Number(l.id.split('_')[1]);
      expect(l.losses.length).toBeGreaterThan(0);
      for (const loss of l.losses) expect(loss / at).toBeCloseTo(4 ** (1 - j), 8);
    }
  });

  it('never shrinks below an ellipse 1/8 of the window tall along the flat axis, even at w₀ = w*', () => {
    const { byLine, data, chart } = levels('inputs: Tanh\nsteps: 1\nsamples: 16\nw0: [2, -1]\nw_star: [2, -1]');
    // A = xᵀx/n; its smaller eigenvalue λ₂ by the 2×2 formula. Level k = 0 has (w − w*)ᵀA(w − w*) = λ₂·(h/8)².
    const n = data.x.length;
    const a = data.x.reduce((s, r) => s + r[0] * r[0], 0) / n;
    const b = data.x.reduce((s, r) => s + r[0] * r[1], 0) / n;
    const dd = data.x.reduce((s, r) => s + r[1] * r[1], 0) / n;
    const small = (a + dd) / 2 - Math.sqrt(((a - dd) / 2) ** 2 + b * b);
    const floor = small * ((chart.y.max - chart.y.min) / 8) ** 2;
    const second = byLine.find((l) => l.id === 'c0_1');
    expect(second?.losses.length).toBeGreaterThan(0);
    for (const loss of second?.losses ?? []) expect(loss / floor).toBeCloseTo(1, 8);
  });
  it('draws no contours when the inputs are collinear (Threshold at 5 gives 1 for every draw near 0: every x is (1, 1), no minimiser)', () => {
    const s = stateOf('inputs: Threshold(threshold=5, value=1)\nsteps: 2\nsamples: 4');
    const lines = viewOf(s).charts[0].lines;
    expect(lines.map((l) => l.id)).toEqual(['p0']);
  });
});

describe('```zero-centered controls', () => {
  it('learning rate, steps, optimizer and new data, ranges stretched to the block’s values', () => {
    const c = viewOf(stateOf('inputs: Tanh\nsteps: 3\nsamples: 2')).controls;
    expect(c).toEqual([
      { kind: 'slider', id: 'lr', label: 'learning rate', min: 0.01, max: 3, step: 0.01, value: 0.9 },
      { kind: 'slider', id: 'steps', label: 'steps', min: 1, max: 100, step: 1, value: 3 },
      {
        kind: 'select',
        id: 'optimizer',
        label: 'optimizer',
        value: 'gd',
        options: [
          { value: 'gd', label: 'full-batch GD' },
          { value: 'sgd', label: 'SGD, batch 1' },
        ],
      },
      { kind: 'button', id: 'seed', label: 'new data' },
    ]);
    const wide = zeroCenteredBlock.placeholder!(stateOf('inputs: Tanh\nsteps: 150\nlr: 5'), env()).controls;
    expect(wide.slice(0, 2).map((x) => (x.kind === 'slider' ? [x.min, x.max] : []))).toEqual([
      [0.01, 5],
      [1, 150],
    ]);
    const fine = zeroCenteredBlock.placeholder!(stateOf('inputs: Tanh\nlr: 0.005'), env()).controls[0];
    expect(fine.kind === 'slider' ? [fine.min, fine.max] : []).toEqual([0.005, 3]);
    const zh = zeroCenteredBlock.placeholder!(stateOf('inputs: Tanh', 'zh'), env('zh')).controls;
    expect(zh.map((x) => x.label)).toEqual(['学习率', '步数', '优化方法', '换一组数据']);
  });

  it('the placeholder says what trains', () => {
    const p = zeroCenteredBlock.placeholder!(stateOf('inputs: Sigmoid, Tanh'), env());
    expect(p.charts[0].description).toBe('Training Sigmoid, Tanh…');
    expect(
      zeroCenteredBlock.placeholder!(stateOf('inputs: Sigmoid, Tanh', 'zh'), env('zh')).charts[0].description,
    ).toBe('正在训练 Sigmoid、Tanh……');
  });

  it('takes a positive finite lr, steps ≥ 1 (rounded), gd or sgd, and ignores anything else', () => {
    const s = stateOf('inputs: Tanh');
    const c = (st: State, id: string, value: number | string) => zeroCenteredBlock.control(st, id, value);
    expect(c(s, 'lr', 2).lr).toBe(2);
    expect(c(s, 'lr', '2')).toBe(s);
    expect(c(s, 'lr', Infinity)).toBe(s);
    expect(c(s, 'lr', -1)).toBe(s);
    expect(c(s, 'steps', 1).steps).toBe(1);
    expect(c(s, 'steps', 4.6).steps).toBe(5);
    expect(c(s, 'steps', 0.4)).toBe(s);
    expect(c(s, 'steps', 5).lr).toBe(s.lr);
    expect(c(s, 'other', 3)).toBe(s);
    const sgd = c(s, 'optimizer', 'sgd');
    expect(sgd.optimizer).toBe('sgd');
    expect(c(sgd, 'optimizer', 'gd').optimizer).toBe('gd');
    expect(c(s, 'optimizer', 'adam')).toBe(s);
    expect(c(s, 'seed', 0).seed).toBe(s.seed + 1);
  });

  it('refuses a w_star that is not two numbers, naming the line', () => {
    const r = zeroCenteredBlock.parse('inputs: Tanh\nw_star: [1]', env());
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problem).toMatchObject({ code: 'syntax', line: 2, args: { value: 'w_star: [1]', expected: 'pair' } });
  });
});

describe('zigzagSummary on hand-built runs', () => {
  const problem = { samples: 4, sameSignSamples: 3, kappa: 12.5, stableBelow: 1.5 };
  const sc = { optimizer: 'gd' as const, lr: 1.5, w0: [0, -1] as const, wStar: [3, 3] as const };
  // Moves away from w* = (3, 3) with growing steps: distance 5 → ~7.1 → ~9.2.
  const away = run([
    [0, -1],
    [-1, -2],
    [-2, -4],
    [-3, -7],
  ]);

  it('says the run ends farther away, with its steps growing, and why when lr reaches the limit', () => {
    const text = zigzagSummary([{ label: 'Tanh', signs: 'centred', problem, run: away }], sc, 'en');
    expect(text).toBe(
      'Full-batch gradient descent, lr 1.5; w₀ is 5 from w*. ' +
        "Zero-centred inputs (Tanh): 3 of 4 samples' gradients have two same-sign components (both weights rise or both fall); condition number κ = 12.5, stable for lr < 1.5. " +
        `After 3 steps w is ${String(Number(Math.hypot(6, 10).toPrecision(3)))} from w*; 3 of 3 updates were same-sign, 0 turned more than 90°. ` +
        'It ends farther from w* than it started, its steps growing: lr 1.5 ≥ the limit 1.5.',
    );
  });

  it('gives no reason when full-batch descent moves away below the limit', () => {
    const text = zigzagSummary(
      [{ label: 'Tanh', signs: 'centred', problem: { ...problem, stableBelow: 2 }, run: away }],
      sc,
      'en',
    );
    expect(text).toMatch(/It ends farther from w\* than it started, its steps growing\.$/);
  });

  it('gives no limit for SGD, and no reason for moving away', () => {
    const text = zigzagSummary(
      [{ label: 'Tanh', signs: 'centred', problem, run: away }],
      { ...sc, optimizer: 'sgd' },
      'en',
    );
    expect(text).toMatch(/^SGD, batch 1 \(one sample per update, shuffled\), lr 1\.5; w₀ is 5 from w\*\. /);
    expect(text).toContain('condition number κ = 12.5. After');
    expect(text).toMatch(/It ends farther from w\* than it started, its steps growing\.$/);
  });

  it('says nothing about moving away when the run ends exactly as far as it started', () => {
    // (0, −1) → (6, 7): 5 from w* both times.
    const level = run([
      [0, -1],
      [6, 7],
    ]);
    const text = zigzagSummary([{ label: 'Tanh', signs: 'centred', problem, run: level }], sc, 'en');
    expect(text).toMatch(/1 of 1 updates were same-sign, 0 turned more than 90°\.$/);
  });
});
