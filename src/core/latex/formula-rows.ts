/**
 * One math block → its equations: rows of `align`/`aligned` split at `\\`, alignment `&` dropped, each row split
 * at `=` / `\approx` into a left side and right sides. A left side like `ReLU'(x)`, `\sigma(z)`,
 * `\operatorname{Leaky ReLU}(x)`, `\frac{d}{dx}\tanh(x)` or `f(x)` (named by the section's heading) makes the row
 * a definition of a torch activation; any other row (`H = XW + b`) is left alone.
 */
import { texTokens, type TexToken } from './tex-tokens';
import { torchName } from './torch-names';

/** A definition found in a math block: which function, f or f′, in which variable, and its right sides. */
export interface Equation {
  /** torch's canonical name. */
  name: string;
  order: 0 | 1;
  /** The left side as the note writes it, in plain text: `ReLU′(x)`, `σ(z)`. */
  notation: string;
  variable: string;
  /** Each right side's tokens (ending with an `end` token) and its offset in the math source. */
  sides: { tokens: TexToken[]; at: number; approx: boolean }[];
}

/** Environments that only lay equations out. */
const LAYOUT = /^\\(begin|end)\{(align|aligned|equation|gather|gathered|split|eqnarray|multline|flalign)\*?\}$/;
const NESTS = /^\\begin\{/;
const UNNESTS = /^\\end\{/;
/** Letters that name "the function of this section" rather than a particular one. */
const GENERIC = new Set(['f', 'g', 'h', '\\phi', '\\varphi', 'y']);
const PRIME = /^(\\prime|')$/;
const SHOWN = new Map([['\\sigma', 'σ'], ['\\tanh', 'tanh'], ['\\phi', 'φ'], ['\\varphi', 'φ']]);

/** Rows of a block's tokens at nesting depth 0 (cases and braces keep their `\\`). */
function rows(tokens: TexToken[]): TexToken[][] {
  const out: TexToken[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'end' || LAYOUT.test(t.text)) continue;
    if (t.text === '{' || NESTS.test(t.text) || t.text === '\\left') depth++;
    else if (t.text === '}' || UNNESTS.test(t.text) || t.text === '\\right') depth--;
    if (depth === 0 && t.text === '\\\\') out.push([]);
    else if (!(depth === 0 && t.text === '&') && t.text !== '\\tag' && t.text !== '\\label') out[out.length - 1].push(t);
  }
  return out;
}

/** Splits a row at depth-0 `=`, `\approx`, `:=`; returns the parts with the relation before each. */
function sides(row: TexToken[]): { tokens: TexToken[]; approx: boolean }[] {
  const out: { tokens: TexToken[]; approx: boolean }[] = [{ tokens: [], approx: false }];
  let depth = 0;
  for (const t of row) {
    if (t.text === '{' || t.text === '(' || NESTS.test(t.text) || t.text === '\\left') depth++;
    else if (t.text === '}' || t.text === ')' || UNNESTS.test(t.text) || t.text === '\\right') depth--;
    if (depth === 0 && (t.text === '=' || t.text === '\\approx' || t.text === '\\coloneqq')) {
      const last = out[out.length - 1].tokens;
      if (last[last.length - 1]?.text === ':') last.pop();
      out.push({ tokens: [], approx: t.text === '\\approx' });
    } else out[out.length - 1].tokens.push(t);
  }
  return out;
}

/** The function a left side defines, or null. `fallback` is the torch name the section's heading gives. */
export function readLeftSide(lhs: TexToken[], fallback?: string): Pick<Equation, 'name' | 'order' | 'notation' | 'variable'> | null {
  let i = 0;
  let order = 0;
  const text = (k: number) => lhs[k]?.text ?? '';
  // d2l writes the derivative as \frac{d}{dx} f(x).
  if (text(0) === '\\frac') {
    const d = lhs.slice(0, 8).map((t) => t.text).join('');
    const m = /^\\frac\{(?:d|\\partial)\}\{(?:d|\\partial)([a-z])\}/.exec(d) ?? /^\\frac\{(?:d|\\partial)\}\{(?:d|\\partial)\}/.exec(d);
    if (!m) return null;
    i = lhs.findIndex((t, k) => k > 4 && t.text === '}') + 1;
    order = 1;
  }
  let raw = '';
  for (; i < lhs.length; i++) {
    const t = lhs[i];
    if (t.kind === 'word' || t.kind === 'text' || (t.kind === 'num' && raw)) raw += (raw && t.kind !== 'num' ? ' ' : '') + t.text;
    else if (t.kind === 'cmd' && !raw && SHOWN.has(t.text)) raw = t.text;
    else if (raw && (t.text === '\\_' || t.text === '-' || t.text === '_')) raw += '_';
    else break;
  }
  if (!raw) return null;
  for (;; i++) {
    if (text(i) === "'") order++;
    else if (text(i) === '^' && PRIME.test(text(i + 1))) {
      order++;
      i += 1;
    } else if (text(i) === '^' && text(i + 1) === '{' && PRIME.test(text(i + 2)) && text(i + 3) === '}') {
      order++;
      i += 3;
    } else break;
  }
  const open = text(i) === '\\left' ? i + 2 : i + 1;
  const v = lhs[open];
  if (order > 1 || (text(i) !== '(' && text(i) !== '\\left') || v?.kind !== 'word' || v.text.length !== 1) return null;
  const close = text(open + 1) === '\\right' ? open + 3 : open + 2;
  if (text(close - 1) !== ')' || close !== lhs.length) return null;
  const name = GENERIC.has(raw) ? fallback : torchName(raw);
  if (!name) return null;
  const shown = SHOWN.get(raw) ?? raw.replace(/_/g, ' ');
  return { name, order: order as 0 | 1, notation: `${shown}${order ? '′' : ''}(${v.text})`, variable: v.text };
}

/** Every definition of a torch activation in one math block, in order; rows that continue one (`&= …`) join it. */
export function readEquations(math: string, fallback?: string): Equation[] {
  const out: Equation[] = [];
  let previous: Equation | null = null;
  for (const row of rows(texTokens(math))) {
    const parts = sides(row);
    if (parts.length < 2) continue;
    const lhs = parts[0].tokens;
    const eq: Equation | null = lhs.length === 0 ? previous : ((): Equation | null => {
      const left = readLeftSide(lhs, fallback);
      return left && { ...left, sides: [] };
    })();
    previous = eq;
    if (!eq) continue;
    for (const p of parts.slice(1)) {
      if (p.tokens.length) {
        eq.sides.push({ tokens: [...p.tokens, { kind: 'end', text: '', at: p.tokens[p.tokens.length - 1].at }], at: p.tokens[0].at, approx: p.approx });
      }
    }
    if (lhs.length && eq.sides.length) out.push(eq);
  }
  return out;
}
