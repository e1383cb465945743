/**
 * The language's own functions and constants: value and derivative of each, looked up in Maps (never on an
 * object by a user-typed name). Derivatives follow torch.autograd's formulas, including its choices at kinks.
 */
import { erf, erfc } from '../numeric/erf';

/** A function of one argument: its value, and df/du given u and the value already computed. */
export interface UnaryBuiltin {
  f: (u: number) => number;
  df: (u: number, value: number) => number;
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** abs′ = sign(u), with sign(0) = 0: torch's abs backward at 0 is 0. */
const sign = (u: number): number => (u > 0 ? 1 : u < 0 ? -1 : u === 0 ? 0 : NaN);

/** Functions of one argument, by name. */
export const UNARY = new Map<string, UnaryBuiltin>([
  ['exp', { f: Math.exp, df: (_u, v) => v }],
  ['log', { f: Math.log, df: (u) => 1 / u }],
  ['log1p', { f: Math.log1p, df: (u) => 1 / (1 + u) }],
  ['expm1', { f: Math.expm1, df: (_u, v) => v + 1 }],
  // 1/(2·√u): +∞ at 0, as torch's sqrt backward.
  ['sqrt', { f: Math.sqrt, df: (_u, v) => 1 / (2 * v) }],
  ['abs', { f: Math.abs, df: sign }],
  // torch's sign backward is zero everywhere, the jump at 0 included.
  ['sign', { f: sign, df: () => 0 }],
  ['tanh', { f: Math.tanh, df: (_u, v) => 1 - v * v }],
  ['sinh', { f: Math.sinh, df: Math.cosh }],
  ['cosh', { f: Math.cosh, df: Math.sinh }],
  ['sin', { f: Math.sin, df: Math.cos }],
  ['cos', { f: Math.cos, df: (u) => -Math.sin(u) }],
  ['atan', { f: Math.atan, df: (u) => 1 / (1 + u * u) }],
  ['erf', { f: erf, df: (u) => TWO_OVER_SQRT_PI * Math.exp(-u * u) }],
  ['erfc', { f: erfc, df: (u) => -TWO_OVER_SQRT_PI * Math.exp(-u * u) }],
]);

/** Functions with a fixed number of arguments that the compiler handles itself (kinks, branches). */
export const SPECIAL = new Map<string, number>([
  ['min', 2],
  ['max', 2],
  ['clamp', 3],
  ['where', 3],
]);

/** Named constants. */
export const CONSTANTS = new Map<string, number>([
  ['pi', Math.PI],
  ['e', Math.E],
]);

/** Words the language keeps for itself: the variable, constants, built-in functions and `in`. */
export function isReserved(name: string): boolean {
  return name === 'x' || name === 'in' || CONSTANTS.has(name) || UNARY.has(name) || SPECIAL.has(name);
}

/** Every built-in name, for "did you mean". */
export function builtinNames(): string[] {
  return ['x', ...CONSTANTS.keys(), ...UNARY.keys(), ...SPECIAL.keys()];
}
