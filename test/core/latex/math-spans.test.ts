/**
 * Where a note's math is, as Obsidian renders it (CommonMark plus `$…$` / `$$…$$`): nothing inside code fences or
 * inline code; an inline `$` that opens or closes must not touch a space; `\$` is a dollar sign; inline math ends at
 * a blank line; a heading is 1–6 `#` at a line's start followed by a space or tab.
 */
import { describe, expect, it } from 'vitest';
import { mathSpans } from '../../../src/core/latex/math-spans';

const texts = (md: string) => mathSpans(md).map((s) => s.tex);

describe('math spans', () => {
  it('finds inline and display math with the offset of their TeX and the heading above', () => {
    // '# Title\n' is 8 characters: `$a$` starts at 8 (its TeX at 9); ' and ' ends at 15, `$$b$$` starts at 16.
    expect(mathSpans('# Title\n$a$ and $$b$$')).toEqual([
      { tex: 'a', at: 9, heading: 'Title' },
      { tex: 'b', at: 18, heading: 'Title' },
    ]);
    expect(mathSpans('$x$')).toEqual([{ tex: 'x', at: 1, heading: '' }]);
  });

  it('reads display math after display math, and stops at an unclosed one', () => {
    expect(texts('$$a$$ b $$c$$')).toEqual(['a', 'c']);
    expect(texts('$$a$$ and $$b')).toEqual(['a']);
  });

  it('takes a heading only at a line start, with 1 to 6 # and a space or tab, trimmed', () => {
    const heading = (md: string) => mathSpans(`${md}\n$x$`)[0].heading;
    expect(heading('# One')).toBe('One');
    expect(heading('text\n###\tThree  ')).toBe('Three');
    expect(heading('###### Six')).toBe('Six');
    expect(heading('####### Seven')).toBe('');
    expect(heading('#tag')).toBe('');
    expect(heading('a # b')).toBe('');
    expect(heading('# A\nsee # B')).toBe('A');
  });

  it('leaves code fences alone, closed only by a fence of the same character at least as long', () => {
    expect(texts('```\n$x$\n```\n$y$')).toEqual(['y']);
    expect(texts('  ```\n$x$\n  ```\n$y$')).toEqual(['y']);
    expect(texts('~~~\n$x$\n~~~\n$y$')).toEqual(['y']);
    expect(texts('````\n```\n$x$\n````\n$y$')).toEqual(['y']);
    expect(texts('```\n~~~\n$x$\n```\n$y$')).toEqual(['y']);
    expect(texts('```\n$x$\n`````\n$y$')).toEqual(['y']);
    // Two backticks or tildes, or a fence after text, open nothing.
    expect(texts('~~ $x$')).toEqual(['x']);
    expect(texts('a ```\n$x$')).toEqual(['x']);
    // Offsets after a fence count its blanked lines in full.
    expect(mathSpans('```\nab\n```\n$y$')[0].at).toBe(12);
  });

  it('leaves inline code alone, and counts it in offsets', () => {
    expect(mathSpans('`$x$` and $y$')).toEqual([{ tex: 'y', at: 11, heading: '' }]);
    expect(texts('`code` $x$')).toEqual(['x']);
    expect(texts('`ab $x$')).toEqual(['x']);
  });

  it('reads \\$ as a dollar sign, outside math and inside', () => {
    expect(texts('a \\$x$')).toEqual([]);
    expect(texts('$a \\$ b$')).toEqual(['a \\$ b']);
  });

  it('wants inline math to touch its dollars, and to end within its paragraph', () => {
    expect(texts('a $ b$ c')).toEqual([]);
    expect(texts('x $a $ y')).toEqual([]);
    expect(texts('cost $a')).toEqual([]);
    expect(texts('a$')).toEqual([]);
    expect(texts('$a\n\nb$')).toEqual([]);
    expect(texts('$a\nb$')).toEqual(['a\nb']);
  });
});
