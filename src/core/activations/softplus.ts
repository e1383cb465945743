/** Softplus: a smooth ReLU, with torch's switch to the identity for large beta·x. */
import type { ActivationSpec } from './types';
import { num, numberParam } from './number-param';
import { domainProblem } from './domain-problem';
import { log1pExp, logistic } from './logistic';

/**
 * Softplus(beta=1, threshold=20): f = log(1 + e^(beta·x))/beta, f' = σ(beta·x); torch switches to f = x, f' = 1
 * only when beta·x > threshold (strictly). That switch is a tiny jump, log1p(e^(−threshold))/beta, at
 * x = threshold/beta, so it is listed as a kink and as a jump. beta must be > 0.
 */
export const softplus: ActivationSpec = {
  name: 'Softplus',
  aliases: ['softplus', 'soft_plus'],
  params: [numberParam('beta', 1, 0.1, 10, 0.1), numberParam('threshold', 20, 1, 40, 1)],
  family: 'smooth',
  validate: (p) => (num(p, 'beta') > 0 ? undefined : domainProblem('Softplus', 'beta', num(p, 'beta'), '> 0')),
  kinks: (p) => [num(p, 'threshold') / num(p, 'beta')],
  jumps: (p) => [num(p, 'threshold') / num(p, 'beta')],
  bind: (p) => {
    const beta = num(p, 'beta');
    const threshold = num(p, 'threshold');
    return {
      // log1pExp instead of torch's log1p(exp(·)): same value, but finite when threshold is large.
      f: (x) => (beta * x > threshold ? x : log1pExp(beta * x) / beta),
      df: (x) => (beta * x > threshold ? 1 : logistic(beta * x)),
    };
  },
};
