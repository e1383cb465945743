/** ReLU and ReLU6: the rectifier and its clipped form. */
import type { ActivationSpec } from './types';

/** ReLU: f(x) = max(0, x). torch: f'(x) = 1 only for x > 0, so ReLU'(0) = 0. */
export const relu: ActivationSpec = {
  name: 'ReLU',
  aliases: ['relu', 'rectifier'],
  params: [],
  family: 'relu',
  kinks: () => [0],
  bind: () => ({
    f: (x) => (x > 0 ? x : 0),
    df: (x) => (x > 0 ? 1 : 0),
    silentBelowZero: true,
    negativeSlope: 0,
    evaluate: (z, zOff, fOut, dfOut, outOff, n) => {
      for (let i = 0; i < n; i++) {
        const x = z[zOff + i];
        const pos = x > 0 || Number.isNaN(x); // NaN in, NaN out
        fOut[outOff + i] = pos ? x : 0;
        dfOut[outOff + i] = pos ? (x > 0 ? 1 : NaN) : 0;
      }
    },
  }),
};

/** ReLU6: f(x) = min(max(0, x), 6) = Hardtanh(0, 6). torch: f' = 0 at both corners, ReLU6'(0) = ReLU6'(6) = 0. */
export const relu6: ActivationSpec = {
  name: 'ReLU6',
  aliases: ['relu6', 'relu_6'],
  params: [],
  family: 'relu',
  kinks: () => [0, 6],
  bind: () => ({
    f: (x) => Math.min(Math.max(x, 0), 6),
    df: (x) => (x <= 0 || x >= 6 ? 0 : 1),
    silentBelowZero: true,
  }),
};
