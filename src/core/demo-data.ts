/**
 * Seeded data for the teaching demos, drawn as the reference README describes each draw.
 * The numbers come from `createRandom(seed)`, so they are identical on every machine, but they
 * are not PyTorch's draws: the reference files hold their own data for comparisons.
 */
import type { Activation } from './activations/types';
import { initWeightsInto, type InitName } from './init';
import type { FlatNetwork } from './network';
import { createRandom } from './random';

/** Size and initialisation of a square gradient-flow network. */
export interface GradientFlowShape {
  depth: number;
  width: number;
  batch: number;
  init: InitName;
}

/**
 * A depth × width MLP and a batch, written straight into Float64Arrays (no nested arrays, so
 * sliders stay fluid). Draw order: inputs ~ N(0, 1) row by row, then for each layer l = 1..depth
 * its W_l (row-major, `init`) followed by b_l ~ U(−0.1, 0.1). Inputs first and layers in order
 * mean that raising the depth keeps the batch and every existing layer unchanged.
 */
export function gradientFlowData(seed: number, { depth, width, batch, init }: GradientFlowShape): FlatNetwork {
  checkCount('gradientFlowData', { depth, width, batch });
  const rng = createRandom(seed);
  const inputs = new Float64Array(batch * width);
  rng.fillNormal(inputs, 0, inputs.length, 0, 1);
  const weights = new Float64Array(depth * width * width);
  const biases = new Float64Array(depth * width);
  for (let l = 0; l < depth; l++) {
    initWeightsInto(rng, width, width, init, weights, l * width * width);
    rng.fillUniform(biases, l * width, (l + 1) * width, -0.1, 0.1);
  }
  return { widths: new Array<number>(depth + 1).fill(width), batch, weights, biases, inputs };
}

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

/** A rows × cols nested array filled row by row from `draw`. */
function rows(r: number, c: number, draw: () => number): number[][] {
  return Array.from({ length: r }, () => Array.from({ length: c }, draw));
}

/** Throws unless every count is a positive integer. */
function checkCount(where: string, counts: Record<string, number>): void {
  for (const [key, v] of Object.entries(counts)) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${where}: ${key} must be a positive integer, got ${v}`);
  }
}
