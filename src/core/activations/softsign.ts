/** Softsign: a rational sigmoid-like squashing. */
import type { ActivationSpec } from './types';

/** Softsign: f = x/(1 + |x|), f' = 1/(1 + |x|)², f'(0) = 1. */
export const softsign: ActivationSpec = {
  name: 'Softsign',
  aliases: ['softsign', 'soft_sign'],
  params: [],
  family: 'saturating',
  kinks: () => [],
  bind: () => ({
    f: (x) => x / (1 + Math.abs(x)),
    df: (x) => {
      const d = 1 + Math.abs(x);
      return 1 / (d * d);
    },
  }),
};
