/** The quoted line and caret of an expression error: which characters are blanked, and the window around the column. */
import { describe, expect, it } from 'vitest';
import { caretLines } from '../../../src/core/expression/caret';

/** Each case named by its code point, U+XXXX. */
const named = (cases: [string, number][]) =>
  cases.map(([name, code]) => [`U+${code.toString(16).toUpperCase().padStart(4, '0')} ${name}`, code] as const);

/** 'ABC…Z' repeated to `n` characters: every position is readable in a failure. */
const letters = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(65 + (i % 26))).join('');

describe('characters that would move or hide the caret become spaces, one for one', () => {
  it.each(
    named([
      ['NUL', 0x00],
      ['tab', 0x09],
      ['unit separator', 0x1f],
      ['DEL', 0x7f],
      ['last C1 control', 0x9f],
      ['left-to-right mark', 0x200e],
      ['right-to-left mark', 0x200f],
      ['LRE (first bidi embedding)', 0x202a],
      ['RLO (last bidi embedding)', 0x202e],
      ['LRI (first bidi isolate)', 0x2066],
      ['PDI (last bidi isolate)', 0x2069],
    ]),
  )('%s is blanked', (_name, code) => {
    expect(caretLines(`a${String.fromCharCode(code)}b`, 3)).toEqual({ text: 'a b', caret: '  ^' });
  });

  it.each(
    named([
      ['space', 0x20],
      ['tilde', 0x7e],
      ['no-break space', 0xa0],
      ['zero-width joiner', 0x200d],
      ['hyphen', 0x2010],
      ['paragraph separator', 0x2029],
      ['narrow no-break space', 0x202f],
      ['U+2065', 0x2065],
      ['U+206A', 0x206a],
      ['CJK 激', 0x6fc0],
    ]),
  )('%s is kept', (_name, code) => {
    const ch = String.fromCharCode(code);
    expect(caretLines(`a${ch}b`, 2)).toEqual({ text: `a${ch}b`, caret: ' ^' });
  });

  it('keeps a character outside the BMP whole (two code units), the caret counting code units', () => {
    expect(caretLines('😀x', 3)).toEqual({ text: '😀x', caret: '  ^' });
  });
});

describe('the window around the column', () => {
  const s = letters(100);

  it('a short line is quoted whole', () => {
    expect(caretLines('abc', 2)).toEqual({ text: 'abc', caret: ' ^' });
  });

  it('in the middle: width/2 characters before the column, cut marks on both sides', () => {
    // column 50 → index 49; start 49 − 10 = 39, end 59.
    expect(caretLines(s, 50, 20)).toEqual({ text: `…${s.slice(39, 59)}…`, caret: `${' '.repeat(11)}^` });
    // An odd width rounds the characters before down: 10 characters, column 6 → start 6 − 1 − 2 = 3.
    expect(caretLines('abcdefghij', 6, 5)).toEqual({ text: '…defgh…', caret: '   ^' });
  });

  it('at the start: no mark before', () => {
    expect(caretLines(s, 1, 20)).toEqual({ text: `${s.slice(0, 20)}…`, caret: '^' });
  });

  it('at the end and just past it (an error at the end of the input): the last width characters, no mark after', () => {
    expect(caretLines(s, 100, 20)).toEqual({ text: `…${s.slice(80)}`, caret: `${' '.repeat(20)}^` });
    expect(caretLines(s, 101, 20)).toEqual({ text: `…${s.slice(80)}`, caret: `${' '.repeat(21)}^` });
    // Further past the end the caret stays just after the last character.
    expect(caretLines(s, 500, 20)).toEqual({ text: `…${s.slice(80)}`, caret: `${' '.repeat(21)}^` });
  });

  it('a column before the first is read as the first', () => {
    expect(caretLines('abc', 0)).toEqual({ text: 'abc', caret: '^' });
    expect(caretLines('abc', -5)).toEqual({ text: 'abc', caret: '^' });
  });

  it('is 72 characters wide by default', () => {
    // column 50 → index 49; start min(49 − 36, 100 − 72) = 13, end 85.
    expect(caretLines(s, 50)).toEqual({ text: `…${s.slice(13, 85)}…`, caret: `${' '.repeat(37)}^` });
  });
});
