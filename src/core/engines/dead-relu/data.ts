/**
 * Seeded data for the dead-ReLU demo, drawn as the reference README describes it. The numbers come from
 * `createRandom(seed)`, so they are identical on every machine, but they are not PyTorch's draws: the
 * reference files hold their own data for comparisons.
 */
import { createRandom } from '../../numeric/random';
import { checkCount, rows } from '../seeded-draw';

/** Data and initial parameters for the dead-ReLU demo (nested arrays, as `deadRelu` takes them). */
export interface DeadReluData {
  X: number[][];
  t: number[];
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

/**
 * The dead-ReLU draw: X ~ U(−2, 2)^(n×2), t = sin(2·x0) + 0.5·x1 + N(0, 0.05²), W1 ~ N(0, 2/d)
 * (He normal), b1 ~ U(−0.1, 0.1), W2 ~ N(0, 1/width), b2 ~ U(−0.1, 0.1), drawn in that order,
 * each matrix row by row. The target uses x0 and x1, so d is fixed at 2.
 */
export function deadReluData(seed: number, { n, d = 2, width }: { n: number; d?: 2; width: number }): DeadReluData {
  checkCount('deadReluData', { n, width });
  if (d !== 2) throw new Error(`deadReluData: d must be 2 (the target uses x0 and x1), got ${String(d)}`);
  const rng = createRandom(seed);
  const X = rows(n, d, () => rng.uniform(-2, 2));
  const t = X.map(([x0, x1]) => Math.sin(2 * x0) + 0.5 * x1 + rng.normal(0, 0.05));
  const W1 = rows(d, width, () => rng.normal(0, Math.sqrt(2 / d)));
  const b1 = Array.from({ length: width }, () => rng.uniform(-0.1, 0.1));
  const W2 = rows(width, 1, () => rng.normal(0, Math.sqrt(1 / width)));
  const b2 = [rng.uniform(-0.1, 0.1)];
  return { X, t, W1, b1, W2, b2 };
}
