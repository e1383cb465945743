/** Left sides as notes write them: which torch function, f or f′, in which variable, shown how. */
import { describe, expect, it } from 'vitest';
import { readEquations } from '../../../src/core/latex/formula-rows';

const left = (tex: string, heading?: string) =>
  readEquations(`${tex} = x`, heading).map(({ name, order, notation, variable }) => ({
    name,
    order,
    notation,
    variable,
  }));

describe('left sides', () => {
  it.each([
    ["ReLU'(x)", 'ReLU', 1, 'ReLU′(x)', 'x'],
    ['ReLU^{\\prime}(x)', 'ReLU', 1, 'ReLU′(x)', 'x'],
    ['\\tanh^\\prime(z)', 'Tanh', 1, 'tanh′(z)', 'z'],
    ['\\sigma \\left( t \\right)', 'Sigmoid', 0, 'σ(t)', 't'],
    ['\\text{Leaky ReLU}(x)', 'LeakyReLU', 0, 'Leaky ReLU(x)', 'x'],
    ['Leaky\\_ReLU(x)', 'LeakyReLU', 0, 'Leaky_ReLU(x)', 'x'],
    ['\\mathrm{ReLU6}(x)', 'ReLU6', 0, 'ReLU6(x)', 'x'],
    ['\\operatorname{gelu}(x)', 'GELU', 0, 'gelu(x)', 'x'],
    ['\\frac{d}{dx}\\operatorname{sigmoid}(x)', 'Sigmoid', 1, 'sigmoid′(x)', 'x'],
    ['\\frac{\\mathrm{d}}{\\mathrm{d}x} \\tanh(x)', 'Tanh', 1, 'tanh′(x)', 'x'],
  ])('%s', (tex, name, order, notation, variable) => {
    expect(left(tex)).toEqual([{ name, order, notation, variable }]);
  });

  it('reads f(x) as the function the heading names, and nothing without one', () => {
    expect(left('f(x)', 'ELU')[0]?.name).toBe('ELU');
    expect(left('f(x)')).toEqual([]);
  });

  it.each(["ReLU''(x)", 'ReLU(x, y)', 'ReLU(2x)', 'H', 'XW^1', '\\delta(x)', 'Relu2(x)', 'T(\\alpha_1+\\alpha_2)'])(
    'ignores %s',
    (tex) => {
      expect(left(tex)).toEqual([]);
    },
  );
});
