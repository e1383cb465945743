import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindActivation, findActivation } from '../../../src/core/activations';
import type { Params } from '../../../src/core/activations/types';
import { fitRange, sampleFunction, sampleGrid, type Sampleable } from '../../../src/core/plot/sampling';

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
