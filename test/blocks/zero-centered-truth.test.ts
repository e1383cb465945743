/**
 * Every sentence the ```zero-centered summary shows, checked against the run it describes over 60 seeds and
 * the slider ranges: numbers re-derived here by a direct descent loop and closed-form eigenvalues of xᵀx/n.
 */
import { describe, expect, it } from 'vitest';
import { zeroCenteredBlock } from '../../src/blocks/zero-centered';
import { bindActivation } from '../../src/core/activations';
import { zigzagData, zigzagOrder } from '../../src/core/engines/zigzag/data';
import { env, parseOk } from './fixtures';
import { sweepLength } from '../helpers/property-runs';

const SEEDS = Array.from({ length: sweepLength(60) }, (_, i) => i);
const W0: [number, number] = [-1.5, 0];
const W_STAR: [number, number] = [2, -1];
const fOf = (name: string) => {
  const a = bindActivation(name);
  if (!a.ok) throw new Error(name);
  const act = a.value;
  return (z: number) => act.f(z);
};
const INPUTS = { Sigmoid: fOf('Sigmoid'), Tanh: fOf('Tanh') };
const num = (s: string) => (s === '∞' ? Infinity : Number(s.replace(/−/g, '-')));
/** Shown with 3 significant digits: equal to within rounding. */
const near = (shown: string, truth: number) =>
  truth === Infinity ? shown === '∞' : Math.abs(num(shown) - truth) <= 5e-3 * Math.abs(truth) + 1e-12;

/** Eigenvalues of the symmetric 2 × 2 matrix xᵀx/n, by the characteristic polynomial. */
function eigen(x: number[][]): [number, number] {
  const n = x.length;
  const a = x.reduce((s, r) => s + r[0] * r[0], 0) / n;
  const b = x.reduce((s, r) => s + r[0] * r[1], 0) / n;
  const d = x.reduce((s, r) => s + r[1] * r[1], 0) / n;
  const mid = (a + d) / 2;
  const rad = Math.sqrt(((a - d) / 2) ** 2 + b * b);
  return [mid + rad, (a * d - b * b) / (mid + rad)]; // λ₂ = det/λ₁: no cancellation
}

/** The descent, written out plainly: full batch or one sample per step; stops before a non-finite loss. */
function descend(x: number[][], t: number[], lr: number, steps: number, order?: number[]) {
  const n = x.length;
  const loss = (w: number[]) => x.reduce((s, r, i) => s + (r[0] * w[0] + r[1] * w[1] - t[i]) ** 2, 0) / n;
  const w: number[][] = [W0.slice()];
  const ups: number[][] = [];
  let divergedAt: number | undefined;
  for (let s = 0; s < steps; s++) {
    const [w1, w2] = w[s];
    let g = [0, 0];
    const grad = (i: number) => {
      const e = x[i][0] * w1 + x[i][1] * w2 - t[i];
      return [2 * e * x[i][0], 2 * e * x[i][1]];
    };
    if (order) g = grad(order[s]);
    else for (let i = 0; i < n; i++) g = [g[0] + grad(i)[0] / n, g[1] + grad(i)[1] / n];
    const next = [w1 - lr * g[0], w2 - lr * g[1]];
    if (!Number.isFinite(loss(next))) {
      divergedAt = s + 1;
      break;
    }
    w.push(next);
    ups.push([-lr * g[0], -lr * g[1]]);
  }
  const dist = (p: number[]) => Math.hypot(p[0] - W_STAR[0], p[1] - W_STAR[1]);
  const lengths = ups.map((u) => Math.hypot(u[0], u[1]));
  const half = lengths.slice(Math.floor(lengths.length / 2));
  return {
    divergedAt,
    updates: ups.length,
    final: dist(w[w.length - 1]),
    start: dist(w[0]),
    same: ups.filter((u) => u[0] * u[1] > 0).length,
    turns: ups.slice(1).filter((u, s) => u[0] * ups[s][0] + u[1] * ups[s][1] < 0).length,
    grow: half.length >= 2 && half.every((l, k) => k === 0 || l > half[k - 1]),
  };
}

const KIND = String.raw`(All-positive|Zero-centred) inputs \((Sigmoid|Tanh)\): (\d+) of (\d+) samples' gradients have two same-sign components \(both weights rise or both fall\); condition number κ = ([^,.]+(?:\.\d+)?)(?:, stable for lr < ([\d.]+))?\.`;
const PATH = String.raw`After (\d+) steps w is (\S+) from w\*; (\d+) of (\d+) updates were same-sign, (\d+) turned more than 90°( \(zig-zag\))?\.`;
const AWAY = String.raw`It ends farther from w\* than it started(, its steps growing)?(: lr (\S+) ≥ the limit (\S+))?\.`;
const DIVERGED = String.raw`The loss overflows: diverged at step (\d+)\.`;

