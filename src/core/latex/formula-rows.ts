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
/**
 * A left side, its tokens joined by spaces: an optional `\frac{d}{dx}`, the name (`\sigma`, `\tanh`, words, digits,
 * `_` and `-` between them), at most one prime (`'`, `^{\prime}`), and `(v)` with a one-letter variable.
 */
const LEFT =
  /^(\\frac \{ (?:d|\\partial) \} \{ (?:d|\\partial) ?[a-z]? \} )?(\\sigma|\\tanh|\\phi|\\varphi|[A-Za-z][\w~]*(?: (?:[A-Za-z]\w*|\d+|\\?_|-))*)( '| \^ \\prime| \^ \{ (?:\\prime|') \})? (?:\\left )?\( ([A-Za-z]) (?:\\right )?\)$/;
/** Letters that name "the function of this section" rather than a particular one. */
const GENERIC = new Set(['f', 'g', 'h', '\\phi', '\\varphi', 'y']);
const SHOWN = new Map([
  ['\\sigma', 'σ'],
  ['\\tanh', 'tanh'],
  ['\\phi', 'φ'],
  ['\\varphi', 'φ'],
]);

/** The function a left side defines, or null. `fallback` is the torch name the section's heading gives. */
export function readLeftSide(
  lhs: TexToken[],
  fallback?: string,
): Pick<Equation, 'name' | 'order' | 'notation' | 'variable'> | null {
  // A `\text{…}` keeps its spaces as `~`, so the name stays one word of the pattern.
  const m = LEFT.exec(lhs.map((t) => (t.kind === 'text' ? t.text.replace(/\s+/g, '~') : t.text)).join(' '));
  if (!m) return null;
  const [, d, raw, prime, v] = m;
  const name = GENERIC.has(raw) ? fallback : torchName(raw.replace(/\\_|~/g, '_'));
  const order = d || prime ? 1 : 0;
  // As the note shows it: `Leaky ReLU`, `ReLU6`, `σ`.
  const shown = SHOWN.get(raw) ?? raw.replace(/ ?\\?([_-]) ?| (?=\d)/g, '$1').replace(/~/g, ' ');
  return name ? { name, order, notation: `${shown}${order ? '′' : ''}(${v})`, variable: v } : null;
}

/**
 * Rows of a block (depth-0 `\\`; cases and braces keep theirs), each split at depth-0 `=`, `\approx`, `:=` into
 * sides (alignment `&` dropped), with the relation before each side.
 */
function rows(tokens: TexToken[]): { tokens: TexToken[]; approx: boolean }[][] {
  const out = [[{ tokens: [] as TexToken[], approx: false }]];
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const c = t.text;
    if (c === '\\tag' || c === '\\tag*' || c === '\\label') {
      // An equation's number or name, not its math (`\tag{2}` is no factor 2): skipped with its argument, a
      // braced group or (as TeX reads `\tag2`) one token.
      if (tokens[k + 1]?.text === '{')
        for (let open = 0; k + 1 < tokens.length;) {
          const n = tokens[++k].text;
          if (n === '{') open++;
          else if (n === '}' && --open === 0) break;
        }
      else if (tokens[k + 1]?.kind !== 'end') k++;
      continue;
    }
    if (t.kind === 'end' || LAYOUT.test(c)) continue;
    if (c === '{' || c === '(' || c === '\\left' || c.startsWith('\\begin{')) depth++;
    else if (c === '}' || c === ')' || c === '\\right' || c.startsWith('\\end{')) depth--;
    const row = out[out.length - 1];
    const side = row[row.length - 1].tokens;
    if (depth !== 0) side.push(t);
    else if (c === '\\\\') out.push([{ tokens: [], approx: false }]);
    else if (c === '&') continue;
    else if (c === '=' || c === '\\approx' || c === '\\coloneqq') {
      if (side[side.length - 1]?.text === ':') side.pop();
      row.push({ tokens: [], approx: c === '\\approx' });
    } else side.push(t);
  }
  return out;
}

/** Every definition of a torch activation in one math block, in order; rows that continue one (`&= …`) join it. */
export function readEquations(math: string, fallback?: string): Equation[] {
  const out: Equation[] = [];
  let previous: Equation | null = null;
  for (const parts of rows(texTokens(math))) {
    if (parts.length < 2) continue;
    const lhs = parts[0].tokens;
    const left = lhs.length ? readLeftSide(lhs, fallback) : null;
    const eq: Equation | null = lhs.length
      ? left && { name: left.name, order: left.order, notation: left.notation, variable: left.variable, sides: [] }
      : previous;
    previous = eq;
    if (!eq) continue;
    for (const p of parts.slice(1)) {
      const last = p.tokens[p.tokens.length - 1];
      if (last)
        eq.sides.push({
          tokens: [...p.tokens, { kind: 'end', text: '', at: last.at }],
          at: p.tokens[0].at,
          approx: p.approx,
        });
    }
    if (lhs.length && eq.sides.length) out.push(eq);
  }
  return out;
}
