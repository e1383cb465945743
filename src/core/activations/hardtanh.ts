/** Hardtanh: the identity clipped to [min_val, max_val]. */
import type { ActivationSpec } from './types';
import { num, numberParam } from './number-param';
import { relationProblem } from './domain-problem';

/** Hardtanh(min_val=-1, max_val=1): f = min(max(x, min_val), max_val). torch: f' = 0 at min_val and at max_val. */
export const hardtanh: ActivationSpec = {
  name: 'Hardtanh',
  aliases: ['hardtanh', 'hard_tanh'],
  params: [numberParam('min_val', -1, -3, 3, 0.1), numberParam('max_val', 1, -3, 3, 0.1)],
  family: 'saturating',
  validate: (p) => {
    const lo = num(p, 'min_val');
    const hi = num(p, 'max_val');
    return lo < hi ? undefined : relationProblem('Hardtanh', 'min_val < max_val', `min_val=${lo}, max_val=${hi}`);
  },
  kinks: (p) => [num(p, 'min_val'), num(p, 'max_val')],
  bind: (p) => {
    const lo = num(p, 'min_val');
    const hi = num(p, 'max_val');
    return {
      f: (x) => Math.min(Math.max(x, lo), hi),
      df: (x) => (x <= lo || x >= hi ? 0 : 1),
    };
  },
};
