/** LaTeX → tokens: the kinds, what \text{…} keeps, pasted Unicode, and the closing end token. */
import { describe, expect, it } from 'vitest';
import { texTokens } from '../../../src/core/latex/tex-tokens';

const kinds = (src: string) => texTokens(src).map((t) => [t.kind, t.text]);

describe('texTokens', () => {
  it('gives numbers, words, commands, environments and characters with their offsets, then one end token', () => {
    expect(texTokens('2x \\begin{ cases }+')).toEqual([
      { kind: 'num', text: '2', at: 0 },
      { kind: 'word', text: 'x', at: 1 },
      { kind: 'cmd', text: '\\begin{cases}', at: 3 },
      { kind: 'char', text: '+', at: 18 },
      { kind: 'end', text: '', at: 19 },
    ]);
  });

  it('keeps the words of \\text{…} with TeX’s spacing commands as spaces, and braces as word breaks', () => {
    expect(kinds('\\text{a\\,b}')).toEqual([
      ['text', 'a b'],
      ['end', ''],
    ]);
    expect(kinds('\\operatorname{Leaky\\ ReLU} \\mathrm{Re{LU}}')).toEqual([
      ['text', 'Leaky ReLU'],
      ['text', 'Re LU'],
      ['end', ''],
    ]);
    // Without braces \mathrm styles what follows: an empty text, then the letters.
    expect(kinds('\\mathrm x')).toEqual([
      ['text', ''],
      ['word', 'x'],
      ['end', ''],
    ]);
  });

  it('reads pasted Unicode as the command or character it stands for', () => {
    expect(kinds('σ(x)·2 − 1 ≤ λ')).toEqual([
      ['cmd', '\\sigma'],
      ['char', '('],
      ['word', 'x'],
      ['char', ')'],
      ['cmd', '\\cdot'],
      ['num', '2'],
      ['char', '-'],
      ['num', '1'],
      ['cmd', '\\le'],
      ['cmd', '\\lambda'],
      ['end', ''],
    ]);
    expect(kinds('ж')).toEqual([
      ['char', 'ж'],
      ['end', ''],
    ]);
  });
});
