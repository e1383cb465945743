/** Splits a definition into tokens, each with its 1-based column. Linear, no regular expressions over the input. */
import { ExpressionError } from './expression-error';

/** Kinds of token: numbers, names, quoted strings, punctuation/operators, and the end. */
export type TokenKind = 'num' | 'name' | 'str' | 'op' | 'end';

/** One token; `text` is the operator or name as typed, `value` the number for `num`. */
export interface Token {
  kind: TokenKind;
  text: string;
  value: number;
  column: number;
}

/** One-character operators; `<=` and `>=` are read first, so they are not `<` then `=`. */
const OPS1 = '+-*/^(),;=<>[]';

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isNameStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNameChar = (c: string): boolean => isNameStart(c) || isDigit(c);
const isSpace = (c: string): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\u3000';

/** Length of the number literal at `i` (`2`, `0.5`, `.5`, `1e-3`); 0 when there is none. */
function numberLength(s: string, i: number): number {
  let j = i;
  while (isDigit(s[j] ?? '')) j++;
  if (s[j] === '.') {
    j++;
    while (isDigit(s[j] ?? '')) j++;
  }
  if (j === i || (j === i + 1 && s[i] === '.')) return 0;
  if (s[j] === 'e' || s[j] === 'E') {
    let k = j + 1;
    if (s[k] === '+' || s[k] === '-') k++;
    if (isDigit(s[k] ?? '')) {
      while (isDigit(s[k] ?? '')) k++;
      j = k;
    }
  }
  return j - i;
}

/** The tokens of `source`, ending with an `end` token; throws `ExpressionError` on a character we do not read. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const column = i + 1;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const n = numberLength(source, i);
    if (n > 0) {
      const text = source.slice(i, i + n);
      const value = Number(text);
      if (!isFinite(value)) throw new ExpressionError('exprNumber', column, { value: text });
      tokens.push({ kind: 'num', text, value, column });
      i += n;
    } else if (isNameStart(c)) {
      let j = i + 1;
      while (j < source.length && isNameChar(source[j])) j++;
      tokens.push({ kind: 'name', text: source.slice(i, j), value: NaN, column });
      i = j;
    } else if (c === "'" || c === '"') {
      const end = source.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError('exprUnexpected', column, { found: c, expected: 'closingQuote' });
      tokens.push({ kind: 'str', text: source.slice(i + 1, end), value: NaN, column });
      i = end + 1;
    } else if ((c === '<' || c === '>') && source[i + 1] === '=') {
      tokens.push({ kind: 'op', text: c + '=', value: NaN, column });
      i += 2;
    } else if (OPS1.includes(c) || c === '\u2212') {
      // The typographic minus, pasted from papers, is a minus.
      tokens.push({ kind: 'op', text: c === '\u2212' ? '-' : c, value: NaN, column });
      i++;
    } else {
      const ch = String.fromCodePoint(source.codePointAt(i) ?? 0xfffd);
      throw new ExpressionError('exprCharacter', column, { found: ch });
    }
  }
  tokens.push({ kind: 'end', text: '', value: NaN, column: source.length + 1 });
  return tokens;
}
