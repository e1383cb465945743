/** Log-scale ranges: whole decades around the positive finite values, so ticks land on powers of ten. */

/** [10^a, 10^b] covering every positive finite value; [0.1, 10] when there is none. */
export function decadeRange(values: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0.1, 10];
  const a = Math.floor(Math.log10(lo) + 1e-12);
  const b = Math.max(a + 1, Math.ceil(Math.log10(hi) - 1e-12));
  return [Math.pow(10, a), Math.pow(10, b)];
}

/** Values that a log axis can show: zeros and non-finite values become gaps (NaN). */
export function positiveOrGap(values: readonly number[]): number[] {
  return values.map((v) => (v > 0 && isFinite(v) ? v : NaN));
}
