/**
 * ```nonlinearity against independent truth: every accuracy the panels and the summary state is recounted here
 * with a forward pass written out by hand on the run's own network, for many seeds and every data set; the
 * Identity network's boundary is checked to be a line from its weights; the replay against the saved steps.
 */
import { describe, expect, it } from 'vitest';
import { PROGRESS_MS } from '../../src/blocks/jobs/job';
import { nonlinearityBlock, runsOf } from '../../src/blocks/nonlinearity';
import { bindActivation } from '../../src/core/activations';
import { classifierData, DATASETS } from '../../src/core/engines/classifier-data';
import { formatNumber } from '../../src/core/plot/format';
import { sweepLength } from '../helpers/property-runs';
import { env, parseOk } from './fixtures';

const e = env();
const zh = env('zh');
const stateOf = (source: string, en = e) => nonlinearityBlock.init(parseOk(nonlinearityBlock, source, en), en);

/** Accuracy of the network (W1, b1, W2, b2 as nested arrays) with activation f on the points, counted by hand. */
function accuracy(
  f: (x: number) => number,
  net: { W1: number[][]; b1: number[]; W2: number[][]; b2: number[] },
  X: number[][],
  y: number[],
): number {
  let right = 0;
  X.forEach(([x0, x1], i) => {
    let logit = net.b2[0];
    for (let j = 0; j < net.b1.length; j++)
      logit += f(x0 * net.W1[0][j] + x1 * net.W1[1][j] + net.b1[j]) * net.W2[j][0];
    if (logit > 0 === (y[i] === 1)) right++;
  });
  return right / X.length;
}

/** The final network of one run, as nested arrays, from the state's saved steps. */
function netAt(s: ReturnType<typeof stateOf>, run: number, step: number) {
  const n = runsOf(s)[run].net(step);
  const width = n.width;
  return {
    W1: [Array.from(n.W1.subarray(0, width)), Array.from(n.W1.subarray(width))],
    b1: Array.from(n.b1),
    W2: Array.from(n.W2, (w) => [w]),
    b2: [n.b2],
  };
}

const fOf = (name: string) => {
  if (name === 'Identity') return (x: number) => x;
  const a = bindActivation(name, {});
  if (!a.ok) throw new Error(name);
  return (x: number) => a.value.f(x);
};

