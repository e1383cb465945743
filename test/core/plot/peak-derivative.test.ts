/** max |f′|, the per-layer gradient factor the gradient-flow block shows: checked on functions whose peak is known by hand. */
import { describe, expect, it } from 'vitest';
import { peakAbsDerivative } from '../../../src/core/plot/peak-derivative';

const sigmoidPrime = (x: number): number => {
  const s = 1 / (1 + Math.exp(-x));
  return s * (1 - s);
};

describe('peakAbsDerivative', () => {
  it("gives Sigmoid′'s 1/4 and Tanh′'s 1, both at x = 0", () => {
    expect(peakAbsDerivative(sigmoidPrime)).toBe(0.25);
    expect(peakAbsDerivative((x) => 1 - Math.tanh(x) ** 2)).toBe(1);
  });

  it('finds a peak between grid points, away from 0: 3·exp(−(x − 5.005)²) peaks at 3', () => {
    // The default grid (2401 points on [−12, 12]) has spacing 0.01, so 5.005 lies halfway between two samples, where
    // the best sample reads 3·exp(−0.005²) ≈ 3 − 7.5e−5; the refinement must recover 3.
    expect(peakAbsDerivative((x) => 3 * Math.exp(-((x - 5.005) ** 2)))).toBeCloseTo(3, 9);
    // |f′|, not f′: a negative derivative's size counts.
    expect(peakAbsDerivative((x) => -2 * Math.exp(-((x + 7.003) ** 2)))).toBeCloseTo(2, 9);
  });

  it('sees the whole range [−12, 12], its last cell included, and nothing beyond it', () => {
    // Only x > 11.99 reaches 2; the grid's last point is 12 itself.
    expect(peakAbsDerivative((x) => (x > 11.99 ? 2 : 1))).toBe(2);
    // Beyond 12 (e.g. at 12.01, one grid step further) the function is outside the range asked about.
    expect(peakAbsDerivative((x) => (x > 12 ? 5 : 1))).toBe(1);
  });

  it('refines around the first of tied samples: a sharp peak of 2 tied at the grid with a plateau of 1', () => {
    // range 8 with 65 samples: grid step 1/4, exact in binary. A tent of height 2 centred at −4.125 (halfway between
    // the samples −4.25 and −4) reads exactly 2 − 8·0.125 = 1 at both, the same as the plateau f′ = 1 for x > 0.
    const df = (x: number): number => (x > 0 ? 1 : Math.max(0, 2 - 8 * Math.abs(x + 4.125)));
    expect(peakAbsDerivative(df, 8, 65)).toBeCloseTo(2, 9);
  });

  it('refines over the whole neighbouring cell: a lopsided peak just short of the next sample', () => {
    // Grid step 1/4 again. The peak 2 sits at −3.752, 0.248 right of the sample −4; it falls slowly to the left
    // (f′(−4) = 2 − 0.248/2 = 1.876, the best sample) and steeply to the right (0 from −3.75 on).
    const p = -3.752;
    const df = (x: number): number => (x <= p ? Math.max(0, 2 - (p - x) / 2) : Math.max(0, 2 - 1000 * (x - p)));
    expect(peakAbsDerivative(df, 8, 65)).toBeCloseTo(2, 6);
  });
});
