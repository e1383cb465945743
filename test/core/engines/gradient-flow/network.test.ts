/** Gradient flow: PyTorch's reference cases, a naive backprop checked by finite differences, shapes, and the demo. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bindActivation, type Activation, type ParamValue } from '../../../../src/core/activations';
import { gradientFlow, gradientFlowFlat } from '../../../../src/core/engines/gradient-flow/network';
import { gradientFlowData } from '../../../../src/core/engines/gradient-flow/data';
import { gradientFlowDemo } from '../../../../src/core/engines/gradient-flow/demo';
import { ShapeError, productFrobeniusNorm } from '../../../../src/core/numeric/matrix';
import { createRandom } from '../../../../src/core/numeric/random';
import { closeTo, readReference } from '../../../helpers/reference';
import type { GradflowCase } from '../../../helpers/reference-cases';

function act(name: string, params: Record<string, ParamValue> = {}): Activation {
  const r = bindActivation(name, params);
  if (!r.ok) throw new Error(`cannot bind ${name}: ${JSON.stringify(r.problem)}`);
  return r.value;
}

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('gradflow.json', () => {
  const { cases } = readReference<{ cases: GradflowCase[] }>('gradflow.json');
  it('has the 20 documented cases', () => expect(cases.length).toBe(20));
  it.each(cases.map((c) => [`${c.activation} ${c.init} depth ${c.depth}`, c] as const))('%s', (_label, c) => {
    const got = gradientFlow({
      activation: act(c.activation, c.params),
      weights: c.weights,
      biases: c.biases,
      inputs: c.inputs,
    });
    const pairs: [string, number, number][] = [['loss', got.loss, c.loss]];
    for (let l = 0; l < c.depth; l++) {
      pairs.push([`gradWNorm[${l}]`, got.gradWNorm[l], c.grad_w_norm[l]]);
      pairs.push([`gradBNorm[${l}]`, got.gradBNorm[l], c.grad_b_norm[l]]);
      pairs.push([`gradHMeanAbs[${l}]`, got.gradHMeanAbs[l], c.grad_h_mean_abs[l]]);
    }
    const bad = pairs
      .filter(([, a, b]) => !closeTo(a, b, 0, 1e-6))
      .map(([k, a, b]) => `${k}: ${a} vs ${b} (rel ${relErr(a, b)})`);
    expect(bad).toEqual([]);
    expect(got.gradHMeanAbs[c.depth - 1]).toBe(1);
  });
});

/** Plain nested-array backprop, written for clarity: full ∂loss/∂W_l, ∂loss/∂b_l and ∂loss/∂h_l. */
function naiveBackprop(a: Activation, W: number[][][], b: number[][], X: number[][], loss = false) {
  const hs = [X];
  const zs: number[][][] = [];
  for (let l = 0; l < W.length; l++) {
    const z = hs[l].map((row) => b[l].map((bj, j) => row.reduce((s, v, i) => s + v * W[l][i][j], 0) + bj));
    zs.push(z);
    hs.push(z.map((row) => row.map((v) => a.f(v))));
  }
  const out = hs[W.length];
  const value = out.flat().reduce((s, v) => s + v, 0);
  if (loss) return { loss: value, dW: [], db: [], dh: [] };
  const dW: number[][][] = [];
  const db: number[][] = [];
  const dh: number[][][] = [];
  let g = out.map((row) => row.map(() => 1));
  for (let l = W.length - 1; l >= 0; l--) {
    dh[l] = g;
    const gz = g.map((row, r) => row.map((v, j) => v * a.df(zs[l][r][j])));
    dW[l] = W[l].map((wi, i) => wi.map((_, j) => gz.reduce((s, row, r) => s + hs[l][r][i] * row[j], 0)));
    db[l] = b[l].map((_, j) => gz.reduce((s, row) => s + row[j], 0));
    g = hs[l].map((row, r) => row.map((_, i) => gz[r].reduce((s, v, j) => s + v * W[l][i][j], 0)));
  }
  return { loss: value, dW, db, dh };
}