function check(source: string, seed: number, lr: number, steps: number, optimizer: 'gd' | 'sgd'): number {
  const e = env();
  const view = zeroCenteredBlock.view(zeroCenteredBlock.init(parseOk(zeroCenteredBlock, source, e), e), e);
  let rest = view.summary ?? '';
  const take = (pattern: string): RegExpMatchArray | null => {
    const m = new RegExp(`^${pattern} ?`).exec(rest);
    if (m) rest = rest.slice(m[0].length);
    return m;
  };
  const head = take(
    optimizer === 'gd'
      ? String.raw`Full-batch gradient descent, lr (\S+); w₀ is (\S+) from w\*\.`
      : String.raw`SGD, batch 1 \(one sample per update, shuffled\), lr (\S+); w₀ is (\S+) from w\*\.`,
  );
  expect(head, view.summary).not.toBeNull();
  expect(num(head![1])).toBe(lr);
  expect(near(head![2], Math.hypot(3.5, 1))).toBe(true);
  const order = optimizer === 'sgd' ? zigzagOrder(seed, { n: 32, steps }) : undefined;
  let sentences = 1;
  for (const [name, f] of Object.entries(INPUTS)) {
    const { x, t } = zigzagData(seed, { n: 32, inputs: { f }, w_star: W_STAR });
    const k = take(KIND);
    expect(k, `${name}: ${rest}`).not.toBeNull();
    const [l1, l2] = eigen(x);
    const truth = descend(x, t, lr, steps, order);
    const sameSamples = x.filter((r) => r[0] * r[1] > 0).length;
    expect([k![1], k![2], Number(k![3]), Number(k![4])]).toEqual([
      name === 'Sigmoid' ? 'All-positive' : 'Zero-centred',
      name,
      sameSamples,
      32,
    ]);
    expect(near(k![5], l1 / l2), `κ ${k![5]} vs ${l1 / l2}`).toBe(true);
    if (optimizer === 'gd') expect(near(k![6], 1 / l1)).toBe(true);
    else expect(k![6]).toBeUndefined();
    sentences++;
    if (truth.divergedAt !== undefined) {
      expect(Number(take(DIVERGED)?.[1])).toBe(truth.divergedAt);
      sentences++;
      continue;
    }
    const p = take(PATH);
    expect(p, rest).not.toBeNull();
    expect([Number(p![1]), Number(p![3]), Number(p![4]), Number(p![5]), p![6] !== undefined]).toEqual([
      truth.updates,
      truth.same,
      truth.updates,
      truth.turns,
      truth.turns >= 2,
    ]);
    expect(near(p![2], truth.final)).toBe(true);
    sentences++;
    const away = take(AWAY);
    expect(away !== null).toBe(truth.final > truth.start);
    if (away) {
      expect(away[1] !== undefined).toBe(truth.grow);
      // Blamed on lr only when it really is at or above 1/λ_max.
      expect(away[2] !== undefined).toBe(optimizer === 'gd' && lr >= 1 / l1);
      sentences++;
    }
  }
  expect(rest).toBe('');
  return sentences;
}

describe('every sentence of the ```zero-centered summary is true of the run it describes', () => {
  it('at the defaults, for 60 seeds, both optimizers', () => {
    for (const seed of SEEDS)
      for (const optimizer of ['gd', 'sgd'] as const)
        check(`seed: ${seed}\noptimizer: ${optimizer}`, seed, 0.9, 40, optimizer);
  }, 60_000);

  it('over the slider ranges of lr (0.01–3) and steps (1–100), including unstable and diverging runs', () => {
    let away = 0;
    for (const seed of SEEDS.slice(0, sweepLength(50))) {
      for (const lr of [0.01, 0.5, 1.9, 2.2, 3])
        for (const steps of [1, 7, 100])
          for (const optimizer of ['gd', 'sgd'] as const) {
            if (
              check(`seed: ${seed}\nlr: ${lr}\nsteps: ${steps}\noptimizer: ${optimizer}`, seed, lr, steps, optimizer) >
              5
            )
              away++;
          }
    }
    expect(away).toBeGreaterThan(0); // the "ends farther" sentence was exercised
    check('seed: 3\nlr: 10\nsteps: 1000', 3, 10, 1000, 'gd');
  }, 60_000);

  it('in Chinese, with the same numbers in the same order', () => {
    const e = env('zh');
    const view = zeroCenteredBlock.view(zeroCenteredBlock.init(parseOk(zeroCenteredBlock, 'seed: 7', e), e), e);
    const en = zeroCenteredBlock.view(
      zeroCenteredBlock.init(parseOk(zeroCenteredBlock, 'seed: 7', env()), env()),
      env(),
    );
    const numbers = (s: string) => (s.replace(/w₀|w\*|w₁|w₂|90°|以 0 为中心/g, '').match(/\d+(\.\d+)?/g) ?? []).sort();
    expect(numbers(view.summary ?? '')).toEqual(numbers(en.summary ?? ''));
    expect(view.summary).toMatch(
      /^全批量梯度下降，学习率 0\.9；w₀ 与 w\* 相距 3\.64。全为正的输入（Sigmoid）：32 个样本中有 32 个的梯度两个分量同号（两个权重同增或同减）；/,
    );
  });
});
