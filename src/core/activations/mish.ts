/** Mish: x·tanh(softplus(x)). */
import type { ActivationSpec } from './types';
import { logistic } from './logistic';

/**
 * tanh(softplus(x)) and 1 − tanh²(softplus(x)) without overflow. With e = eˣ, tanh(log(1 + e)) = n/(n + 2)
 * where n = e(e + 2), so 1 − t² = 4(n + 1)/(n + 2)²; for x > 0 the same in u = e^(−x):
 * t = (1 + 2u)/(1 + 2u + 2u²) and 1 − t² = 4u²(1 + u)²/(1 + 2u + 2u²)².
 */
function tanhSoftplus(x: number): { t: number; sech2: number } {
  if (x <= 0) {
    const e = Math.exp(x);
    const n = e * (e + 2);
    return { t: n / (n + 2), sech2: (4 * (n + 1)) / ((n + 2) * (n + 2)) };
  }
  const u = Math.exp(-x);
  const d = 1 + 2 * u + 2 * u * u;
  const w = 2 * u * (1 + u);
  return { t: (1 + 2 * u) / d, sech2: (w * w) / (d * d) };
}

/** Mish: f = x·tanh(softplus(x)), f' = tanh(sp(x)) + x·σ(x)·(1 − tanh²(sp(x))); f'(0) = 0.6. */
export const mish: ActivationSpec = {
  name: 'Mish',
  aliases: ['mish'],
  params: [],
  family: 'smooth',
  kinks: () => [],
  bind: () => ({
    f: (x) => x * tanhSoftplus(x).t,
    df: (x) => {
      const { t, sech2 } = tanhSoftplus(x);
      return t + x * logistic(x) * sech2;
    },
  }),
};
