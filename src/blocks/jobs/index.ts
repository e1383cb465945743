/** Every job kind's steps, by `kind`: the one table the worker and the main-thread fallback both run from. */
import { zigzagSteps } from '../../core/engines/zigzag/zigzag';
import { runToEnd, within, type Steps } from '../../core/engines/steps';
import { classifierRunSteps, deadReluRunSteps, type ClassifierRunResult } from './engine-runs';
import { gradientFlowJobSteps, type GradientFlowResult } from './gradient-flow-job';
import { samplingJobSteps } from './sampling-job';
import type { Job } from './job';

/** The engine of each kind of runs job: one run's steps. */
const ENGINES = { 'dead-relu': deadReluRunSteps, zigzag: zigzagSteps, classifier: classifierRunSteps };

/** The steps that compute `job` (the same functions in a worker and on the main thread). */
export function jobSteps(job: Job): Steps<unknown> {
  if (job.kind === 'gradient-flow') return gradientFlowJobSteps(job);
  if (job.kind === 'sampling') return samplingJobSteps(job);
  return eachRun(job.runs, ENGINES[job.kind] as (input: unknown) => Steps<unknown>);
}

/**
 * The buffers of `result` that its job allocated for it alone (no cache or scratch shares them): a worker moves them
 * to the main thread instead of copying them, as it never reads a result again. A classifier's saved parameters
 * were a 1–2 ms copy on the main thread (trace), as was every histogram's values.
 */
export function ownedBuffers(job: Job, result: unknown): ArrayBuffer[] {
  if (job.kind === 'classifier') return (result as ClassifierRunResult[]).map((r) => r.saved.buffer as ArrayBuffer);
  if (job.kind === 'gradient-flow')
    return ((result as GradientFlowResult).counts ?? []).flatMap((c) => c.z.map((z) => z.values.buffer as ArrayBuffer));
  return [];
}

/** Each run in order, progress shared equally among them; their results. */
function* eachRun<I, R>(runs: readonly I[], one: (input: I) => Steps<R>): Steps<R[]> {
  const results: R[] = [];
  for (const [i, r] of runs.entries()) results.push(yield* within(one(r), i / runs.length, (i + 1) / runs.length));
  return results;
}

/** The result of `job` computed at once (a state's view without a runner: tests, Node). */
export function jobResult<R>(job: Job): R {
  return runToEnd(jobSteps(job)) as R;
}
