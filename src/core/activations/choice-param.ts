/** The builder for string keyword arguments with a fixed set of values. */
import type { ParamSpec } from './types';

/** A string keyword argument restricted to `choices`, e.g. GELU's `approximate`. */
export function choiceParam(name: string, def: string, choices: readonly string[]): ParamSpec {
  return { name, default: def, kind: 'choice', choices };
}
