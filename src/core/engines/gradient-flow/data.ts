/**
 * Seeded data for the gradient-flow demo, drawn as the reference README describes it. The numbers come from
 * `createRandom(seed)`, so they are identical on every machine, but they are not PyTorch's draws: the
 * reference files hold their own data for comparisons.
 */
import { initWeightsInto, type InitName } from '../init';
import type { FlatNetwork } from './network';
import { createRandom } from '../../numeric/random';
import { checkCount } from '../seeded-draw';

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
