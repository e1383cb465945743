/** The expression language by example: grammar, precedence, names, bounds, errors with columns, safety. */
import { describe, expect, it } from 'vitest';
import {
  bindExpression,
  definitionSpecs,
  EXPRESSION_LIMITS,
  looksLikeExpression,
  printDefinition,
  readDefinition,
} from '../../../src/core/expression';
import { caretLines } from '../../../src/core/expression/caret';
import type { Problem } from '../../../src/core/result';
import { formatProblem } from '../../../src/i18n';

function fn(source: string, params: Record<string, number> = {}) {
  const r = bindExpression(source, params);
  if (!r.ok) throw new Error(formatProblem(r.problem, 'en'));
  return r.value;
}

function problem(source: string): Problem {
  const r = bindExpression(source);
  if (r.ok) throw new Error(`${source} was accepted`);
  return r.problem;
}

function problems(sources: string[]): Problem {
  const defs = sources.map((s) => {
    const d = readDefinition(s);
    if (!d.ok) throw new Error(JSON.stringify(d.problem));
    return d.value;
  });
  const r = definitionSpecs(defs);
  if (r.ok) throw new Error('accepted');
  return r.problem;
}

describe('grammar and arithmetic (values by hand)', () => {
  it('precedence: ^ binds tighter than unary minus, and is right-associative', () => {
    expect(fn('-x^2').f(3)).toBe(-9);
    expect(fn('2^3^2').f(0)).toBe(512);
    expect(fn('(2^3)^2').f(0)).toBe(64);
    expect(fn('2^-x').f(1)).toBe(0.5);
    expect(fn('1 - 2 - 3').f(0)).toBe(-4);
    expect(fn('8 / 4 / 2').f(0)).toBe(1);
    expect(fn('1 + 2 * 3').f(0)).toBe(7);
    expect(fn('- - x').f(2)).toBe(2);
  });

  it('numbers, constants and the typographic minus', () => {
    expect(fn('1e-3 + .5 + 2.').f(0)).toBe(2.501);
    expect(fn('pi').f(0)).toBe(Math.PI);
    expect(fn('e').f(0)).toBe(Math.E);
    expect(fn('x − 1').f(3)).toBe(2);
  });

  it('built-in functions', () => {
    expect(fn('exp(x)').f(1)).toBe(Math.E);
    expect(fn('log(x)').f(Math.E)).toBe(1);
    expect(fn('max(x, 2)').f(1)).toBe(2);
    expect(fn('min(x, 2)').f(1)).toBe(1);
    expect(fn('clamp(x, -1, 1)').f(5)).toBe(1);
    expect(fn('where(x < 0, -1, 1)').f(-2)).toBe(-1);
    expect(fn('where(x <= 0, -1, 1)').f(0)).toBe(-1);
    expect(fn('where(x >= 0, -1, 1)').f(0)).toBe(-1);
    expect(fn('erf(x) + erfc(x)').f(0.3)).toBeCloseTo(1, 15);
  });

  it('definitions: name, parameters with defaults, ranges, values from the caller', () => {
    const swish = fn('swish(x; beta=1.5 in [0, 5]) = x * sigmoid(beta * x)', { beta: 2 });
    expect(swish.name).toBe('swish');
    expect(swish.params).toEqual({ beta: 2 });
    expect(swish.f(1)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(fn('f(x; a=1, b=-2) = a*x + b').f(3)).toBe(1);
  });

  it('torch functions with positional and keyword parameters', () => {
    expect(fn('leaky_relu(x, 0.2)').f(-1)).toBe(-0.2);
    expect(fn('leaky_relu(x, negative_slope=0.3)').f(-1)).toBe(-0.3);
    expect(fn('elu(x, alpha=2)').f(-1)).toBeCloseTo(2 * (Math.exp(-1) - 1), 15);
    expect(fn("gelu(x, approximate='tanh')").f(1)).toBeCloseTo(0.8411919906082768, 12);
    expect(fn('f(x; a=2) = elu(x, alpha=a)').f(-1)).toBeCloseTo(2 * (Math.exp(-1) - 1), 15);
  });

  it('NaN in gives NaN out', () => {
    expect(fn('where(x > 0, x, 0)').f(NaN)).toBeNaN();
    expect(fn('where(x > 0, x, 0)').df(NaN)).toBeNaN();
  });
});

describe('definitions of one block call each other', () => {
  it('by name, with parameters', () => {
    const defs = ['g(x; a=1) = a * x', 'h(x) = g(x, a=3) + g(x)'].map(
      (s) => (readDefinition(s) as { ok: true; value: never }).value,
    );
    const r = definitionSpecs(defs);
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    const h = r.value.specs[1].bind({});
    expect(h.f(2)).toBe(8);
    expect(h.df(2)).toBe(4);
  });

  it('a definition may take a torch alias as its name; torch stays reachable by its own names', () => {
    const defs = ['swish(x; beta=2) = x * sigmoid(beta * x)', 'k(x) = swish(x) - silu(x)'].map(
      (s) => (readDefinition(s) as { ok: true; value: never }).value,
    );
    const r = definitionSpecs(defs);
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.value.specs[1].bind({}).f(1)).toBeCloseTo(1 / (1 + Math.exp(-2)) - 1 / (1 + Math.exp(-1)), 15);
  });

  it('cycles, duplicates and reserved names are refused, pointing at the culprit', () => {
    expect(problems(['f(x) = f(x)'])).toMatchObject({ code: 'exprCycle', args: { chain: 'f → f', column: 8 } });
    expect(problems(['f(x) = g(x)', 'g(x) = 2 * f(x)'])).toMatchObject({
      code: 'exprCycle',
      args: { chain: 'f → g → f', source: 'g(x) = 2 * f(x)', column: 12 },
    });
    expect(problems(['f(x) = x', 'f(x) = 2*x'])).toMatchObject({ code: 'exprDuplicateName', args: { name: 'f' } });
    expect(problems(['exp(x) = x'])).toMatchObject({ code: 'exprReservedName', args: { name: 'exp' } });
    expect(problems(['f(x; sigmoid=1) = x'])).toMatchObject({
      code: 'exprReservedName',
      args: { name: 'sigmoid', column: 6 },
    });
    expect(problems(['f(x; pi=1) = x'])).toMatchObject({ code: 'exprReservedName' });
    // `in` introduces a parameter's slider range, so it cannot name one.
    expect(problems(['f(x; in=1) = x'])).toMatchObject({ code: 'exprReservedName', args: { name: 'in', column: 6 } });
    expect(problems(['f(x; x=1) = x'])).toMatchObject({ code: 'exprReservedName', args: { name: 'x', column: 6 } });
    expect(problems(['f(x; a=1, a=2) = x'])).toMatchObject({ code: 'exprDuplicateName', args: { column: 11 } });
    const many = Array.from({ length: EXPRESSION_LIMITS.definitions + 1 }, (_, i) => `f${i}(x) = x`);
    expect(problems(many)).toMatchObject({ code: 'exprTooMany', args: { count: 17, max: 16 } });
  });

  it('the work of one evaluation is bounded, however definitions nest', () => {
    const chain = ['f0(x) = x * x + x * x + x * x + x * x'];
    for (let i = 1; i < 12; i++) chain.push(`f${i}(x) = f${i - 1}(x) + f${i - 1}(x)`);
    expect(problems(chain)).toMatchObject({ code: 'exprCost', args: { max: EXPRESSION_LIMITS.cost } });
  });
});

