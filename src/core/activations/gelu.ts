/** GELU: x times the standard normal CDF, exact (erf) or tanh-approximated. */
import type { Activation, ActivationSpec } from './types';
import { choiceParam } from './choice-param';
import { erfc } from '../numeric/erf';
import { logistic, logisticSlope } from './logistic';

const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
const K_BETA = Math.SQRT2 * (2 / Math.sqrt(Math.PI)) * 0.5; // √(2/π), as torch's M_SQRT2·M_2_SQRTPI·0.5
const K_KAPPA = 0.044715;

/** Exact: f = x·Φ(x) = ½x·erfc(−x/√2), f' = Φ(x) + x·φ(x). erfc keeps the left tail free of 1 + erf cancellation. */
function exact(): Pick<Activation, 'f' | 'df'> {
  return {
    f: (x) => 0.5 * x * erfc(-x * Math.SQRT1_2),
    df: (x) => 0.5 * erfc(-x * Math.SQRT1_2) + x * Math.exp(-0.5 * x * x) * INV_SQRT_2PI,
  };
}

/**
 * tanh form: f = ½x(1 + tanh(u)), u = √(2/π)(x + 0.044715x³). Written as 1 + tanh(u) = 2σ(2u) and
 * 1 − tanh²(u) = 4σ'(2u), so f = x·σ(2u) and f' = σ(2u) + 2x·σ'(2u)·√(2/π)(1 + 3·0.044715x²).
 */
function tanhApprox(): Pick<Activation, 'f' | 'df'> {
  const inner2 = (x: number) => 2 * K_BETA * (x + K_KAPPA * x * x * x);
  return {
    f: (x) => x * logistic(inner2(x)),
    df: (x) => {
      const u2 = inner2(x);
      const slope = logisticSlope(u2);
      // slope is 0 once |x| ≳ 22; skipping the product then avoids ∞·0 for huge x.
      return logistic(u2) + (slope === 0 ? 0 : 2 * x * slope * K_BETA * (1 + 3 * K_KAPPA * x * x));
    },
  };
}

/** GELU(approximate='none'|'tanh'); smooth everywhere, GELU'(0) = 1/2. */
export const gelu: ActivationSpec = {
  name: 'GELU',
  aliases: ['gelu'],
  params: [choiceParam('approximate', 'none', ['none', 'tanh'])],
  family: 'smooth',
  kinks: () => [],
  bind: (p) => (p.approximate === 'tanh' ? tanhApprox() : exact()),
};
