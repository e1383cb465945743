/** Tanh: the hyperbolic tangent. */
import type { ActivationSpec } from './types';

/** sech²(x) = 1 − tanh²(x) = 4e/(1 + e)² with e = e^(−2|x|): no cancellation in the tails, exactly 1 at 0. */
function sech2FromExp(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  return Math.min(1, (4 * e) / ((1 + e) * (1 + e))); // rounding can land 1 ulp above 1 near 0
}

/** |x| below which tanh(x) = x and sech²(x) = 1 in doubles (fdlibm's cut-off). */
const TINY = 2 ** -28;

/**
 * Writes tanh(x) to f[i] and sech²(x) to df[i] from one expm1, the way fdlibm's tanh (V8's Math.tanh) computes
 * tanh, so f is Math.tanh(x) bit for bit; sech² = 4(t + 1)/(t + 2)² reuses its t = e^(±2|x|) − 1 instead of a
 * second exponential (the engines' hot path: a Tanh network costs one transcendental per unit, not two).
 */
function tanhInto(x: number, f: Float64Array, df: Float64Array, i: number): void {
  const a = Math.abs(x);
  if (a >= TINY && a < 22) {
    const big = a >= 1;
    const t = Math.expm1(big ? 2 * a : -2 * a);
    const z = big ? 1 - 2 / (t + 2) : -t / (t + 2);
    f[i] = x < 0 ? -z : z;
    df[i] = Math.min(1, (4 * (t + 1)) / ((t + 2) * (t + 2)));
  } else if (a < TINY) {
    f[i] = x;
    df[i] = 1;
  } else {
    // |x| ≥ 22, ±∞ and NaN.
    f[i] = Math.tanh(x);
    df[i] = sech2FromExp(x);
  }
}

const one = { f: new Float64Array(1), df: new Float64Array(1) };

/** sech²(x) = 1 − tanh²(x), accurate in the tails and exactly 1 at 0 (the same value as Tanh's engine loop). */
export function sech2(x: number): number {
  tanhInto(x, one.f, one.df, 0);
  return one.df[0];
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
      for (let i = 0; i < n; i++) tanhInto(z[zOff + i], fOut, dfOut, outOff + i);
    },
  }),
};
