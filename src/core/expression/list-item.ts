/** Telling a list item written as an expression from a torch name or call, before either is read. */
import { tokenize, type Token } from './lexer';

/**
 * True when a list item reads as an expression rather than a torch name or call: it names x, uses an operator
 * (a minus only counts after an operand: `Hardtanh(-2, 2)` is a call), or holds text torch calls never hold.
 */
export function looksLikeExpression(item: string): boolean {
  let tokens: Token[];
  try {
    tokens = tokenize(item);
  } catch {
    return true;
  }
  return tokens.some((t, i) => {
    if (t.kind === 'name') return t.text === 'x';
    if (t.kind !== 'op') return false;
    if (t.text === '-' || t.text === '+') {
      const before = tokens[i - 1];
      return before !== undefined && !(before.kind === 'op' && '(,='.includes(before.text));
    }
    return '*/^<>'.includes(t.text[0]);
  });
}
