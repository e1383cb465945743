/**
 * A job's result kept in a block's state, tagged with the job it answers: a state holds its results when the
 * tag matches its own job, and a state without them computes them at once (no runner: Node, tests).
 */
import { jobResult } from './index';
import type { Job } from './job';

/** A result, and its job's inputs as JSON. */
export interface Held<R> {
  key: string;
  result: R;
}

const keyOf = ({ expectedMs: _ms, ...inputs }: Job): string => JSON.stringify(inputs);

/** `job`, or null when `held` already answers it. */
export function pendingJob(job: Job, held: Held<unknown> | undefined): Job | null {
  return held?.key === keyOf(job) ? null : job;
}

/** `result` tagged as the answer to `job`. */
export function hold<R>(job: Job, result: R): Held<R> {
  return { key: keyOf(job), result };
}

/** The result of `job`: `held`'s when it answers it, else computed at once. */
export function resultOf<R>(job: Job, held: Held<R> | undefined): R {
  return pendingJob(job, held) ? jobResult<R>(job) : (held as Held<R>).result;
}
