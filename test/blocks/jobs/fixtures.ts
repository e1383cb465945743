/** Jobs as the ```gradient-flow block makes them, for the job tests. */
import { gradientFlowBlock } from '../../../src/blocks/gradient-flow';
import type { GradientFlowJob } from '../../../src/blocks/jobs/gradient-flow-job';
import { env, parseOk } from '../fixtures';

/** The job of a block with Sigmoid, Tanh, a note's own function and ReLU at these sizes. */
export function gradientFlowJob(sizes: { depth: number; width: number; batch: number }): GradientFlowJob {
  const source = [
    'activations: Sigmoid, Tanh, swish, ReLU',
    'define:',
    '- swish(x; beta=1.5) = x * sig(beta * x)',
    '- sig(x) = 1 / (1 + exp(-x))',
    `depth: ${sizes.depth}`,
    `width: ${sizes.width}`,
    `batch: ${sizes.batch}`,
    'init: auto',
  ].join('\n');
  const kind = gradientFlowBlock;
  const job = kind.job?.(kind.init(parseOk(kind, source), env()));
  if (!job) throw new Error('no job');
  return job;
}
