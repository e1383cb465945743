/**
 * The compiler's own rules, through the public API (and, for trees the parser never builds, through compileBody):
 * each call mistake with its culprit and column, constant folding where a parameter needs a number, NaN through
 * max, positional parameters of the note's own definitions, where's comparisons at their boundary, the kinks and
 * jumps each construct reports, and left-to-right sums. Expected values are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../../src/core/expression/ast';
import { compileBody, type DefinitionScope } from '../../../src/core/expression/compile';
import { bindExpression, definitionSpecs } from '../../../src/core/expression';
import type { Problem } from '../../../src/core/result';
import { definitions, expressionError } from '../../helpers/expressions';

function fn(source: string) {
  const r = bindExpression(source);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.value;
}

function problem(source: string): Problem {
  const r = bindExpression(source);
  if (r.ok) throw new Error(`${source} was accepted`);
  return r.problem;
}

/** The last of `sources` as a spec, the others its block's definitions; or the block's problem. */
function block(sources: string[]) {
  return definitionSpecs(definitions(sources));
}

function lastSpec(sources: string[]) {
  const r = block(sources);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.value.specs[r.value.specs.length - 1];
}

/** Kinks and jumps of a single expression at its defaults. */
function breaks(source: string): { kinks: number[]; jumps: number[] } {
  const spec = lastSpec([source]);
  return { kinks: spec.kinks({}), jumps: spec.jumps?.({}) ?? [] };
}

describe('calls of torch functions: each mistake names the function and points at it', () => {
  it.each([
    ['sigmoid()', { code: 'exprArity', args: { name: 'sigmoid', expected: 1, got: 0, column: 1 } }],
    // ELU takes x and one parameter (alpha).
    ['elu(x, 1, 2)', { code: 'exprArity', args: { name: 'elu', expected: 2, got: 3, column: 1 } }],
    ['elu(x, alpha=1, alpha=2)', { code: 'duplicateKey', args: { key: 'alpha', column: 17 } }],
    ['elu(x, 2, alpha=1)', { code: 'duplicateKey', args: { key: 'alpha', column: 11 } }],
    ['elu(x, x)', { code: 'exprDependsOnX', args: { name: 'elu', column: 8 } }],
    ['elu(x, foo=1)', { code: 'unknownParam', args: { activation: 'ELU', param: 'foo', allowed: 'alpha' } }],
  ])('%s', (source, expected) => {
    expect(problem(source)).toMatchObject(expected);
  });

  it('a parameter folded to a number is accepted: elu(x, 1 + 1) and elu(x, max(0.5, 2)) are ELU with alpha 2', () => {
    // ELU(−1) with alpha 2: 2·(e⁻¹ − 1).
    const expected = 2 * (Math.exp(-1) - 1);
    expect(fn('elu(x, 1 + 1)').f(-1)).toBeCloseTo(expected, 15);
    expect(fn('elu(x, max(0.5, 2))').f(-1)).toBeCloseTo(expected, 15);
    expect(fn('elu(x, min(2, 3))').f(-1)).toBeCloseTo(expected, 15);
  });
});

describe("calls of the note's own definitions", () => {
  const g = 'g(x; a=1, b=2) = a * x + b';

  it.each([
    ['h(x) = g()', { code: 'exprArity', args: { name: 'g', expected: 3, got: 0, column: 8 } }],
    ['h(x) = g(x, 1, 2, 3)', { code: 'exprArity', args: { name: 'g', expected: 3, got: 4, column: 8 } }],
    ['h(x) = g(x, c=2)', { code: 'unknownParam', args: { activation: 'g', param: 'c', allowed: 'a, b', column: 13 } }],
    ['h(x) = g(x, 2, a=3)', { code: 'duplicateKey', args: { key: 'a', column: 16 } }],
    ['h(x) = g(x, x)', { code: 'exprDependsOnX', args: { name: 'g', column: 13 } }],
  ])('%s', (source, expected) => {
    const r = block([g, source]);
    expect(r.ok ? 'accepted' : r.problem).toMatchObject(expected);
  });

  it('positional values fill the parameters in order, named ones by name (at x = 1: a·1 + b)', () => {
    expect(lastSpec([g, 'h(x) = g(x)']).bind({}).f(1)).toBe(3);
    expect(lastSpec([g, 'h(x) = g(x, 3)']).bind({}).f(1)).toBe(5);
    expect(lastSpec([g, 'h(x) = g(x, 3, 4)']).bind({}).f(1)).toBe(7);
    expect(lastSpec([g, 'h(x) = g(x, b=5)']).bind({}).f(1)).toBe(6);
  });
});

