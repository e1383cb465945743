/**
 * Runs stepwise work in slices: steps until a slice's time is used up, then the rest after the next turn of the
 * event loop, so input, frames and other jobs get in between. Pure: the clock and the scheduler are given.
 */
import type { Steps } from '../../core/engines/steps';
import type { JobHandle } from './job';

/** Time and turns of an event loop (a window's, a worker's, or a test's fake). */
export interface SliceClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs `fn` on a later turn; the returned function unschedules it. */
  later(fn: () => void): () => void;
}

/**
 * Runs `steps` in slices of at most about `sliceMs`: a slice ends before a step that, as long as the longest step
 * of the slice so far, would end past it (so steps well under `sliceMs` keep every slice within it; a longer step
 * runs alone). Reports progress once per slice; the first slice starts on a later turn, never inside the caller's.
 */
export function runInSlices<T>(
  steps: Steps<T>,
  clock: SliceClock,
  sliceMs: number,
  onProgress: (fraction: number) => void,
): JobHandle<T> {
  let unschedule: (() => void) | null = null;
  let settle: (value: T | null) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const result = new Promise<T | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const slice = (): void => {
    unschedule = null;
    let before = clock.now();
    const end = before + sliceMs;
    let longest = 0;
    try {
      for (;;) {
        const next = steps.next();
        if (next.done) return settle(next.value);
        const now = clock.now();
        longest = Math.max(longest, now - before);
        before = now;
        // Stop before a step that, as long as the longest of this slice, would end past the slice.
        if (now + longest >= end) {
          onProgress(next.value);
          unschedule = clock.later(slice);
          return;
        }
      }
    } catch (error) {
      fail(error);
    }
  };
  unschedule = clock.later(slice);
  return {
    result,
    cancel: () => {
      if (unschedule === null) return; // finished, failed or cancelled already
      unschedule();
      unschedule = null;
      steps.return(undefined as never); // gives back what the run holds (its workspace)
      settle(null);
    },
  };
}
