/** Seeded 2-D data sets with two classes, and a starting network, for the ```nonlinearity demo. */
import type { OneHiddenLayer } from '../numeric/matrix';
import { createRandom } from '../numeric/random';
import { rows } from './seeded-draw';

/** The data sets: none of them can be split by one straight line. */
export const DATASETS = ['xor', 'circles', 'moons', 'spiral'] as const;
export type Dataset = (typeof DATASETS)[number];

/** Points X (n × 2, inside [−2, 2]² but for rare noise), labels y ∈ {0, 1}, and the initial parameters. */
export interface ClassifierData extends OneHiddenLayer {
  X: number[][];
  y: number[];
}

/**
 * Draws `points` points (labels alternate 1, 0, …), then W1 ~ N(0, 1) (2 × width, He for two inputs),
 * b1 ~ U(−0.5, 0.5), W2 ~ N(0, 1/width), b2 = 0, in that order. xor: four blobs at (±1, ±1), label 1 where
 * the signs differ; circles: a disc inside a ring; moons: two interleaved half circles; spiral: two arms.
 */
export function classifierData(seed: number, data: Dataset, points: number, width: number): ClassifierData {
  const rng = createRandom(seed);
  const noise = (s: number) => rng.normal(0, s);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < points; i++) {
    const label = 1 - (i % 2);
    const k = i % 4;
    let p: [number, number];
    if (data === 'xor') {
      // Quadrants 0–3 alternate labels 1, 0: (1, −1) and (−1, 1) are 1, (1, 1) and (−1, −1) are 0.
      const [cx, cy] = [
        [1, -1],
        [1, 1],
        [-1, 1],
        [-1, -1],
      ][k];
      p = [cx + noise(0.35), cy + noise(0.35)];
    } else if (data === 'circles') {
      const r = (label ? 0.6 : 1.5) + noise(0.12);
      const a = rng.uniform(0, 2 * Math.PI);
      p = [r * Math.cos(a), r * Math.sin(a)];
    } else if (data === 'moons') {
      const a = rng.uniform(0, Math.PI);
      p = label
        ? [1.2 * (Math.cos(a) - 0.5) + noise(0.1), 1.2 * (Math.sin(a) - 0.25) + noise(0.1)]
        : [1.2 * (0.5 - Math.cos(a)) + noise(0.1), 1.2 * (0.25 - Math.sin(a)) + noise(0.1)];
    } else {
      const t = rng.uniform(0.15, 1);
      const a = 3 * Math.PI * t + label * Math.PI;
      p = [1.8 * t * Math.cos(a) + noise(0.05), 1.8 * t * Math.sin(a) + noise(0.05)];
    }
    X.push(p);
    y.push(label);
  }
  const W1 = rows(2, width, () => rng.normal(0, 1));
  const b1 = Array.from({ length: width }, () => rng.uniform(-0.5, 0.5));
  const W2 = rows(width, 1, () => rng.normal(0, Math.sqrt(1 / width)));
  return { X, y, W1, b1, W2, b2: [0] };
}
