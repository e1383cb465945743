/**
 * Syntax tree → closures (nodes.ts), with parameters bound. Each node gives a value closure `v(x)` and a dual closure
 * `d(x)` that returns the value and leaves df/dx in a register shared by the nodes of one compiled function:
 * forward-mode automatic differentiation without allocating a dual number per operation. Subtrees that do not
 * depend on x are folded to constants, so (as in torch, where constants carry no gradient) they contribute
 * no derivative term and no 0·∞.
 */
import { resolveParams } from '../activations/resolve-params';
import { closestNames } from '../syntax/suggest';
import type { Expr, NamedArg } from './ast';
import { builtinNames, CONSTANTS, SPECIAL, UNARY } from './builtins';
import { ExpressionError } from './expression-error';
import { type Switch, solveSwitches } from './kinks';
import { binaryNode, chain, constant, negNode, switchOf, type Node, type Register } from './nodes';
import { torchFunction, torchFunctionNames } from './torch-functions';

/** A compiled function of x: f, its derivative by forward-mode AD, and where it has kinks and jumps. */
export interface CompiledFunction {
  f: (x: number) => number;
  /** f for an x known not to be NaN (one call fewer per evaluation). */
  fx?: (x: number) => number;
  df: (x: number) => number;
  kinks: number[];
  jumps: number[];
  /** Operations one evaluation performs (calls of other definitions included), to bound the work of a block. */
  cost: number;
}

/** What a body can call besides built-ins and torch: the other definitions of its block. */
export interface DefinitionScope {
  /** Parameter names of definition `name`, in order, or undefined when there is no such definition. */
  paramsOf(name: string): readonly string[] | undefined;
  /** Definition `name` compiled with `given` parameters (the rest at their defaults). */
  compile(name: string, given: ReadonlyMap<string, number>, column: number): CompiledFunction;
}

interface Env {
  params: ReadonlyMap<string, number>;
  scope: DefinitionScope;
  reg: Register;
  switches: Switch[];
  cost: number;
}

function unknownName(name: string, column: number, env: Env): never {
  const candidates = [...env.params.keys(), ...builtinNames(), ...torchFunctionNames()];
  throw new ExpressionError('exprUnknownName', column, {
    name,
    suggestions: closestNames(name, candidates).join(', '),
  });
}

function nameNode(e: Extract<Expr, { kind: 'name' }>, env: Env): Node {
  const { reg } = env;
  if (e.name === 'x') return { isX: true, v: (x) => x, d: (x) => ((reg.t = 1), x) };
  const p = env.params.get(e.name);
  if (p !== undefined) return constant(p, reg);
  const c = CONSTANTS.get(e.name);
  if (c !== undefined) return constant(c, reg);
  if (UNARY.has(e.name) || SPECIAL.has(e.name) || torchFunction(e.name) || env.scope.paramsOf(e.name)) {
    throw new ExpressionError('exprNeedsCall', e.column, { name: e.name });
  }
  return unknownName(e.name, e.column, env);
}

/**
 * A chain a ± b ± c … as one node that loops over its terms: a long sum is then a flat loop rather than
 * a thousand nested closures (the parser builds it left-deep). The constant terms ahead of the first term in x
 * are a subtree of that chain and are folded into one; later ones are added in their place, left to right, as
 * torch adds them (folding those would reassociate: x + 1e16 − 1e16 is 0 in float64, not 1).
 */
function sumNode(e: Extract<Expr, { kind: 'bin' }>, env: Env): Node {
  const terms: { sign: number; e: Expr }[] = [];
  let left: Expr = e;
  while (left.kind === 'bin' && (left.op === '+' || left.op === '-')) {
    terms.push({ sign: left.op === '+' ? 1 : -1, e: left.right });
    left = left.left;
  }
  terms.push({ sign: 1, e: left });
  terms.reverse();
  let c = 0;
  const vs: ((x: number) => number)[] = [];
  const ds: ((x: number) => number)[] = [];
  const signs: number[] = [];
  for (const t of terms) {
    env.cost++;
    const node = compile(t.e, env);
    if (node.constant !== undefined && vs.length === 0) c = t.sign > 0 ? c + node.constant : c - node.constant;
    else {
      vs.push(node.v);
      ds.push(node.d);
      signs.push(t.sign);
    }
  }
  const { reg } = env;
  if (vs.length === 0) return constant(c, reg);
  const n = vs.length;
  return {
    v: (x) => {
      let y = c;
      for (let i = 0; i < n; i++) y += signs[i] * vs[i](x);
      return y;
    },
    d: (x) => {
      let y = c;
      let t = 0;
      for (let i = 0; i < n; i++) {
        y += signs[i] * ds[i](x);
        t += signs[i] * reg.t;
      }
      reg.t = t;
      return y;
    },
  };
}

function arity(name: string, column: number, args: readonly Expr[], named: readonly NamedArg[], count: number): void {
  if (named.length > 0) throw new ExpressionError('exprNoKeywords', named[0].column, { name });
  if (args.length !== count)
    throw new ExpressionError('exprArity', column, { name, expected: count, got: args.length });
}

