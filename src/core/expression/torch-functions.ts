/** torch activations as functions inside expressions: lower-case torch/functional names → registry entries. */
import { activationSpecs } from '../activations';
import type { ActivationSpec } from '../activations/types';

let table: Map<string, ActivationSpec> | undefined;

/** `sigmoid`, `leaky_relu`, `logsigmoid`, `hardswish`, … (each spec's lower-cased name and its aliases). */
function byName(): Map<string, ActivationSpec> {
  if (!table) {
    table = new Map();
    for (const spec of activationSpecs())
      for (const n of [spec.name.toLowerCase(), ...spec.aliases]) table.set(n, spec);
  }
  return table;
}

/** The torch activation an expression calls by `name` (exact, lower-case), if any. */
export function torchFunction(name: string): ActivationSpec | undefined {
  return byName().get(name);
}

/** Every lower-case torch name an expression may call, for "did you mean". */
export function torchFunctionNames(): string[] {
  return [...byName().keys()];
}