describe('```nonlinearity', () => {
  it('reads the documented defaults', () => {
    const o = parseOk(nonlinearityBlock, '', e);
    expect(o.activations.map((a) => a.spec.name)).toEqual(['Identity', 'ReLU', 'Tanh']);
    expect(o).toMatchObject({ data: 'xor', width: 8, points: 80, lr: 0.5, steps: 150, seed: 1 });
  });

  // What the reader sees for each `data` key.
  const DATA_NAMES = { xor: 'XOR', circles: 'two-circles', moons: 'two-moons', spiral: 'spiral' };
  const SEEDS = sweepLength(25);
  it.each(DATASETS)(`states only accuracies a hand count confirms, for ${SEEDS} seeds of %s`, (data) => {
    for (let seed = 0; seed < SEEDS; seed++) {
      const s = stateOf(`data: ${data}\nseed: ${seed}\nsteps: 60`);
      const v = nonlinearityBlock.view(s, e);
      const counted = ['Identity', 'ReLU', 'Tanh'].map((name, i) =>
        accuracy(fOf(name), netAt(s, i, 60), s.data.X, s.data.y),
      );
      const pct = counted.map((a) => formatNumber(100 * a, 3));
      // The Identity network is x·(W1·W2) + const: a straight boundary unless W1·W2 = 0.
      const id = netAt(s, 0, 60);
      const w = [0, 1].map((k) => id.W1[k].reduce((sum, v, j) => sum + v * id.W2[j][0], 0));
      expect(w.some((c) => c !== 0)).toBe(true);
      expect(v.summary).toBe(
        'Without an activation the network is one linear map, so its boundary is a straight line. ' +
          `Accuracy after 60 steps on the ${DATA_NAMES[data]} points: Identity ${pct[0]} %, ReLU ${pct[1]} %, Tanh ${pct[2]} %.`,
      );
      expect(v.charts.slice(0, 3).map((c) => c.x.title)).toEqual(
        ['Identity', 'ReLU', 'Tanh'].map((n, i) => `${n}: accuracy ${pct[i]} %`),
      );
    }
  });

  it('draws the same points, labels and plane as the seeded data; the maps as one image per panel', () => {
    const s = stateOf('');
    const v = nonlinearityBlock.view(s, e);
    const data = classifierData(1, 'xor', 80, 8);
    expect(s.data).toEqual(data);
    expect(v.charts.map((c) => c.panel ?? false)).toEqual([true, true, true, false]);
    for (const c of v.charts.slice(0, 3)) {
      expect(c.markers.map((m) => [m.x, m.y, m.shape])).toEqual(
        data.X.map(([x, y], i) => [x, y, data.y[i] ? 'dot' : 'ring']),
      );
      expect(c.image?.n).toBe(40);
      expect(c.image?.p).toHaveLength(1600);
    }
    // The loss chart has every step of every run.
    expect(v.charts[3].lines.map((l) => l.y.length)).toEqual([151, 151, 151]);
  });

  it('replays training with the step slider: the map is the network at that step, recomputed by hand at a grid point', () => {
    const s = nonlinearityBlock.control(stateOf(''), 'step', 10);
    const v = nonlinearityBlock.view(s, e);
    const tanh = fOf('Tanh');
    const net = netAt(s, 2, 10);
    // The map covers [−2.5, 2.5]² in 40 × 40 cells of 0.125: cell (row 0, column 0) is centred at (−2.4375, 2.4375).
    const [x0, x1] = [-2.5 + 0.0625, 2.5 - 0.0625];
    let logit = net.b2[0];
    for (let j = 0; j < 8; j++) logit += tanh(x0 * net.W1[0][j] + x1 * net.W1[1][j] + net.b1[j]) * net.W2[j][0];
    expect(v.charts[2].image?.p[0]).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);
    expect(v.summary).toContain('Accuracy after 10 steps');
    expect(v.charts[3].markers.map((m) => m.x)).toEqual([10, 10, 10]);
  });

  it('draws new data with the button, and speaks Chinese', () => {
    const s = stateOf('');
    const next = nonlinearityBlock.control(s, 'seed', 0);
    expect(next.data.X).not.toEqual(s.data.X);
    expect(next.step).toBe(150);
    const v = nonlinearityBlock.view(stateOf('', zh), zh);
    expect(v.summary).toMatch(
      /^没有激活函数时，整个网络是一个线性映射，决策边界只能是一条直线。训练 150 步后在 XOR 数据上的准确率：Identity [\d.]+%、ReLU [\d.]+%、Tanh [\d.]+%。$/,
    );
  });

  it('refuses nothing for time: every key at its maximum is a job that shows a progress bar', () => {
    const source = 'activations: Identity, ReLU, Tanh, GELU\nwidth: 64\npoints: 1000\nsteps: 5000';
    const s = stateOf(source);
    const job = nonlinearityBlock.job?.(s);
    // 4 runs × 5001 steps × 1000 points × 64 units: far past the progress bar's 200 ms at ~50 ns per unit.
    expect(job).toMatchObject({ kind: 'classifier', expectedMs: 4 * 5001 * 1000 * 64 * 5e-5 });
    expect(job?.expectedMs).toBeGreaterThan(PROGRESS_MS);
  });

  it('while training says what trains: a short job with words alone, a long one (progress bar) in an empty frame', () => {
    const short = nonlinearityBlock.placeholder?.(stateOf(''), e);
    expect(short?.charts).toEqual([]);
    expect(short?.summary).toBe('Training Identity, ReLU, Tanh…');
    expect(nonlinearityBlock.placeholder?.(stateOf('', zh), zh)?.summary).toBe('正在训练 Identity、ReLU、Tanh……');
    const long = nonlinearityBlock.placeholder?.(stateOf('width: 64\npoints: 1000\nsteps: 5000'), e);
    expect(long?.charts).toHaveLength(1);
    expect(long?.charts[0]).toMatchObject({ lines: [], markers: [], description: 'Training Identity, ReLU, Tanh…' });
    expect(long?.summary).toBe('Training Identity, ReLU, Tanh…');
  });
});
