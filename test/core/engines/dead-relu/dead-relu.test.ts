/** Dead ReLU units: PyTorch's four reference runs, divergence, shapes, and "dead never decreases" for ReLU. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bindActivation, type Activation, type ParamValue } from '../../../../src/core/activations';
import { deadRelu } from '../../../../src/core/engines/dead-relu/dead-relu';
import { deadReluData } from '../../../../src/core/engines/dead-relu/data';
import { ShapeError } from '../../../../src/core/numeric/matrix';
import { closeTo, readReference } from '../../../helpers/reference';
import type { DeadReluCase } from '../../../helpers/reference-cases';

function act(name: string, params: Record<string, ParamValue> = {}): Activation {
  const r = bindActivation(name, params);
  if (!r.ok) throw new Error(`cannot bind ${name}`);
  return r.value;
}

describe('deadrelu.json', () => {
  const { cases } = readReference<{ cases: DeadReluCase[] }>('deadrelu.json');
  it('has the four documented cases', () => expect(cases.length).toBe(4));
  it.each(cases.map((c) => [`${c.activation} lr ${c.lr}`, c] as const))('%s', (_label, c) => {
    const run = deadRelu({ ...c, activation: act(c.activation, c.params) });
    expect(run.divergedAt).toBeUndefined();
    expect(run.dead).toEqual(c.dead);
    expect(run.loss).toHaveLength(c.steps + 1);
    const bad: string[] = [];
    for (let s = 0; s <= c.steps; s++) {
      if (!closeTo(run.loss[s], c.loss[s], 0, 1e-9)) bad.push(`loss[${s}] ${run.loss[s]} vs ${c.loss[s]}`);
      if (!closeTo(run.deadGradNorm[s], c.dead_grad_norm[s], 0, 1e-9)) {
        bad.push(`deadGradNorm[${s}] ${run.deadGradNorm[s]} vs ${c.dead_grad_norm[s]}`);
      }
    }
    expect(bad).toEqual([]);
  });
  it('does not modify its inputs', () => {
    const c = cases[2];
    const before = JSON.stringify([c.W1, c.b1, c.W2, c.b2]);
    deadRelu({ ...c, activation: act('ReLU') });
    expect(JSON.stringify([c.W1, c.b1, c.W2, c.b2])).toBe(before);
  });
});

describe('divergence', () => {
  it('stops before the first non-finite loss and says where', () => {
    const data = deadReluData(3, { n: 32, width: 16 });
    const run = deadRelu({ activation: act('LeakyReLU', { negative_slope: 0.5 }), ...data, lr: 40, steps: 200 });
    expect(run.divergedAt).toBeGreaterThan(0);
    expect(run.loss).toHaveLength(run.divergedAt!);
    expect(run.dead).toHaveLength(run.divergedAt!);
    expect(run.deadGradNorm).toHaveLength(run.divergedAt!);
    expect(run.loss.every(Number.isFinite)).toBe(true);
  });
  it('reports step 0 when the data itself overflows', () => {
    const data = deadReluData(3, { n: 4, width: 2 });
    const run = deadRelu({ activation: act('ReLU'), ...data, t: [1e300, 0, 0, 0], lr: 0.1, steps: 5 });
    expect(run).toEqual({ loss: [], dead: [], deadGradNorm: [], divergedAt: 0 });
  });
  it('steps = 0 measures the initial network only', () => {
    const data = deadReluData(1, { n: 8, width: 4 });
    expect(deadRelu({ activation: act('ReLU'), ...data, lr: 0.1, steps: 0 }).loss).toHaveLength(1);
  });
});

describe('shape and argument validation', () => {
  const data = deadReluData(1, { n: 8, width: 4 });
  const base = { activation: act('ReLU'), ...data, lr: 0.1, steps: 3 };
  it.each([
    ['t length', { t: data.t.slice(1) }, /t must have 8 entries/],
    ['W1 rows', { W1: data.W1.slice(1) }, /W1 must have 2 rows/],
    ['W1 not a matrix', { W1: [] }, /W1 must be a non-empty matrix/],
    ['b1 length', { b1: [1, 2] }, /b1 must have 4 entries/],
    ['W2 shape', { W2: data.W2.map((r) => [...r, 0]) }, /W2\[0\] must have 1 entries/],
    ['b2 length', { b2: [] }, /b2 must have 1 entries/],
    ['ragged X', { X: [[1, 2], [3]] }, /X\[1\]/],
  ])('%s', (_label, change, message) => {
    expect(() => deadRelu({ ...base, ...change })).toThrow(ShapeError);
    expect(() => deadRelu({ ...base, ...change })).toThrow(message);
  });
  it('rejects bad steps and lr', () => {
    expect(() => deadRelu({ ...base, steps: 1.5 })).toThrow(/steps/);
    expect(() => deadRelu({ ...base, steps: -1 })).toThrow(/steps must be a non-negative integer, got -1/);
    expect(() => deadRelu({ ...base, lr: NaN })).toThrow(/lr/);
  });
});

describe('properties', () => {
  it('ReLU: the dead count never decreases and dead units get exactly zero gradient', () => {
    const relu = act('ReLU');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (seed, lr) => {
          const data = deadReluData(seed, { n: 16, width: 12 });
          const run = deadRelu({ activation: relu, ...data, lr, steps: 25 });
          for (let s = 1; s < run.dead.length; s++) expect(run.dead[s]).toBeGreaterThanOrEqual(run.dead[s - 1]);
          expect(run.deadGradNorm.every((g) => g === 0)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
  it("lines through 0 train through the fused passes with the generic passes' numbers, bit for bit", () => {
    // Without `negativeSlope` the same activation goes through evaluate() and the stored arrays.
    const generic = ({ negativeSlope: _fused, ...rest }: Activation): Activation => rest;
    const slopes: [string, Record<string, ParamValue>][] = [
      ['ReLU', {}],
      ['LeakyReLU', {}],
      ['LeakyReLU', { negative_slope: 0.5 }],
      ['PReLU', { init: -0.3 }],
      ['RReLU', {}],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 37 }),
        fc.constantFrom(...slopes),
        fc.constantFrom(0.001, 0.05, 0.15, 0.6, 3, 40),
        (seed, n, width, [name, params], lr) => {
          const a = act(name, params);
          expect(a.negativeSlope).toBeTypeOf('number');
          const data = deadReluData(seed, { n, width });
          const fused = deadRelu({ activation: a, ...data, lr, steps: 30 });
          const plain = deadRelu({ activation: generic(a), ...data, lr, steps: 30 });
          // Object.is tells −0 from 0 and NaN from NaN; toStrictEqual would too, this names the step.
          expect(fused.divergedAt).toBe(plain.divergedAt);
          expect(fused.dead).toEqual(plain.dead);
          fused.loss.forEach((v, s) => expect(Object.is(v, plain.loss[s]), `loss[${s}]`).toBe(true));
          fused.deadGradNorm.forEach((v, s) =>
            expect(Object.is(v, plain.deadGradNorm[s]), `deadGradNorm[${s}]`).toBe(true),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
  it('ReLU of a pre-activation of −∞ is 0 in the fused passes too (not 0·−∞ = NaN)', () => {
    const data = {
      X: [
        [1, 2],
        [0.5, 1],
        [2, 0.1],
      ],
      t: [1, 0, 2],
      W1: [
        [-Infinity, 0.3],
        [0.2, 0.4],
      ],
      b1: [0, 0.1],
      W2: [[0.5], [0.7]],
      b2: [0.1],
    };
    const run = deadRelu({ activation: act('ReLU'), ...data, lr: 0.1, steps: 5 });
    expect(run.divergedAt).toBeUndefined();
    expect(run.dead).toEqual([1, 1, 1, 1, 1, 1]);
    expect(run.loss.every(Number.isFinite)).toBe(true);
  });
  it('large steps kill ReLU units on demo data (the effect the demo shows)', () => {
    const data = deadReluData(3, { n: 64, width: 32 });
    const slow = deadRelu({ activation: act('ReLU'), ...data, lr: 0.01, steps: 60 });
    const fast = deadRelu({ activation: act('ReLU'), ...data, lr: 0.15, steps: 60 });
    expect(slow.dead[60]).toBe(0);
    expect(fast.divergedAt).toBeUndefined();
    expect(fast.dead[60]).toBeGreaterThan(10);
  });
});

describe('the boundary z = 0 (the reference data avoids exact zeros)', () => {
  // Unit 0 has z = [0, −2] over the two samples, unit 1 has z = [1, 1]. ReLU′(0) = 0 in PyTorch, so unit 0 passes
  // nothing and learns nothing: it is dead ("z <= 0 for every sample"). Hand computation at step 0: h = [[0, 1], [0, 1]],
  // y = h·W2 + b2 = [0.8, 0.8], loss = ((0.8 − 1)² + (0.8 − 0)²)/2 = 0.34.
  const X2 = [
    [1, 0],
    [0, 1],
  ];
  const W1 = [
    [0, 1],
    [-2, 1],
  ];
  const base = { t: [1, 0], b1: [0, 0], W2: [[0.5], [0.7]], b2: [0.1] };
  // The same net with a third input column of zeros (and zero weights from it) takes the generic passes (d ≠ 2).
  const X3 = [
    [1, 0, 0],
    [0, 1, 0],
  ];
  const W1x3 = [...W1, [0, 0]];
  const withoutFusion = ({ negativeSlope: _fused, ...rest }: Activation): Activation => rest;
  const paths: [string, (a: Activation) => Parameters<typeof deadRelu>[0]][] = [
    ['fused (two inputs)', (a) => ({ activation: a, X: X2, W1, ...base, lr: 0.1, steps: 3 })],
    ['generic (three inputs)', (a) => ({ activation: a, X: X3, W1: W1x3, ...base, lr: 0.1, steps: 3 })],
    ['generic (no slope given)', (a) => ({ activation: withoutFusion(a), X: X2, W1, ...base, lr: 0.1, steps: 3 })],
  ];
  it.each(paths)(
    '%s: a unit whose largest pre-activation is exactly 0 is dead and stays dead under ReLU',
    (_path, input) => {
      const run = deadRelu(input(act('ReLU')));
      expect(run.loss[0]).toBeCloseTo(0.34, 15);
      expect(run.dead).toEqual([1, 1, 1, 1]);
      expect(run.deadGradNorm).toEqual([0, 0, 0, 0]);
    },
  );
  it('LeakyReLU learns through z = 0 with slope negative_slope (torch: x > 0 ? 1 : slope) in all three paths alike', () => {
    // One step by hand, unit 0 only: ∂loss/∂y = 2(y − t)/n = [−0.2, 0.79]; dz = ∂loss/∂y·W2[0]·slope(z) with slope(0) = slope(−2)
    // = 0.01, so ∂loss/∂b1[0] = (−0.2 + 0.79)·0.5·0.01 = 0.00295 and b1[0] becomes −0.000295 after lr 0.1.
    const runs = paths.map(([, input]) => deadRelu({ ...input(act('LeakyReLU')), steps: 3 }));
    for (const run of runs.slice(1))
      run.loss.forEach((v, s) => expect(Object.is(v, runs[0].loss[s]), `loss[${s}]`).toBe(true));
    // The dead unit's gradient norm at step 0, by hand: ∂/∂W1[:,0] = (−0.2·1, 0.79·1)·0.5·0.01 (inputs e₁, e₂),
    // ∂/∂b1[0] = 0.00295, ∂/∂W2[0] = Σ ∂loss/∂y·h₀ = −0.2·0 + 0.79·(−0.02) = −0.0158.
    const g = Math.hypot(-0.2 * 0.005, 0.79 * 0.005, 0.00295, -0.0158);
    for (const run of runs) expect(run.deadGradNorm[0]).toBeCloseTo(g, 15);
  });
  it.each(paths)('%s: LeakyReLU counts the same unit as dead at step 0 (its z is never > 0)', (_path, input) => {
    const run = deadRelu({ ...input(act('LeakyReLU')), steps: 0 });
    expect(run.dead).toEqual([1]);
    // LeakyReLU(0) = 0 and LeakyReLU(−2) = −0.02: y = [0.8, 0.8 − 0.02·0.5] = [0.8, 0.79] (hand computation).
    expect(run.loss[0]).toBeCloseTo((0.2 ** 2 + 0.79 ** 2) / 2, 15);
  });
  // The fused passes take units in pairs and test each one's z on its own: the same net with its two units swapped
  // puts the boundary unit second in its pair.
  const swapped = {
    ...base,
    X: X2,
    W1: W1.map(([u0, u1]) => [u1, u0]),
    W2: [base.W2[1], base.W2[0]],
    lr: 0.1,
  };
  it('fused, the boundary unit second in its pair: dead under ReLU, counted dead but learning under LeakyReLU', () => {
    const relu = deadRelu({ ...swapped, activation: act('ReLU'), steps: 3 });
    expect(relu.dead).toEqual([1, 1, 1, 1]);
    expect(relu.deadGradNorm).toEqual([0, 0, 0, 0]);
    const leaky = deadRelu({ ...swapped, activation: act('LeakyReLU'), steps: 3 });
    expect(leaky.dead[0]).toBe(1);
    // The same hand value as above: the swap changes no sum, only the order of the units.
    expect(leaky.deadGradNorm[0]).toBeCloseTo(Math.hypot(-0.2 * 0.005, 0.79 * 0.005, 0.00295, -0.0158), 15);
  });
});
