/**
 * An activation as plain data, for jobs: torch's name and parameters, or the note's definitions as source text
 * and which of them it is. Resolving reads the definitions again with the same parser and compiler, so the
 * function computes the same values wherever it is resolved.
 */
import { findActivation, resolveParams, type Params } from '../../core/activations';
import { definitionSpecs, readDefinition } from '../../core/expression';
import type { NamedActivation } from '../activation-list';

/** A NamedActivation as structured-cloneable data. */
export type ActivationRef =
  { torch: string; params: Params } | { definitions: readonly string[]; index: number; params: Params };

/** The plain-data form of `a`. */
export function activationRef(a: NamedActivation): ActivationRef {
  const params = { ...a.params };
  const from = a.spec.definedIn;
  return from ? { definitions: from.sources, index: from.index, params } : { torch: a.spec.name, params };
}

/** The activation `ref` names; throws when it does not resolve (refs are made by activationRef, never by hand). */
export function resolveActivationRef(ref: ActivationRef): NamedActivation {
  const spec = 'torch' in ref ? findActivation(ref.torch) : definitionSpecAt(ref.definitions, ref.index);
  if (!spec.ok) throw new Error(`activation does not resolve: ${JSON.stringify(spec.problem)}`);
  const params = resolveParams(spec.value, ref.params);
  if (!params.ok) throw new Error(`parameters do not resolve: ${JSON.stringify(params.problem)}`);
  return { spec: spec.value, params: params.value };
}

/** The definitions last read, by their text: a job's refs carry the same block's definitions, read once for all. */
let last: { key: string; specs: ReturnType<typeof readAll> } | null = null;

function readAll(sources: readonly string[]) {
  const definitions = [];
  for (const source of sources) {
    const d = readDefinition(source);
    if (!d.ok) return d;
    definitions.push(d.value);
  }
  return definitionSpecs(definitions);
}

function definitionSpecAt(sources: readonly string[], index: number) {
  const key = JSON.stringify(sources);
  if (last?.key !== key) last = { key, specs: readAll(sources) };
  const { specs } = last;
  return specs.ok ? { ok: true as const, value: specs.value.specs[index] } : specs;
}
