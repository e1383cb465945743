/** Builders for `ParamSpec`s and a typed reader for bound parameters. */
import type { ParamSpec, Params } from './types';

/** A float keyword argument with torch's default and a slider range. */
export function numberParam(name: string, def: number, min: number, max: number, step: number): ParamSpec {
  return { name, default: def, kind: 'number', slider: { min, max, step } };
}

/** A float keyword argument that torch makes the caller give (no default), e.g. Threshold's `threshold`. */
export function requiredParam(name: string, min: number, max: number, step: number): ParamSpec {
  return { name, kind: 'number', slider: { min, max, step } };
}

/** A string keyword argument restricted to `choices`, e.g. GELU's `approximate`. */
export function choiceParam(name: string, def: string, choices: readonly string[]): ParamSpec {
  return { name, default: def, kind: 'choice', choices };
}

/** Reads a numeric parameter that `resolveParams` has already checked and filled in. */
export function num(params: Params, name: string): number {
  return params[name] as number;
}

/** The points sorted ascending with duplicates removed (kinks at ±lambd collapse to one when lambd = 0). */
export function sortedUnique(xs: number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}