/**
 * Records where `a` and `b` cross, for the kinks and jumps. Two constants never cross: their difference is the same
 * everywhere, and a difference of 0 everywhere would make every start of the root search a "kink" (x + relu(0)).
 */
function switchAt(env: Env, a: Node, b: Node, jump?: (x: number) => boolean): void {
  if (a.constant !== undefined && b.constant !== undefined) return;
  env.switches.push(switchOf(a, b, env.reg, jump));
}

/** max/min: a tie splits the gradient ½–½, as torch.maximum/minimum do. */
function extremum(isMax: boolean, a: Node, b: Node, env: Env): Node {
  const { reg } = env;
  switchAt(env, a, b);
  const pick = isMax ? Math.max : Math.min;
  if (a.constant !== undefined && b.constant !== undefined) return constant(pick(a.constant, b.constant), reg);
  const av = a.v;
  const bv = b.v;
  const p = a.constant;
  const q = b.constant;
  // Math.max and Math.min called by name (the engine inlines them), a constant side read, not called.
  const value =
    p !== undefined
      ? isMax
        ? (x: number) => Math.max(p, bv(x))
        : (x: number) => Math.min(p, bv(x))
      : q !== undefined
        ? isMax
          ? (x: number) => Math.max(av(x), q)
          : (x: number) => Math.min(av(x), q)
        : isMax
          ? (x: number) => Math.max(av(x), bv(x))
          : (x: number) => Math.min(av(x), bv(x));
  return {
    v: value,
    d: (x) => {
      const u = a.d(x);
      const du = reg.t;
      const w = b.d(x);
      const dw = reg.t;
      const first = isMax ? u > w : u < w;
      const second = isMax ? u < w : u > w;
      reg.t = first ? du : second ? dw : u === w ? (du + dw) / 2 : NaN;
      return pick(u, w);
    },
  };
}

/** clamp(u, lo, hi) = min(max(u, lo), hi); the gradient passes for lo ≤ u ≤ hi, bounds included (torch). */
function clampNode(u: Node, lo: Node, hi: Node, env: Env): Node {
  const { reg } = env;
  for (const bound of [lo, hi]) switchAt(env, u, bound);
  const value = (p: number, l: number, h: number) => Math.min(Math.max(p, l), h);
  return {
    v: (x) => value(u.v(x), lo.v(x), hi.v(x)),
    d: (x) => {
      const p = u.d(x);
      const dp = reg.t;
      const l = lo.d(x);
      const dl = reg.t;
      const h = hi.d(x);
      const dh = reg.t;
      reg.t = p < l ? dl : p > h ? dh : Number.isNaN(p) ? NaN : dp;
      return value(p, l, h);
    },
  };
}

function compare(op: string, p: number, q: number): boolean {
  return op === '<' ? p < q : op === '<=' ? p <= q : op === '>' ? p > q : p >= q;
}

/** where(cond, a, b): the value and the derivative of the branch the condition picks. */
function whereNode(cond: Expr, a: Node, b: Node, env: Env): Node {
  if (cond.kind !== 'cmp')
    throw new ExpressionError('exprUnexpected', cond.column, { found: '', expected: 'comparison' });
  const l = compile(cond.left, env);
  const r = compile(cond.right, env);
  const op = cond.op;
  switchAt(env, l, r, (x) => Math.abs(a.v(x) - b.v(x)) > 1e-12 * (1 + Math.abs(a.v(x))));
  return {
    v: (x) => (compare(op, l.v(x), r.v(x)) ? a.v(x) : b.v(x)),
    d: (x) => (compare(op, l.v(x), r.v(x)) ? a.d(x) : b.d(x)),
  };
}

/** A value a keyword or extra positional argument gives: a number not depending on x, or a string. */
function staticArg(e: Expr, env: Env, fn: string): number | string {
  if (e.kind === 'str') return e.value;
  const node = compile(e, env);
  if (node.constant === undefined) throw new ExpressionError('exprDependsOnX', e.column, { name: fn });
  return node.constant;
}

/** Calls `f` (a torch activation or another definition) of its first argument, parameters from the others. */
function unaryCall(inner: CompiledFunction, u: Node, env: Env): Node {
  const { reg } = env;
  for (const k of inner.kinks) switchAt(env, u, constant(k, reg));
  for (const k of inner.jumps) switchAt(env, u, constant(k, reg), () => true);
  env.cost += inner.cost;
  return chain(u, inner.f, (p) => inner.df(p), reg);
}

