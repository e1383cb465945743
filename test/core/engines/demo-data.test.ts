/**
 * Seeded demo data: shapes, determinism, and that each draw follows the README's recipe. Each draw is made in
 * the tests (beforeEach), not while the file loads: mutation testing activates a mutant only inside tests.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { bindActivation } from '../../../src/core/activations';
import { deadReluData } from '../../../src/core/engines/dead-relu/data';
import { gradientFlowData } from '../../../src/core/engines/gradient-flow/data';
import { zigzagData } from '../../../src/core/engines/zigzag/data';
import { createRandom } from '../../../src/core/numeric/random';

const std = (v: ArrayLike<number>) => {
  const a = Array.from(v);
  const m = a.reduce((s, x) => s + x, 0) / a.length;
  return Math.sqrt(a.reduce((s, x) => s + (x - m) ** 2, 0) / a.length);
};

describe('gradientFlowData', () => {
  const shape = { depth: 6, width: 32, batch: 64, init: 'xavier_normal' as const };
  let net: ReturnType<typeof gradientFlowData>;
  beforeEach(() => {
    net = gradientFlowData(4, shape);
  });
  it('has the flat shapes gradientFlowFlat expects', () => {
    expect(net.widths).toEqual([32, 32, 32, 32, 32, 32, 32]);
    expect(net.batch).toBe(64);
    expect(net.weights).toHaveLength(6 * 32 * 32);
    expect(net.biases).toHaveLength(6 * 32);
    expect(net.inputs).toHaveLength(64 * 32);
  });
  it('draws inputs N(0, 1), biases U(−0.1, 0.1) and weights by init', () => {
    expect(std(net.inputs)).toBeGreaterThan(0.93);
    expect(std(net.inputs)).toBeLessThan(1.07);
    expect(net.biases.every((b) => b >= -0.1 && b < 0.1)).toBe(true);
    expect(std(net.weights) / Math.sqrt(2 / 64)).toBeCloseTo(1, 1);
  });
  it('is deterministic, and a deeper net keeps the batch and the existing layers', () => {
    expect(gradientFlowData(4, shape)).toEqual(net);
    const deeper = gradientFlowData(4, { ...shape, depth: 9 });
    expect(deeper.inputs).toEqual(net.inputs);
    expect(deeper.weights.subarray(0, net.weights.length)).toEqual(net.weights);
    expect(deeper.biases.subarray(0, net.biases.length)).toEqual(net.biases);
    expect(gradientFlowData(5, shape).inputs).not.toEqual(net.inputs);
  });
  it('rejects non-positive sizes', () => {
    expect(() => gradientFlowData(1, { ...shape, depth: 0 })).toThrow(/depth/);
    expect(() => gradientFlowData(1, { ...shape, width: 2.5 })).toThrow(/width/);
  });
});

describe('deadReluData', () => {
  let data: ReturnType<typeof deadReluData>;
  beforeEach(() => {
    data = deadReluData(8, { n: 4000, width: 500 });
  });
  it('has the deadRelu shapes', () => {
    expect(data.X).toHaveLength(4000);
    expect(data.X[0]).toHaveLength(2);
    expect(data.t).toHaveLength(4000);
    expect(data.W1).toHaveLength(2);
    expect(data.W1[0]).toHaveLength(500);
    expect(data.b1).toHaveLength(500);
    expect(data.W2).toHaveLength(500);
    expect(data.W2[0]).toHaveLength(1);
    expect(data.b2).toHaveLength(1);
  });
  it('follows the recipe: X ~ U(−2, 2), t = sin 2x0 + x1/2 + N(0, 0.05²), W1 ~ N(0, 1), W2 ~ N(0, 1/width)', () => {
    expect(data.X.flat().every((v) => v >= -2 && v < 2)).toBe(true);
    const noise = data.t.map((t, i) => t - Math.sin(2 * data.X[i][0]) - 0.5 * data.X[i][1]);
    expect(std(noise) / 0.05).toBeCloseTo(1, 1);
    expect(std(data.W1.flat())).toBeCloseTo(1, 1);
    expect(std(data.W2.flat()) * Math.sqrt(500)).toBeCloseTo(1, 1);
    expect([...data.b1, ...data.b2].every((b) => b >= -0.1 && b < 0.1)).toBe(true);
  });
  it('is deterministic for a seed', () => {
    expect(deadReluData(8, { n: 10, width: 3 })).toEqual(deadReluData(8, { n: 10, width: 3 }));
    expect(deadReluData(9, { n: 10, width: 3 }).X).not.toEqual(deadReluData(8, { n: 10, width: 3 }).X);
  });
  it('is the documented recipe, draw for draw: X row by row, then each target with its noise, then the weights', () => {
    // A second implementation of the recipe in data.ts's comment, from the same seeded stream.
    const rng = createRandom(5);
    const X = Array.from({ length: 3 }, () => [rng.uniform(-2, 2), rng.uniform(-2, 2)]);
    const t = X.map(([x0, x1]) => Math.sin(2 * x0) + 0.5 * x1 + rng.normal(0, 0.05));
    const W1 = Array.from({ length: 2 }, () => [rng.normal(0, 1), rng.normal(0, 1)]);
    const b1 = [rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)];
    const W2 = [[rng.normal(0, Math.sqrt(1 / 2))], [rng.normal(0, Math.sqrt(1 / 2))]];
    const b2 = [rng.uniform(-0.1, 0.1)];
    expect(deadReluData(5, { n: 3, width: 2 })).toEqual({ X, t, W1, b1, W2, b2 });
  });
  it('refuses a count that is not a positive integer, naming it', () => {
    expect(() => deadReluData(1, { n: 0, width: 2 })).toThrow('deadReluData: n must be a positive integer, got 0');
    expect(() => deadReluData(1, { n: 4, width: 1.5 })).toThrow(
      'deadReluData: width must be a positive integer, got 1.5',
    );
  });
  it('rejects d other than 2', () => {
    expect(() => deadReluData(1, { n: 4, width: 2, d: 3 as 2 })).toThrow(/d must be 2/);
  });
});

describe('zigzagData', () => {
  const sigmoid = bindActivation('Sigmoid');
  const tanh = bindActivation('Tanh');
  if (!sigmoid.ok || !tanh.ok) throw new Error('registry');
  let pos: ReturnType<typeof zigzagData>;
  let cen: ReturnType<typeof zigzagData>;
  beforeEach(() => {
    pos = zigzagData(2, { n: 2000, inputs: sigmoid.value, w_star: [2, -1] });
    cen = zigzagData(2, { n: 2000, inputs: tanh.value, w_star: [2, -1] });
  });
  it('draws z ~ N(0, 0.3²), shared by both input kinds', () => {
    expect(std(pos.z.flat()) / 0.3).toBeCloseTo(1, 1);
    expect(cen.z).toEqual(pos.z);
  });
  it('x = f(z) and t = x·w_star', () => {
    pos.x.forEach((row, i) => {
      expect(row).toEqual(pos.z[i].map((v) => sigmoid.value.f(v)));
      expect(pos.t[i]).toBe(row[0] * 2 + row[1] * -1);
    });
    expect(pos.x.flat().every((v) => v > 0)).toBe(true);
    expect(cen.x.flat().some((v) => v < 0)).toBe(true);
  });
});
