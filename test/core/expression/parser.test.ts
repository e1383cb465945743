/**
 * The parser's refusals, each with what was found, what was expected and the column (worked out by hand from the
 * text), its limits at their boundary, parameter declarations, and what makes a text a definition.
 */
import { describe, expect, it } from 'vitest';
import { parseDefinition, parseExpression } from '../../../src/core/expression';
import { expressionError } from '../../helpers/expressions';

/** The refusal parsing `source` throws: code, column and arguments. */
const refusal = (source: string, parse: (s: string) => unknown = parseDefinition) =>
  expressionError(() => parse(source));
const unexpected = (column: number, found: string, expected: string) => ({
  code: 'exprUnexpected',
  column,
  args: { found, expected },
});

describe('what was found, what was expected, where', () => {
  it.each([
    ['', unexpected(1, '', 'operand')],
    ['x +', unexpected(4, '', 'operand')],
    ['x + )', unexpected(5, ')', 'operand')],
    ['(x', unexpected(3, '', ')')],
    ['x)', unexpected(2, ')', 'operator')],
    ['x y', unexpected(3, 'y', 'operatorOrEnd')],
    ["x + 'a'", unexpected(5, "'a'", 'operand')],
    ['elu(x alpha=1)', unexpected(7, 'alpha', "',' | ')'")],
    ['elu(alpha=1, x)', unexpected(14, 'x', 'keywordArgument')],
    ['where(x, 1, 0)', unexpected(8, ',', 'comparison')],
    ['f(y) = y', unexpected(3, 'y', 'x')],
    ['f(x; 2) = x', unexpected(6, '2', 'paramName')],
    ['f(x; a) = x', unexpected(7, ')', 'paramDefault')],
    ['f(x; a=b) = x', unexpected(8, 'b', 'number')],
    ['f(x; a=1 b=2) = x', unexpected(10, 'b', "',' | ')'")],
    ['f(x y) = x', unexpected(5, 'y', "';' | ')'")],
    ['f(x; a=1 in [0 1]) = x', unexpected(16, '1', ',')],
    ['f(x; a=1 in 0, 1) = x', unexpected(13, '0', '[')],
    // A quoted text is a value for a keyword only: never an operator, a comparison, a keyword or x.
    ["'-'x", unexpected(1, "'-'", 'operand')],
    ["x '<'", unexpected(3, "'<'", 'operatorOrEnd')],
    ["where(x '<' 0, 1, 2)", unexpected(9, "'<'", 'comparison')],
    ["f(x; a=1 'in' [0, 2]) = x", unexpected(10, "'in'", "',' | ')'")],
    ["f('x') = x", unexpected(3, "'x'", 'x')],
    // Only a name can be a keyword: after a number, = is out of place.
    ['sigmoid(1 = 2)', unexpected(11, '=', "',' | ')'")],
  ])('%j', (source, expected) => {
    expect(refusal(source)).toEqual(expected);
  });

  it('a comparison outside where names the operator at its column', () => {
    expect(refusal('x <= 1')).toEqual({ code: 'exprComparison', column: 3, args: { found: '<=' } });
    expect(refusal('where(x > 0, x < 1, 0)')).toEqual({ code: 'exprComparison', column: 16, args: { found: '<' } });
  });
});

describe('signs', () => {
  it('a leading + is dropped, a - negates, and they nest', () => {
    expect(parseExpression('+x')).toEqual({ kind: 'name', name: 'x', column: 2 });
    expect(parseExpression('-+x')).toEqual({ kind: 'neg', arg: { kind: 'name', name: 'x', column: 3 }, column: 1 });
    expect(parseExpression('+-x')).toEqual({ kind: 'neg', arg: { kind: 'name', name: 'x', column: 3 }, column: 2 });
  });
});

