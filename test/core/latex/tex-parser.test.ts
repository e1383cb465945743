/**
 * The reader of right-hand sides, one construct at a time: what a formula means is its value at a few x, worked out
 * by hand from the TeX (TeX's own rules where they matter: a superscript or `\sqrt` without braces takes one
 * character), and what it cannot read is named by the token that stopped it.
 */
import { describe, expect, it } from 'vitest';
import { noteFunction } from '../../../src/core/latex/note-function';
import { NotUnderstood, parseRhs } from '../../../src/core/latex/tex-parser';
import { texTokens } from '../../../src/core/latex/tex-tokens';

/** The formula's values at x (every case that applies), read with `variable` as the variable. */
const values = (tex: string, x: number, variable = 'x', params = new Map<string, number>()) =>
  noteFunction(parseRhs(texTokens(tex), variable), params).values(x);
const at = (tex: string, x: number) => {
  const v = values(tex, x);
  expect(v).toHaveLength(1);
  return v[0];
};
/** The token the reader names, or 'read' when it read the formula. */
const stopsAt = (tex: string, variable = 'x') => {
  try {
    parseRhs(texTokens(tex), variable);
    return 'read';
  } catch (e) {
    if (e instanceof NotUnderstood) return e.token;
    throw e;
  }
};

describe('values of the constructs notes use', () => {
  it.each([
    // Fractions and roots: \frac12 is \frac{1}{2}; \sqrt23 is √2·3 in TeX; \sqrt(x) is read as the call it means.
    ['\\frac{1}{2}x', 4, 2],
    ['\\dfrac{x}{2}', 4, 2],
    ['\\tfrac12 x', 4, 2],
    ['\\sqrt x', 9, 3],
    ['\\sqrt{x}', 9, 3],
    ['\\sqrt(x)', 9, 3],
    ['\\sqrt23', 0, 3 * Math.SQRT2],
    ['\\sqrt{x}^2', 3, 3],
    // Powers: x^23 is x²·3 (one character), 2^\pi is 2^π.
    ['x^23', 2, 12],
    ['x^{2}', 3, 9],
    ['2^\\pi', 0, 2 ** Math.PI],
    ['\\ln x^2', Math.E, 2],
    // Absolute values, each spelling; two in a row multiply.
    ['|x||x|', -3, 9],
    ['2|x|', -3, 6],
    ['\\vert x \\vert', -2, 2],
    ['2\\vert x \\vert', -2, 4],
    ['\\lvert x \\rvert', -2, 2],
    ['\\left| x \\right|', -2, 2],
    // Brackets of every kind group; a number, bracket or command after a factor multiplies it.
    ['[x+1]^2', 1, 4],
    ['{x+1}^2', 1, 4],
    ['(x+1)2', 1, 4],
    ['2(x)', 3, 6],
    ['2[x]', 3, 6],
    ['2{x}', 3, 6],
    ['2\\frac{x}{2}', 3, 3],
    ['2\\pi', 0, 2 * Math.PI],
    ['\\left( x + 1 \\right)', 1, 2],
    ['\\left\\{ x \\right\\}', 2, 2],
    // \left. is an invisible delimiter: any \right closes it.
    ['\\left. x + 1 \\right)', 1, 2],
    // An absolute value inside brackets is closed there: |x| after them multiplies.
    ['(x+1)|x|', -2, -2],
    ['(|x|)|x|', -2, 4],
    // Operators: ÷, ×, ·, *, a leading + or −.
    ['x \\div 2', 4, 2],
    ['3 \\times x \\cdot 2 * 1', 1, 6],
    ['+x', 2, 2],
    ['-x', 2, -2],
    // Functions: their arguments in (), [], {}, \left( \right), \{ \}, or one factor; sin 0 + cos 0 + sinh 0 + cosh 0 = 2.
    ['\\max{0, x}', -2, 0],
    ['\\max[0, x]', 3, 3],
    ['\\max\\left(0, x\\right)', -2, 0],
    ['\\max\\{0, x\\}', 3, 3],
    ['\\ln x', Math.E, 1],
    ['\\sin x + \\cos x + \\sinh x + \\cosh x', 0, 2],
    // arctan 1 + erf 1 + |1| + sgn 1 + sign 1 = π/4 + 0.8427007929497149 (erf's table value) + 3.
    [
      '\\arctan x + \\operatorname{erf}(x) + \\operatorname{abs}(x) + \\operatorname{sgn}(x) + \\operatorname{sign}(x)',
      1,
      Math.PI / 4 + 0.8427007929497149 + 3,
    ],
    // A name written with capitals is the same function (\operatorname{Exp}), torch's names too (σ(0) = ½).
    ['\\operatorname{Exp}(x)', 1, Math.E],
    ['\\text{Sigmoid}(x) + \\sigma(x)', 0, 1],
    ['2\\text{sigmoid}(x)', 0, 1],
    // Φ is the standard normal CDF: Φ(0) = ½, Φ(1) = 0.8413447460685429 (the normal table).
    ['\\Phi(x)', 0, 0.5],
    ['\\Phi(x)', 1, 0.8413447460685429],
    ['\\Phi(1)', 0, 0.8413447460685429],
    ['\\text{e}^x', 1, Math.E],
    // Trailing punctuation ends a displayed formula.
    ['x;', 2, 2],
    ['x,', 2, 2],
    ['x.', 2, 2],
  ] as [string, number, number][])('%s at x = %d', (tex, x, expected) => {
    expect(at(tex, x)).toBeCloseTo(expected, 12);
  });

  it('reads the variable the left side names as x, and refuses another x', () => {
    expect(values('2z', 3, 'z')).toEqual([6]);
    expect(stopsAt('z + x', 'z')).toBe('x');
  });

  it('reads 47 nested brackets and refuses 48, and counts depth per bracket, not per term', () => {
    const nested = (n: number) => `${'('.repeat(n)}x${')'.repeat(n)}`;
    expect(at(nested(47), 2)).toBe(2);
    expect(stopsAt(nested(48))).toBe('x');
    expect(at(Array(60).fill('(x)').join(' + '), 1)).toBe(60);
  });

  it('reads the indicator 𝟙(condition), with conditions joined by a comma, \\land, \\wedge or "and"', () => {
    for (const tex of [
      '\\mathbb{1}(x > 0, x < 2)',
      '\\mathbb{1}(x > 0 \\land x < 2)',
      '\\mathbb{1}(x > 0 \\wedge x < 2)',
      '\\mathbb{1}(x > 0 \\text{ and } x < 2)',
      '\\mathbb{1}(x > 0 and x < 2)',
    ])
      expect([-1, 1, 3].map((x) => at(tex, x))).toEqual([0, 1, 0]);
  });

  it('gives NaN where a case says "undefined", in \\text or not', () => {
    expect(values('\\begin{cases}x & x > 0\\\\ \\text{undefined} & x \\le 0\\end{cases}', -1)).toEqual([NaN]);
    expect(values('\\begin{cases}x & x > 0\\\\ undefined & x \\le 0\\end{cases}', -1)).toEqual([NaN]);
  });
});

