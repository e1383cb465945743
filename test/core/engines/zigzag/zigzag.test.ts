/** Zig-zag: PyTorch's two reference runs, the per-sample definition, divergence and shapes. */
import { describe, expect, it } from 'vitest';
import { bindActivation } from '../../../../src/core/activations';
import { zigzag } from '../../../../src/core/engines/zigzag/zigzag';
import { zigzagData, zigzagOrder } from '../../../../src/core/engines/zigzag/data';
import { ShapeError } from '../../../../src/core/numeric/matrix';
import { closeTo, readReference } from '../../../helpers/reference';
import type { ZigzagCase } from '../../../helpers/reference-cases';

describe('zigzag.json', () => {
  const { cases } = readReference<{ cases: ZigzagCase[] }>('zigzag.json');
  it('has the sigmoid and tanh cases', () => expect(cases.map((c) => c.inputs)).toEqual(['sigmoid', 'tanh']));
  it.each(cases.map((c) => [c.inputs, c] as const))('%s', (_label, c) => {
    const run = zigzag(c);
    expect(run.divergedAt).toBeUndefined();
    expect(run.w).toHaveLength(c.steps + 1);
    const bad: string[] = [];
    for (let s = 0; s <= c.steps; s++) {
      for (const k of [0, 1])
        if (!closeTo(run.w[s][k], c.w[s][k], 1e-9, 1e-9)) bad.push(`w[${s}][${k}] ${run.w[s][k]} vs ${c.w[s][k]}`);
      if (!closeTo(run.loss[s], c.loss[s], 0, 1e-9)) bad.push(`loss[${s}] ${run.loss[s]} vs ${c.loss[s]}`);
    }
    expect(bad).toEqual([]);
    expect(run.updateSameSign).toEqual(c.update_same_sign);
    expect(run.perSampleSameSignFraction).toEqual(c.per_sample_same_sign_fraction);
  });
});

