/** Shapes shared by every activation in the registry (pure: no DOM, no Obsidian). */
import type { Problem } from '../result';

/** A parameter value as torch takes it: a number, or a string choice such as GELU's `approximate`. */
export type ParamValue = number | string;

/** Parameters by their torch.nn keyword name, e.g. `{ negative_slope: 0.2 }`. */
export type Params = Record<string, ParamValue>;

/** One keyword argument of a torch.nn module, with torch's default and a slider range for the UI. */
export interface ParamSpec {
  /** torch keyword, verbatim (`negative_slope`, `lambd`, `min_val`, …). */
  name: string;
  /** torch's default; `undefined` when torch has none (Threshold's `threshold` and `value`). */
  default?: ParamValue;
  /** `number` for floats, `choice` for strings like `approximate`. */
  kind: 'number' | 'choice';
  /** Allowed strings for `choice` parameters. */
  choices?: readonly string[];
  /** A sensible slider range for numeric parameters. */
  slider?: { min: number; max: number; step: number };
}

/** What the teaching overlays need to know about a function's shape. */
export type ActivationFamily =
  | 'saturating' // |f'| → 0 on both sides (Sigmoid, Tanh, Softsign, Hardtanh, …)
  | 'relu' // f' = 0 on a half-line, linear on the other (ReLU, ReLU6, Threshold, …)
  | 'leaky' // never-zero slope on the negative side (LeakyReLU, PReLU, RReLU, ELU, …)
  | 'smooth' // everything else (GELU, SiLU, Mish, Softplus, …)
  | 'shrink'; // zero band in the middle (Hardshrink, Softshrink, Tanhshrink)

/** An activation with its parameters bound: value and autograd-convention derivative. */
export interface Activation {
  /** Canonical torch.nn name, e.g. `LeakyReLU`. */
  name: string;
  /** Every parameter, defaults filled in. */
  params: Params;
  /** f(x), matching torch in float64. */
  f(x: number): number;
  /** df/dx as torch.autograd returns it, including its convention at kinks. */
  df(x: number): number;
  /**
   * Optional fast path for the training engines: f and df of z[zOff … zOff+n) into fOut/dfOut from outOff,
   * the same values as f and df (NaN in gives NaN out). One monomorphic loop per activation avoids a
   * non-inlined call, and a boxed double, per element in the engines' hot loops.
   */
  evaluate?: Evaluate;
  /**
   * True when f(z) = f′(z) = 0 for every z ≤ 0 (ReLU, ReLU6): a unit whose pre-activations are all ≤ 0 then
   * passes nothing forward and receives no gradient, which lets training skip it exactly.
   */
  silentBelowZero?: boolean;
  /**
   * Set when f(x) = x for x > 0 and negativeSlope·x for x ≤ 0, with f′ = 1 and negativeSlope (LeakyReLU, PReLU,
   * RReLU; ReLU as 0, where f(x ≤ 0) is 0 even at x = −∞): training then fuses f and f′ into its loops.
   */
  negativeSlope?: number;
}

/** Signature of `Activation.evaluate`. */
export type Evaluate = (
  z: Float64Array,
  zOff: number,
  fOut: Float64Array,
  dfOut: Float64Array,
  outOff: number,
  n: number,
) => void;

/** A registry entry: one torch.nn element-wise activation. */
export interface ActivationSpec {
  /** Canonical torch.nn name. */
  name: string;
  /** Extra lower-case spellings people type (`leaky_relu`, `swish`, …); the canonical name matches case-insensitively anyway. */
  aliases: readonly string[];
  params: readonly ParamSpec[];
  family: ActivationFamily;
  /** The definition's text when this is the note's own function (`swish(x; beta=1) = …`), not torch's. */
  expression?: string;
  /**
   * Operations of one evaluation, for the note's own functions (a torch function counts as ~10): the training
   * demos weigh their work budget with it, so a long definition cannot freeze a note.
   */
  cost?: number;
  /** Checks parameter domains and relations; returns the first problem or undefined. */
  validate?(params: Params): Problem | undefined;
  /** x positions where f or f' is not smooth (corners, jumps) for these parameters; sampling puts points there. */
  kinks(params: Params): number[];
  /** Points where f itself jumps (Threshold); the chart breaks the line there. */
  jumps?(params: Params): number[];
  /** Builds f and df for validated parameters. */
  bind(params: Params): Pick<Activation, 'f' | 'df' | 'evaluate' | 'silentBelowZero' | 'negativeSlope'>;
}
