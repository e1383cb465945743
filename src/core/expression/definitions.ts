/**
 * A block's definitions read together: names checked (no clash with the language, no duplicates), calls
 * between definitions checked for cycles, and each definition compiled on demand with its parameters.
 */
import type { Definition, Expr } from './ast';
import { isReserved } from './builtins';
import { compileBody, type CompiledFunction, type DefinitionScope } from './compile';
import { ExpressionError, LIMITS } from './expression-error';
import { torchFunction } from './torch-functions';

/** Every call in `e` (depth first, left to right). */
function calls(e: Expr, out: Extract<Expr, { kind: 'call' }>[] = []): Extract<Expr, { kind: 'call' }>[] {
  switch (e.kind) {
    case 'neg':
      calls(e.arg, out);
      break;
    case 'bin':
    case 'cmp':
      calls(e.left, out);
      calls(e.right, out);
      break;
    case 'call':
      out.push(e);
      for (const a of e.args) calls(a, out);
      for (const n of e.named) calls(n.value, out);
      break;
    default:
      break;
  }
  return out;
}

function fail(
  def: Definition,
  code: ConstructorParameters<typeof ExpressionError>[0],
  column: number,
  args: Record<string, string | number>,
): never {
  const error = new ExpressionError(code, column, args);
  error.source = def.source;
  throw error;
}

function checkNames(defs: readonly Definition[]): Map<string, Definition> {
  const byName = new Map<string, Definition>();
  for (const def of defs) {
    if (!def.named) continue;
    if (isReserved(def.name)) fail(def, 'exprReservedName', 1, { name: def.name });
    if (byName.has(def.name)) fail(def, 'exprDuplicateName', 1, { name: def.name });
    byName.set(def.name, def);
  }
  for (const def of defs) {
    const seen = new Set<string>();
    for (const p of def.params) {
      if (isReserved(p.name) || torchFunction(p.name) || byName.has(p.name))
        fail(def, 'exprReservedName', p.column, { name: p.name });
      if (seen.has(p.name)) fail(def, 'exprDuplicateName', p.column, { name: p.name });
      seen.add(p.name);
    }
  }
  return byName;
}

/** Depth-first search for a definition that reaches itself; the error points at the call closing the cycle. */
function checkCycles(defs: readonly Definition[], byName: ReadonlyMap<string, Definition>): void {
  const done = new Set<Definition>();
  const path: Definition[] = [];
  const visit = (def: Definition): void => {
    if (done.has(def)) return;
    path.push(def);
    for (const c of calls(def.body)) {
      const callee = byName.get(c.name);
      if (!callee) continue;
      if (path.includes(callee)) {
        const chain = [...path.slice(path.indexOf(callee)), callee].map((d) => d.name).join(' → ');
        fail(def, 'exprCycle', c.column, { name: c.name, chain });
      }
      visit(callee);
    }
    path.pop();
    done.add(def);
  };
  defs.forEach(visit);
}

/** Checked definitions of one block, compiled on demand. */
export class DefinitionBlock implements DefinitionScope {
  private readonly byName: Map<string, Definition>;
  private readonly cache = new Map<Definition, Map<string, CompiledFunction>>();

  /** Checks count, names and cycles; throws `ExpressionError` (with `source` set to the definition at fault). */
  constructor(readonly definitions: readonly Definition[]) {
    if (definitions.length > LIMITS.definitions) {
      fail(definitions[LIMITS.definitions], 'exprTooMany', 1, { count: definitions.length, max: LIMITS.definitions });
    }
    this.byName = checkNames(definitions);
    checkCycles(definitions, this.byName);
  }

  /** The named definition, if the block has one. */
  get(name: string): Definition | undefined {
    return this.byName.get(name);
  }

  paramsOf(name: string): readonly string[] | undefined {
    return this.byName.get(name)?.params.map((p) => p.name);
  }

  compile(name: string, given: ReadonlyMap<string, number>): CompiledFunction {
    const def = this.byName.get(name);
    if (!def) throw new ExpressionError('exprUnknownName', 1, { name, suggestions: '' });
    return this.compileDefinition(def, given);
  }

  /** `def` compiled with `given` parameters (the rest at their defaults); errors carry the definition's text. */
  compileDefinition(def: Definition, given: ReadonlyMap<string, number> = new Map()): CompiledFunction {
    const params = new Map(def.params.map((p) => [p.name, given.get(p.name) ?? p.default]));
    const key = [...params.values()].map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(',');
    let byParams = this.cache.get(def);
    const cached = byParams?.get(key);
    if (cached) return cached;
    let compiled: CompiledFunction;
    try {
      compiled = compileBody(def.body, params, this);
    } catch (e) {
      if (e instanceof ExpressionError && e.source === undefined) e.source = def.source;
      throw e;
    }
    if (compiled.cost > LIMITS.cost) fail(def, 'exprCost', 1, { cost: compiled.cost, max: LIMITS.cost });
    // A slider drag compiles one entry per value it passes: at most 64 per definition (cleared when full).
    if (!byParams) this.cache.set(def, (byParams = new Map<string, CompiledFunction>()));
    if (byParams.size >= 64) byParams.clear();
    byParams.set(key, compiled);
    return compiled;
  }
}
