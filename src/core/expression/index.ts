/**
 * The expression language for a note's own activation functions: `swish(x; beta=1.5) = x * sigmoid(beta * x)`.
 * Text → tokens → syntax tree → closures (never eval); derivatives by forward-mode automatic differentiation.
 */
import { resolveParams } from '../activations/resolve-params';
import type { Activation, ActivationSpec } from '../activations/types';
import type { Result } from '../result';
import type { Definition } from './ast';
import { DefinitionBlock } from './definitions';
import { ExpressionError } from './expression-error';
import { parseDefinition } from './parser';
import { definitionSpec } from './spec';

export type { Definition, Expr, ParamDecl } from './ast';
export { ExpressionError, LIMITS as EXPRESSION_LIMITS } from './expression-error';
export { parseDefinition, parseExpression } from './parser';
export { printDefinition, printExpr } from './print';
export { DefinitionBlock } from './definitions';
export { definitionSpec } from './spec';
export type { CompiledFunction } from './compile';
export { looksLikeExpression } from './list-item';

/** Reads `text` as an expression or definition; problems carry `column` and `source` for a caret. */
export function readDefinition(text: string): Result<Definition> {
  try {
    return { ok: true, value: parseDefinition(text) };
  } catch (e) {
    if (e instanceof ExpressionError) return { ok: false, problem: e.toProblem(text) };
    throw e;
  }
}

/**
 * A block's definitions (already parsed) as specs, in order, checked together (names, cycles, count). Each is
 * compiled at its defaults, so a mistake anywhere shows before anything is drawn.
 */
export function definitionSpecs(
  definitions: readonly Definition[],
): Result<{ block: DefinitionBlock; specs: ActivationSpec[] }> {
  let current: Definition | undefined;
  try {
    const block = new DefinitionBlock(definitions);
    const specs = definitions.map((d) => ((current = d), definitionSpec(d, block)));
    return { ok: true, value: { block, specs } };
  } catch (e) {
    if (e instanceof ExpressionError) return { ok: false, problem: e.toProblem(current?.source ?? '') };
    throw e;
  }
}

/** A single definition (or bare expression) bound with `params` (the rest at their defaults): `{ name, params, f, df }`. */
export function bindExpression(source: string, params: Record<string, number> = {}): Result<Activation> {
  const d = readDefinition(source);
  if (!d.ok) return d;
  const specs = definitionSpecs([d.value]);
  if (!specs.ok) return specs;
  const spec = specs.value.specs[0];
  const resolved = resolveParams(spec, params);
  if (!resolved.ok) return resolved;
  const { f, df } = spec.bind(resolved.value);
  return { ok: true, value: { name: spec.name, params: resolved.value, f, df } };
}
