/**
 * Zig-zag boundaries the reference runs never reach: what the engine refuses (each message), a run of no steps,
 * divergence on the first step, when it yields progress, the summary facts on hand-made runs (exact ties and right
 * angles), the sign classes and oddness at their limits, and the loss's quadratic form on data small enough to
 * solve by hand. Expected values are worked out in the comments, never read from the code under test.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  contourEllipse,
  lossAt,
  quadraticLoss,
  type QuadraticLoss,
} from '../../../../src/core/engines/zigzag/contours';
import { zigzagData, zigzagOrder } from '../../../../src/core/engines/zigzag/data';
import { inputSigns, isOdd, zigzagFacts, zigzagProblemFacts } from '../../../../src/core/engines/zigzag/facts';
import { zigzag, zigzagSteps, type ZigzagRun } from '../../../../src/core/engines/zigzag/zigzag';
import { createRandom } from '../../../../src/core/numeric/random';

/** x = I₂, t = (1, 1): the loss at w is ((w₀ − 1)² + (w₁ − 1)²)/2. */
const unit = {
  x: [
    [1, 0],
    [0, 1],
  ],
  t: [1, 1],
};

describe('zigzag refuses what it cannot run, naming the value', () => {
  it.each([
    [{ steps: -1 }, 'zigzag: steps must be a non-negative integer, got -1'],
    [{ steps: 1.5 }, 'zigzag: steps must be a non-negative integer, got 1.5'],
    [{ lr: NaN }, 'zigzag: lr must be a finite number, got NaN'],
    [{ lr: Infinity }, 'zigzag: lr must be a finite number, got Infinity'],
    [{ order: [-1] }, 'zigzag: order must give a sample index in [0, 2) for each of the 1 steps'],
    [{ order: [2] }, 'zigzag: order must give a sample index in [0, 2) for each of the 1 steps'],
    [{ order: [0.5] }, 'zigzag: order must give a sample index in [0, 2) for each of the 1 steps'],
    [{ order: [] }, 'zigzag: order must give a sample index in [0, 2) for each of the 1 steps'],
  ])('%o', (change, message) => {
    expect(() => zigzag({ ...unit, w0: [0, 0], lr: 0.1, steps: 1, ...change })).toThrow(message);
  });

  it('names x when it is not a matrix of equal rows', () => {
    expect(() => zigzag({ x: [], t: [], w0: [0, 0], lr: 0.1, steps: 1 })).toThrow('x must be a non-empty matrix');
    expect(() => zigzag({ x: [[1, 2], [3]], t: [1, 1], w0: [0, 0], lr: 0.1, steps: 1 })).toThrow(
      'x[1] must have 2 entries like x[0], got 1',
    );
  });

  it('accepts indices 0 and n − 1, and ignores order entries past the last step', () => {
    // SGD step on sample 1 from w = (0, 0): e = −1, gradient 2·e·x₁ = (−0, −2), update −0.1·that = (0, 0.2).
    const run = zigzag({ ...unit, w0: [0, 0], lr: 0.1, steps: 1, order: [1, 7] });
    expect(run.updates).toEqual([[0, 0.2]]);
    expect(zigzag({ ...unit, w0: [0, 0], lr: 0.1, steps: 1, order: [0] }).updates).toEqual([[0.2, 0]]);
  });
});