describe('values and derivatives', () => {
  it('max and min with a NaN side: value and derivative NaN', () => {
    // log(−1) is NaN: neither side wins and they are not tied.
    const m = fn('max(x, log(x))');
    expect(m.f(-1)).toBeNaN();
    expect(m.df(-1)).toBeNaN();
    expect(fn('min(x, log(x))').df(-1)).toBeNaN();
  });

  it('where: each comparison at its boundary and either side of it', () => {
    const at = (source: string) => [-1, 0, 1].map((x) => fn(source).f(x));
    expect(at('where(x <= 0, 1, 2)')).toEqual([1, 1, 2]);
    expect(at('where(x < 0, 1, 2)')).toEqual([1, 2, 2]);
    expect(at('where(x >= 0, 1, 2)')).toEqual([2, 1, 1]);
    expect(at('where(x > 0, 1, 2)')).toEqual([2, 2, 1]);
  });

  it('products and quotients: a constant factor adds no 0·∞ term; each rule by hand', () => {
    // exp(1000) = ∞: 2·exp(x) has f′ = 2·∞ = ∞ (a general product rule would add 0·∞ = NaN).
    expect(fn('2 * exp(x)').df(1000)).toBe(Infinity);
    expect(fn('exp(x) * 2').df(1000)).toBe(Infinity);
    expect(fn('exp(x) / 2').df(1000)).toBe(Infinity);
    // d/dx 2/x = −2/x², at 2: −0.5; d/dx x/(x·x) = −1/x², at 2: −0.25; d/dx x·x = 2x, at 3: 6.
    expect(fn('2 / x').df(2)).toBe(-0.5);
    expect(fn('x / (x * x)').df(2)).toBe(-0.25);
    expect(fn('x * x').df(3)).toBe(6);
    expect(fn('x - 2 * x').df(5)).toBe(-1);
    // A constant factor on either side, and a constant divisor: d/dx (x·x)·3 at 2 is 12, x·2 is 2, x/4 is 0.25.
    expect(fn('(x * x) * 3').df(2)).toBe(12);
    expect(fn('3 * (x * x)').df(2)).toBe(12);
    expect(fn('x * 2').df(7)).toBe(2);
    expect(fn('x / 4').df(7)).toBe(0.25);
    expect(fn('(x * x) / 4').df(2)).toBe(1);
    // 2/x: its value, and −2/x² = −∞ at 0 (the general quotient rule would give 0/0 there).
    expect(fn('2 / x').f(4)).toBe(0.5);
    expect(fn('2 / x').df(0)).toBe(-Infinity);
    // A constant argument is folded: sqrt(0) adds no 0·∞ to the derivative, and sqrt(4) may be a parameter.
    expect(fn('x + sqrt(0)').df(1)).toBe(1);
    expect(fn('elu(x, sqrt(4))').f(-1)).toBeCloseTo(2 * (Math.exp(-1) - 1), 15);
  });

  it("powers: torch's rules where the textbook formula is 0·∞ or 0^−1", () => {
    // x^0: f′ = 0 everywhere, 0 at 0 too (0·0^−1 would be NaN); x^2 at 0: 0; √x as x^0.5 at 0: +∞.
    expect(fn('x^0').df(0)).toBe(0);
    expect(fn('x^2').df(0)).toBe(0);
    expect(fn('x^0.5').df(0)).toBe(Infinity);
    expect(fn('x^3').df(2)).toBe(12);
    // 2^x: 2^x·ln 2; at 3: 8 ln 2.
    expect(fn('2^x').df(3)).toBeCloseTo(8 * Math.LN2, 14);
    // x^x at 2: x^x·(ln x + 1) = 4(ln 2 + 1); (2x)^x at 1: (2x)^x·(ln 2x + 1) = 2(ln 2 + 1).
    expect(fn('x^x').df(2)).toBeCloseTo(4 * (Math.LN2 + 1), 14);
    expect(fn('(2 * x)^x').df(1)).toBeCloseTo(2 * (Math.LN2 + 1), 14);
    // At a base of 0 with an exponent ≥ 0 torch masks the exponent's term (ln 0 = −∞) and the base term is 0 for
    // an exponent of 0 or a constant base: x^x at 0 and 0^x at 0.5 have derivative 0.
    expect(fn('x^x').df(0)).toBe(0);
    expect(fn('0^x').df(0.5)).toBe(0);
  });

  it('a sum is evaluated left to right, as written (and as torch would)', () => {
    // (1e16 − 1e16) + 1 = 1; summed right to left, 1 − 1e16 rounds to −1e16 and the result would be 0.
    expect(fn('x * 1e16 - x * 1e16 + x').f(1)).toBe(1);
    // Constants keep their place: (1 + 1e16) − 1e16 = 0 in float64 (1e16 + 1 rounds to 1e16), and leading ones are
    // added first: (1e16 − 1e16) + 1 = 1.
    expect(fn('x + 1e16 - 1e16').f(1)).toBe(0);
    expect(fn('1e16 - 1e16 + x').f(1)).toBe(1);
    expect(fn('2 - x + 3').f(1)).toBe(4);
    expect(fn('2 - x + 3').df(1)).toBe(-1);
  });
});