describe('cases', () => {
  /** Values at −1 and 1 (one case applies at each). */
  const both = (tex: string) => [at(tex, -1), at(tex, 1)];

  it.each([
    // Plain words "if" and "otherwise" (not \text) fill and close cases as \text does.
    '\\begin{cases} 1 & if x > 0 \\\\ 0 & otherwise \\end{cases}',
    '\\begin{cases} 1, & x > 0, \\\\ 0, & x \\le 0. \\end{cases}',
    '\\begin{cases} 1 : x > 0 \\\\ 0 : x \\le 0 \\end{cases}',
    '\\begin{cases} 1 & x>0; \\\\ 0 & x \\le 0; \\end{cases}',
    // A Chinese note's 时 ("when") after the condition.
    '\\begin{cases} 1 & x>0 \\text{ 时} \\\\ 0 & x \\le 0 \\text{时} \\end{cases}',
    // A case without a condition applies where no other does.
    '\\begin{cases} 0 & x < 0 \\\\ 1 \\end{cases}',
    '\\begin{cases} 1 \\\\ 0 & x < 0 \\end{cases}',
    // Punctuation and filler words after a condition, in \text or plain.
    '\\begin{cases} 1 & x > 0, \\text{时} \\\\ 0 & x \\le 0 \\end{cases}',
    '\\begin{cases} 1 & x > 0,. \\\\ 0 & x \\le 0 \\end{cases}',
    '\\begin{cases} 1 & x > 0 for \\\\ 0 & x \\le 0 \\end{cases}',
    // The older spelling, with and without the column specification.
    '\\left\\{\\begin{array}{ll} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{array}\\right.',
    '\\left\\{\\begin{array} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{array}\\right.',
  ])('%s is 0 for x < 0 and 1 for x > 0', (tex) => {
    expect(both(tex)).toEqual([0, 1]);
  });

  it('reads a function as a case value: σ(1) = 0.7310585786300049', () => {
    const tex = '\\begin{cases} \\text{sigmoid}(x) & x > 0 \\\\ 0 & x \\le 0 \\end{cases}';
    expect(at(tex, 1)).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    expect(at(tex, -1)).toBe(0);
  });
});

