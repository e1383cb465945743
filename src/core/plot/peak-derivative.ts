import { goldenMax } from '../numeric/golden-max';

/** max |f′| of an activation, found numerically: the factor per layer by which backprop can at best keep a gradient. */

/** Largest |df| on a fine grid over [−range, range], refined around the best point. */
export function peakAbsDerivative(df: (x: number) => number, range = 12, samples = 2401): number {
  let best = 0;
  let bestX = 0;
  for (let i = 0; i < samples; i++) {
    const x = -range + (2 * range * i) / (samples - 1);
    const d = Math.abs(df(x));
    if (isFinite(d) && d > best) {
      best = d;
      bestX = x;
    }
  }
  // Refine on the neighbouring cell: turns 0.24999… into Sigmoid's exact 0.25.
  const h = (2 * range) / (samples - 1);
  const x = goldenMax((t) => Math.abs(df(t)), bestX - h, bestX + h);
  return Math.max(best, Math.abs(df(x)));
}
