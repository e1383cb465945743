/** Defaults → coercion → validation for one activation's keyword arguments. */
import type { ActivationSpec, ParamSpec, ParamValue, Params } from './types';
import { fail, ok, type Result } from '../result';
import { closestNames, normaliseName } from '../syntax/suggest';
import { domainProblem } from './domain-problem';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a plain decimal such as `0.2`, `-1`, `.5` or `1e-3`; anything else (hex, `1/8`, `inf`, ``) → undefined. */
export function parseStrictNumber(text: string): number | undefined {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : undefined;
}

/** Finds the parameter a user-typed key names: exact torch keyword first, then ignoring case, `_`, `-`. */
function findParam(spec: ActivationSpec, key: string): ParamSpec | undefined {
  return (
    spec.params.find((p) => p.name === key) ?? spec.params.find((p) => normaliseName(p.name) === normaliseName(key))
  );
}

/** Turns one given value into the parameter's type, or the problem that prevents it. */
function coerce(spec: ActivationSpec, p: ParamSpec, raw: ParamValue): Result<ParamValue> {
  const activation = spec.name;
  if (p.kind === 'choice') {
    const choices = p.choices ?? [];
    const match =
      typeof raw === 'string' ? choices.find((c) => c.toLowerCase() === raw.trim().toLowerCase()) : undefined;
    if (match === undefined)
      return fail('paramChoice', { activation, param: p.name, value: String(raw), allowed: choices.join(', ') });
    return ok(match);
  }
  const value = typeof raw === 'number' ? raw : parseStrictNumber(raw);
  if (value === undefined || Number.isNaN(value))
    return fail('paramNotNumber', { activation, param: p.name, value: String(raw) });
  if (!isFinite(value)) return { ok: false, problem: domainProblem(activation, p.name, String(value), 'finite') };
  return ok(value);
}

/**
 * Fills torch's defaults into `given`, refusing unknown keywords (with suggestions), non-numbers, bad choices,
 * missing required parameters (Threshold) and values outside the spec's domain. Strings are parsed strictly.
 * Keys are matched ignoring case and `_`; the result uses torch's keywords, in the constructor's order.
 */
export function resolveParams(spec: ActivationSpec, given: Record<string, ParamValue | string>): Result<Params> {
  const seen: Params = {};
  const allowed = spec.params.map((p) => p.name);
  for (const [key, raw] of Object.entries(given)) {
    const p = findParam(spec, key);
    if (!p) {
      const suggestions = closestNames(key, allowed).join(', ');
      return fail('unknownParam', { activation: spec.name, param: key, allowed: allowed.join(', '), suggestions });
    }
    if (p.name in seen) return fail('duplicateKey', { key: p.name });
    const value = coerce(spec, p, raw);
    if (!value.ok) return value;
    seen[p.name] = value.value;
  }
  const params: Params = {};
  for (const p of spec.params) {
    const value = seen[p.name] ?? p.default;
    if (value === undefined) {
      const signature = `${spec.name}(${spec.params.map((q) => `${q.name}=…`).join(', ')})`;
      return fail('paramRequired', { activation: spec.name, param: p.name, signature });
    }
    params[p.name] = value;
  }
  const problem = spec.validate?.(params);
  return problem ? { ok: false, problem } : ok(params);
}
