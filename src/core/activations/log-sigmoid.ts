/** LogSigmoid: log of the logistic function. */
import type { ActivationSpec } from './types';
import { log1pExp, logistic } from './logistic';

/** LogSigmoid: f = log σ(x) = −log(1 + e^(−x)), f' = σ(−x); both finite for any finite x (f(−1e4) = −1e4). */
export const logSigmoid: ActivationSpec = {
  name: 'LogSigmoid',
  aliases: ['logsigmoid', 'log_sigmoid'],
  params: [],
  family: 'smooth',
  kinks: () => [],
  bind: () => ({
    f: (x) => -log1pExp(-x),
    df: (x) => logistic(-x),
  }),
};