describe('mistakes: what, where (column), what was expected, did you mean', () => {
  const en = (source: string) => formatProblem(problem(source), 'en');
  it('names', () => {
    expect(en('x * sigmod(x)')).toBe("Column 5: unknown name 'sigmod'. Did you mean 'sigmoid'?");
    expect(en('Sigmoid(x)')).toBe("Column 1: unknown name 'Sigmoid'. Did you mean 'sigmoid'?");
    expect(en('exp + 1')).toBe("Column 1: 'exp' is a function: write exp(x)");
    expect(en('y')).toMatch(/^Column 1: unknown name 'y'/);
  });
  it('syntax', () => {
    expect(en('x +')).toBe('Column 4: expected a number, x, a name or (, but the definition ends here');
    expect(en('f(x) = x +* 2')).toBe("Column 11: expected a number, x, a name or (, found '*'");
    expect(en('2 x')).toBe("Column 3: expected an operator (+ - * / ^) or the end, found 'x'");
    expect(en('(x')).toBe('Column 3: expected ), but the definition ends here');
    expect(en('x > 0')).toBe("Column 3: a comparison ('>') may only be the condition of where(condition, a, b)");
    expect(en('where(x, 1, 0)')).toBe("Column 8: expected a comparison (< <= > >=), found ','");
    expect(en('x ≥ 0')).toBe(
      "Column 3: '≥' is not part of the expression language; use + - * / ^, parentheses and names",
    );
    expect(en('f(y) = y')).toBe("Column 3: expected x (definitions are functions of x: name(x) = …), found 'y'");
    expect(en('f(x; a) = x')).toBe("Column 7: expected '=' and a default value (p=1), found ')'");
    expect(en('f(x; a=9 in [0, 5]) = a*x')).toBe('Column 6: parameter a = 9 must lie in a range [0, 5] with 0 < 5');
    expect(en('x * 1e999')).toBe("Column 5: the number '1e999' is too large");
  });
  it('calls', () => {
    expect(en('max(x)')).toBe('Column 1: max() takes 2 argument(s), got 1');
    expect(en('elu(x, alpha=x)')).toBe('Column 14: a parameter of elu() must not depend on x');
    expect(en('elu(x, alpah=2)')).toBe(
      "Column 1: ELU has no parameter 'alpah'. Did you mean 'alpha'? Its parameters: alpha",
    );
    expect(en('softplus(x, beta=0)')).toMatch(/^Column 1: Softplus: parameter beta = 0 is not allowed/);
    expect(en('exp(x, a=1)')).toBe('Column 8: exp() takes no keyword arguments');
  });
  it('in Chinese', () => {
    expect(formatProblem(problem('x * sigmod(x)'), 'zh')).toBe(
      "第 5 列：未知的名称 'sigmod'。你是不是想写 'sigmoid'？",
    );
  });
  it('a caret under the column, in a window around it for long text', () => {
    expect(caretLines('x +* 2', 4)).toEqual({ text: 'x +* 2', caret: '   ^' });
    const long = `${'x + '.repeat(100)}?`;
    const { text, caret } = caretLines(long, long.length, 40);
    expect(text.startsWith('…')).toBe(true);
    expect(text[caret.length - 1]).toBe('?');
  });
});

