/** Builders for numeric `ParamSpec`s and a typed reader for bound numeric parameters. */
import type { ParamSpec, Params } from './types';

/** A float keyword argument with torch's default and a slider range. */
export function numberParam(name: string, def: number, min: number, max: number, step: number): ParamSpec {
  return { name, default: def, kind: 'number', slider: { min, max, step } };
}

/** A float keyword argument that torch makes the caller give (no default), e.g. Threshold's `threshold`. */
export function requiredParam(name: string, min: number, max: number, step: number): ParamSpec {
  return { name, kind: 'number', slider: { min, max, step } };
}

/** Reads a numeric parameter that `resolveParams` has already checked and filled in. */
export function num(params: Params, name: string): number {
  return params[name] as number;
}
