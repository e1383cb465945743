/** The tokenizer: every token kind with its text, value and 1-based column, and each character it refuses. */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/expression/lexer';
import { expressionError } from '../../helpers/expressions';

/** Tokens as [kind, text, value, column] (value only for numbers). */
const tokens = (source: string) =>
  tokenize(source).map((t) => (t.kind === 'num' ? [t.kind, t.text, t.value, t.column] : [t.kind, t.text, t.column]));

/** The refusal tokenizing `source` throws, as code, column and arguments. */
const refusal = (source: string) => expressionError(() => tokenize(source));

describe('numbers', () => {
  it('integers, decimals, a leading point, exponents with and without a sign, a trailing point', () => {
    // Columns: 2 at 1, 0.5 at 3, .5 at 7, 1e-3 at 10, 1E+2 at 15, 3 at 20 (its `e` has no digits: a name), 7. at 23.
    expect(tokens('2 0.5 .5 1e-3 1E+2 3e 7.')).toEqual([
      ['num', '2', 2, 1],
      ['num', '0.5', 0.5, 3],
      ['num', '.5', 0.5, 7],
      ['num', '1e-3', 0.001, 10],
      ['num', '1E+2', 100, 15],
      ['num', '3', 3, 20],
      ['name', 'e', 21],
      ['num', '7.', 7, 23],
      ['end', '', 25],
    ]);
  });

  it('an exponent sign without digits is not part of the number', () => {
    expect(tokens('2e+x')).toEqual([
      ['num', '2', 2, 1],
      ['name', 'e', 2],
      ['op', '+', 3],
      ['name', 'x', 4],
      ['end', '', 5],
    ]);
  });

  it('a number too large for a double is refused with its text', () => {
    expect(refusal('x * 1e999')).toEqual({ code: 'exprNumber', column: 5, args: { value: '1e999' } });
  });

  it('a point alone is not a number', () => {
    expect(refusal('x + .')).toEqual({ code: 'exprCharacter', column: 5, args: { found: '.' } });
  });
});

describe('names and strings', () => {
  it('every letter A–Z and a–z starts a name, even e followed by digits', () => {
    expect(tokens('AZ az e5 E2')).toEqual([
      ['name', 'AZ', 1],
      ['name', 'az', 4],
      ['name', 'e5', 7],
      ['name', 'E2', 10],
      ['end', '', 12],
    ]);
  });

  it('names start with a letter or _, then letters, digits or _', () => {
    expect(tokens('a_b1 _x X9 9a')).toEqual([
      ['name', 'a_b1', 1],
      ['name', '_x', 6],
      ['name', 'X9', 9],
      ['num', '9', 9, 12],
      ['name', 'a', 13],
      ['end', '', 14],
    ]);
  });

  it('strings in single or double quotes, the other quote inside kept; a missing close quote is refused', () => {
    expect(tokens(`'tanh' "it's"`)).toEqual([
      ['str', 'tanh', 1],
      ['str', "it's", 8],
      ['end', '', 14],
    ]);
    expect(refusal("gelu(x, approximate='tanh)")).toEqual({
      code: 'exprUnexpected',
      column: 21,
      args: { found: "'", expected: 'closingQuote' },
    });
  });
});

describe('operators and spaces', () => {
  it('every operator, <= and >= as one token, the typographic minus as a minus', () => {
    expect(tokens('<=>=<>=()[],;^/*+-\u2212').map((t) => t[1])).toEqual([
      '<=',
      '>=',
      '<',
      '>=',
      '(',
      ')',
      '[',
      ']',
      ',',
      ';',
      '^',
      '/',
      '*',
      '+',
      '-',
      '-',
      '',
    ]);
    expect(tokens('< =').map((t) => t[1])).toEqual(['<', '=', '']);
  });

  it('skips spaces, tabs, line breaks, no-break and ideographic spaces; the columns still count them', () => {
    expect(tokens('x\t\n\r\u00a0\u3000+ 1')).toEqual([
      ['name', 'x', 1],
      ['op', '+', 7],
      ['num', '1', 1, 9],
      ['end', '', 10],
    ]);
  });

  it('refuses any other character, naming it (a whole emoji, an em space, a full-width plus)', () => {
    expect(refusal('x + 😀')).toEqual({ code: 'exprCharacter', column: 5, args: { found: '😀' } });
    expect(refusal('x\u2003+ 1')).toEqual({ code: 'exprCharacter', column: 2, args: { found: '\u2003' } });
    expect(refusal('x \uff0b 1')).toEqual({ code: 'exprCharacter', column: 3, args: { found: '\uff0b' } });
    expect(refusal('x # 1')).toEqual({ code: 'exprCharacter', column: 3, args: { found: '#' } });
  });

  it('the end token sits one past the last character', () => {
    expect(tokens('')).toEqual([['end', '', 1]]);
    expect(tokens('  ')).toEqual([['end', '', 3]]);
  });
});
