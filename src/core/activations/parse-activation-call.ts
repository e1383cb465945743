/** A small hand-written scanner for what users type in a block: `LeakyReLU(0.2)`, `GELU(approximate='tanh')`. */
import { fail, ok, type Result } from '../result';

/** The call as written: its name, positional values and keyword values (quotes removed), before any lookup. */
export interface ScannedCall {
  name: string;
  positional: string[];
  named: Record<string, string>;
}

/** The syntax we accept, as the `expected` of `activationSyntax` problems (symbols only: the UI translates around it). */
export const CALL_SYNTAX = 'Name | Name(value, …) | Name(key=value, …)';

type Token = { kind: 'atom' | 'string' | '(' | ')' | ',' | '='; text: string };

const POSITIONAL_FIRST = 'Name(value, …, key=value, …)';
const PUNCT = '(),=';
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME = /^(?:torch\.)?(?:nn\.)?([A-Za-z_][A-Za-z0-9_]*)$/;

/** Splits text into atoms (names, numbers, bare words), quoted strings and `( ) , =`; undefined on an open quote. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (PUNCT.includes(c)) {
      tokens.push({ kind: c as Token['kind'], text: c });
      i++;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return undefined;
      tokens.push({ kind: 'string', text: text.slice(i + 1, end) });
      i = end + 1;
    } else {
      let j = i;
      while (j < text.length && !/\s/.test(text[j]) && !PUNCT.includes(text[j]) && text[j] !== "'" && text[j] !== '"')
        j++;
      tokens.push({ kind: 'atom', text: text.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

/** Reads `Name` or `Name(args)` (Python's rules: positional before keyword, each keyword once, trailing comma ok). */
export function scanActivationCall(text: string): Result<ScannedCall> {
  const bad = (expected: string = CALL_SYNTAX) => fail<ScannedCall>('activationSyntax', { value: text, expected });
  const t = tokenize(text);
  const head = t?.[0];
  const name = head?.kind === 'atom' ? NAME.exec(head.text)?.[1] : undefined;
  if (!t || name === undefined) return bad();
  // No prototype: `__proto__=1` or `constructor=1` is then an ordinary (unknown) keyword, not a setter or an inherited key.
  const call: ScannedCall = { name, positional: [], named: Object.create(null) as Record<string, string> };
  if (t.length === 1) return ok(call);
  if (t[1].kind !== '(' || t[t.length - 1].kind !== ')') return bad(t[1].kind === '(' ? ')' : CALL_SYNTAX);
  let i = 2;
  const end = t.length - 1;
  while (i < end) {
    const a = t[i];
    if (a.kind === 'atom' && t[i + 1]?.kind === '=') {
      const v = t[i + 2];
      if (!IDENT.test(a.text) || i + 2 >= end || (v.kind !== 'atom' && v.kind !== 'string')) return bad('key=value');
      if (a.text in call.named) return fail('duplicateKey', { key: a.text });
      call.named[a.text] = v.text;
      i += 3;
    } else if (a.kind === 'atom' || a.kind === 'string') {
      if (Object.keys(call.named).length > 0) return bad(POSITIONAL_FIRST);
      call.positional.push(a.text);
      i += 1;
    } else return bad();
    if (i < end && t[i].kind !== ',') return bad("',' | ')'");
    i += 1;
  }
  return ok(call);
}

/** Splits `Sigmoid, Tanh, Hardtanh(-2, 2)` on top-level commas (outside brackets and quotes); empty pieces dropped. */
export function splitActivationList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
