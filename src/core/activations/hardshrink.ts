/** Hardshrink: zero inside [−lambd, lambd], identity outside. */
import type { ActivationSpec } from './types';
import { num, numberParam } from './number-param';
import { symmetricKinks } from './symmetric-kinks';
import { domainProblem } from './domain-problem';

/** Hardshrink(lambd=0.5): f = x for |x| > lambd, else 0. torch: f = f' = 0 at ±lambd, so f jumps there when lambd > 0. */
export const hardshrink: ActivationSpec = {
  name: 'Hardshrink',
  aliases: ['hardshrink', 'hard_shrink'],
  params: [numberParam('lambd', 0.5, 0, 3, 0.05)],
  family: 'shrink',
  validate: (p) => (num(p, 'lambd') >= 0 ? undefined : domainProblem('Hardshrink', 'lambd', num(p, 'lambd'), '>= 0')),
  kinks: (p) => symmetricKinks(num(p, 'lambd')),
  jumps: (p) => (num(p, 'lambd') > 0 ? [-num(p, 'lambd'), num(p, 'lambd')] : []),
  bind: (p) => {
    const l = num(p, 'lambd');
    const inside = (x: number) => x >= -l && x <= l;
    return {
      f: (x) => (inside(x) ? 0 : x),
      df: (x) => (inside(x) ? 0 : 1),
    };
  },
};
