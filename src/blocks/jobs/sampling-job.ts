/**
 * The ```activation block's sampling as a job: f, f′ and the overlays of each function over the block's x range,
 * and its properties when the block shows their table.
 */
import { activationProperties, type ActivationProperties } from '../../core/activations/activation-properties';
import { within, type Steps } from '../../core/engines/steps';
import { computeOverlays, type Overlays } from '../../core/plot/overlays';
import { sampleSteps, type SampledFunction } from '../../core/plot/sampling';
import type { NamedActivation } from '../activation-list';
import { resolveActivationRef, type ActivationRef } from './activation-ref';

/** One block state's sampling, as plain data. */
export interface SamplingJob {
  kind: 'sampling';
  functions: ActivationRef[];
  x: [number, number];
  samples: number;
  overlays: boolean;
  properties: boolean;
  /** The block's estimate of the main-thread time, in ms (as in JobTraits, which would make an import cycle). */
  expectedMs: number;
  background?: boolean;
}

/** One function's curves, and its overlays and properties when the block shows them. */
export interface SampledCurve {
  sampled: SampledFunction;
  overlays?: Overlays;
  properties?: ActivationProperties;
}

/** Every function's curves, in order; progress shared equally among the functions. */
export function* samplingRuns(
  functions: readonly NamedActivation[],
  x: readonly [number, number],
  samples: number,
  overlays: boolean,
  properties: boolean,
): Steps<SampledCurve[]> {
  const curves: SampledCurve[] = [];
  for (const [i, a] of functions.entries()) {
    const { f, df } = a.spec.bind(a.params);
    const fn = { f, df, kinks: a.spec.kinks(a.params), jumps: a.spec.jumps?.(a.params) ?? [] };
    const sampled = yield* within(sampleSteps(fn, x, samples), i / functions.length, (i + 1) / functions.length);
    // The note's own functions have no family we vouch for: their overlays come from f′ alone.
    const family = a.spec.expression ? 'expression' : a.spec.family;
    curves.push({
      sampled,
      overlays: overlays ? computeOverlays(family, df, sampled) : undefined,
      properties: properties ? activationProperties(a.spec, a.params) : undefined,
    });
  }
  return curves;
}

/** The steps of `job`, its functions resolved from their plain-data form. */
export function samplingJobSteps(job: SamplingJob): Steps<SampledCurve[]> {
  return samplingRuns(job.functions.map(resolveActivationRef), job.x, job.samples, job.overlays, job.properties);
}
