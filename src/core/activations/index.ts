/**
 * The activation registry: every torch.nn element-wise activation we draw, found by name or alias,
 * with parameters resolved and validated. Adding an activation is one file plus one line in SPECS.
 */
import type { Activation, ActivationSpec, ParamValue } from './types';
import { fail, ok, type Result } from '../result';
import { closestNames, normaliseName } from '../syntax/suggest';
import { resolveParams } from './resolve-params';
import { scanActivationCall } from './parse-activation-call';
import { elu, celu, selu } from './elu';
import { hardshrink } from './hardshrink';
import { hardsigmoid } from './hardsigmoid';
import { hardtanh } from './hardtanh';
import { hardswish } from './hardswish';
import { leakyRelu, prelu, rrelu } from './leaky-relu';
import { logSigmoid } from './log-sigmoid';
import { relu, relu6 } from './relu';
import { gelu } from './gelu';
import { sigmoid } from './sigmoid';
import { silu } from './silu';
import { mish } from './mish';
import { softplus } from './softplus';
import { softshrink } from './softshrink';
import { softsign } from './softsign';
import { tanh } from './tanh';
import { tanhshrink } from './tanhshrink';
import { threshold } from './threshold';

export type { Activation, ActivationFamily, ActivationSpec, ParamSpec, ParamValue, Params } from './types';
export { resolveParams, parseStrictNumber } from './resolve-params';
export { splitActivationList, CALL_SYNTAX } from './parse-activation-call';

/** In the order of PyTorch's docs, "Non-linear Activations (weighted sum, nonlinearity)" (also the reference file's order). */
const SPECS: readonly ActivationSpec[] = [
  elu,
  hardshrink,
  hardsigmoid,
  hardtanh,
  hardswish,
  leakyRelu,
  logSigmoid,
  prelu,
  relu,
  relu6,
  rrelu,
  selu,
  celu,
  gelu,
  sigmoid,
  silu,
  mish,
  softplus,
  softshrink,
  softsign,
  tanh,
  tanhshrink,
  threshold,
];

const BY_KEY = new Map<string, ActivationSpec>();
for (const spec of SPECS) for (const n of [spec.name, ...spec.aliases]) BY_KEY.set(normaliseName(n), spec);

/** Canonical torch.nn names in the order of PyTorch's documentation. */
export function activationNames(): string[] {
  return SPECS.map((s) => s.name);
}

/** Every registry entry, in `activationNames()` order. */
export function activationSpecs(): readonly ActivationSpec[] {
  return SPECS;
}

/** Looks a name up ignoring case, `_`, `-` and spaces, aliases included; unknown → `unknownActivation` with suggestions. */
export function findActivation(name: string): Result<ActivationSpec> {
  const spec = BY_KEY.get(normaliseName(name.trim().replace(/^(?:torch\.)?nn\./, '')));
  if (spec) return ok(spec);
  const spellings = SPECS.flatMap((s) => [s.name, ...s.aliases]);
  const canonical = closestNames(name, spellings, spellings.length).map((n) => BY_KEY.get(normaliseName(n))!.name);
  const suggestions = [...new Set(canonical)].slice(0, 3).join(', ');
  return fail('unknownActivation', { name, suggestions });
}

/** Finds, resolves and binds an activation: `{ name, params, f, df }`, where NaN in gives NaN out. */
export function bindActivation(name: string, params: Record<string, ParamValue | string> = {}): Result<Activation> {
  const found = findActivation(name);
  if (!found.ok) return found;
  const spec = found.value;
  const resolved = resolveParams(spec, params);
  if (!resolved.ok) return resolved;
  const { f, df, evaluate, silentBelowZero, negativeSlope } = spec.bind(resolved.value);
  return ok({
    name: spec.name,
    params: resolved.value,
    f: (x) => (Number.isNaN(x) ? NaN : f(x)),
    df: (x) => (Number.isNaN(x) ? NaN : df(x)),
    ...(evaluate ? { evaluate } : {}),
    ...(silentBelowZero ? { silentBelowZero } : {}),
    ...(negativeSlope !== undefined ? { negativeSlope } : {}),
  });
}

/**
 * Parses `LeakyReLU(negative_slope=0.2)`, `GELU(approximate='tanh')`, bare `Sigmoid`, or positional arguments in
 * torch's constructor order (`Hardtanh(-2, 2)`), which are mapped to keyword names. The name is returned as typed
 * (minus a `torch.nn.`/`nn.` prefix); it is looked up only when positional arguments need the spec's order.
 */
export function parseActivationCall(text: string): Result<{ name: string; params: Record<string, string> }> {
  const scanned = scanActivationCall(text);
  if (!scanned.ok) return scanned;
  const { name, positional, named } = scanned.value;
  if (positional.length === 0) return ok({ name, params: { ...named } });
  const found = findActivation(name);
  if (!found.ok) return found;
  const order = found.value.params.map((p) => p.name);
  const signature = `${found.value.name}(${order.join(', ')})`;
  if (positional.length > order.length) return fail('activationSyntax', { value: text, expected: signature });
  const params = Object.create(null) as Record<string, string>; // see scanActivationCall: keywords are plain keys
  for (let i = 0; i < positional.length; i++) params[order[i]] = positional[i];
  for (const [k, v] of Object.entries(named)) {
    if (k in params) return fail('duplicateKey', { key: k });
    params[k] = v;
  }
  return ok({ name, params });
}

/** `parseActivationCall` then `bindActivation`: from what the user typed to `{ name, params, f, df }`. */
export function bindActivationCall(text: string): Result<Activation> {
  const call = parseActivationCall(text);
  return call.ok ? bindActivation(call.value.name, call.value.params) : call;
}
