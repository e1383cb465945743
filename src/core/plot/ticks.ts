/** "Nice" axis steps (1, 2, 2.5, 5 × 10^k), so tick labels read well and a tick always sits at 0. */

/** The nice step that splits `span` into about `count` intervals. */
export function niceStep(span: number, count = 6): number {
  if (!(span > 0) || !isFinite(span)) return 1;
  const raw = span / count;
  const pow = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / pow;
  const nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
  return nice * pow;
}

/** Widens [lo, hi] outward to multiples of a nice step; returns the range and the step. */
export function niceRange(lo: number, hi: number, count = 6): { min: number; max: number; step: number } {
  const step = niceStep(hi - lo, count);
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  return { min: min === 0 ? 0 : min, max: max === 0 ? 0 : max, step };
}
