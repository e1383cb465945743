/**
 * The language's own functions: values and derivatives at points worked out by hand (or from tables), torch's
 * choices at kinks, and the reserved words. Wider checks (AD against central differences) live in properties.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { builtinNames, CONSTANTS, isReserved, SPECIAL, UNARY } from '../../../src/core/expression/builtins';

const fn = (name: string) => {
  const b = UNARY.get(name);
  if (!b) throw new Error(`no builtin ${name}`);
  return { f: b.f, df: (u: number) => b.df(u, b.f(u)) };
};

describe('derivatives at hand-computed points', () => {
  it.each([
    // name, u, f(u), f′(u): each by hand from the closed form.
    ['exp', 0, 1, 1],
    ['log', 4, Math.LN2 * 2, 0.25],
    ['log1p', 3, Math.LN2 * 2, 0.25],
    ['expm1', 0, 0, 1],
    ['sqrt', 4, 2, 0.25],
    ['tanh', 0, 0, 1],
    ['sinh', 0, 0, 1],
    ['cosh', 0, 1, 0],
    ['sin', 0, 0, 1],
    ['cos', 0, 1, -0],
    ['atan', 1, Math.PI / 4, 0.5],
    ['erf', 0, 0, 1.1283791670955126], // 2/√π
    ['erfc', 0, 1, -1.1283791670955126],
    // erf′(1) = 2/√π · e⁻¹ = 0.41510749742059472 (Abramowitz & Stegun 7.1.19)
    ['erf', 1, 0.8427007929497149, 0.41510749742059472],
    ['erfc', 1, 0.15729920705028513, -0.41510749742059472],
    ['erfc', -1, 1.8427007929497148, -0.41510749742059472],
  ])('%s at %d: value %d, derivative %d', (name, u, value, slope) => {
    const { f, df } = fn(name);
    expect(f(u)).toBeCloseTo(value, 15);
    expect(df(u)).toBeCloseTo(slope, 15);
  });

  it('tanh′ and expm1′ are computed from the value: 1 − tanh², eᵘ', () => {
    expect(fn('tanh').df(1)).toBeCloseTo(1 - Math.tanh(1) ** 2, 15);
    expect(fn('expm1').df(1)).toBeCloseTo(Math.E, 15);
    expect(fn('exp').df(2)).toBeCloseTo(Math.E ** 2, 14);
  });
});

describe("torch's choices at kinks and edges", () => {
  it('abs′ is sign(u) with 0 at 0; sign′ is 0 everywhere', () => {
    const abs = fn('abs');
    expect([abs.df(-2), abs.df(0), abs.df(-0), abs.df(3)]).toEqual([-1, 0, 0, 1]);
    const sign = fn('sign');
    expect([sign.f(-2), sign.f(0), sign.f(5)]).toEqual([-1, 0, 1]);
    expect([sign.df(-2), sign.df(0), sign.df(5)]).toEqual([0, 0, 0]);
  });

  it('NaN stays NaN through sign and abs′', () => {
    expect(fn('sign').f(NaN)).toBeNaN();
    expect(fn('abs').df(NaN)).toBeNaN();
  });

  it('sqrt′(0) = +∞ and log′(0) = +∞, as torch', () => {
    expect(fn('sqrt').df(0)).toBe(Infinity);
    expect(fn('log').df(0)).toBe(Infinity);
  });
});

describe('names', () => {
  it('reserves x, in, the constants and every built-in function', () => {
    for (const name of ['x', 'in', 'pi', 'e', 'exp', 'erfc', 'min', 'where', 'clamp'])
      expect(isReserved(name), name).toBe(true);
    for (const name of ['X', 'xx', 'inn', 'beta', 'sigmoid', 'constructor', '__proto__', 'toString', ''])
      expect(isReserved(name), name).toBe(false);
  });

  it('lists every built-in name once, the variable first, for "did you mean"', () => {
    expect(builtinNames()).toEqual([
      'x',
      'pi',
      'e',
      'exp',
      'log',
      'log1p',
      'expm1',
      'sqrt',
      'abs',
      'sign',
      'tanh',
      'sinh',
      'cosh',
      'sin',
      'cos',
      'atan',
      'erf',
      'erfc',
      'min',
      'max',
      'clamp',
      'where',
    ]);
    expect([...CONSTANTS.values()]).toEqual([Math.PI, Math.E]);
    expect([...SPECIAL.entries()]).toEqual([
      ['min', 2],
      ['max', 2],
      ['clamp', 3],
      ['where', 3],
    ]);
  });
});