describe('zigzag at its limits', () => {
  it('runs no step: only w0 and its loss', () => {
    // loss(0, 0) = ((0 − 1)² + (0 − 1)²)/2 = 1.
    expect(zigzag({ ...unit, w0: [0, 0], lr: 0.1, steps: 0 })).toEqual({
      w: [[0, 0]],
      loss: [1],
      updateSameSign: [],
      updates: [],
      perSampleSameSignFraction: [],
    });
  });

  it('diverging at w0 records nothing at all', () => {
    // x·w = 2·10²⁰⁰ overflows to ∞, so the very first loss is not finite.
    const run = zigzag({ x: [[1e200, 1e200]], t: [0], w0: [1e200, 1e200], lr: 0.1, steps: 3 });
    expect(run).toEqual({
      w: [],
      loss: [],
      updateSameSign: [],
      updates: [],
      perSampleSameSignFraction: [],
      divergedAt: 0,
    });
  });

  it('yields its progress after every 64 updates, never after the last', () => {
    const yields = (steps: number) => {
      const it = zigzagSteps({ ...unit, w0: [0, 0], lr: 0.1, steps });
      const out: number[] = [];
      for (let next = it.next(); !next.done; next = it.next()) out.push(next.value);
      return out;
    };
    expect(yields(63)).toEqual([]);
    expect(yields(64)).toEqual([64 / 65]);
    expect(yields(65)).toEqual([64 / 66]);
    expect(yields(129)).toEqual([64 / 130, 128 / 130]);
  });

  it('counts k/n with exact zeros: a sample whose input has a zero entry never counts', () => {
    // w = (0, 0): e_i = −t_i. Sample (1, 1), t = 1: gradient (−2, −2), same sign. Sample (0, 1), t = 1: (0, −2),
    // not. Sample (1, 1), t = 0: e = 0, gradient (0, 0), not. Sample (−1, −1), t = 1: (2, 2), same sign.
    const run = zigzag({
      x: [
        [1, 1],
        [0, 1],
        [1, 1],
        [-1, -1],
      ],
      t: [1, 1, 0, 1],
      w0: [0, 0],
      lr: 0.1,
      steps: 1,
    });
    expect(run.perSampleSameSignFraction).toEqual([2 / 4]);
    // Full batch: g = ((−2 + 0 + 0 + 2)/4, (−2 − 2 + 0 + 2)/4) = (0, −0.5): one zero component, not same-signed.
    expect(run.updates).toEqual([[-0, 0.05]]);
    expect(run.updateSameSign).toEqual([false]);
  });

  it('a zero second component never counts, even when the first is negative (and a zero first one)', () => {
    // x = (1, 0), t = 1, w = 0: e = −1, gradient (−2, −0), update (0.2, 0): neither counts.
    const a = zigzag({ x: [[1, 0]], t: [1], w0: [0, 0], lr: 0.1, steps: 1 });
    expect(a.perSampleSameSignFraction).toEqual([0]);
    expect(a.updateSameSign).toEqual([false]);
    // x = (0, 1), t = −1, w = 0: e = 1, gradient (0, 2), update (−0, −0.2): a zero first component.
    const b = zigzag({ x: [[0, 1]], t: [-1], w0: [0, 0], lr: 0.1, steps: 1 });
    expect(b.updates).toEqual([[-0, -0.2]]);
    expect(b.perSampleSameSignFraction).toEqual([0]);
    expect(b.updateSameSign).toEqual([false]);
  });
});

/** A run with these updates from (0, 0), every update's sign flag computed by hand by the caller. */
function runOf(updates: [number, number][], sameSign: boolean[], divergedAt?: number): ZigzagRun {
  const w: [number, number][] = [[0, 0]];
  for (const [a, b] of updates) w.push([w[w.length - 1][0] + a, w[w.length - 1][1] + b]);
  return {
    w,
    loss: w.map(() => 0),
    updates,
    updateSameSign: sameSign,
    perSampleSameSignFraction: updates.map(() => 0),
    ...(divergedAt === undefined ? {} : { divergedAt }),
  };
}