describe('kinks (f′ jumps) and jumps (f jumps) each construct reports', () => {
  it.each([
    ['exp(x)', [], []],
    ['tanh(x)', [], []],
    ['abs(x)', [0], []],
    ['sign(x)', [], [0]],
    ['clamp(x, -1, 1)', [-1, 1], []],
    ['max(x, 0)', [0], []],
    ['relu(x)', [0], []],
    // Hardshrink (lambd 0.5) jumps from 0 to ±0.5 at ±0.5.
    ['hardshrink(x)', [], [-0.5, 0.5]],
    // Continuous where the branches meet: a kink; apart: a jump.
    ['where(x > 1, x, 1)', [1], []],
    ['where(x > 1, 1, 0)', [], [1]],
    // Branches 1e-12 apart at the switch (1 + 1e-12 rounds to 1 + 1.0000889e-12): within 1e-12·(1 + |a|), a kink.
    ['where(x > 1, x, 1 + 1e-12)', [1], []],
    ['where(x > 1, x, 1 + 1e-11)', [], [1]],
    // The constant on the left of the switch: 1 − x crosses 0 at 1, not −1.
    ['where(1 < x, x, 1)', [1], []],
    ['max(1, x)', [1], []],
    ['min(2, x) + abs(x)', [0, 2], []],
    // Two sides that both depend on x: x − x² crosses 0 at 0 and 1.
    ['max(x, x * x)', [0, 1], []],
    // Roots at none of the search's starts (0, ±1, ±4): x² − x − 0.75 = 0 at −0.5 and 1.5; x² = 1 at ±1 from a
    // constant left side.
    ['max(x, x * x - 0.75)', [-0.5, 1.5], []],
    ['max(2, x * x + 1)', [-1, 1], []],
    ['where(x * x > x, 1, 0)', [], [0, 1]],
    // Two constants never cross: no kink anywhere (a difference of 0 everywhere is not a kink at every start).
    ['x + relu(0)', [], []],
    ['x * max(1, 1)', [], []],
    // ELU's own kink at 0 stays; max(1, 1) adds none.
    ['elu(x, max(1, 1))', [0], []],
    ['x + where(1 > 1, 1, 0)', [], []],
  ])('%s: kinks %j, jumps %j', (source, kinks, jumps) => {
    expect(breaks(source)).toEqual({ kinks, jumps });
  });
});

describe('kinks found from several starts are one kink each', () => {
  it('abs(x^2 - 2): ±√2, once each (Newton from −1 and −4 stops an ulp apart)', () => {
    const { kinks } = breaks('abs(x^2 - 2)');
    expect(kinks).toHaveLength(2);
    expect(kinks[0]).toBeCloseTo(-Math.SQRT2, 15);
    expect(kinks[1]).toBeCloseTo(Math.SQRT2, 15);
    expect(breaks('clamp(x^2, 0.5, 2)').kinks).toHaveLength(4);
  });
});

describe('trees the parser never builds are refused by the compiler too', () => {
  const none: DefinitionScope = {
    paramsOf: () => undefined,
    compile: () => {
      throw new Error('no definitions here');
    },
  };
  const x: Expr = { kind: 'name', name: 'x', column: 1 };
  const one: Expr = { kind: 'num', value: 1, column: 5 };
  /** The ExpressionError compiling `e` throws: code, column and arguments. */
  const refusal = (e: Expr) => expressionError(() => compileBody(e, new Map(), none));

  it('a comparison outside where', () => {
    expect(refusal({ kind: 'cmp', op: '<', left: x, right: one, column: 1 })).toMatchObject({
      code: 'exprComparison',
      column: 1,
      args: { found: '<' },
    });
  });

  it('a string as an operand', () => {
    expect(refusal({ kind: 'str', value: 'tanh', column: 3 })).toMatchObject({
      code: 'exprUnexpected',
      column: 3,
      args: { found: "'tanh'", expected: 'operand' },
    });
  });

  it("where's condition not a comparison", () => {
    expect(refusal({ kind: 'call', name: 'where', args: [x, one, one], named: [], column: 1 })).toMatchObject({
      code: 'exprUnexpected',
      column: 1,
      args: { expected: 'comparison' },
    });
  });
});
