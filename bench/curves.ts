/**
 * The two charts every contender draws: Sigmoid with its derivative (per-block figures) and LeakyReLU
 * with its derivative (slider figures, the slider being `negative_slope`). 400 samples on x ∈ [−6, 6],
 * y range fitted with a margin and nice ticks, as our own block does.
 */
import { niceRange } from '../src/core/plot/ticks';

/** Which chart to draw. */
export type CurveKind = 'sigmoid' | 'leaky';

/** Samples per curve (the benchmark's definition of a chart). */
export const SAMPLES = 400;
/** The x range of every chart. */
export const X_RANGE: readonly [number, number] = [-6, 6];
/** LeakyReLU's `negative_slope` before any slider move. */
export const LEAKY_START = 0.01;

/** One chart's two curves and axes. */
export interface CurvePair {
  name: string;
  f: (x: number) => number;
  df: (x: number) => number;
  /** The same functions as function-plot expressions of `x` and the scope variable `a`. */
  fExpr: string;
  dfExpr: string;
  scope: { a: number };
  xs: number[];
  y: { min: number; max: number; step: number };
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The curves of `kind`; `a` is LeakyReLU's negative_slope. */
export function curvePair(kind: CurveKind, a = LEAKY_START): CurvePair {
  const xs = Array.from({ length: SAMPLES }, (_, i) => X_RANGE[0] + ((X_RANGE[1] - X_RANGE[0]) * i) / (SAMPLES - 1));
  if (kind === 'sigmoid') {
    return {
      name: 'Sigmoid',
      f: sigmoid,
      df: (x) => sigmoid(x) * (1 - sigmoid(x)),
      fExpr: '1 / (1 + exp(-x))',
      dfExpr: 'exp(-x) / (1 + exp(-x))^2',
      scope: { a },
      xs,
      y: fitted(0, 1),
    };
  }
  return {
    name: 'LeakyReLU',
    f: (x) => (x > 0 ? x : a * x),
    df: (x) => (x > 0 ? 1 : a),
    fExpr: 'max(x, a * x)',
    dfExpr: 'a + (1 - a) * (sign(x) + 1) / 2',
    scope: { a },
    xs,
    y: fitted(Math.min(-6 * a, 0), 6),
  };
}

/** y axis over [lo, hi] with an 8 % margin and nice ticks (so 0 stays a tick). */
function fitted(lo: number, hi: number): { min: number; max: number; step: number } {
  const pad = (hi - lo) * 0.08;
  return niceRange(lo - pad, hi + pad);
}