describe('zigzag facts on hand-made runs', () => {
  it('counts reversals and turns of a back-and-forth run', () => {
    const f = zigzagFacts(
      runOf(
        [
          [1, 1],
          [-1, -1],
          [1, 1],
        ],
        [true, true, true],
      ),
      [0, 0],
    );
    // Directions +, −, +: two reversals; each dot product is −2: two turns. Lengths √2, √2, √2 do not grow.
    expect(f).toEqual({
      updates: 3,
      sameSign: 3,
      reversals: 2,
      turns: 2,
      stepsGrow: false,
      startDistance: 0,
      finalDistance: Math.SQRT2,
    });
    expect('divergedAt' in f).toBe(false);
  });

  it('a right angle is no turn, and a same-sign pair split by another update is no reversal', () => {
    const f = zigzagFacts(
      runOf(
        [
          [1, 1],
          [1, -1],
          [-1, -1],
        ],
        [true, false, true],
      ),
      [0, 0],
    );
    // Dot products: (1, 1)·(1, −1) = 0 and (1, −1)·(−1, −1) = 0: no turn.
    expect(f.turns).toBe(0);
    expect(f.reversals).toBe(0);
  });

  it('steps grow only when the second half has two or more strictly longer steps', () => {
    const grows = (lengths: number[]) =>
      zigzagFacts(
        runOf(
          lengths.map((l) => [l, 0]),
          lengths.map(() => false),
        ),
        [0, 0],
      ).stepsGrow;
    // Second half = lengths from index ⌊n/2⌋.
    expect(grows([1, 2, 3])).toBe(true); // [2, 3]
    expect(grows([5, 2, 3])).toBe(true); // [2, 3]: the first half does not matter
    expect(grows([1, 2])).toBe(false); // [2]: one step is no growth
    expect(grows([1, 2, 2])).toBe(false); // [2, 2]: equal is not longer
    expect(grows([1, 3, 2])).toBe(false);
    expect(grows([])).toBe(false);
  });

  it('passes divergence on', () => {
    expect(zigzagFacts(runOf([[1, 1]], [true], 2), [0, 0]).divergedAt).toBe(2);
  });
});

describe('input signs and oddness at their limits', () => {
  const tanh = Math.tanh;
  it.each([
    [[[1, 2]], 'positive'],
    [[[0, 2]], 'nonNegative'],
    [[[-1, -2]], 'negative'],
    [[[-1, 0]], 'nonPositive'],
    [[[-1, 2]], 'centred'],
  ])('%j → %s', (x, expected) => expect(inputSigns(x, tanh)).toBe(expected));

  it('mixed signs from a function that is not odd are mixed', () => {
    expect(inputSigns([[-1, 2]], (z) => z + z * z)).toBe('mixed');
  });

  it('odd: f(0) must be exactly 0, and f(z) + f(−z) within 1e-12 of max(1, |f(z)|)', () => {
    expect(isOdd((z) => z * z * z)).toBe(true);
    expect(isOdd((z) => z + 1e-300)).toBe(false); // f(0) = 1e-300
    // f(z) + f(−z) = 8e-13 at every probe: within 1e-12 · max(1, |f(z)|) even at the small probe 0.013.
    expect(isOdd((z) => (z === 0 ? 0 : z + 4e-13))).toBe(true);
    // 2e-12 > 1e-12 · max(1, |f(z)|) at the probes up to 1.7; only 3.3 and 7.1 would allow it.
    expect(isOdd((z) => (z === 0 ? 0 : z + 1e-12))).toBe(false);
    // Exactly at the limit: f(z) + f(−z) = 1e-12 = 1e-12 · max(1, |f(z)|) counts as odd.
    expect(isOdd((z) => (z > 0 ? 1e-12 : 0))).toBe(true);
    // Even part 1e-3·z²: fails at every probe.
    expect(isOdd((z) => z + 1e-3 * z * z)).toBe(false);
  });
});

describe('problem facts', () => {
  const loss = (lambda: [number, number]): QuadraticLoss => ({
    A: [0, 0, 0],
    lambda,
    axes: [
      [1, 0],
      [0, 1],
    ],
    minimum: 0,
  });
  it('counts samples with x₁·x₂ > 0 (a zero entry is not), κ = λ₁/λ₂ (∞ when λ₂ = 0), stable below 1/λ₁', () => {
    const x = [
      [1, 2],
      [0, 3],
      [3, 0],
      [-1, 2],
      [-1, -1],
    ];
    expect(zigzagProblemFacts(x, loss([4, 2]))).toEqual({
      samples: 5,
      sameSignSamples: 2,
      kappa: 2,
      stableBelow: 0.25,
    });
    expect(zigzagProblemFacts(x, loss([4, 0])).kappa).toBe(Infinity);
    // All-zero inputs: λ = (0, 0), still ∞ (not 0/0).
    expect(zigzagProblemFacts([[0, 0]], loss([0, 0])).kappa).toBe(Infinity);
  });
});

