/** Reading a computation run in steps (core/engines/steps.ts) as its progress bar would. */

/** Every progress value `steps` yields, in order, until it returns. */
export function progressOf(steps: Generator<number, unknown>): number[] {
  const out: number[] = [];
  for (let next = steps.next(); !next.done; next = steps.next()) out.push(next.value);
  return out;
}
