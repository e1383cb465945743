/** Softshrink: soft thresholding towards zero. */
import type { ActivationSpec } from './types';
import { num, numberParam } from './number-param';
import { symmetricKinks } from './symmetric-kinks';
import { domainProblem } from './domain-problem';

/** Softshrink(lambd=0.5): f = x − lambd above lambd, x + lambd below −lambd, else 0. torch: f' = 0 at ±lambd. */
export const softshrink: ActivationSpec = {
  name: 'Softshrink',
  aliases: ['softshrink', 'soft_shrink'],
  params: [numberParam('lambd', 0.5, 0, 3, 0.05)],
  family: 'shrink',
  validate: (p) => (num(p, 'lambd') >= 0 ? undefined : domainProblem('Softshrink', 'lambd', num(p, 'lambd'), '>= 0')),
  kinks: (p) => symmetricKinks(num(p, 'lambd')),
  bind: (p) => {
    const l = num(p, 'lambd');
    return {
      f: (x) => (x > l ? x - l : x < -l ? x + l : 0),
      df: (x) => (x > l || x < -l ? 1 : 0),
    };
  },
};
