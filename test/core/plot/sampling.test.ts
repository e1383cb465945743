import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindActivation, findActivation } from '../../../src/core/activations';
import type { Params } from '../../../src/core/activations/types';
import { fitRange, sampleFunction, sampleGrid, sampleSteps, type Sampleable } from '../../../src/core/plot/sampling';
import { progressOf } from '../../helpers/progress';

/** A registry activation in the shape sampling takes. */
function sampleable(name: string, params: Params = {}): Sampleable {
  const spec = findActivation(name);
  const bound = bindActivation(name, params);
  if (!spec.ok || !bound.ok) throw new Error(`bad test activation ${name}`);
  const p = bound.value.params;
  return {
    f: (x) => bound.value.f(x),
    df: (x) => bound.value.df(x),
    kinks: spec.value.kinks(p),
    jumps: spec.value.jumps?.(p) ?? [],
  };
}

describe('sampleGrid', () => {
  it('spaces points evenly, ends exactly on the range and merges kinks in order', () => {
    const xs = sampleGrid([-6, 6], 4, [0, 1]);
    expect(xs).toEqual([-6, -2, 0, 1, 2, 6]);
  });
  it('ignores kinks outside the range and duplicates', () => {
    expect(sampleGrid([0, 1], 3, [-5, 0.5, 7])).toEqual([0, 0.5, 1]);
  });
  it('equals the plain definition (grid and kinks inside, sorted, each once) for any kinks', () => {
    const plain = (range: [number, number], n: number, kinks: number[]): number[] => {
      const grid = Array.from({ length: n }, (_, i) =>
        i === n - 1 ? range[1] : range[0] + ((range[1] - range[0]) * i) / (n - 1),
      );
      const all = [...grid, ...kinks.filter((k) => k >= range[0] && k <= range[1])].sort((p, q) => p - q);
      return all.filter((x, i) => i === 0 || x !== all[i - 1]);
    };
    const onGrid = fc.integer({ min: 0, max: 12 }).map((i) => -6 + i); // lands on grid points of [-6, 6] with 13 samples
    const kink = fc.oneof(fc.double({ min: -8, max: 8, noNaN: true }), onGrid, fc.constantFrom(0, -0, -6, 6));
    fc.assert(
      fc.property(fc.array(kink, { maxLength: 8 }), fc.constantFrom(2, 13, 400), (kinks, n) => {
        expect(sampleGrid([-6, 6], n, kinks)).toEqual(plain([-6, 6], n, kinks));
      }),
    );
  });
});

