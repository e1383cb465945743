/**
 * A math block split into equations as LaTeX lays them out: rows of align/aligned at `\\`, relations `=`, `:=`,
 * `\coloneqq`, `\approx`; equation numbers and labels are not math; the left side shown as the note writes it.
 */
import { describe, expect, it } from 'vitest';
import { checkNote } from '../../../src/core/latex/check-note';
import { readEquations } from '../../../src/core/latex/formula-rows';

const verdicts = (md: string) => checkNote(md).map((f) => [f.notation, f.verdict]);
const SIGMOID = '\\frac{1}{1+e^{-x}}';

describe('rows and relations', () => {
  it('reads an equation number or label as no part of the formula', () => {
    for (const tail of ['\\tag{2}', '\\tag*{(2)}', '\\label{eq:sigmoid}', '\\tag{\\text{a}{b}}'])
      expect(verdicts(`$$\\sigma(x) = ${SIGMOID} ${tail}$$`)).toEqual([['σ(x)', 'agrees']]);
    expect(verdicts(`$$\\sigma(x) = \\tag 2 ${SIGMOID}$$`)).toEqual([['σ(x)', 'agrees']]);
    // Numbered rows of an align: each tag ends with its braces, the next row is read.
    const rows = `$$\\begin{align} \\sigma(x) &= ${SIGMOID} \\tag{1.{a}} \\\\ \\tanh(x) &= 2\\sigma(2x) - 1 \\label{t} \\end{align}$$`;
    expect(verdicts(rows)).toEqual([
      ['σ(x)', 'agrees'],
      ['tanh(x)', 'agrees'],
    ]);
    expect(verdicts(`$$\\sigma(x) = \\tag{2} ${SIGMOID}$$`)).toEqual([['σ(x)', 'agrees']]);
    // An unclosed tag takes the rest of the block.
    expect(verdicts(`$$\\sigma(x) = ${SIGMOID} \\tag{2$$`)).toEqual([['σ(x)', 'agrees']]);
  });

  it('takes := and \\coloneqq as definitions, ≈ as an approximation', () => {
    expect(verdicts(`$\\sigma(x) := ${SIGMOID}$`)).toEqual([['σ(x)', 'agrees']]);
    expect(verdicts(`$\\sigma(x) \\coloneqq ${SIGMOID}$`)).toEqual([['σ(x)', 'agrees']]);
    const approx = readEquations('\\mathrm{GELU}(x) \\approx x\\sigma(1.702x) = y');
    expect(approx[0].sides.map((s) => s.approx)).toEqual([true, false]);
  });

  it('keeps a row’s cases together and starts a new equation after them', () => {
    const md =
      '$$\\begin{aligned} ReLU(x) &= \\begin{cases} x & x>0 \\\\ 0 & x\\le0\\end{cases} \\\\ ' +
      `\\sigma(x) &= ${SIGMOID} \\\\ &= \\frac{e^x}{1+e^x} \\end{aligned}$$`;
    expect(verdicts(md)).toEqual([
      ['ReLU(x)', 'agrees'],
      ['σ(x)', 'agrees'],
      ['σ(x)', 'agrees'],
    ]);
  });

  it('finds nothing in a definition with an empty right side', () => {
    expect(checkNote('$\\sigma(x) =$')).toEqual([]);
    expect(readEquations('\\sigma(x) = ')).toEqual([]);
  });

  it('gives each right side its offset in the math and its tokens, ending with an end token', () => {
    const [eq] = readEquations('\\sigma(x) = 1 = 2');
    // `\sigma(x) ` is 10 characters: `=` at 10, `1` at 12, `=` at 14, `2` at 16.
    expect(eq.sides.map((s) => [s.at, s.tokens.map((t) => t.text)])).toEqual([
      [12, ['1', '']],
      [16, ['2', '']],
    ]);
    expect(eq.sides.every((s) => s.tokens[s.tokens.length - 1].kind === 'end')).toBe(true);
  });
});

describe('left sides shown as written', () => {
  it.each([
    ['\\text{ReLU 6}(x)', 'ReLU 6(x)'],
    // TeX collapses spaces inside \text.
    ['\\text{Leaky  ReLU}(x)', 'Leaky ReLU(x)'],
    ['Leaky-ReLU(x)', 'Leaky-ReLU(x)'],
    ['Leaky ReLU(x)', 'Leaky ReLU(x)'],
    ['ReLU 6(x)', 'ReLU6(x)'],
  ])('%s as %s', (lhs, notation) => {
    expect(readEquations(`${lhs} = x`).map((e) => e.notation)).toEqual([notation]);
  });
});
