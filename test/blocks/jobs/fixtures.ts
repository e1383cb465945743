/** Jobs as the ```gradient-flow block makes them, for the job tests. */
import { float64Bits } from '../../helpers/bits';
import { gradientFlowBlock } from '../../../src/blocks/gradient-flow';
import type { GradientFlowJob, GradientFlowResult } from '../../../src/blocks/jobs/gradient-flow-job';
import { env, parseOk } from '../fixtures';

/** The job of a block with Sigmoid, Tanh, a note's own function and ReLU at these sizes (`more`: further keys). */
export function gradientFlowJob(sizes: { depth: number; width: number; batch: number }, more = ''): GradientFlowJob {
  const source = [
    'activations: Sigmoid, Tanh, swish, ReLU',
    'define:',
    '- swish(x; beta=1.5) = x * sig(beta * x)',
    '- sig(x) = 1 / (1 + exp(-x))',
    `depth: ${sizes.depth}`,
    `width: ${sizes.width}`,
    `batch: ${sizes.batch}`,
    'init: auto',
    more,
  ].join('\n');
  const kind = gradientFlowBlock;
  const job = kind.job?.(kind.init(parseOk(kind, source), env())) as GradientFlowJob | null;
  if (!job) throw new Error('no job');
  return job;
}

/** Bits, except that every NaN reads as one: V8 does not keep a NaN's sign between interpreted and compiled code. */
const bits = (values: ArrayLike<number>) => float64Bits(Array.from(values, (v) => (Number.isNaN(v) ? NaN : v)));

/** Every number of a job's result as bits: the flows, and the histogram counts when there are any. */
export const resultBits = (result: unknown) => {
  const { flows, counts } = result as GradientFlowResult;
  return {
    flows: flows.map((g) => bits([g.loss, ...g.gradWNorm, ...g.gradBNorm, ...g.gradHMeanAbs])),
    counts: counts?.map((c) => ({
      layers: c.z.map((e) => e.layer),
      values: bits([...c.saturated, ...c.meanDf, c.weightGain, ...c.z.flatMap((e) => [...e.values])]),
    })),
  };
};
