/** SiLU (swish): x times its sigmoid. */
import type { ActivationSpec } from './types';
import { logistic } from './logistic';

/** SiLU: f = x·σ(x), f' = σ(x)·(1 + x·σ(−x)) (torch's σ(1 + x(1 − σ)), with 1 − σ(x) taken as σ(−x)). */
export const silu: ActivationSpec = {
  name: 'SiLU',
  aliases: ['silu', 'swish'],
  params: [],
  family: 'smooth',
  kinks: () => [],
  bind: () => ({
    f: (x) => x * logistic(x),
    df: (x) => logistic(x) * (1 + x * logistic(-x)),
  }),
};