describe('bounds and safety', () => {
  it('at most 2000 characters and 64 levels of nesting', () => {
    expect(problem(`x${' + x'.repeat(600)}`)).toMatchObject({ code: 'exprLength', args: { max: 2000 } });
    expect(problem(`${'('.repeat(65)}x${')'.repeat(65)}`)).toMatchObject({ code: 'exprDepth', args: { max: 64 } });
    expect(fn(`${'('.repeat(60)}x${')'.repeat(60)}`).f(2)).toBe(2);
    expect(problem(`${'-'.repeat(70)}x`)).toMatchObject({ code: 'exprDepth' });
    expect(problem(`x${'^x'.repeat(70)}`)).toMatchObject({ code: 'exprDepth' });
  });

  it('object-prototype names are unknown names, and nothing reaches Object.prototype', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype']) {
      expect(problem(`${name}(x)`)).toMatchObject({ code: 'exprUnknownName', args: { name } });
      expect(problem(name)).toMatchObject({ code: 'exprUnknownName', args: { name } });
      // As a parameter it is just a name in a Map: accepted, and it means the parameter.
      expect(fn(`f(x; ${name}=2) = x * ${name}`).f(3)).toBe(6);
      expect(problem(`elu(x, ${name}=1)`)).toMatchObject({ code: 'unknownParam' });
    }
    expect(fn('f(x; __proto__x=2) = __proto__x * x').f(3)).toBe(6);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('tells expressions from torch calls in lists', () => {
    for (const item of ['x * sigmoid(x)', 'relu(x)', 'f(x) = x', '-x', 'x^2', 'where(x > 0, x, 0)'])
      expect(looksLikeExpression(item), item).toBe(true);
    for (const item of [
      'Sigmoid',
      'Hardtanh(-2, 2)',
      'LeakyReLU(negative_slope=-0.1)',
      "GELU(approximate='tanh')",
      'sigmod',
      'Softplus(beta=1e-3)',
    ]) {
      expect(looksLikeExpression(item), item).toBe(false);
    }
  });

  it('prints definitions back as text that reads the same', () => {
    const d = readDefinition('swish(x; beta=1.5 in [0, 5]) = x*sigmoid(beta*x)');
    if (!d.ok) throw new Error('parse');
    expect(printDefinition(d.value)).toBe('swish(x; beta=1.5 in [0, 5]) = x * sigmoid(beta * x)');
  });
});
