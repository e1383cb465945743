/** Block lists of activations (`Sigmoid, LeakyReLU(negative_slope=0.2)`) → specs with resolved parameters. */
import { findActivation, parseActivationCall, resolveParams } from '../core/activations';
import type { ActivationSpec, Params } from '../core/activations/types';
import { fail, failAll, ok, type Result } from '../core/result';

/** One activation as a block names it: its spec and its (slider-adjustable) parameters. */
export interface NamedActivation {
  spec: ActivationSpec;
  params: Params;
}

/** Resolves one item, or its problem on `line`. */
function resolveItem(item: string, line: number): Result<NamedActivation> {
  const call = parseActivationCall(item);
  if (!call.ok) return { ok: false, problem: { ...call.problem, line } };
  const found = findActivation(call.value.name);
  if (!found.ok) return { ok: false, problem: { ...found.problem, line } };
  const params = resolveParams(found.value, call.value.params);
  if (!params.ok) return { ok: false, problem: { ...params.problem, line } };
  return ok({ spec: found.value, params: params.value });
}

/** Resolves every item; every item's problem is reported, on `line`, the line of the list's key. */
export function resolveActivationList(items: readonly string[], line: number, key: string): Result<NamedActivation[]> {
  const resolved = items.map((item) => resolveItem(item, line));
  const problems = resolved.flatMap((r) => (r.ok ? [] : [r.problem]));
  if (problems.length) return failAll(problems);
  const out = resolved.flatMap((r) => (r.ok ? [r.value] : []));
  return out.length > 0 ? ok(out) : fail('missingKey', { key }, line);
}

/** How a function is labelled: `Sigmoid`, or `LeakyReLU(negative_slope=0.2)` when a parameter differs from torch's default. */
export function activationLabel({ spec, params }: NamedActivation): string {
  const changed = spec.params.filter((p) => params[p.name] !== p.default);
  if (changed.length === 0) return spec.name;
  const args = changed.map((p) => `${p.name}=${typeof params[p.name] === 'number' ? formatParam(params[p.name] as number) : String(params[p.name])}`);
  return `${spec.name}(${args.join(', ')})`;
}

/** Parameter values as people write them: 0.25, not 0.25000000000000006. */
export function formatParam(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** The same activation with one parameter changed, if the new value is valid (sliders may cross a relation such as min_val < max_val). */
export function withParam(a: NamedActivation, name: string, value: number): NamedActivation {
  const next = resolveParams(a.spec, { ...a.params, [name]: value });
  return next.ok ? { spec: a.spec, params: next.value } : a;
}
