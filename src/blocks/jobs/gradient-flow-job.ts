/** The ```gradient-flow block's computation as a job: per activation, gradients of a seeded MLP by backprop. */
import { cachedGradientFlowDataSteps } from '../../core/engines/gradient-flow/cache';
import {
  gradientFlowSteps,
  type FlatNetwork,
  type FlowOptions,
  type GradientFlow,
} from '../../core/engines/gradient-flow/network';
import type { InitName } from '../../core/engines/init';
import { within, type Steps } from '../../core/engines/steps';
import type { NamedActivation } from '../activation-list';
import { resolveActivationRef, type ActivationRef } from './activation-ref';

/** The network every activation of a block is measured on (one draw per initialisation), and its weight gain. */
export interface GradientFlowShape {
  seed: number;
  depth: number;
  width: number;
  batch: number;
  gain: number;
}

/** What `view: histograms` needs counted as the units pass: per activation the |f′| bound, and which layers' z. */
export interface HistogramRequest {
  below: number[];
  layers: number[];
}

/** One activation's run, layer by layer (index l − 1 for layer l), as plain data. */
export interface LayerCounts {
  /** Share of units with |f′(z)| below the bound. */
  saturated: number[];
  meanDf: number[];
  /** z of every unit at the requested layers. */
  z: { layer: number; values: Float64Array }[];
  /** √fan_in × std of the weights as used (gain·W). */
  weightGain: number;
}

/** The job's result: the flows, and the counts when histograms were asked for. */
export interface GradientFlowResult {
  flows: GradientFlow[];
  counts: LayerCounts[] | null;
}

/** One block state's gradient flows, as plain data. */
export interface GradientFlowJob extends GradientFlowShape {
  kind: 'gradient-flow';
  activations: { ref: ActivationRef; init: InitName }[];
  histograms: HistogramRequest | null;
  /** The block's estimate of the main-thread time, in ms (as in JobTraits, which would make an import cycle). */
  expectedMs: number;
  background?: boolean;
}

/**
 * The gradient flow of each activation, in order, on the network drawn with its init (each init's network drawn
 * once, when first needed), with the histogram counts when asked. Progress is shared equally among draws and runs.
 */
export function* gradientFlowRuns(
  runs: readonly { a: NamedActivation; init: InitName }[],
  shape: GradientFlowShape,
  histograms: HistogramRequest | null,
): Steps<GradientFlowResult> {
  const networks = new Map<InitName, FlatNetwork>();
  const stages = runs.length + new Set(runs.map((r) => r.init)).size;
  let stage = 0;
  const flows: GradientFlow[] = [];
  const counts: LayerCounts[] = [];
  for (const [i, { a, init }] of runs.entries()) {
    let net = networks.get(init);
    if (!net) {
      const { seed, depth, width, batch } = shape;
      const draw = cachedGradientFlowDataSteps(seed, { depth, width, batch, init });
      networks.set(init, (net = yield* within(draw, stage / stages, ++stage / stages)));
    }
    const options: FlowOptions = { gain: shape.gain };
    if (histograms) {
      const c = counter(histograms.below[i], new Set(histograms.layers), weightGain(net, shape.gain));
      options.observe = c.observe;
      counts.push(c.counts);
    }
    const { f, df } = a.spec.bind(a.params);
    flows.push(yield* within(gradientFlowSteps({ f, df }, net, options), stage / stages, ++stage / stages));
  }
  return { flows, counts: histograms ? counts : null };
}

/** Counts as the units pass (torch's f′ of each z), so the share is of exactly the values drawn. */
function counter(below: number, shown: Set<number>, gain: number) {
  const counts: LayerCounts = { saturated: [], meanDf: [], z: [], weightGain: gain };
  const observe = (l: number, z: Float64Array, d: Float64Array, off: number, n: number): void => {
    let low = 0;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      if (Math.abs(d[off + k]) < below) low++;
      sum += d[off + k];
    }
    counts.saturated.push(low / n);
    counts.meanDf.push(sum / n);
    if (shown.has(l)) counts.z.push({ layer: l, values: z.slice(0, n) });
  };
  return { counts, observe };
}

/** √fan_in × the standard deviation of the weights as used (gain·W): ≈ √2 under He, 1 under Xavier, at gain 1. */
function weightGain(net: FlatNetwork, gain: number): number {
  const w = net.weights;
  let sum = 0;
  let sq = 0;
  for (const v of w) {
    sum += v;
    sq += v * v;
  }
  const mean = sum / w.length;
  return gain * Math.sqrt(net.widths[0] * (sq / w.length - mean * mean));
}

/** The steps of `job`, its activations resolved from their plain-data form. */
export function gradientFlowJobSteps(job: GradientFlowJob): Steps<GradientFlowResult> {
  return gradientFlowRuns(
    job.activations.map(({ ref, init }) => ({ a: resolveActivationRef(ref), init })),
    job,
    job.histograms,
  );
}