describe('parameters', () => {
  it('take signed defaults and an optional range, both ends allowed', () => {
    const d = parseDefinition('f(x; a=-2, b=+3 in [-1e1, 3], c=0 in [0, 1]) = a * x');
    expect(d.params).toEqual([
      { name: 'a', default: -2, column: 6 },
      { name: 'b', default: 3, column: 12, range: [-10, 3] },
      { name: 'c', default: 0, column: 31, range: [0, 1] },
    ]);
  });

  it.each([
    ['f(x; a=1 in [1, 1]) = x', { name: 'a', value: 1, min: 1, max: 1 }],
    ['f(x; a=1 in [2, 0]) = x', { name: 'a', value: 1, min: 2, max: 0 }],
    ['f(x; a=3 in [0, 2]) = x', { name: 'a', value: 3, min: 0, max: 2 }],
    ['f(x; a=-1 in [0, 2]) = x', { name: 'a', value: -1, min: 0, max: 2 }],
  ])('refuses an empty range or a default outside it: %s', (source, args) => {
    expect(refusal(source)).toEqual({ code: 'exprParamRange', column: 6, args });
  });
});

describe('limits', () => {
  it('2000 characters per definition: the column is just past the limit', () => {
    const long = `x${'+x'.repeat(1000)}`; // 2001 characters
    expect(refusal(long)).toEqual({ code: 'exprLength', column: 2001, args: { length: 2001, max: 2000 } });
    expect(refusal(long, parseExpression)).toEqual({
      code: 'exprLength',
      column: 2001,
      args: { length: 2001, max: 2000 },
    });
    const limit = `${long.slice(0, 1999)} `; // x+x…+x and a space: exactly 2000 characters
    expect(() => parseDefinition(limit)).not.toThrow();
    expect(() => parseExpression(limit)).not.toThrow();
  });

  it('64 levels of nesting: parentheses, signs, powers and calls each count; the 65th is refused at its column', () => {
    const parens = (n: number) => `${'('.repeat(n)}x${')'.repeat(n)}`;
    expect(() => parseDefinition(parens(64))).not.toThrow();
    expect(refusal(parens(65))).toEqual({ code: 'exprDepth', column: 65, args: { max: 64 } });
    expect(() => parseDefinition(`${'-'.repeat(64)}x`)).not.toThrow();
    expect(refusal(`${'-'.repeat(65)}x`)).toEqual({ code: 'exprDepth', column: 65, args: { max: 64 } });
    // x^x^…: the 65th ^ stands at column 130.
    expect(refusal(`${'x^'.repeat(65)}x`)).toEqual({ code: 'exprDepth', column: 130, args: { max: 64 } });
    const calls = (n: number) => `${'exp('.repeat(n)}x${')'.repeat(n)}`;
    expect(() => parseDefinition(calls(64))).not.toThrow();
    expect(refusal(calls(65))).toEqual({ code: 'exprDepth', column: 257, args: { max: 64 } });
  });

  it('levels are left again: 100 parentheses, signs and powers side by side are one or two deep each', () => {
    for (const term of ['(x)', '-x', 'x^2', 'exp(x)']) {
      expect(() => parseDefinition(Array(100).fill(term).join(' + ')), term).not.toThrow();
    }
  });

  it('a long flat chain is not deep: 999 terms', () => {
    expect(() => parseDefinition(`x${'+x'.repeat(998)}`)).not.toThrow();
    expect(() => parseDefinition(`x${'*x'.repeat(998)}`)).not.toThrow();
  });
});

describe('definition or expression', () => {
  it('a name, then = outside parentheses: a definition; = inside parentheses is a keyword', () => {
    expect(parseDefinition('f(x) = x')).toMatchObject({ name: 'f', named: true, params: [] });
    expect(parseDefinition(' elu(x, alpha=2) ')).toMatchObject({ name: 'elu(x, alpha=2)', named: false });
    expect(refusal('2 = x')).toEqual(unexpected(3, '=', 'operatorOrEnd'));
  });

  it('a quoted ) does not close a parenthesis: the = after it is still a keyword', () => {
    expect(parseDefinition("elu(x, a=')', alpha=2)")).toMatchObject({ named: false });
  });

  it('parseExpression reads no head', () => {
    expect(refusal('f(x) = x', parseExpression)).toEqual(unexpected(6, '=', 'operatorOrEnd'));
  });
});
