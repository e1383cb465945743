/** LeakyReLU, PReLU and RReLU (eval mode): the same line with slope a on the negative side. */
import type { Activation, ActivationSpec } from './types';
import { num, numberParam } from './number-param';
import { domainProblem, relationProblem } from './domain-problem';

/** f(x) = x for x > 0, a·x otherwise. torch takes the negative branch at 0, so f'(0) = a. */
function leakyLine(a: number): Pick<Activation, 'f' | 'df' | 'evaluate' | 'negativeSlope'> {
  return {
    negativeSlope: a,
    f: (x) => (x > 0 ? x : x * a),
    df: (x) => (x > 0 ? 1 : a),
    evaluate: (z, zOff, fOut, dfOut, outOff, n) => {
      for (let i = 0; i < n; i++) {
        const x = z[zOff + i];
        const pos = x > 0;
        fOut[outOff + i] = pos ? x : x * a;
        dfOut[outOff + i] = pos ? 1 : Number.isNaN(x) ? NaN : a;
      }
    },
  };
}

/** LeakyReLU(negative_slope=0.01): f'(0) = negative_slope. */
export const leakyRelu: ActivationSpec = {
  name: 'LeakyReLU',
  aliases: ['leaky_relu', 'leakyrelu', 'lrelu'],
  params: [numberParam('negative_slope', 0.01, 0, 1, 0.01)],
  family: 'leaky',
  kinks: () => [0],
  bind: (p) => leakyLine(num(p, 'negative_slope')),
};

/**
 * PReLU(num_parameters=1, init=0.25) with one weight equal to `init` (held exactly as a float64).
 * `num_parameters` is kept so positional calls follow torch's constructor order; only 1 is meaningful here.
 * f'(0) = weight.
 */
export const prelu: ActivationSpec = {
  name: 'PReLU',
  aliases: ['prelu', 'parametric_relu'],
  params: [{ name: 'num_parameters', default: 1, kind: 'number' }, numberParam('init', 0.25, -0.5, 1, 0.01)],
  family: 'leaky',
  validate: (p) =>
    num(p, 'num_parameters') === 1
      ? undefined
      : domainProblem('PReLU', 'num_parameters', num(p, 'num_parameters'), '1'),
  kinks: () => [0],
  bind: (p) => leakyLine(num(p, 'init')),
};

/** RReLU(lower=1/8, upper=1/3) in eval mode: a leaky ReLU with slope (lower + upper)/2, also at x = 0. */
export const rrelu: ActivationSpec = {
  name: 'RReLU',
  aliases: ['rrelu', 'randomized_relu'],
  params: [numberParam('lower', 1 / 8, 0, 1, 0.01), numberParam('upper', 1 / 3, 0, 1, 0.01)],
  family: 'leaky',
  validate: (p) => {
    const lower = num(p, 'lower');
    const upper = num(p, 'upper');
    if (lower < 0) return domainProblem('RReLU', 'lower', lower, '>= 0');
    if (lower > upper) return relationProblem('RReLU', 'lower <= upper', `lower=${lower}, upper=${upper}`);
    return undefined;
  },
  kinks: () => [0],
  bind: (p) => leakyLine((num(p, 'lower') + num(p, 'upper')) / 2),
};
