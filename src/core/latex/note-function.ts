/**
 * A note's formula (pieces read from LaTeX) compiled by the expression language: the values of every case that
 * applies at x, f′ by the language's automatic differentiation, and the points where cases start or end.
 */
import { activationSpecs } from '../activations';
import type { Expr } from '../expression/ast';
import { compileBody, type CompiledFunction } from '../expression/compile';
import { DefinitionBlock } from '../expression/definitions';
import { ExpressionError, LIMITS } from '../expression/expression-error';
import { solveSwitches } from '../expression/kinks';
import { NotUnderstood, type Piece } from './tex-parser';

/** A formula of the note as a function of x. */
export interface NoteFunction {
  /** Values of every case that applies at x: none where no case applies, NaN where the note says "undefined". */
  values(x: number): number[];
  /** The one value at an x that is not NaN, for a formula of one expression without cases (values(x) is [value(x)]). */
  value?: (x: number) => number;
  /** f′ of the first case that applies, by automatic differentiation (NaN where none does). */
  slope(x: number): number;
  /** Where a case starts or ends, and the cases' own kinks and jumps. */
  breaks: number[];
  cost: number;
}

/** torch's fixed SELU constants, which notes write as λ and α. */
const SELU = new Map([
  ['lambda', 1.0507009873554805],
  ['alpha', 1.6732632423543772],
  ['scale', 1.0507009873554805],
]);
const NO_DEFINITIONS = new DefinitionBlock([]);

function symbols(e: Expr, out: Set<string>): Set<string> {
  if (e.kind === 'name' && e.name !== 'x' && e.name !== 'e' && e.name !== 'pi') out.add(e.name);
  else if (e.kind === 'neg') symbols(e.arg, out);
  else if (e.kind === 'bin' || e.kind === 'cmp') symbols(e.right, symbols(e.left, out));
  else if (e.kind === 'call') for (const a of e.args) symbols(a, out);
  return out;
}

/**
 * Values for the formula's free symbols: SELU's λ and α are torch's constants; otherwise one symbol binds to the
 * activation's one numeric parameter (or the one it spells: β → beta, λ → lambd) at torch's default.
 */
export function bindSymbols(name: string, pieces: readonly Piece[]): Map<string, number> {
  const found = new Set<string>();
  for (const p of pieces) {
    if (p.value) symbols(p.value, found);
    for (const c of p.conds ?? []) symbols(c, found);
  }
  const bound = new Map<string, number>();
  const spec = activationSpecs().find((s) => s.name === name);
  const numeric = spec?.params.filter((p) => p.kind === 'number' && p.slider && typeof p.default === 'number') ?? [];
  for (const s of found) {
    const param =
      numeric.find((p) => p.name.startsWith(s) || s.startsWith(p.name)) ??
      (found.size === 1 && numeric.length === 1 ? numeric[0] : undefined);
    const value = name === 'SELU' ? SELU.get(s) : (param?.default as number | undefined);
    if (value === undefined) throw new NotUnderstood(s.length > 1 ? `\\${s}` : s);
    bound.set(s, value);
  }
  return bound;
}

function compile(e: Expr, params: Map<string, number>): CompiledFunction {
  try {
    return compileBody(e, params, NO_DEFINITIONS);
  } catch (err) {
    if (err instanceof ExpressionError) throw new NotUnderstood(String(err.args.name ?? err.args.found ?? err.code));
    throw err;
  }
}

const holds = (op: string, a: number, b: number): boolean =>
  op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;

/** Compiles the pieces with `params` bound; throws NotUnderstood for what the language refuses. */
export function noteFunction(pieces: readonly Piece[], params: Map<string, number>): NoteFunction {
  let cost = 0;
  const breaks: number[] = [];
  const cases = pieces.map((p) => {
    const value = p.value ? compile(p.value, params) : null;
    const conds = p.conds?.map((c) => {
      const l = compile(c.left, params);
      const r = compile(c.right, params);
      cost += l.cost + r.cost;
      breaks.push(
        ...solveSwitches([{ g: (x) => l.f(x) - r.f(x), dg: (x) => l.df(x) - r.df(x), jump: () => false }]).kinks,
      );
      return (x: number) => holds(c.op, l.f(x), r.f(x));
    });
    if (value) {
      cost += value.cost;
      breaks.push(...value.kinks, ...value.jumps);
    }
    return { value, conds };
  });
  if (cost > LIMITS.cost) throw new NotUnderstood('…');
  // Most formulas are one expression without cases: no case to pick.
  const only = cases.length === 1 && cases[0].conds?.length === 0 ? cases[0].value : null;
  const applying = (x: number) => {
    const explicit = cases.filter((c) => c.conds?.every((h) => h(x)));
    return explicit.length ? explicit : cases.filter((c) => !c.conds);
  };
  return {
    values: only ? (x) => [only.f(x)] : (x) => applying(x).map((c) => (c.value ? c.value.f(x) : NaN)),
    value: only ? (only.fx ?? only.f) : undefined,
    slope: (x) => applying(x)[0]?.value?.df(x) ?? NaN,
    breaks,
    cost,
  };
}
