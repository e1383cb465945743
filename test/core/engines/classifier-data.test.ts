/**
 * The nonlinearity demo's data sets, point by point: each model written out as its formula over the seeded stream
 * (random.ts, pinned by its own tests against its stated algorithm), in the order the module documents, and their
 * geometry: xor's blobs around (±1, ±1) with label 1 where the signs differ, circles' radii, moons' arcs, the
 * spiral's arms.
 */
import { describe, expect, it } from 'vitest';
import { classifierData, DATASETS, type Dataset } from '../../../src/core/engines/classifier-data';
import { createRandom, type Random } from '../../../src/core/numeric/random';

/** Point i of each data set, as its model states it, drawing from `rng` in the documented order. */
const MODELS: Record<Dataset, (rng: Random, i: number, label: number) => number[]> = {
  // Quadrant i mod 4 of (1, −1), (1, 1), (−1, 1), (−1, −1), each coordinate + N(0, 0.35²).
  xor: (rng, i) => {
    const centre = [
      [1, -1],
      [1, 1],
      [-1, 1],
      [-1, -1],
    ][i % 4];
    const x = centre[0] + rng.normal(0, 0.35);
    return [x, centre[1] + rng.normal(0, 0.35)];
  },
  // Radius 0.6 (label 1) or 1.5 (label 0) + N(0, 0.12²), then an angle U(0, 2π).
  circles: (rng, _i, label) => {
    const r = (label ? 0.6 : 1.5) + rng.normal(0, 0.12);
    const a = rng.uniform(0, 2 * Math.PI);
    return [r * Math.cos(a), r * Math.sin(a)];
  },
  // An angle U(0, π) on the upper arc 1.2·(cos a − 0.5, sin a − 0.25) or the lower one, its point reflection.
  moons: (rng, _i, label) => {
    const a = rng.uniform(0, Math.PI);
    const s = label ? 1 : -1;
    const x = s * 1.2 * (Math.cos(a) - 0.5) + rng.normal(0, 0.1);
    return [x, s * 1.2 * (Math.sin(a) - 0.25) + rng.normal(0, 0.1)];
  },
  // t ~ U(0.15, 1) along the arm at angle 3πt (+π for label 1), radius 1.8t, + N(0, 0.05²).
  spiral: (rng, _i, label) => {
    const t = rng.uniform(0.15, 1);
    const a = 3 * Math.PI * t + label * Math.PI;
    const x = 1.8 * t * Math.cos(a) + rng.normal(0, 0.05);
    return [x, 1.8 * t * Math.sin(a) + rng.normal(0, 0.05)];
  },
};

describe('classifierData', () => {
  it.each(DATASETS)('%s: every point as its model states it, labels alternating 1, 0', (data) => {
    for (const seed of [1, 7, 123]) {
      const got = classifierData(seed, data, 41, 3);
      const rng = createRandom(seed);
      const labels = Array.from({ length: 41 }, (_, i) => 1 - (i % 2));
      const points = labels.map((label, i) => MODELS[data](rng, i, label));
      expect(got.y).toEqual(labels);
      expect(got.X).toEqual(points);
      // Then the network, from the same stream: W1 ~ N(0, 1), b1 ~ U(−0.5, 0.5), W2 ~ N(0, 1/width), b2 = 0.
      const W1 = [0, 1].map(() => [0, 1, 2].map(() => rng.normal(0, 1)));
      const b1 = [0, 1, 2].map(() => rng.uniform(-0.5, 0.5));
      const W2 = [0, 1, 2].map(() => [rng.normal(0, Math.sqrt(1 / 3))]);
      expect([got.W1, got.b1, got.W2, got.b2]).toEqual([W1, b1, W2, [0]]);
    }
  });

  it('xor: label 1 exactly where the blob’s centre has coordinates of different signs', () => {
    const { X, y } = classifierData(5, 'xor', 400, 2);
    // Most points stay in their blob's quadrant (σ = 0.35 around (±1, ±1)): the label follows the signs there.
    const agree = X.filter(([a, b], i) => (a * b < 0 ? 1 : 0) === y[i]).length;
    expect(agree / X.length).toBeGreaterThan(0.9);
  });

  it('circles: radii near 0.6 for label 1 and 1.5 for label 0; moons and spiral inside [−2.5, 2.5]²', () => {
    const { X, y } = classifierData(9, 'circles', 400, 2);
    const mean = (label: number) => {
      const r = X.filter((_, i) => y[i] === label).map(([a, b]) => Math.hypot(a, b));
      return r.reduce((s, v) => s + v, 0) / r.length;
    };
    expect(mean(1)).toBeCloseTo(0.6, 1);
    expect(mean(0)).toBeCloseTo(1.5, 1);
    for (const data of ['moons', 'spiral'] as const)
      for (const [a, b] of classifierData(9, data, 400, 2).X)
        expect(Math.max(Math.abs(a), Math.abs(b))).toBeLessThan(2.5);
  });
});