/** A random network with the given widths (widths[0] = input width). */
function randomNet(seed: number, widths: number[], batch: number) {
  const rng = createRandom(seed);
  const W = widths
    .slice(1)
    .map((n, l) => Array.from({ length: widths[l] }, () => Array.from({ length: n }, () => rng.normal(0, 0.8))));
  const b = widths.slice(1).map((n) => Array.from({ length: n }, () => rng.uniform(-0.5, 0.5)));
  const X = Array.from({ length: batch }, () => Array.from({ length: widths[0] }, () => rng.normal(0, 1)));
  return { W, b, X };
}

const frob = (m: number[][]) => Math.sqrt(m.flat().reduce((s, v) => s + v * v, 0));
const meanAbs = (m: number[][]) => m.flat().reduce((s, v) => s + Math.abs(v), 0) / m.flat().length;

describe.each(['Sigmoid', 'Tanh', 'GELU', 'SiLU'])('%s: backprop against central differences', (name) => {
  const a = act(name);
  const { W, b, X } = randomNet(7, [4, 4, 4, 4], 2);
  const naive = naiveBackprop(a, W, b, X);
  const lossAt = () => naiveBackprop(a, W, b, X, true).loss;
  const h = 1e-6;
  const central = (arr: number[], k: number) => {
    const keep = arr[k];
    arr[k] = keep + h;
    const up = lossAt();
    arr[k] = keep - h;
    const down = lossAt();
    arr[k] = keep;
    return (up - down) / (2 * h);
  };

  it.each([0, 1, 2])('layer %i: every ∂loss/∂W and ∂loss/∂b entry', (l) => {
    for (let i = 0; i < W[l].length; i++) {
      for (let j = 0; j < W[l][i].length; j++) expect(naive.dW[l][i][j]).toBeCloseTo(central(W[l][i], j), 7);
    }
    for (let j = 0; j < b[l].length; j++) expect(naive.db[l][j]).toBeCloseTo(central(b[l], j), 7);
  });

  it('engine norms equal the naive gradients’ norms', () => {
    const got = gradientFlow({ activation: a, weights: W, biases: b, inputs: X });
    expect(got.loss).toBeCloseTo(naive.loss, 12);
    for (let l = 0; l < 3; l++) {
      expect(relErr(got.gradWNorm[l], frob(naive.dW[l]))).toBeLessThan(1e-12);
      expect(relErr(got.gradBNorm[l], frob([naive.db[l]]))).toBeLessThan(1e-12);
      expect(relErr(got.gradHMeanAbs[l], meanAbs(naive.dh[l]))).toBeLessThan(1e-12);
    }
  });
});