describe('zigzag on demo data', () => {
  const sigmoid = bindActivation('Sigmoid');
  const tanh = bindActivation('Tanh');
  if (!sigmoid.ok || !tanh.ok) throw new Error('registry');
  const settings = { w0: [-1.5, 0], lr: 1.8, steps: 40 };
  it('all-positive inputs make every per-sample gradient same-signed; tanh inputs do not', () => {
    const pos = zigzag({ ...zigzagData(2, { n: 32, inputs: sigmoid.value, w_star: [2, -1] }), ...settings });
    const cen = zigzag({ ...zigzagData(2, { n: 32, inputs: tanh.value, w_star: [2, -1] }), ...settings });
    expect(pos.perSampleSameSignFraction.every((v) => v === 1)).toBe(true);
    expect(cen.perSampleSameSignFraction[0]).toBeLessThan(0.9);
    expect(cen.loss[40]).toBeLessThan(pos.loss[40]);
  });
  it('counts k/n literally: a sample with y = t or a zero input is not same-signed', () => {
    const run = zigzag({
      x: [
        [1, 2],
        [0, 1],
        [1, 1],
        [-1, 2],
      ],
      t: [3, 1, 0, 0],
      w0: [1, 1],
      lr: 0.1,
      steps: 1,
    });
    // residuals: 0, 0, 2, 1 → samples 2 (x0·x1 > 0) counts; sample 3 has mixed signs.
    expect(run.perSampleSameSignFraction).toEqual([1 / 4]);
  });
  it("a per-sample gradient with one zero component is not same-signed, whatever the other one's sign", () => {
    // Hand computation at w = (0, 1): sample 0, x = (0, 1), t = 2: e = −1, gradient 2e·x = (0, −2) — a zero component;
    // sample 1, x = (1, 1), t = 0: e = 1, gradient (2, 2) — same-signed. So k/n = 1/2.
    const run = zigzag({
      x: [
        [0, 1],
        [1, 1],
      ],
      t: [2, 0],
      w0: [0, 1],
      lr: 0.1,
      steps: 1,
    });
    expect(run.perSampleSameSignFraction).toEqual([1 / 2]);
  });
  it('an update with a zero component is not same-signed: at the optimum nothing moves and nothing zig-zags', () => {
    // t = x·w0 exactly (small integers): every residual is 0, every gradient (0, 0), every update −lr·0.
    const still = zigzag({
      x: [
        [1, 2],
        [3, 1],
      ],
      t: [5, 5],
      w0: [1, 2],
      lr: 0.5,
      steps: 4,
    });
    expect(still.loss).toEqual([0, 0, 0, 0, 0]);
    expect(still.updates.every(([u0, u1]) => u0 === 0 && u1 === 0)).toBe(true);
    expect(still.updateSameSign).toEqual([false, false, false, false]);
    expect(still.perSampleSameSignFraction).toEqual([0, 0, 0, 0]);
    // Inputs with x₂ = 0: the gradient's second component is exactly 0 and the first is not (by hand, at w = (1, 1):
    // residuals 1 and 2, ∂loss/∂w₁ = (2·1·1 + 2·2·2)/2 = 5, so u = (−0.5, −0)).
    const flat = zigzag({
      x: [
        [1, 0],
        [2, 0],
      ],
      t: [0, 0],
      w0: [1, 1],
      lr: 0.1,
      steps: 1,
    });
    expect(flat.updates[0][0]).toBeCloseTo(-0.5, 15);
    expect(flat.updates[0][1] === 0).toBe(true); // −0.1·0 = −0
    expect(flat.updateSameSign).toEqual([false]);
  });
  it('stops before a non-finite loss; update arrays stay one shorter than w', () => {
    const run = zigzag({
      x: [
        [1, 1],
        [2, 1],
      ],
      t: [0, 0],
      w0: [1, 1],
      lr: 1e3,
      steps: 500,
    });
    expect(run.divergedAt).toBeGreaterThan(1);
    expect(run.w).toHaveLength(run.divergedAt!);
    expect(run.loss).toHaveLength(run.divergedAt!);
    expect(run.updateSameSign).toHaveLength(run.divergedAt! - 1);
    expect(run.perSampleSameSignFraction).toHaveLength(run.divergedAt! - 1);
    expect(run.loss.every(Number.isFinite)).toBe(true);
  });
  it.each([
    ['x with 3 columns', { x: [[1, 2, 3]], t: [1], w0: [0, 0] }, /2 columns/],
    ['t length', { x: [[1, 2]], t: [1, 2], w0: [0, 0] }, /t must have 1 entries/],
    ['w0 length', { x: [[1, 2]], t: [1], w0: [0] }, /w0 must have 2 entries/],
  ])('rejects %s', (_label, input, message) => {
    expect(() => zigzag({ ...input, lr: 0.1, steps: 2 })).toThrow(ShapeError);
    expect(() => zigzag({ ...input, lr: 0.1, steps: 2 })).toThrow(message);
  });
  it("SGD with batch 1: each update is one sample's step, −lr·2(x_i·w − t_i)·x_i, in the given order", () => {
    const x = [
      [1, 2],
      [0.5, -1],
      [2, 1],
    ];
    const t = [1, 0, 2];
    const order = [2, 0, 1, 1];
    const run = zigzag({ x, t, w0: [0.3, -0.2], lr: 0.1, steps: 4, order });
    let w = [0.3, -0.2];
    order.forEach((i, s) => {
      const e = x[i][0] * w[0] + x[i][1] * w[1] - t[i];
      w = [w[0] - 0.1 * 2 * e * x[i][0], w[1] - 0.1 * 2 * e * x[i][1]];
      expect(run.w[s + 1][0]).toBeCloseTo(w[0], 14);
      expect(run.w[s + 1][1]).toBeCloseTo(w[1], 14);
      expect(run.updates[s][0]).toBeCloseTo(-0.1 * 2 * e * x[i][0], 14);
    });
    expect(() => zigzag({ x, t, w0: [0, 0], lr: 0.1, steps: 2, order: [0, 3] })).toThrow(/order/);
    expect(() => zigzag({ x, t, w0: [0, 0], lr: 0.1, steps: 3, order: [0, 1] })).toThrow(/order/);
  });
  it('SGD order: every epoch a permutation of the samples; more steps keep the earlier order', () => {
    const order = zigzagOrder(5, { n: 7, steps: 30 });
    for (let e = 0; e < 4; e++) expect(order.slice(7 * e, 7 * e + 7).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(zigzagOrder(5, { n: 7, steps: 12 })).toEqual(order.slice(0, 12));
    expect(zigzagOrder(6, { n: 7, steps: 30 })).not.toEqual(order);
  });
});
