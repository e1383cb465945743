/** Threshold: the identity above a threshold, a constant at and below it. */
import type { ActivationSpec } from './types';
import { num, requiredParam } from './number-param';

/**
 * Threshold(threshold, value) — both required, torch has no defaults. f = x for x > threshold, else value;
 * torch: f(threshold) = value and f'(threshold) = 0. f jumps at threshold unless value == threshold.
 */
export const threshold: ActivationSpec = {
  name: 'Threshold',
  aliases: ['threshold'],
  params: [requiredParam('threshold', -3, 3, 0.1), requiredParam('value', -3, 3, 0.1)],
  family: 'relu',
  kinks: (p) => [num(p, 'threshold')],
  jumps: (p) => (num(p, 'value') === num(p, 'threshold') ? [] : [num(p, 'threshold')]),
  bind: (p) => {
    const th = num(p, 'threshold');
    const value = num(p, 'value');
    return {
      f: (x) => (x > th ? x : value),
      df: (x) => (x > th ? 1 : 0),
    };
  },
};
