/**
 * Jobs: long computations as plain, structured-cloneable data (names, parameters, definitions as source text,
 * seeds, shapes), so the same job runs in a Web Worker or, where none can be created, on the main thread in
 * slices. Results are plain data too.
 */
import type { GradientFlowJob } from './gradient-flow-job';
import type { SamplingJob } from './sampling-job';
import type { ClassifierRunInput, DeadReluRunInput } from './engine-runs';
import type { ZigzagInput } from '../../core/engines/zigzag/zigzag';

/** What every job states besides its inputs. */
export interface JobTraits {
  /** The block's estimate of the main-thread time, in ms (decides inline, background, progress bar). */
  expectedMs: number;
  /** The view does not wait for it (the rest of a batch of seeds): the current view stays live meanwhile. */
  background?: boolean;
}

/** Independent runs of one engine, each a plain-data input; the result is their results in the same order. */
export interface RunsJob<K extends string, I> extends JobTraits {
  kind: K;
  runs: I[];
}

/** Every kind of job; each is resolved by the same code wherever it runs. */
export type Job =
  | GradientFlowJob
  | SamplingJob
  | RunsJob<'dead-relu', DeadReluRunInput>
  | RunsJob<'zigzag', ZigzagInput>
  | RunsJob<'classifier', ClassifierRunInput>;

/** A running job: its result (null when cancelled or superseded; rejects only on a genuine error) and how to stop it. */
export interface JobHandle<R = unknown> {
  result: Promise<R | null>;
  cancel(): void;
}

/** Starts `job`, reporting progress as a fraction in [0, 1]. */
export type RunJob = (job: Job, onProgress: (fraction: number) => void) => JobHandle;

/** Jobs expected to take at most this long run inline, at once: the round trip costs more than it saves. */
export const INLINE_MS = 2;

/**
 * A job in flight expected to take at most this long runs to its end when a newer one is requested (the newer
 * waits, at most about this long); a longer one is cancelled at once.
 */
export const FINISH_MS = 50;

/** Jobs expected to take longer than this show a progress bar with a Cancel button. */
export const PROGRESS_MS = 200;
