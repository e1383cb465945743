/**
 * A formula's free symbols bound to torch's defaults, and the compiled formula: values per case, slope, the points
 * where cases switch, and the cost limit. Expected values are torch's documented defaults and hand derivatives.
 */
import { describe, expect, it } from 'vitest';
import { bindSymbols, noteFunction } from '../../../src/core/latex/note-function';
import { NotUnderstood, parseRhs } from '../../../src/core/latex/tex-parser';
import { texTokens } from '../../../src/core/latex/tex-tokens';

const pieces = (tex: string) => parseRhs(texTokens(tex), 'x');
const fn = (tex: string, params = new Map<string, number>()) => noteFunction(pieces(tex), params);
const bound = (name: string, tex: string) => Object.fromEntries(bindSymbols(name, pieces(tex)));
/** The token NotUnderstood names, or 'none'. */
const refused = (run: () => unknown) => {
  try {
    run();
    return 'none';
  } catch (e) {
    if (e instanceof NotUnderstood) return e.token;
    throw e;
  }
};

describe('bindSymbols', () => {
  it('binds a symbol to the parameter it spells or begins, at torch’s default', () => {
    // torch: ELU(alpha=1.0), Hardshrink(lambd=0.5), RReLU(lower=1/8, upper=1/3), PReLU(init=0.25).
    expect(bound('ELU', '-\\alpha')).toEqual({ alpha: 1 });
    expect(bound('Hardshrink', '\\begin{cases} x & |x| > \\lambda \\\\ 0 & \\text{otherwise}\\end{cases}')).toEqual({
      lambda: 0.5,
    });
    expect(bound('RReLU', '\\max(0,x) + \\frac{l+u}{2}\\min(0,x)')).toEqual({ l: 1 / 8, u: 1 / 3 });
    // PReLU's num_parameters is a count, not a slider: `a` is its one numeric parameter, init.
    expect(bound('PReLU', '\\max(0,x) + a\\min(0,x)')).toEqual({ a: 0.25 });
    // One symbol and one parameter: bound whatever its letter.
    expect(bound('ELU', '\\begin{cases} x & x > 0 \\\\ k(e^x - 1) & x \\le 0 \\end{cases}')).toEqual({ k: 1 });
  });

  it('takes SELU’s λ and α as torch’s fixed constants', () => {
    expect(bound('SELU', '\\lambda x + \\alpha')).toEqual({ lambda: 1.0507009873554805, alpha: 1.6732632423543772 });
  });

  it('names a symbol it cannot bind, with its backslash when it is a command', () => {
    // Two symbols for ELU's one parameter: a begins alpha, b is left over.
    expect(refused(() => bindSymbols('ELU', pieces('a x + b')))).toBe('b');
    // Softplus has two parameters (beta, threshold): k is neither.
    expect(refused(() => bindSymbols('Softplus', pieces('k x')))).toBe('k');
    expect(refused(() => bindSymbols('Sigmoid', pieces('\\alpha x')))).toBe('\\alpha');
    expect(refused(() => bindSymbols('NoSuchFunction', pieces('\\alpha x')))).toBe('\\alpha');
  });
});

describe('noteFunction', () => {
  it('names an unbound symbol the compiler meets', () => {
    expect(refused(() => fn('k x'))).toBe('k');
  });

  it('refuses a formula past the cost limit, its conditions counted', () => {
    // A sum of n x's costs 2n + 1 (n ≥ 2); the limit is 4000.
    const sum = (n: number) => Array(n).fill('x').join('+');
    expect(fn(sum(1999)).cost).toBe(3999);
    expect(refused(() => fn(sum(2000)))).toBe('…');
    expect(refused(() => fn(`\\begin{cases} 1 & ${sum(2000)} > 0 \\\\ 0 & x < 0 \\end{cases}`))).toBe('…');
    expect(refused(() => fn(`\\begin{cases} 1 & 0 < ${sum(2000)} \\\\ 0 & x < 0 \\end{cases}`))).toBe('…');
  });

  it('gives each applying case’s value, nothing where none applies, NaN where the note says undefined', () => {
    const f = fn('\\begin{cases} 1 & x > 0 \\\\ 2 & x > 1 \\\\ \\text{undefined} & x < -1 \\end{cases}');
    expect(f.values(2)).toEqual([1, 2]);
    expect(f.values(0.5)).toEqual([1]);
    expect(f.values(-0.5)).toEqual([]);
    expect(f.values(-2)).toEqual([NaN]);
    expect(f.value).toBeUndefined();
    expect(fn('x^2').value?.(3)).toBe(9);
  });

  it('gives the slope of the first applying case, NaN where none applies or it is undefined', () => {
    expect(fn('x^2').slope(3)).toBe(6);
    const f = fn('\\begin{cases} x^2 & x > 0 \\\\ \\text{undefined} & x < -1 \\end{cases}');
    expect(f.slope(3)).toBe(6);
    expect(f.slope(-0.5)).toBeNaN();
    expect(f.slope(-2)).toBeNaN();
  });

  it('lists where cases switch and where a case has a kink', () => {
    // x > 1 − x switches at x = ½; max(0, x) has its kink at 0; |x − 2| at 2.
    const cases = fn('\\begin{cases} x & x > 1 - x \\\\ 0 & x \\le 1 - x \\end{cases}').breaks;
    expect(cases.length).toBeGreaterThan(0);
    for (const b of cases) expect(b).toBeCloseTo(0.5, 12);
    expect(fn('\\max(0, x)').breaks).toEqual([0]);
    expect(fn('|x - 2|').breaks).toEqual([2]);
  });
});
