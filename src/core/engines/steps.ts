/**
 * Stepwise computations: an engine written as a generator yields its progress (a fraction in [0, 1]) between
 * steps, so a caller can pause it between slices of work; run to its end at once it is the plain function.
 */

/** A computation that yields its progress in [0, 1] between steps and returns its result. */
export type Steps<T> = Generator<number, T, void>;

/** Runs `steps` to its end without pausing; its result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs `steps` reporting its progress mapped onto [from, to] (stages of a larger computation); its result. */
export function* within<T>(steps: Steps<T>, from: number, to: number): Steps<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield from + (to - from) * next.value;
  }
}
