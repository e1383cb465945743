/**
 * Jobs: long computations as plain, structured-cloneable data (names, parameters, definitions as source text,
 * seeds, shapes), so the same job runs in a Web Worker or, where none can be created, on the main thread in
 * slices. Results are plain data too.
 */
import type { GradientFlowJob } from './gradient-flow-job';

/** Every kind of job; each is resolved by the same code wherever it runs. */
export type Job = GradientFlowJob;

/** A running job: its result (null when cancelled or superseded; rejects only on a genuine error) and how to stop it. */
export interface JobHandle<R = unknown> {
  result: Promise<R | null>;
  cancel(): void;
}

/** Starts `job`, reporting progress as a fraction in [0, 1]. */
export type RunJob = (job: Job, onProgress: (fraction: number) => void) => JobHandle;

/** Jobs expected to take at most this long run inline, at once: the round trip costs more than it saves. */
export const INLINE_MS = 2;

/** Jobs expected to take longer than this show a progress bar with a Cancel button. */
export const PROGRESS_MS = 200;
