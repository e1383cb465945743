/** Tanh: the hyperbolic tangent. */
import type { ActivationSpec } from './types';

/** sech²(x) = 1 − tanh²(x) = 4e/(1 + e)² with e = e^(−2|x|): no cancellation in the tails, exactly 1 at 0. */
export function sech2(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  return Math.min(1, (4 * e) / ((1 + e) * (1 + e))); // rounding can land 1 ulp above 1 near 0
}

/** Tanh: f = tanh(x), f' = 1 − tanh²(x) ∈ (0, 1]. */
export const tanh: ActivationSpec = {
  name: 'Tanh',
  aliases: ['tanh'],
  params: [],
  family: 'saturating',
  kinks: () => [],
  bind: () => ({
    f: Math.tanh,
    df: sech2,
    evaluate: (z, zOff, fOut, dfOut, outOff, n) => {
      for (let i = 0; i < n; i++) {
        const x = z[zOff + i];
        fOut[outOff + i] = Math.tanh(x);
        const e = Math.exp(-2 * Math.abs(x));
        dfOut[outOff + i] = Math.min(1, (4 * e) / ((1 + e) * (1 + e)));
      }
    },
  }),
};
