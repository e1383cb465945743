/** f and f′ over a slice of an array, through the activation's own loop when it has one (the engines' hot path). */
import type { Activation } from '../activations/types';

/** The part of an activation the engines evaluate. */
export type Elementwise = Pick<Activation, 'f' | 'df' | 'evaluate' | 'silentBelowZero' | 'negativeSlope'>;

/** Writes f(z[zOff+i]) to fOut[outOff+i] and f′ to dfOut[outOff+i] for i < n. */
export function evaluateInto(
  act: Elementwise,
  z: Float64Array,
  zOff: number,
  fOut: Float64Array,
  dfOut: Float64Array,
  outOff: number,
  n: number,
): void {
  if (act.evaluate) {
    act.evaluate(z, zOff, fOut, dfOut, outOff, n);
    return;
  }
  const { f, df } = act;
  for (let i = 0; i < n; i++) {
    const x = z[zOff + i];
    fOut[outOff + i] = f(x);
    dfOut[outOff + i] = df(x);
  }
}
