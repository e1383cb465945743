/**
 * A block's definitions read together: names, cycles through every kind of node, the definition an error points
 * into, the compile cache's key, the cost limit at its boundary, and the error type itself. Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { DefinitionBlock, definitionSpecs, ExpressionError } from '../../../src/core/expression';
import { LIMITS } from '../../../src/core/expression/expression-error';
import { definitions } from '../../helpers/expressions';

/** The block's problem, or 'accepted'. */
function problemOf(sources: string[]) {
  const r = definitionSpecs(definitions(sources));
  return r.ok ? 'accepted' : r.problem;
}

describe('names', () => {
  it('a parameter may not repeat, nor take the name of a built-in, a torch function or a definition of the block', () => {
    expect(problemOf(['f(x; a=1, a=2) = x'])).toMatchObject({
      code: 'exprDuplicateName',
      args: { name: 'a', column: 11 },
    });
    expect(problemOf(['f(x; relu=1) = x'])).toMatchObject({
      code: 'exprReservedName',
      args: { name: 'relu', column: 6 },
    });
    expect(problemOf(['g(x) = x', 'f(x; g=1) = x'])).toMatchObject({
      code: 'exprReservedName',
      args: { name: 'g', column: 6, source: 'f(x; g=1) = x' },
    });
  });
});

describe('cycles, found through every kind of node', () => {
  it.each([
    ['a negation', ['f(x) = -g(x)', 'g(x) = f(x)'], 'f → g → f', 'g(x) = f(x)', 8],
    ["where's comparison", ['f(x) = where(g(x) > 0, 1, 0)', 'g(x) = f(x)'], 'f → g → f', 'g(x) = f(x)', 8],
    ['an argument', ['f(x) = exp(g(x))', 'g(x) = 2 * f(x)'], 'f → g → f', 'g(x) = 2 * f(x)', 12],
    ['a keyword value', ['f(x) = elu(x, alpha=f(1))'], 'f → f', 'f(x) = elu(x, alpha=f(1))', 21],
  ])('through %s', (_kind, sources, chain, source, column) => {
    expect(problemOf(sources)).toMatchObject({ code: 'exprCycle', args: { chain, source, column } });
  });

  it('the chain starts at the definition called again, not where the search began', () => {
    // h reaches the cycle f → g → f without being part of it.
    expect(problemOf(['h(x) = f(x)', 'f(x) = g(x)', 'g(x) = f(x)'])).toMatchObject({
      code: 'exprCycle',
      args: { chain: 'f → g → f' },
    });
  });
});

describe('an error inside a called definition points into that definition', () => {
  it('with its text and column, not the caller’s', () => {
    // g is fine at its default (a = −1 < 1); called with a = 2, Hardtanh's min_val < max_val fails inside g.
    const g = 'g(x; a=-1) = hardtanh(x, min_val=a, max_val=1)';
    expect(problemOf([g, 'h(x) = 3 * g(x, 2)'])).toMatchObject({
      code: 'paramRelation',
      args: { activation: 'Hardtanh', source: g, column: 14 },
    });
  });
});

describe('compiled functions are cached by their parameters', () => {
  it('values that join alike stay apart: (1, 23) and (12, 3); 0 and −0', () => {
    const [def] = definitions(['f(x; a=1, b=2) = a * x + b']);
    const block = new DefinitionBlock([def]);
    const at = (a: number, b: number) =>
      block
        .compileDefinition(
          def,
          new Map([
            ['a', a],
            ['b', b],
          ]),
        )
        .f(1);
    expect(at(1, 23)).toBe(24);
    expect(at(12, 3)).toBe(15);
    const [div] = definitions(['d(x; a=1) = x / a']);
    const other = new DefinitionBlock([div]);
    expect(other.compileDefinition(div, new Map([['a', 0]])).f(1)).toBe(Infinity);
    expect(other.compileDefinition(div, new Map([['a', -0]])).f(1)).toBe(-Infinity);
  });
});

describe('the cost of one evaluation', () => {
  // g: 997 terms x, each one operation for its + and one for x, and one for the sum: 1 + 2·997 = 1995.
  const g = `g(x) = ${Array.from({ length: 997 }, () => 'x').join('+')}`;
  // A call of g in a sum: 1 (its +) + 1 (the call) + 1 (its argument x) + 1995 = 1998; −x: 1 + 1 + 1 = 3.

  it(`is refused above ${LIMITS.cost} operations, naming the cost, and accepted at exactly ${LIMITS.cost}`, () => {
    // 1 (the sum) + 3 (−x) + 2 · 1998 = 4000.
    expect(problemOf([g, 'f(x) = -x + g(x) + g(x)'])).toBe('accepted');
    // One term x more: 4002.
    expect(problemOf([g, 'f(x) = -x + x + g(x) + g(x)'])).toMatchObject({
      code: 'exprCost',
      args: { cost: 4002, max: 4000 },
    });
  });
});

describe('ExpressionError', () => {
  it('names its code and column for a developer, and turns into a problem with the source', () => {
    const e = new ExpressionError('exprArity', 7, { name: 'elu' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ExpressionError');
    expect(e.message).toBe('exprArity at column 7');
    expect(e.toProblem('elu()')).toEqual({ code: 'exprArity', args: { name: 'elu', column: 7, source: 'elu()' } });
    e.source = 'g(x) = elu()';
    expect(e.toProblem('elu()').args.source).toBe('g(x) = elu()');
  });
});