describe('sampleFunction', () => {
  it("puts ReLU's corner exactly at (0, 0), even when the grid skips 0", () => {
    const s = sampleFunction(sampleable('ReLU'), [-6, 6], 400); // 0 is not a grid point for 400 samples
    const i = s.f.x.indexOf(0);
    expect(i).toBeGreaterThan(0);
    expect(s.f.y[i]).toBe(0);
    expect(s.f.y[i - 1]).toBe(0);
    expect(s.f.y[i + 1]).toBeCloseTo(s.f.x[i + 1], 12);
  });

  it("breaks ReLU′ at 0 into 0 on the left and 1 on the right, and records autograd's ReLU′(0) = 0", () => {
    const s = sampleFunction(sampleable('ReLU'), [-1, 1], 11);
    const at = s.df.x.map((x, i) => [x, s.df.y[i]]).filter(([x]) => x === 0);
    expect(at).toEqual([
      [0, 0],
      [0, NaN],
      [0, 1],
    ]);
    expect(s.conventions).toEqual([{ x: 0, df: 0 }]);
  });

  it("keeps Hardtanh's corners at ±1 as corners of f and gaps of f′", () => {
    const s = sampleFunction(sampleable('Hardtanh'), [-3, 3], 7);
    for (const k of [-1, 1]) {
      const i = s.f.x.indexOf(k);
      expect(s.f.y[i]).toBe(k);
      const gaps = s.df.x.filter((x, j) => x === k && Number.isNaN(s.df.y[j]));
      expect(gaps).toHaveLength(1);
    }
  });

  it("draws Threshold's jump as a jump: value on the left, a gap, x on the right", () => {
    const s = sampleFunction(sampleable('Threshold', { threshold: 1, value: -2 }), [0, 2], 5);
    const at = s.f.x.map((x, i) => [x, s.f.y[i]]).filter(([x]) => x === 1);
    expect(at[0][1]).toBe(-2);
    expect(Number.isNaN(at[1][1])).toBe(true);
    expect(at[2][1]).toBeCloseTo(1, 8);
  });

  it('keeps a smooth function smooth: no gaps for Sigmoid, and no convention markers', () => {
    const s = sampleFunction(sampleable('Sigmoid'), [-6, 6], 400);
    expect(s.f.y.some(Number.isNaN)).toBe(false);
    expect(s.df.y.some(Number.isNaN)).toBe(false);
    expect(s.conventions).toEqual([]);
  });

  it('does not break a C¹ kink: ELU with alpha = 1 has f′ continuous at 0', () => {
    const s = sampleFunction(sampleable('ELU'), [-1, 1], 11);
    expect(s.df.y.some(Number.isNaN)).toBe(false);
  });

  it('turns non-finite values into gaps instead of spikes', () => {
    const s = sampleFunction({ f: (x) => 1 / x, df: (x) => -1 / (x * x), kinks: [], jumps: [] }, [-1, 1], 3);
    expect(s.f.y).toEqual([-1, NaN, 1]);
    expect(s.df.y).toEqual([-1, NaN, -1]);
  });
});

describe('fitRange', () => {
  it('fits every finite value with a margin and always includes 0', () => {
    const [lo, hi] = fitRange([{ y: [1, 2, NaN, 3] }]);
    expect(lo).toBeLessThan(0);
    expect(lo).toBeCloseTo(-0.24, 10);
    expect(hi).toBeCloseTo(3.24, 10);
  });
  it('gives a unit range around a flat zero curve', () => {
    expect(fitRange([{ y: [0, 0] }])).toEqual([-1, 1]);
  });
});

describe('sampleGrid at its edges', () => {
  it('ends exactly on b even where a + (b − a) rounds past it', () => {
    expect(0.3 + (0.9 - 0.3)).not.toBe(0.9);
    const xs = sampleGrid([0.3, 0.9], 3, []);
    expect(xs).toHaveLength(3);
    expect(xs[0]).toBe(0.3);
    expect(xs[2]).toBe(0.9);
  });
  it('gives a one-point range with a kink on it as that point once', () => {
    expect(sampleGrid([2, 2], 5, [2, 2])).toEqual([2]);
  });
});