describe('the quadratic form on data solved by hand', () => {
  // x = [[1, 0], [1, 0], [0, 1]], t = [0, 2, 3]: A = xᵀx/3 = [[2/3, 0], [0, 1/3]], g = xᵀt/3 = (2/3, 1),
  // w_c = A⁻¹g = (1, 3); residuals there (1, −1, 0): minimum 2/3.
  const x = [
    [1, 0],
    [1, 0],
    [0, 1],
  ];
  const t = [0, 2, 3];
  const direct = (w: readonly number[]) =>
    x.reduce((s, xi, i) => s + (xi[0] * w[0] + xi[1] * w[1] - t[i]) ** 2, 0) / x.length;
  // Computed in each test, not while the file loads: mutation testing activates a mutant only inside tests.
  let q: ReturnType<typeof quadraticLoss>;
  beforeEach(() => {
    q = quadraticLoss(x, t);
  });

  it('has the eigenvalues, centre and minimum worked out by hand', () => {
    expect(q.A[0]).toBeCloseTo(2 / 3, 15);
    expect(q.A[1]).toBe(0);
    expect(q.A[2]).toBeCloseTo(1 / 3, 15);
    expect(q.lambda[0]).toBeCloseTo(2 / 3, 15);
    expect(q.lambda[1]).toBeCloseTo(1 / 3, 15);
    expect(Math.abs(q.axes[0][0])).toBeCloseTo(1, 15);
    expect(q.center?.[0]).toBeCloseTo(1, 14);
    expect(q.center?.[1]).toBeCloseTo(3, 14);
    expect(q.minimum).toBeCloseTo(2 / 3, 14);
    expect(lossAt(q, [0, 0])).toBeCloseTo(direct([0, 0]), 13);
    expect(lossAt(q, [2, -1])).toBeCloseTo(direct([2, -1]), 13);
  });

  it('the contour at the minimum is the centre itself; below it, none', () => {
    const at = contourEllipse(q, q.minimum, 4);
    expect(at?.x).toHaveLength(5);
    for (let k = 0; k < 5; k++) {
      expect(at?.x[k]).toBeCloseTo(1, 12);
      expect(at?.y[k]).toBeCloseTo(3, 12);
    }
    expect(contourEllipse(q, q.minimum - 1e-9)).toBeUndefined();
    expect(contourEllipse(q, Infinity)).toBeUndefined();
    expect(contourEllipse(q, NaN)).toBeUndefined();
  });

  it('a contour of 4 points closes on its first vertex exactly, each on its level', () => {
    const level = 2 / 3 + 1;
    const c = contourEllipse(q, level, 4);
    expect(c?.x).toHaveLength(5);
    expect(c?.x[4]).toBe(c?.x[0]);
    expect(c?.y[4]).toBe(c?.y[0]);
    for (let k = 0; k < 4; k++) expect(direct([c!.x[k], c!.y[k]])).toBeCloseTo(level, 12);
    // Axis lengths √(r/λ): r = 1 gives √1.5 along w₁ (λ₁ = 2/3) and √3 along w₂ (λ₂ = 1/3).
    const xs = c!.x.slice(0, 4).map((v) => Math.abs(v - 1));
    const ys = c!.y.slice(0, 4).map((v) => Math.abs(v - 3));
    expect(Math.max(...xs)).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(Math.max(...ys)).toBeCloseTo(Math.sqrt(3), 12);
  });

  it('correlated inputs (b ≠ 0): centre, minimum and loss worked out by hand', () => {
    // x = [[1, 0], [0, 1], [1, 1]], t = [1, 1, 0]: A = [[2, 1], [1, 2]]/3, g = (1, 1)/3, so w_c = (1/3, 1/3); residuals
    // there (−2/3, −2/3, 2/3): minimum 4/9. At (1, 0) the residuals are (0, −1, 1): loss 2/3. Eigenvalues 1 and 1/3.
    const c = quadraticLoss(
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      [1, 1, 0],
    );
    expect(c.lambda[0]).toBeCloseTo(1, 15);
    expect(c.lambda[1]).toBeCloseTo(1 / 3, 15);
    expect(c.center?.[0]).toBeCloseTo(1 / 3, 15);
    expect(c.center?.[1]).toBeCloseTo(1 / 3, 15);
    expect(c.minimum).toBeCloseTo(4 / 9, 15);
    expect(lossAt(c, [1, 0])).toBeCloseTo(2 / 3, 15);
    expect(lossAt(c, [0, 2])).toBeCloseTo((1 + 1 + 4) / 3, 14); // residuals (−1, 1, 2)
  });

  it('an eigenvalue ratio under 1e-12 counts as singular; a zero one too', () => {
    // x₂ ≡ 0: A = [[a, 0], [0, 0]] exactly, λ₂ = 0. Then λ = (100, 1e-11): a ratio of 1e-13.
    const flat = quadraticLoss(
      [
        [1, 0],
        [2, 0],
      ],
      [1, 2],
    );
    expect(flat.lambda).toEqual([2.5, 0]);
    expect(flat.center).toBeUndefined();
    const thin = quadraticLoss(
      [
        [Math.sqrt(200), 0],
        [0, Math.sqrt(2e-11)],
      ],
      [1, 1],
    );
    expect(thin.lambda[0]).toBeCloseTo(100, 12);
    expect(thin.lambda[1] / thin.lambda[0]).toBeCloseTo(1e-13, 25);
    expect(thin.center).toBeUndefined();
    // A ratio of 1e-11 is not singular: w_c = (g₁/λ₁, g₂/λ₂) = (1/√200, 1/√(2e-9)).
    const narrow = quadraticLoss(
      [
        [Math.sqrt(200), 0],
        [0, Math.sqrt(2e-9)],
      ],
      [1, 1],
    );
    expect((narrow.center?.[0] ?? NaN) * Math.sqrt(200)).toBeCloseTo(1, 12);
    expect((narrow.center?.[1] ?? NaN) * Math.sqrt(2e-9)).toBeCloseTo(1, 9);
  });

  it('singular data (x₂ = x₁) has no centre: loss and contours are undefined', () => {
    const s = quadraticLoss(
      [
        [1, 1],
        [2, 2],
      ],
      [1, 2],
    );
    expect(s.center).toBeUndefined();
    expect(s.minimum).toBeNaN();
    expect(lossAt(s, [0, 0])).toBeNaN();
    expect(contourEllipse(s, 1)).toBeUndefined();
  });
});