function torchCall(e: Extract<Expr, { kind: 'call' }>, env: Env): Node | undefined {
  const spec = torchFunction(e.name);
  if (!spec) return undefined;
  if (e.args.length === 0) throw new ExpressionError('exprArity', e.column, { name: e.name, expected: 1, got: 0 });
  const order = spec.params.map((p) => p.name);
  if (e.args.length - 1 > order.length)
    throw new ExpressionError('exprArity', e.column, { name: e.name, expected: order.length + 1, got: e.args.length });
  const given = Object.create(null) as Record<string, number | string>;
  e.args.slice(1).forEach((a, i) => (given[order[i]] = staticArg(a, env, e.name)));
  for (const n of e.named) {
    if (n.name in given) throw new ExpressionError('duplicateKey', n.column, { key: n.name });
    given[n.name] = staticArg(n.value, env, e.name);
  }
  const params = resolveParams(spec, given);
  if (!params.ok) throw new ExpressionError(params.problem.code, e.column, params.problem.args);
  const bound = spec.bind(params.value);
  const inner: CompiledFunction = {
    f: bound.f,
    df: bound.df,
    kinks: spec.kinks(params.value),
    jumps: spec.jumps?.(params.value) ?? [],
    cost: 4,
  };
  return unaryCall(inner, compile(e.args[0], env), env);
}

function definitionCall(e: Extract<Expr, { kind: 'call' }>, env: Env): Node | undefined {
  const order = env.scope.paramsOf(e.name);
  if (!order) return undefined;
  if (e.args.length === 0 || e.args.length - 1 > order.length) {
    throw new ExpressionError('exprArity', e.column, { name: e.name, expected: order.length + 1, got: e.args.length });
  }
  const given = new Map<string, number>();
  const put = (name: string, a: Expr, column: number) => {
    const value = staticArg(a, env, e.name);
    if (typeof value !== 'number') throw new ExpressionError('exprDependsOnX', a.column, { name: e.name });
    if (!order.includes(name)) {
      throw new ExpressionError('unknownParam', column, {
        activation: e.name,
        param: name,
        allowed: order.join(', '),
        suggestions: closestNames(name, order).join(', '),
      });
    }
    if (given.has(name)) throw new ExpressionError('duplicateKey', column, { key: name });
    given.set(name, value);
  };
  e.args.slice(1).forEach((a, i) => put(order[i], a, a.column));
  for (const n of e.named) put(n.name, n.value, n.column);
  return unaryCall(env.scope.compile(e.name, given, e.column), compile(e.args[0], env), env);
}

function callNode(e: Extract<Expr, { kind: 'call' }>, env: Env): Node {
  // The block's own definitions come first: `swish(x; beta=1) = …` may take a torch alias's name.
  const user = definitionCall(e, env);
  if (user) return user;
  const builtin = UNARY.get(e.name);
  if (builtin) {
    arity(e.name, e.column, e.args, e.named, 1);
    if (e.name === 'abs' || e.name === 'sign') {
      const u = compile(e.args[0], env);
      switchAt(env, u, constant(0, env.reg), () => e.name === 'sign');
      return chain(u, builtin.f, builtin.df, env.reg);
    }
    return chain(compile(e.args[0], env), builtin.f, builtin.df, env.reg);
  }
  const special = SPECIAL.get(e.name);
  if (special !== undefined) {
    arity(e.name, e.column, e.args, e.named, special);
    if (e.name === 'where') return whereNode(e.args[0], compile(e.args[1], env), compile(e.args[2], env), env);
    const args = e.args.map((a) => compile(a, env));
    if (e.name === 'clamp') return clampNode(args[0], args[1], args[2], env);
    return extremum(e.name === 'max', args[0], args[1], env);
  }
  const torch = torchCall(e, env);
  if (torch) return torch;
  return unknownName(e.name, e.column, env);
}

/** Compiles one node (and its subtree). */
function compile(e: Expr, env: Env): Node {
  env.cost++;
  switch (e.kind) {
    case 'num':
      return constant(e.value, env.reg);
    case 'name':
      return nameNode(e, env);
    case 'neg':
      return negNode(compile(e.arg, env), env.reg);
    case 'bin':
      return e.op === '+' || e.op === '-'
        ? sumNode(e, env)
        : binaryNode(e.op, compile(e.left, env), compile(e.right, env), env.reg);
    case 'call':
      return callNode(e, env);
    case 'str':
      throw new ExpressionError('exprUnexpected', e.column, { found: `'${e.value}'`, expected: 'operand' });
    case 'cmp':
      throw new ExpressionError('exprComparison', e.column, { found: e.op });
  }
}

/** Compiles a body with its parameters bound; NaN in gives NaN out. Throws `ExpressionError`. */
export function compileBody(body: Expr, params: ReadonlyMap<string, number>, scope: DefinitionScope): CompiledFunction {
  const env: Env = { params, scope, reg: { t: 0 }, switches: [], cost: 0 };
  const root = compile(body, env);
  const reg = env.reg;
  const { kinks, jumps } = solveSwitches(env.switches);
  return {
    f: (x) => (Number.isNaN(x) ? NaN : root.v(x)),
    fx: root.v,
    df: (x) => {
      if (Number.isNaN(x)) return NaN;
      root.d(x);
      return reg.t;
    },
    kinks,
    jumps,
    cost: env.cost,
  };
}