describe('sampleFunction at kinks, beside the registry', () => {
  /** A corner of f at k: f′ = 0 left of k (and at k, as autograd's ReLU′(0) = 0), 1 right of it. */
  const cornerAt = (k: number): Sampleable => ({
    f: (x) => Math.max(0, x - k),
    df: (x) => (x > k ? 1 : 0),
    kinks: [k],
    jumps: [],
  });
  const at = (s: { x: number[]; y: number[] }, x: number) => s.x.flatMap((v, i) => (v === x ? [s.y[i]] : []));

  it('breaks f′ at a corner far from 0 too: the one-sided steps are 10⁻⁹·|x| there, not lost to rounding', () => {
    // Near 10⁶ doubles are 1.2·10⁻¹⁰ apart: a step of 10⁻¹⁵ would land on the corner itself.
    expect(1e6 - 1e-15).toBe(1e6);
    const s = sampleFunction(cornerAt(1e6), [1e6 - 10, 1e6 + 10], 5);
    expect(at(s.df, 1e6)).toEqual([0, NaN, 1]);
    expect(s.conventions).toEqual([{ x: 1e6, df: 0 }]);
  });

  it('draws f′ unbroken at a declared kink where f′ is continuous, at any scale (relative tolerance)', () => {
    // f = x²/2 declared kinked at 1000: f′ = x is 1000 ∓ 10⁻⁶ on either side, equal to 1000 within 10⁻⁷ relative.
    const s = sampleFunction({ f: (x) => (x * x) / 2, df: (x) => x, kinks: [1000], jumps: [] }, [990, 1010], 5);
    expect(at(s.df, 1000)).toEqual([1000]);
    expect(s.conventions).toEqual([]);
  });

  it('breaks f′ only at kinks: a steep smooth stretch (f′ = e^(100x)) beside a corner stays one line', () => {
    // Between samples 10⁻⁹ apart e^(100x) changes by 2·10⁻⁷ relative, more than the kink test's 10⁻⁷: only the
    // declared corner at −0.5 (f′ 1 on the left, e⁻⁵⁰ on the right) may be broken.
    const s = sampleFunction(
      {
        f: (x) => (x < -0.5 ? x + 0.5 : Math.exp(100 * x) / 100),
        df: (x) => (x < -0.5 ? 1 : Math.exp(100 * x)),
        kinks: [-0.5],
        jumps: [],
      },
      [-1, 0.2],
      121,
    );
    const gaps = s.df.x.filter((_, i) => Number.isNaN(s.df.y[i]));
    expect(gaps).toEqual([-0.5]);
  });

  it("draws a C¹ kink's f′ as one point: ELU′(0) = 1 (alpha 1), once", () => {
    // PyTorch: ELU′(x) = 1 for x > 0 and alpha·eˣ for x ≤ 0, so both sides and the kink give 1.
    const s = sampleFunction(sampleable('ELU'), [-1, 1], 11);
    expect(at(s.df, 0)).toEqual([1]);
  });

  it('marks no autograd convention where f′ at the kink itself is undefined (NaN)', () => {
    const s = sampleFunction(
      { f: Math.abs, df: (x) => (x === 0 ? NaN : Math.sign(x)), kinks: [0], jumps: [] },
      [-1, 1],
      5,
    );
    expect(at(s.df, 0)).toEqual([-1, NaN, 1]);
    expect(s.conventions).toEqual([]);
  });

  it('shares one x array between f and f′ for a smooth function (the plot converts it to pixels once)', () => {
    const s = sampleFunction(sampleable('Sigmoid'), [-6, 6], 50);
    expect(s.df.x).toBe(s.f.x);
  });
});

describe('sampleSteps', () => {
  const smooth: Sampleable = { f: Math.sin, df: Math.cos, kinks: [], jumps: [] };
  const progress = (samples: number) => progressOf(sampleSteps(smooth, [0, 1], samples));
  it('reports the fraction done before each slice of 64 points after the first, never 0 or 1', () => {
    expect(progress(200)).toEqual([64 / 200, 128 / 200, 192 / 200]);
    expect(progress(128)).toEqual([0.5]);
    expect(progress(64)).toEqual([]);
  });
});

describe('fitRange around zero', () => {
  it('pads a range symmetric about 0 by 8 % of its span: [−1, 1] → [−1.16, 1.16]', () => {
    const [lo, hi] = fitRange([{ y: [-1, 0.5, 1] }]);
    expect(lo).toBeCloseTo(-1.16, 12);
    expect(hi).toBeCloseTo(1.16, 12);
  });
});

describe('fitRange for a nearly flat curve', () => {
  it('fits a range of exactly 10⁻¹² with its 8 % margin; only a narrower one becomes ±1', () => {
    const [lo, hi] = fitRange([{ y: [0, 1e-12] }]);
    expect(lo).toBeCloseTo(-0.08e-12, 20);
    expect(hi).toBeCloseTo(1.08e-12, 20);
    expect(fitRange([{ y: [0, 0.5e-12] }])).toEqual([-1, 1 + 0.5e-12]);
  });
});
