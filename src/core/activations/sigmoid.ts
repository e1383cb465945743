/** Sigmoid: the logistic function. */
import type { ActivationSpec } from './types';
import { logistic, logisticInto, logisticSlope } from './logistic';

/** Sigmoid: f = 1/(1 + e^(−x)), f' = f·(1 − f) (evaluated as e^(−|x|)/(1 + e^(−|x|))², so f' ≤ 1/4 with equality at 0). */
export const sigmoid: ActivationSpec = {
  name: 'Sigmoid',
  aliases: ['sigmoid', 'logistic'],
  params: [],
  family: 'saturating',
  kinks: () => [],
  bind: () => ({ f: logistic, df: logisticSlope, evaluate: logisticInto }),
};
