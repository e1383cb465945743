/**
 * The facts the zig-zag summary lines state, computed from the run (never typed in): how many updates moved
 * both weights the same way, the signs of the inputs, and the shape of the loss the run descends.
 */
import type { QuadraticLoss } from './contours';
import type { ZigzagRun } from './zigzag';

/** What one zig-zag run did. */
export interface ZigzagFacts {
  /** Updates recorded. */
  updates: number;
  /** Updates whose two components are non-zero and of the same sign. */
  sameSign: number;
  /** Consecutive same-sign updates that reverse direction ((+,+) then (−,−) or back). */
  reversals: number;
  /** Updates turning by more than 90° from the previous one (negative dot product): the zig-zag. */
  turns: number;
  /** Update lengths strictly increase over the second half of the updates (at least two of them). */
  stepsGrow: boolean;
  /** Euclidean distance from the first and the last recorded w to w*. */
  startDistance: number;
  finalDistance: number;
  divergedAt?: number;
}

/** Reads the summary facts off a run that aims at `wStar`. */
export function zigzagFacts(run: ZigzagRun, wStar: readonly [number, number]): ZigzagFacts {
  const dist = (w: readonly number[] | undefined) => (w ? Math.hypot(w[0] - wStar[0], w[1] - wStar[1]) : NaN);
  const same = run.updateSameSign;
  let reversals = 0;
  let turns = 0;
  const step = (s: number) => run.updates[s];
  for (let s = 0; s + 1 < same.length; s++) {
    // Same-sign updates point along (1, 1) or (−1, −1); the first component's sign tells which.
    if (same[s] && same[s + 1] && direction(run, s) !== direction(run, s + 1)) reversals++;
    const [a, b] = [step(s), step(s + 1)];
    if (a[0] * b[0] + a[1] * b[1] < 0) turns++;
  }
  const lengths = same.map((_, s) => Math.hypot(...step(s)));
  const half = lengths.slice(Math.floor(lengths.length / 2));
  return {
    updates: same.length,
    sameSign: same.filter(Boolean).length,
    reversals,
    turns,
    stepsGrow: half.length >= 2 && half.every((l, k) => k === 0 || l > half[k - 1]),
    startDistance: dist(run.w[0]),
    finalDistance: dist(run.w[run.w.length - 1]),
    ...(run.divergedAt !== undefined ? { divergedAt: run.divergedAt } : {}),
  };
}

/** Sign of the first component of update s (w[s+1] − w[s]). */
function direction(run: ZigzagRun, s: number): boolean {
  return run.w[s + 1][0] - run.w[s][0] > 0;
}

/** How the inputs' signs are spread: the reason updates share signs (or not). */
export type InputSigns = 'positive' | 'nonNegative' | 'negative' | 'nonPositive' | 'centred' | 'mixed';

/**
 * Classifies inputs by the signs of their entries: every entry > 0 (Sigmoid outputs), ≥ 0 (ReLU),
 * < 0, ≤ 0; otherwise `centred` when they come from a zero-centred (odd) function such as Tanh,
 * else `mixed` (ELU, GELU: both signs, but not symmetric about 0). A sample's mean cannot tell these
 * apart: Tanh of 32 draws from N(0, 0.3²) has a sample mean as far from 0 as GELU's.
 */
export function inputSigns(x: readonly (readonly number[])[], f: (z: number) => number): InputSigns {
  let min = Infinity;
  let max = -Infinity;
  for (const row of x)
    for (const v of row) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  if (min > 0) return 'positive';
  if (min >= 0) return 'nonNegative';
  if (max < 0) return 'negative';
  if (max <= 0) return 'nonPositive';
  return isOdd(f) ? 'centred' : 'mixed';
}

/** Points where oddness is checked: both sides of 0 at several scales, away from typical kinks. */
const ODD_PROBES = [0.013, 0.1, 0.37, 0.9, 1.7, 3.3, 7.1];

/** f(−z) = −f(z) (to rounding) at the probes and f(0) = 0: Tanh, Softsign, Hardtanh, the shrinks. */
export function isOdd(f: (z: number) => number): boolean {
  if (f(0) !== 0) return false;
  return ODD_PROBES.every((z) => {
    const [a, b] = [f(z), f(-z)];
    return Math.abs(a + b) <= 1e-12 * Math.max(1, Math.abs(a));
  });
}

/** What makes one input kind's problem easy or hard, read off its data. */
export interface ZigzagProblemFacts {
  samples: number;
  /** Samples with x_i1·x_i2 > 0: their gradient 2(y_i − t_i)·x_i, when not zero, moves both weights the same way. */
  sameSignSamples: number;
  /** Condition number λ_max/λ_min of xᵀx/n (∞ when singular): how elongated the loss's ellipses are. */
  kappa: number;
  /** Full-batch gradient descent converges for every start iff lr < this (the Hessian is 2·xᵀx/n). */
  stableBelow: number;
}

/** Reads the problem facts off the inputs and their loss's quadratic form. */
export function zigzagProblemFacts(x: readonly (readonly number[])[], loss: QuadraticLoss): ZigzagProblemFacts {
  const [l1, l2] = loss.lambda;
  return {
    samples: x.length,
    sameSignSamples: x.filter(([a, b]) => a * b > 0).length,
    kappa: l2 > 0 ? l1 / l2 : Infinity,
    stableBelow: 1 / l1,
  };
}
