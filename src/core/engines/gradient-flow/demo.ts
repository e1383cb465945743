/** The gradient-flow demo: a seeded square network, drawn once per seed and shape, measured layer by layer. */
import type { ActivationFamily } from '../../activations/types';
import type { Elementwise } from '../evaluate';
import { defaultInitFor, type InitName } from '../init';
import { gradientFlowFlat, type GradientFlow } from './network';
import { cachedGradientFlowData } from './cache';

/** Settings of the gradient-flow demo: a square network drawn from a seed; `init` defaults from `family`. */
export interface GradientFlowDemoInput {
  activation: Elementwise;
  family?: ActivationFamily;
  depth: number;
  width: number;
  batch: number;
  init?: InitName;
  seed: number;
}

/** Gradient flow plus the settings that produced it. */
export interface GradientFlowDemo extends GradientFlow {
  depth: number;
  width: number;
  batch: number;
  init: InitName;
  seed: number;
}

/**
 * Draws a network with `gradientFlowData` (weights by `init`, biases U(−0.1, 0.1), inputs N(0, 1))
 * and measures its gradient flow. Without `init` it uses `defaultInitFor(family)`; one of the two is
 * required. The draw comes from the demos' one network cache (the engine never writes to it).
 */
export function gradientFlowDemo(input: GradientFlowDemoInput): GradientFlowDemo {
  const { activation, family, depth, width, batch, seed } = input;
  if (input.init === undefined && family === undefined) throw new Error('gradientFlowDemo: give init or family');
  const init = input.init ?? defaultInitFor(family as ActivationFamily);
  const net = cachedGradientFlowData(seed, { depth, width, batch, init });
  return { ...gradientFlowFlat(activation, net), depth, width, batch, init, seed };
}
