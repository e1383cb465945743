/** Tanhshrink: what tanh removes from the identity. */
import type { ActivationSpec } from './types';

/** Tanhshrink: f = x − tanh(x), f' = tanh²(x) (torch's 1 − (1 − tanh²)); f'(0) = 0. */
export const tanhshrink: ActivationSpec = {
  name: 'Tanhshrink',
  aliases: ['tanhshrink', 'tanh_shrink'],
  params: [],
  family: 'shrink',
  kinks: () => [],
  bind: () => ({
    f: (x) => x - Math.tanh(x),
    df: (x) => {
      const t = Math.tanh(x);
      return t * t;
    },
  }),
};
