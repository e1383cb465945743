/**
 * Properties of the expression language (fast-check, fixed seed): the AD derivative agrees with a numerical
 * one (Richardson-extrapolated central differences, an independent algorithm) at random points of random
 * smooth expressions; printing a tree and parsing the text gives the same tree back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bindExpression,
  parseDefinition,
  printDefinition,
  printExpr,
  type Definition,
  type Expr,
} from '../../../src/core/expression';
import { propertyRuns } from '../../helpers/property-runs';

/** Smooth expressions in x whose arguments stay in ranges where every function is smooth and finite. */
const smooth: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant('x'),
    fc.double({ min: -3, max: 3, noNaN: true }).map((c) => `(${Number(c.toPrecision(4))})`),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a}) / (1 + (${b})^2)`),
    fc
      .tuple(
        fc.constantFrom('atan', 'tanh', 'erf', 'erfc', 'sigmoid', 'silu', 'gelu', 'logsigmoid', 'tanhshrink'),
        tie('e'),
      )
      .map(([f, a]) => `${f}(${a})`),
    // Periodic functions of a bounded argument: sin(x⁹) oscillates faster than any difference quotient resolves.
    fc.tuple(fc.constantFrom('sin', 'cos'), tie('e')).map(([f, a]) => `${f}(3 * atan(${a}))`),
    tie('e').map((a) => `exp(tanh(${a}))`),
    tie('e').map((a) => `log(1 + (${a})^2)`),
    tie('e').map((a) => `sqrt(1 + (${a})^2)`),
    tie('e').map((a) => `log1p(exp(tanh(${a})))`),
    tie('e').map((a) => `expm1(atan(${a}))`),
    tie('e').map((a) => `(${a})^3`),
    tie('e').map((a) => `-(${a})^2`),
    tie('e').map((a) => `(1 + (${a})^2)^0.5`),
    tie('e').map((a) => `cosh(atan(${a})) * sinh(atan(${a}))`),
    tie('e').map((a) => `2^atan(${a})`),
  ),
})).e;

/**
 * Central differences with Richardson extrapolation (error O(h⁴)) over shrinking steps; the estimate where two
 * successive steps agree best, with that disagreement as its own error bar (fast oscillations such as sin(x⁹)
 * need small steps, round-off forbids too small ones).
 */
function numericDerivative(f: (x: number) => number, x: number): { value: number; error: number } {
  const d = (s: number) => (f(x + s) - f(x - s)) / (2 * s);
  const r = (h: number) => (4 * d(h / 2) - d(h)) / 3;
  let best = { value: NaN, error: Infinity };
  let previous = r(1e-2 * Math.max(1, Math.abs(x)));
  for (let k = 1; k <= 6; k++) {
    const next = r(1e-2 * Math.pow(4, -k) * Math.max(1, Math.abs(x)));
    const error = Math.abs(next - previous);
    if (error < best.error) best = { value: next, error };
    previous = next;
  }
  return best;
}

describe('automatic differentiation', () => {
  it('agrees with a numerical derivative at random points of random smooth expressions', () => {
    let checked = 0;
    fc.assert(
      fc.property(smooth, fc.double({ min: -3, max: 3, noNaN: true }), (source, x) => {
        const r = bindExpression(source);
        if (!r.ok) throw new Error(`${source}: ${JSON.stringify(r.problem)}`);
        const act = r.value;
        const f = (v: number) => act.f(v);
        const df = (v: number) => act.df(v);
        const exact = df(x);
        const numeric = numericDerivative(f, x);
        if (!Number.isFinite(exact) || !Number.isFinite(numeric.value)) return;
        // Round-off of the difference quotient grows with |f| near x; truncation is O(h⁴) for smooth f.
        const scale = 1 + Math.abs(exact) + Math.abs(f(x));
        checked++;
        expect(
          Math.abs(exact - numeric.value),
          `${source} at ${x}: AD ${exact}, numeric ${numeric.value} ± ${numeric.error}`,
        ).toBeLessThanOrEqual(2e-7 * scale + 4 * numeric.error);
      }),
      { numRuns: 1500 },
    );
    expect(checked).toBeGreaterThan(0.93 * propertyRuns(1500));
  }, 60_000);
});

const NAMES = ['x', 'a', 'beta', 'sigmoid', 'relu', 'exp', 'in', 'e', 'pi', 'constructor', '__proto__', 'f_1'];

/** Random trees in the parser's canonical form (numbers ≥ 0; comparisons only as where's condition). */
const tree: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .oneof(fc.double({ min: 0, max: 1e300, noNaN: true }), fc.constantFrom(0, 1, 0.5, 1e21, 5e-324, 123456789))
      .map((value): Expr => ({ kind: 'num', value, column: 0 })),
    fc.constantFrom(...NAMES).map((name): Expr => ({ kind: 'name', name, column: 0 })),
    tie('e').map((arg): Expr => ({ kind: 'neg', arg, column: 0 })),
    fc
      .tuple(fc.constantFrom('+', '-', '*', '/', '^' as const), tie('e'), tie('e'))
      .map(([op, left, right]): Expr => ({ kind: 'bin', op, left, right, column: 0 })),
    fc
      .tuple(
        fc.constantFrom(...NAMES),
        fc.array(tie('e'), { maxLength: 3 }),
        fc.array(
          fc.tuple(
            fc.constantFrom('alpha', 'p', 'approximate'),
            fc.oneof(
              tie('e'),
              fc.constantFrom('tanh', "it's", 'none').map((value): Expr => ({ kind: 'str', value, column: 0 })),
            ),
          ),
          { maxLength: 2 },
        ),
      )
      .map(([name, args, named]): Expr => ({
        kind: 'call',
        name: name === 'where' ? 'f' : name,
        args,
        named: named.map(([n, value]) => ({ name: n, value, column: 0 })),
        column: 0,
      })),
    fc
      .tuple(fc.constantFrom('<', '<=', '>', '>=' as const), tie('e'), tie('e'), tie('e'), tie('e'))
      .map(([op, l, r, a, b]): Expr => ({
        kind: 'call',
        name: 'where',
        args: [{ kind: 'cmp', op, left: l, right: r, column: 0 }, a, b],
        named: [],
        column: 0,
      })),
  ),
})).e;

/** The tree without columns, for comparison. */
function strip(e: Expr): unknown {
  switch (e.kind) {
    case 'num':
      return ['num', e.value];
    case 'str':
      return ['str', e.value];
    case 'name':
      return ['name', e.name];
    case 'neg':
      return ['neg', strip(e.arg)];
    case 'bin':
    case 'cmp':
      return [e.op, strip(e.left), strip(e.right)];
    case 'call':
      return ['call', e.name, e.args.map(strip), e.named.map((n) => [n.name, strip(n.value)])];
  }
}

describe('printing', () => {
  it('parse(print(tree)) is the tree, for random trees', () => {
    fc.assert(
      fc.property(tree, (e) => {
        const text = printExpr(e);
        const back = parseDefinition(text);
        expect(strip(back.body), text).toEqual(strip(e));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('definitions with parameters and ranges round-trip too', () => {
    const param = fc.tuple(
      fc.constantFrom('a', 'b', 'beta', 'q_2'),
      fc.double({ min: -5, max: 5, noNaN: true }).map((d) => d + 0),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.uniqueArray(param, { selector: (p) => p[0], maxLength: 3 }), tree, (params, body) => {
        const def: Definition = {
          name: 'g',
          named: true,
          body,
          source: '',
          params: params.map(([name, d, ranged]) => ({
            name,
            default: d,
            column: 0,
            ...(ranged ? { range: [d - 1, d + 1] as [number, number] } : {}),
          })),
        };
        const text = printDefinition(def);
        const back = parseDefinition(text);
        expect(back.params.map((p) => [p.name, p.default, p.range])).toEqual(
          def.params.map((p) => [p.name, p.default, p.range]),
        );
        expect(strip(back.body)).toEqual(strip(body));
        expect(printDefinition(back)).toBe(text);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
