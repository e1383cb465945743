/**
 * How blocks bound what they take: each size is bounded on its own, but a drawing costs their product. A kind
 * states its cost model (growing with every size: the memory of a gradient-flow job, the seeds a Dead ReLU batch
 * holds) and its budget; past it, the block names the size to lower and the most that fits.
 */
import { MEMORY_GUARD_BYTES } from '../core/engines/gradient-flow/memory';
import { fail, type Result } from '../core/result';

/** A kind's cost model over named sizes, and the most work one drawing may take. */
export interface WorkBudget<S> {
  budget: number;
  cost(sizes: S): number;
}

/** Whether `sizes` fit the budget. */
export function fits<S>(model: WorkBudget<S>, sizes: S): boolean {
  return model.cost(sizes) <= model.budget;
}

/**
 * The largest value of `key` in 1…`limit` that fits, the other sizes as they are; 0 when even 1 does not.
 * Binary search: the cost grows with every size.
 */
export function mostThatFits<S, K extends keyof S>(model: WorkBudget<S>, sizes: S, key: K, limit: number): number {
  const at = (v: number) => fits(model, { ...sizes, [key]: v });
  if (!at(1)) return 0;
  let lo = 1;
  let hi = Math.max(1, Math.floor(limit));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (at(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The problem a block past the memory guard shows: `key` at `value` needs `bytes`, at most `max` fits. */
export function tooMuchMemory<T>(key: string, value: number, max: number, bytes: number, line: number): Result<T> {
  return fail('tooMuchMemory', { key, value, max, mb: Math.ceil(bytes / 1e6), limit: MEMORY_GUARD_BYTES / 1e6 }, line);
}
