/**
 * How Dead ReLU runs end, for counting a batch of them: a unit "≤ 0 on every sample" is dead only
 * where the activation's slope is 0 for every z ≤ 0; under LeakyReLU it is negative but still learns.
 */
import type { DeadReluRun } from './dead-relu';
import type { Elementwise } from '../evaluate';

/** What a unit whose pre-activation is ≤ 0 on every sample is under an activation. */
export type BelowZero = 'dead' | 'learning' | 'other';

/**
 * `dead`: f′(z) = 0 for every z ≤ 0 (ReLU, ReLU6, LeakyReLU with slope 0), so such a unit gets no gradient;
 * `learning`: f′(z) = negative_slope ≠ 0 there (LeakyReLU, PReLU), so it keeps learning; `other`: anything else.
 */
export function belowZero(a: Pick<Elementwise, 'silentBelowZero' | 'negativeSlope'>): BelowZero {
  if (a.silentBelowZero === true || a.negativeSlope === 0) return 'dead';
  return a.negativeSlope !== undefined ? 'learning' : 'other';
}

/** How one run ended: diverged, or with every / some / no unit ≤ 0 on every sample at its last step. */
export type Outcome = 'diverged' | 'all' | 'some' | 'none';

/** The outcome of a run of a net with `width` hidden units. */
export function outcome(run: DeadReluRun, width: number): Outcome {
  if (run.divergedAt !== undefined) return 'diverged';
  const last = run.dead[run.dead.length - 1] ?? 0;
  return last >= width ? 'all' : last > 0 ? 'some' : 'none';
}

/** Outcomes counted over a batch of runs. */
export type Tally = Record<Outcome, number> & { runs: number };

/** Counts the outcomes of `runs`. */
export function tally(runs: readonly DeadReluRun[], width: number): Tally {
  const t: Tally = { runs: runs.length, diverged: 0, all: 0, some: 0, none: 0 };
  for (const r of runs) t[outcome(r, width)]++;
  return t;
}
