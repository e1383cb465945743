/**
 * Printing a tree back with the fewest parentheses (each expected text written by hand from the precedence rules),
 * and telling a list item written as an expression from a torch name or call.
 */
import { describe, expect, it } from 'vitest';
import {
  looksLikeExpression,
  parseDefinition,
  parseExpression,
  printDefinition,
  printExpr,
} from '../../../src/core/expression';

describe('printExpr: the fewest parentheses that read back the same', () => {
  it.each([
    ['(a + b) * c', '(a + b) * c'],
    ['a + (b * c)', 'a + b * c'],
    ['(a - b) - c', 'a - b - c'],
    ['a - (b - c)', 'a - (b - c)'],
    ['a / (b * c)', 'a / (b * c)'],
    ['(a * b) / c', 'a * b / c'],
    ['-(x^2)', '-x^2'],
    ['(-x)^2', '(-x)^2'],
    ['x^(-1)', 'x^-1'],
    ['x^y^z', 'x^y^z'],
    ['(x^y)^z', '(x^y)^z'],
    ['-(a + b)', '-(a + b)'],
    ['-(a * b)', '-(a * b)'],
    ['(a + b)^2', '(a + b)^2'],
    ['2^(a * b)', '2^(a * b)'],
    ['sigmoid((x))', 'sigmoid(x)'],
    ['where(x>0,x,0)', 'where(x > 0, x, 0)'],
    ['where(x <= 1 + 2, x, 0)', 'where(x <= 1 + 2, x, 0)'],
    ["gelu(x,approximate='tanh')", "gelu(x, approximate='tanh')"],
    [`f(x, q="it's")`, `f(x, q="it's")`],
    ['1e-3 * 2.50', '0.001 * 2.5'],
  ])('%s → %s', (source, printed) => {
    expect(printExpr(parseExpression(source))).toBe(printed);
  });
});

describe('printDefinition', () => {
  it.each([
    ['f(x) = x', 'f(x) = x'],
    ['g(x;a=1,b=2)=a*x+b', 'g(x; a=1, b=2) = a * x + b'],
    ['s(x; beta=1.5 in [0,5], c=-2) = x', 's(x; beta=1.5 in [0, 5], c=-2) = x'],
    ['x*2', 'x * 2'],
  ])('%s → %s', (source, printed) => {
    expect(printDefinition(parseDefinition(source))).toBe(printed);
  });
});

describe('looksLikeExpression', () => {
  it.each([
    ['ReLU', false],
    ['Hardtanh(min_val=-2, max_val=2)', false],
    ['ELU(alpha=+1)', false],
    ['f(1, -2)', false],
    ['(-2)', false],
    ['-relu(y)', false],
    ['GELU(approximate="tanh")', false],
    // Operator characters inside a string are text, and a sign after a string (an operand) is an operator.
    ["GELU(approximate='*')", false],
    ["f(q='=' - 1)", true],
    ['f(1 -2)', true],
    ['relu(y) - 1', true],
    ['relu(y) + 1', true],
    ['2*relu(y)', true],
    ['a/b', true],
    ['a^2', true],
    ['y < 1', true],
    ['y >= 1', true],
    ['x', true],
    ['ReLU#', true],
  ])('%s: %s', (item, expected) => {
    expect(looksLikeExpression(item)).toBe(expected);
  });
});