describe('the seeded draw, by a second implementation of its documented recipe', () => {
  it('data: z ~ N(0, 0.3²) row by row, x = f(z), t = x·w*', () => {
    const rng = createRandom(11);
    const z = Array.from({ length: 3 }, () => [rng.normal(0, 0.3), rng.normal(0, 0.3)]);
    const f = (v: number) => 2 * v + 1;
    const d = zigzagData(11, { n: 3, inputs: { f }, w_star: [0.5, -2] });
    expect(d.z).toEqual(z);
    expect(d.x).toEqual(z.map((r) => r.map(f)));
    expect(d.t).toEqual(d.x.map(([a, b]) => a * 0.5 + b * -2));
  });

  it('order: after the data, a Fisher–Yates shuffle of 0…n−1 per epoch, cut at steps', () => {
    const n = 4;
    const rng = createRandom(3);
    for (let i = 0; i < 2 * n; i++) rng.normal(0, 0.3);
    const expected: number[] = [];
    for (let e = 0; e < 3; e++) {
      const p = [0, 1, 2, 3];
      for (let i = n - 1; i >= 1; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [p[i], p[j]] = [p[j], p[i]];
      }
      expected.push(...p);
    }
    expect(zigzagOrder(3, { n, steps: 10 })).toEqual(expected.slice(0, 10));
  });

  it.each([
    ['zigzagData', () => zigzagData(1, { n: 0, inputs: { f: (v) => v }, w_star: [1, 1] })],
    ['zigzagOrder', () => zigzagOrder(1, { n: 1.5, steps: 3 })],
  ])('%s refuses a count that is not a positive integer', (where, call) => {
    expect(call).toThrow(new RegExp(`^${where}: n must be a positive integer, got `));
  });
});
