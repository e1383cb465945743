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
 * Length of a sweep (seeds, batches) of `n` items: `n`, or `underMutation` items (by default a tenth, at least 2)
 * under mutation testing, where it is paid once per mutant. The normal suite sweeps in full.
 */
export function sweepLength(n: number, underMutation = Math.max(2, Math.ceil(n / 10))): number {
  return process.env.FC_MAX_RUNS ? Math.min(n, underMutation) : n;
}

/**
 * A time limit of `ms` in the normal suite; none under mutation testing. There every mutated spot in the code under
 * test also counts its coverage per call, which slows hot loops a hundredfold and unevenly (a 2 s parse took over
 * 20 s in a dry run), so no fixed factor makes a wall-clock limit fair, and a failing dry run stops Stryker from
 * scoring the folder at all. The limits stay enforced by `npm test`; a mutant that only makes the code slower is
 * left to them and to the benchmark budgets.
 */
export function timeLimit(ms: number): number {
  return process.env.FC_MAX_RUNS ? Infinity : ms;
}

/**
 * The cases of a sweep whose `work` (multiply-adds, say) is at most `limit` under mutation testing, every case in the
 * normal suite. Instrumented code counts coverage at every mutated spot, so a product of 10⁸ multiply-adds that
 * takes a second in `npm test` takes minutes there, per run and per mutant; the small cases still reach every
 * branch the large ones do, the large ones stay in `npm test`.
 */
export function casesWithin<T>(cases: readonly T[], work: (c: T) => number, limit: number): T[] {
  return process.env.FC_MAX_RUNS ? cases.filter((c) => work(c) <= limit) : [...cases];
}
