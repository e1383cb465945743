/**
 * Cases a property asked for `n` runs gets: `n`, or at most FC_MAX_RUNS under mutation testing
 * (vitest.mutation.config.ts sets it; test/setup/fast-check-bounded.ts applies it), so that counts of
 * generated inputs stay checked in both.
 */
import process from 'node:process';

/** `n`, capped at FC_MAX_RUNS when that is set. */
export function propertyRuns(n: number): number {
  const cap = Number(process.env.FC_MAX_RUNS);
  return Number.isFinite(cap) && cap > 0 ? Math.min(n, cap) : n;
}

/**
 * Length of a sweep (seeds, batches) of `n` items: `n`, or a tenth of it (at least 2) under mutation testing,
 * where it is paid once per mutant. The normal suite sweeps in full.
 */
export function sweepLength(n: number): number {
  return process.env.FC_MAX_RUNS ? Math.max(2, Math.ceil(n / 10)) : n;
}

/**
 * A wall-clock budget of `ms`, or ten times it under mutation testing, where every mutated spot in the code under
 * test also counts its coverage. A budget there still catches a mutant that turns linear work quadratic.
 */
export function timeBudget(ms: number): number {
  return process.env.FC_MAX_RUNS ? ms * 10 : ms;
}
