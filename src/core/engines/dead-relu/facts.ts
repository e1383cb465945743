/**
 * The facts the dead-ReLU summary lines state, computed from the run (never typed in): when every unit died,
 * the final loss, and the targets' variance the loss of an all-dead net settles at.
 */
import type { DeadReluRun } from './dead-relu';

/** What one dead-ReLU run ended with. */
export interface DeadReluFacts {
  /** The last recorded step: `steps`, or `divergedAt − 1` (−1 when nothing was recorded). */
  lastStep: number;
  /** Loss at the last recorded step (NaN when nothing was recorded). */
  finalLoss: number;
  /** Dead units at the last recorded step. */
  finalDead: number;
  /** First step from which every unit stays dead until the end, if the run gets there. */
  allDeadFrom?: number;
  /** Units counted dead still receive gradient at the end (LeakyReLU's negative slope). */
  deadStillLearn: boolean;
  divergedAt?: number;
}

/** Reads the summary facts off a run of a net with `width` hidden units. */
export function deadReluFacts(run: DeadReluRun, width: number): DeadReluFacts {
  const last = run.loss.length - 1;
  let from: number | undefined;
  // "Dead from step S" means dead at S and at every later step, so scan back from the end.
  for (let s = last; s >= 0 && run.dead[s] === width; s--) from = s;
  return {
    lastStep: last,
    finalLoss: last >= 0 ? run.loss[last] : NaN,
    finalDead: last >= 0 ? run.dead[last] : 0,
    ...(from !== undefined ? { allDeadFrom: from } : {}),
    deadStillLearn: last >= 0 && run.deadGradNorm[last] > 0,
    ...(run.divergedAt !== undefined ? { divergedAt: run.divergedAt } : {}),
  };
}

/**
 * Population variance, mean((t − mean t)²): the smallest mean squared error a constant prediction
 * reaches, so the loss a network with every hidden unit dead settles at.
 */
export function variance(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) * (v - mean);
  return sq / values.length;
}
