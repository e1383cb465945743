/** Overflow-free logistic helpers shared by Sigmoid, LogSigmoid, SiLU, Mish, Softplus and GELU(tanh). */

/** σ(x) = 1/(1 + e^(−x)); only e^(−|x|) is ever formed, so neither tail overflows (σ(−1000) = 0, not NaN). */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ'(x) = σ(x)·σ(−x) = e^(−|x|)/(1 + e^(−|x|))², without the cancellation of σ(1 − σ) in the right tail. */
export function logisticSlope(x: number): number {
  const e = Math.exp(-Math.abs(x));
  return Math.min(0.25, e / ((1 + e) * (1 + e))); // rounding can land 1 ulp above the true maximum 1/4 near 0
}

/** σ and σ′ of a whole array with one e^(−|x|) per element: the same values as `logistic` and `logisticSlope`. */
export function logisticInto(
  z: Float64Array,
  zOff: number,
  fOut: Float64Array,
  dfOut: Float64Array,
  outOff: number,
  n: number,
): void {
  for (let i = 0; i < n; i++) {
    const x = z[zOff + i];
    const e = Math.exp(-Math.abs(x));
    const d = 1 + e;
    fOut[outOff + i] = x >= 0 ? 1 / d : e / d;
    dfOut[outOff + i] = Math.min(0.25, e / (d * d));
  }
}

/** log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)): finite for every finite x, exact-ish in both tails. */
export function log1pExp(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}
