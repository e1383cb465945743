/**
 * Seeded data for the zig-zag demo, drawn as the reference README describes it. The numbers come from
 * `createRandom(seed)`, so they are identical on every machine, but they are not PyTorch's draws: the
 * reference files hold their own data for comparisons.
 */
import type { Activation } from '../../activations/types';
import { createRandom } from '../../numeric/random';
import { checkCount, rows } from '../seeded-draw';

/** Inputs and targets for the zig-zag demo. */
export interface ZigzagData {
  z: number[][];
  x: number[][];
  t: number[];
}

/**
 * The zig-zag draw: z ~ N(0, 0.3²)^(n×2) row by row, x = f(z) entrywise with the given input
 * activation (Sigmoid: all positive, Tanh: zero-centred), t = x·w_star. The same seed gives the
 * same z for every activation, so the two input kinds can be compared on one draw.
 */
export function zigzagData(
  seed: number,
  { n, inputs, w_star }: { n: number; inputs: Pick<Activation, 'f'>; w_star: readonly [number, number] },
): ZigzagData {
  checkCount('zigzagData', { n });
  const rng = createRandom(seed);
  const z = rows(n, 2, () => rng.normal(0, 0.3));
  const x = z.map((row) => row.map((v) => inputs.f(v)));
  const t = x.map(([x0, x1]) => x0 * w_star[0] + x1 * w_star[1]);
  return { z, x, t };
}

/**
 * SGD's sample order for the zig-zag draw of the same seed: epoch after epoch, a Fisher–Yates shuffle
 * of 0…n−1, drawn from the seed's stream after z (so the data stay those of `zigzagData`). An epoch's
 * shuffle does not depend on how many steps follow, so more steps keep the earlier order.
 */
export function zigzagOrder(seed: number, { n, steps }: { n: number; steps: number }): number[] {
  checkCount('zigzagOrder', { n });
  const rng = createRandom(seed);
  rows(n, 2, () => rng.normal(0, 0.3));
  const order: number[] = [];
  while (order.length < steps) {
    const epoch = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [epoch[i], epoch[j]] = [epoch[j], epoch[i]];
    }
    order.push(...epoch);
  }
  return order.slice(0, steps);
}