describe('what the reader refuses, by name', () => {
  it.each([
    // TeX's superscript takes one character: x^(2) is x to the "(", refused rather than guessed.
    ['x^(2)', '('],
    // A superscript without braces takes one letter, even of a function's name: 2^exp is 2^e·x·p, read (p is
    // left for binding), not 2^exp(…) missing its argument.
    ['2^exp', 'read'],
    // ln|x| with \left| would otherwise lose its absolute value.
    ['\\ln\\left|x\\right|', '|'],
    ['\\exp\\left\\langle x \\right\\rangle', '\\langle'],
    // An nth root is not read as √n times the radicand.
    ['\\sqrt[3]{x}', '['],
    ['\\left( x \\right', '\\right'],
    ['1+', 'end of formula'],
    ['\\frac{1}{', 'end of formula'],
    ['x )', ')'],
    ['x \\text{+} 1', '\\text{+}'],
    ['2\\text{}x', '\\text{}'],
    ['2 \\text{if} x', '\\text{if}'],
    // Only \mathbb{1} is the indicator.
    ['\\chi{1}(x>0)', '\\chi'],
    ['\\mathbb{1}(x>0,)', ','],
    // A condition needs a comparison; "≤ =" is a typo, not ≤.
    ['\\begin{cases}1 & x\\\\ 0 & x<0\\end{cases}', '\\\\'],
    ['\\begin{cases}1 & x \\le = 0\\\\ 0 & x>0\\end{cases}', '='],
    ['\\begin{cases}1 & \\text{otherwise} 2 & x<0\\end{cases}', '2'],
    ['\\begin{cases} 1 & x > 0, \\text{otherwise} \\end{cases}', '\\text{otherwise}'],
    // Chinese words belong in \text{…} (LaTeX's math mode has no CJK glyphs); bare, they are named, not skipped.
    ['\\begin{cases} 1 & 当 x > 0 \\\\ 0 & x \\le 0 \\end{cases}', '当'],
    ['\\left\\{\\begin{array}{ll x', 'end of formula'],
    // Only \left\{ opens the older spelling of cases.
    ['\\left[\\begin{array}{ll} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{array}\\right.', '\\begin{array}'],
    ['\\left\\{\\begin{array}{ll} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{array} x', 'x'],
  ])('%s: %s', (tex, token) => {
    expect(stopsAt(tex)).toBe(token);
  });

  it('says so in its message', () => {
    expect(new NotUnderstood('k').message).toBe('not understood: k');
  });
});