describe('uneven shapes (kernel edges, Gram and explicit weight-gradient paths)', () => {
  it.each([
    [[3, 5, 7, 2], 5],
    [[16, 16, 16], 2],
    [[6, 9, 13, 1], 11],
    [[1, 1], 1],
  ])('widths %j, batch %i', (widths, batch) => {
    const a = act('Tanh');
    const { W, b, X } = randomNet(3, widths, batch);
    const naive = naiveBackprop(a, W, b, X);
    const got = gradientFlow({ activation: a, weights: W, biases: b, inputs: X });
    expect(relErr(got.loss, naive.loss)).toBeLessThan(1e-12);
    for (let l = 0; l < W.length; l++) {
      expect(relErr(got.gradWNorm[l], frob(naive.dW[l]))).toBeLessThan(1e-12);
      expect(relErr(got.gradHMeanAbs[l], meanAbs(naive.dh[l]))).toBeLessThan(1e-12);
    }
  });

  it('weight-gradient norm equals the explicit product’s norm on random shapes (both code paths)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer(),
        (n, p, q, seed) => {
          const rng = createRandom(seed);
          const P = new Float64Array(n * p);
          const G = new Float64Array(n * q);
          rng.fillNormal(P, 0, P.length, 0.3, 1);
          rng.fillNormal(G, 0, G.length, 0, 1e-3);
          let s = 0;
          for (let i = 0; i < p; i++) {
            for (let j = 0; j < q; j++) {
              let d = 0;
              for (let b = 0; b < n; b++) d += P[b * p + i] * G[b * q + j];
              s += d * d;
            }
          }
          const got = productFrobeniusNorm(P, 0, G, 0, n, p, q, new Float64Array(Math.max(p * q, 2 * n * n)));
          expect(relErr(got, Math.sqrt(s))).toBeLessThan(1e-11);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('weight-gradient norm survives cancellation and tiny magnitudes', () => {
    const n = 4,
      p = 16,
      q = 16;
    const P = new Float64Array(n * p).fill(1); // identical rows: ‖Σ_b p_b g_bᵀ‖ = ‖Σ_b g_b‖·‖p‖
    const G = new Float64Array(n * q);
    for (let j = 0; j < q; j++) {
      G[j] = 1;
      G[q + j] = -1;
      G[2 * q + j] = 1e-9;
      G[3 * q + j] = 2e-9;
    }
    const scratch = new Float64Array(p * q);
    expect(relErr(productFrobeniusNorm(P, 0, G, 0, n, p, q, scratch), 3e-9 * 16)).toBeLessThan(1e-12);
    G.forEach((v, k) => (G[k] = v * 1e-200));
    expect(relErr(productFrobeniusNorm(P, 0, G, 0, n, p, q, scratch), 3e-209 * 16)).toBeLessThan(1e-12);
    G.fill(0);
    expect(productFrobeniusNorm(P, 0, G, 0, n, p, q, scratch)).toBe(0);
  });
});

describe('a layer computed in chunks of rows', () => {
  // W_1 is 1024 × 256: 2¹⁸ products per sample, so STEP_MACS = 2²⁰ allows 4 rows per step and the batch of 8
  // goes in two chunks; the second must read inputs 4..7 and write its z, h and f′(z) rows 4..7.
  it('gives the naive backprop’s statistics', () => {
    const a = act('Tanh');
    const { W, b, X } = randomNet(5, [1024, 256, 3], 8);
    const naive = naiveBackprop(a, W, b, X);
    const got = gradientFlow({ activation: a, weights: W, biases: b, inputs: X });
    expect(relErr(got.loss, naive.loss)).toBeLessThan(1e-12);
    for (let l = 0; l < W.length; l++) {
      expect(relErr(got.gradWNorm[l], frob(naive.dW[l]))).toBeLessThan(1e-12);
      expect(relErr(got.gradBNorm[l], frob([naive.db[l]]))).toBeLessThan(1e-12);
      expect(relErr(got.gradHMeanAbs[l], meanAbs(naive.dh[l]))).toBeLessThan(1e-12);
    }
  });
});

describe('shape validation', () => {
  const a = act('ReLU');
  const { W, b, X } = randomNet(1, [3, 4, 2], 2);
  it.each([
    ['inputs width ≠ W_1 rows', { weights: W, biases: b, inputs: X.map((r) => r.slice(1)) }, /weights\[0\] has 3 rows/],
    ['ragged inputs', { weights: W, biases: b, inputs: [X[0], X[1].slice(1)] }, /inputs\[1\]/],
    [
      'W_2 rows ≠ width of layer 1',
      { weights: [W[0], W[1].slice(1)], biases: b, inputs: X },
      /weights\[1\] has 3 rows/,
    ],
    ['bias length', { weights: W, biases: [b[0], [1]], inputs: X }, /biases\[1\] must have 2 entries/],
    ['one bias vector missing', { weights: W, biases: [b[0]], inputs: X }, /one vector per layer/],
    ['no layers', { weights: [], biases: [], inputs: X }, /weights must hold at least one layer/],
    ['weights not a list', { weights: null as never, biases: b, inputs: X }, /weights must hold at least one layer/],
    [
      'biases not a list',
      { weights: W, biases: null as never, inputs: X },
      /one vector per layer \(2\), got undefined/,
    ],
    ['ragged W_2', { weights: [W[0], [W[1][0], [1]]], biases: b, inputs: X }, /weights\[1\]\[1\] must have 2 entries/],
    ['empty batch', { weights: W, biases: b, inputs: [] }, /non-empty/],
  ])('%s', (_label, net, message) => {
    expect(() => gradientFlow({ activation: a, ...net })).toThrow(ShapeError);
    expect(() => gradientFlow({ activation: a, ...net })).toThrow(message);
  });
  it('flat form checks totals', () => {
    const net = {
      widths: [2, 2],
      batch: 1,
      weights: new Float64Array(3),
      biases: new Float64Array(2),
      inputs: new Float64Array(2),
    };
    expect(() => gradientFlowFlat(a, net)).toThrow(/weights hold 3 numbers, expected 4/);
  });
  const flat = (widths: number[], batch: number, nW: number, nB: number, nX: number) => ({
    widths,
    batch,
    weights: new Float64Array(nW),
    biases: new Float64Array(nB),
    inputs: new Float64Array(nX),
  });
  it.each([
    // Totals consistent with the sizes each time, so only the named check can refuse them.
    ['no layer', flat([2], 1, 0, 0, 2), /need at least one layer and one sample/],
    ['no sample', flat([2, 2], 0, 4, 2, 0), /need at least one layer and one sample/],
    ['a zero width', flat([2, 0], 1, 0, 0, 2), /widths must be positive integers, got 2, 0/],
    ['a fractional width', flat([2, 1.5], 1, 3, 1.5, 2), /widths must be positive integers, got 2, 1.5/],
    ['bias total', flat([2, 2], 1, 4, 1, 2), /biases hold 1 numbers, expected 2/],
  ])('flat form refuses %s', (_label, net, message) => {
    expect(() => gradientFlowFlat(a, net)).toThrow(ShapeError);
    expect(() => gradientFlowFlat(a, net)).toThrow(message);
  });
});

describe('gradientFlowDemo', () => {
  const a = act('GELU');
  const settings = { activation: a, depth: 12, width: 16, batch: 8, init: 'he_normal' as const, seed: 5 };
  it('is deterministic for a seed and changes with it', () => {
    const first = gradientFlowDemo(settings);
    gradientFlowDemo({ ...settings, seed: 6, depth: 30 }); // another draw in the cache, deeper
    expect(gradientFlowDemo(settings)).toEqual(first);
    // The cached network is the one a fresh draw gives, also when it is the prefix of a deeper draw.
    gradientFlowDemo({ ...settings, depth: 30 });
    const fresh = gradientFlowFlat(a, gradientFlowData(5, { depth: 12, width: 16, batch: 8, init: 'he_normal' }));
    expect(gradientFlowDemo(settings).gradWNorm).toEqual(fresh.gradWNorm);
    expect(gradientFlowDemo({ ...settings, seed: 6 }).loss).not.toBe(first.loss);
    expect(first).toMatchObject({ depth: 12, width: 16, batch: 8, init: 'he_normal', seed: 5 });
    expect(first.gradWNorm).toHaveLength(12);
    expect(first.gradHMeanAbs[11]).toBe(1);
  });
  it('takes the init from the family when none is given', () => {
    const { init: _omit, ...rest } = settings;
    expect(gradientFlowDemo({ ...rest, family: 'saturating' }).init).toBe('xavier_uniform');
    expect(gradientFlowDemo({ ...rest, family: 'relu' }).init).toBe('he_normal');
    expect(() => gradientFlowDemo(rest)).toThrow(/init or family/);
  });
  it('shows vanishing gradients for deep Sigmoid nets and steadier flow for ReLU with He init', () => {
    const base = { depth: 30, width: 32, batch: 8, seed: 1 };
    const sig = gradientFlowDemo({ ...base, activation: act('Sigmoid'), init: 'xavier_uniform' });
    const relu = gradientFlowDemo({ ...base, activation: act('ReLU'), init: 'he_normal' });
    expect(sig.gradWNorm[0] / sig.gradWNorm[29]).toBeLessThan(1e-6);
    expect(relu.gradWNorm[0] / relu.gradWNorm[29]).toBeGreaterThan(1e-2);
  });
});
