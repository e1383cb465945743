/** ELU, CELU and SELU: exponential negative branch, identity (times a scale) above 0. */
import type { ActivationSpec } from './types';
import { num, numberParam } from './number-param';
import { domainProblem } from './domain-problem';

/** SELU's alpha: torch's literal 1.6732632423543772848170429916717, rounded to float64. */
export const SELU_ALPHA = 1.6732632423543772;
/** SELU's scale: torch's literal 1.0507009873554804934193349852946, rounded to float64. */
export const SELU_SCALE = 1.0507009873554805;

/** ELU(alpha=1): f = x for x > 0, alpha·expm1(x) for x <= 0. torch: negative branch at 0, so ELU'(0) = alpha. */
export const elu: ActivationSpec = {
  name: 'ELU',
  aliases: ['elu'],
  params: [numberParam('alpha', 1, 0.1, 3, 0.1)],
  family: 'leaky',
  kinks: () => [0],
  bind: (p) => {
    const alpha = num(p, 'alpha');
    return {
      f: (x) => (x > 0 ? x : alpha * Math.expm1(x)),
      df: (x) => (x > 0 ? 1 : alpha * Math.exp(x)),
    };
  },
};

/**
 * CELU(alpha=1): f = x for x > 0, alpha·expm1(x/alpha) for x <= 0; f' = exp(x/alpha) there, so CELU'(0) = 1.
 * alpha = 0 is refused because torch divides by it.
 */
export const celu: ActivationSpec = {
  name: 'CELU',
  aliases: ['celu'],
  params: [numberParam('alpha', 1, 0.1, 3, 0.1)],
  family: 'leaky',
  validate: (p) => (num(p, 'alpha') === 0 ? domainProblem('CELU', 'alpha', 0, '!= 0') : undefined),
  kinks: () => [0],
  bind: (p) => {
    const alpha = num(p, 'alpha');
    return {
      f: (x) => (x > 0 ? x : alpha * Math.expm1(x / alpha)),
      df: (x) => (x > 0 ? 1 : Math.exp(x / alpha)),
    };
  },
};

const SELU_NEG = SELU_SCALE * SELU_ALPHA; // torch's negcoef = alpha·scale

/** SELU: scale·x for x > 0, scale·alpha·expm1(x) for x <= 0. torch: SELU'(0) = scale·alpha. */
export const selu: ActivationSpec = {
  name: 'SELU',
  aliases: ['selu'],
  params: [],
  family: 'leaky',
  kinks: () => [0],
  bind: () => ({
    f: (x) => (x > 0 ? SELU_SCALE * x : SELU_NEG * Math.expm1(x)),
    df: (x) => (x > 0 ? SELU_SCALE : SELU_NEG * Math.exp(x)),
  }),
};
