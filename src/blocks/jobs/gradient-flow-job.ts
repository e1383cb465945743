/** The ```gradient-flow block's computation as a job: per activation, gradients of a seeded MLP by backprop. */
import { cachedGradientFlowDataSteps } from '../../core/engines/gradient-flow/cache';
import { gradientFlowSteps, type FlatNetwork, type GradientFlow } from '../../core/engines/gradient-flow/network';
import type { InitName } from '../../core/engines/init';
import { within, type Steps } from '../../core/engines/steps';
import type { NamedActivation } from '../activation-list';
import { resolveActivationRef, type ActivationRef } from './activation-ref';

/** The network every activation of a block is measured on (one draw per initialisation). */
export interface GradientFlowShape {
  seed: number;
  depth: number;
  width: number;
  batch: number;
}

/** One block state's gradient flows, as plain data. */
export interface GradientFlowJob extends GradientFlowShape {
  kind: 'gradient-flow';
  activations: { ref: ActivationRef; init: InitName }[];
  /** The block's estimate of the main-thread time, in ms (decides inline, background, progress bar). */
  expectedMs: number;
}

/**
 * The gradient flow of each activation, in order, on the network drawn with its init (each init's network drawn
 * once, when first needed). Progress is shared equally among the draws and the runs.
 */
export function* gradientFlowRuns(
  runs: readonly { a: NamedActivation; init: InitName }[],
  shape: GradientFlowShape,
): Steps<GradientFlow[]> {
  const networks = new Map<InitName, FlatNetwork>();
  const stages = runs.length + new Set(runs.map((r) => r.init)).size;
  let stage = 0;
  const results: GradientFlow[] = [];
  for (const { a, init } of runs) {
    let net = networks.get(init);
    if (!net) {
      const { seed, depth, width, batch } = shape;
      const draw = cachedGradientFlowDataSteps(seed, { depth, width, batch, init });
      networks.set(init, (net = yield* within(draw, stage / stages, ++stage / stages)));
    }
    const { f, df } = a.spec.bind(a.params);
    results.push(yield* within(gradientFlowSteps({ f, df }, net), stage / stages, ++stage / stages));
  }
  return results;
}

/** The steps of `job`, its activations resolved from their plain-data form. */
export function gradientFlowJobSteps(job: GradientFlowJob): Steps<GradientFlow[]> {
  return gradientFlowRuns(
    job.activations.map(({ ref, init }) => ({ a: resolveActivationRef(ref), init })),
    job,
  );
}
