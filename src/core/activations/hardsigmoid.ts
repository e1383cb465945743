/** Hardsigmoid: a piecewise-linear sigmoid. */
import type { ActivationSpec } from './types';

/** torch's backward multiplies by a float32 1/6 even in float64: 0.1666666716337204. */
export const FLOAT32_SIXTH = Math.fround(1 / 6);

/** Hardsigmoid: f = min(max(x + 3, 0), 6)/6. torch: f' = float32(1/6) strictly inside (−3, 3), 0 at ±3 and outside. */
export const hardsigmoid: ActivationSpec = {
  name: 'Hardsigmoid',
  aliases: ['hardsigmoid', 'hard_sigmoid'],
  params: [],
  family: 'saturating',
  kinks: () => [-3, 3],
  bind: () => ({
    f: (x) => Math.min(Math.max(x + 3, 0), 6) / 6,
    df: (x) => (x > -3 && x < 3 ? FLOAT32_SIXTH : 0),
  }),
};
