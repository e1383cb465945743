/**
 * A right-hand side in LaTeX → the expression language's syntax tree (the same AST the compiler and its automatic
 * derivatives take), or the pieces of a `cases` environment. Anything it cannot read throws `NotUnderstood` naming
 * the token, never a guess. Written as closures over the token list: that keeps the bundled code small.
 */
import type { CompareOp, Expr } from '../expression/ast';
import type { TexToken } from './tex-tokens';
import { torchName } from './torch-names';

/** "Not understood", with the token (as written) that stopped the reader. */
export class NotUnderstood extends Error {
  constructor(readonly token: string) {
    super(`not understood: ${token}`);
  }
}

type Cmp = Extract<Expr, { kind: 'cmp' }>;

/** One case of a formula: its value (null where the note says "undefined") and when it applies (null: otherwise). */
export interface Piece {
  value: Expr | null;
  conds: Cmp[] | null;
}

/** Commands and words that name a function of the language (torch's activations are found by torchName). */
const FUNCTIONS = new Map(
  Object.entries({
    exp: 'exp',
    ln: 'log',
    log: 'log',
    tanh: 'tanh',
    sinh: 'sinh',
    cosh: 'cosh',
    sin: 'sin',
    cos: 'cos',
    arctan: 'atan',
    max: 'max',
    min: 'min',
    erf: 'erf',
    abs: 'abs',
    sqrt: 'sqrt',
    sgn: 'sign',
    sign: 'sign',
    sigma: 'sigmoid',
    Phi: 'Phi',
  }),
);
const GREEK = /^\\(alpha|beta|gamma|lambda|theta|epsilon|kappa|tau|mu|eta|delta)$/;
/** Words that open or fill a case's condition, "otherwise", and a value the note declares undefined. */
const FILLER = /^(if|for|when|where|and|当|若|如果|时)$/i;
const OTHERWISE = /^(otherwise|else|其他|其它|否则|其余)$/i;
const UNDEFINED = /^(undefined|不存在|未定义|无定义)$/i;
// Maps, not object literals: a note's `constructor` or `toString` must not find Object.prototype's members.
const COMPARE = new Map<string, CompareOp>(
  Object.entries({
    '<': '<',
    '>': '>',
    '\\lt': '<',
    '\\gt': '>',
    '\\le': '<=',
    '\\leq': '<=',
    '\\leqslant': '<=',
    '\\ge': '>=',
    '\\geq': '>=',
    '\\geqslant': '>=',
  }) as [string, CompareOp][],
);
const CLOSE = new Map(
  Object.entries({
    '(': ')',
    '[': ']',
    '{': '}',
    '\\{': '\\}',
    '|': '|',
    '\\lvert': '\\rvert',
    '\\vert': '\\vert',
    '.': '.',
  }),
);
const ABS = new Set(['|', '\\lvert', '\\vert', '\\rvert']);
const ATOM_CMD = /^\\(frac|dfrac|tfrac|sqrt|left|pi|lvert|mathbb)$/;

const num = (value: number): Expr => ({ kind: 'num', value, column: 0 });
const bin = (op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr): Expr => ({
  kind: 'bin',
  op,
  left,
  right,
  column: 0,
});
const call = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', name, args, named: [], column: 0 });
const cmp = (op: CompareOp, left: Expr, right: Expr): Cmp => ({ kind: 'cmp', op, left, right, column: 0 });

/** The language's name for a function word, command or `\text{…}` (`\ln` → log, `Sigmoid` → sigmoid). */
function functionName(word: string): string | undefined {
  const w = word.replace(/^\\|\s+/g, '');
  return FUNCTIONS.get(w) ?? FUNCTIONS.get(w.toLowerCase()) ?? torchName(w)?.toLowerCase();
}

/** Reads one right-hand side; `variable` is the letter the left side named (it becomes x). Throws NotUnderstood. */
export function parseRhs(toks: TexToken[], variable: string): Piece[] {
  let i = 0;
  let depth = 0;
  let abs = 0;
  const tok = () => toks[i];
  const is = (text: string) => toks[i].kind !== 'end' && toks[i].text === text;
  const eat = (text: string) => is(text) && ++i > 0;
  const next = () => (toks[i].kind === 'end' ? toks[i] : toks[i++]);
  const wordy = () => tok().kind === 'text' || tok().kind === 'word';
  const fail = (t = tok()): never => {
    throw new NotUnderstood(t.kind === 'end' ? 'end of formula' : t.kind === 'text' ? `\\text{${t.text}}` : t.text);
  };
  const expect = (text: string) => eat(text) || fail();
  /** Puts back the rest of a token whose first character was read (`x^23` is x²·3 in TeX, `ax` is a·x). */
  const rest = (t: TexToken) =>
    t.text.length > 1 && (toks.splice(i, 0, { ...t, text: t.text.slice(1), at: t.at + 1 }), 0);

  const letter = (c: string): Expr => {
    // Another letter x would be read as the variable: refused rather than confused.
    if (c === 'x' && variable !== 'x') throw new NotUnderstood('x');
    return { kind: 'name', name: c === variable ? 'x' : c, column: 0 };
  };

  const startsAtom = (): boolean => {
    const t = tok();
    const c = t.text;
    return (
      t.kind === 'num' ||
      // Filler words (`if`, `and`, `otherwise`), in \text or plain, end a factor: they are no letters to multiply.
      (wordy() && c !== '' && !FILLER.test(c) && !OTHERWISE.test(c)) ||
      (t.kind === 'cmd' &&
        (functionName(c) !== undefined || GREEK.test(c) || ATOM_CMD.test(c) || (c === '\\vert' && !abs))) ||
      (t.kind === 'char' && (c === '(' || c === '[' || c === '{' || (c === '|' && !abs)))
    );
  };

  const expr = (): Expr => {
    if (++depth > 48) fail();
    let left = product();
    while (tok().kind === 'char' && (is('+') || is('-'))) left = bin(next().text as '+', left, product());
    depth--;
    return left;
  };

  const product = (): Expr => {
    let left = signed();
    for (;;) {
      const c = tok().text;
      if (c === '*' || c === '\\cdot' || c === '\\times' || c === '/' || c === '\\div') {
        i++;
        left = bin(c === '/' || c === '\\div' ? '/' : '*', left, signed());
      } else if (startsAtom()) left = bin('*', left, power());
      else return left;
    }
  };

  const signed = (): Expr => (eat('-') ? { kind: 'neg', arg: signed(), column: 0 } : eat('+') ? signed() : power());

  const power = (): Expr => {
    const base = atom();
    return eat('^') ? bin('^', base, script()) : base;
  };

  /** A superscript or a `\frac` argument: a braced group or a single character (`x^2`, `\frac12`). */
  const script = (): Expr => {
    if (eat('{')) {
      const e = expr();
      expect('}');
      return e;
    }
    const t = tok();
    if (t.kind === 'num' || t.kind === 'word') {
      i++;
      rest(t);
      return t.kind === 'num' ? num(Number(t.text[0])) : letter(t.text[0]);
    }
    return t.kind === 'char' ? fail() : atom();
  };

  const delimited = (open: string): Expr => {
    if (ABS.has(open)) abs++;
    const e = expr();
    const close = CLOSE.get(open) as string;
    if (eat('\\right')) {
      if (next().text !== close && close !== '.') fail(toks[i - 1]);
    } else expect(close);
    if (!ABS.has(close)) return e;
    abs--;
    return call('abs', e);
  };

  /** A function applied: optional power (`\tanh^2(x)`), then `(args)`, `\{args\}`, or one factor (`\ln x`). */
  const apply = (name: string): Expr => {
    const exponent = eat('^') ? script() : null;
    const args: Expr[] = [];
    const open = tok().text;
    if (open === '(' || open === '[' || open === '\\{' || open === '{' || open === '\\left') {
      i++;
      const close = CLOSE.get(open === '\\left' ? next().text : open);
      if (!close || close === '|') fail(toks[i - 1]);
      do args.push(expr());
      while (eat(','));
      if (open === '\\left') expect('\\right');
      expect(close as string);
    } else args.push(power());
    // Φ, the standard normal CDF: ½(1 + erf(x/√2)).
    const applied =
      name === 'Phi'
        ? bin('*', num(0.5), bin('+', num(1), call('erf', bin('/', args[0], call('sqrt', num(2))))))
        : call(name, ...args);
    return exponent ? bin('^', applied, exponent) : applied;
  };

  const atom = (): Expr => {
    const t = next();
    const c = t.text;
    if (t.kind === 'num') return isFinite(+c) ? num(+c) : fail(t);
    // `\sqrt` takes one character or group, as TeX does (`\sqrt23` is √2·3); script() refuses the `[` of `\sqrt[3]{x}`.
    if (c === '\\sqrt' && !is('(')) return call('sqrt', script());
    const fn = t.kind === 'char' ? undefined : functionName(c);
    if (fn) return apply(fn);
    if (t.kind === 'word') {
      rest(t);
      return letter(c[0]);
    }
    if (t.kind === 'text' && c === 'e') return letter(c);
    if (c === '(' || c === '[' || c === '{' || c === '|' || c === '\\lvert' || (c === '\\vert' && !abs))
      return delimited(c);
    if (c === '\\left') return CLOSE.has(tok().text) ? delimited(next().text) : fail();
    if (c === '\\frac' || c === '\\dfrac' || c === '\\tfrac') return bin('/', script(), script());
    if (c === '\\pi') return { kind: 'name', name: 'pi', column: 0 };
    if (c === '\\mathbb' && eat('{') && eat('1') && eat('}') && eat('(')) {
      // The indicator 𝟙(condition): 1 where it holds, else 0.
      const conds = condition(')');
      expect(')');
      return conds.reduce<Expr>((acc, k) => bin('*', acc, call('where', k, num(1), num(0))), num(1));
    }
    const g = GREEK.exec(c);
    return g ? { kind: 'name', name: g[1], column: 0 } : fail(t);
  };

  /** `a < x ≤ b`, `x = 0`, several joined by `,` or "and". */
  const condition = (end: string): Cmp[] => {
    const out: Cmp[] = [];
    for (;;) {
      let left = expr();
      const before = out.length;
      for (let t = tok(); COMPARE.has(t.text) || t.text === '='; t = tok()) {
        i++;
        const strict = COMPARE.get(t.text);
        const op = strict?.length === 1 && eat('=') ? (`${strict}=` as CompareOp) : strict;
        const right = expr();
        if (op) out.push(cmp(op, left, right));
        else out.push(cmp('<=', left, right), cmp('>=', left, right));
        left = right;
      }
      if (out.length === before) fail();
      const save = i;
      if (!(eat(',') || eat('\\land') || eat('\\wedge') || (wordy() && /^and$/.test(tok().text) && ++i))) return out;
      if (is('\\\\') || is(end) || is('.') || tok().kind === 'text') {
        i = save;
        return out;
      }
    }
  };

  const cases = (end: string): Piece[] => {
    const pieces: Piece[] = [];
    while (!eat(end)) {
      if (eat('\\\\')) continue;
      const value = wordy() && UNDEFINED.test(tok().text) ? (i++, null) : expr();
      while (eat(',') || eat('&') || eat(':'));
      while (wordy() && FILLER.test(tok().text)) i++;
      let conds: Cmp[] | null = null;
      if (wordy() && OTHERWISE.test(tok().text)) i++;
      else if (!is('\\\\') && !is(end)) conds = condition(end);
      while (eat(',') || eat('.') || eat(';') || (wordy() && FILLER.test(tok().text) && ++i));
      if (!is('\\\\') && !is(end)) fail();
      pieces.push({ value, conds });
    }
    return pieces.length ? pieces : fail();
  };

  let pieces: Piece[];
  if (is('\\left') && toks[i + 1]?.text === '\\{' && toks[i + 2]?.text === '\\begin{array}') {
    // The older spelling of cases: \left\{ \begin{array}{ll} … \end{array} \right.
    i += 3;
    if (eat('{')) while (!eat('}')) if (next().kind === 'end') fail();
    pieces = cases('\\end{array}');
    if (eat('\\right')) next();
  } else {
    // `\lambda \begin{cases} … \end{cases}`: a factor in front of the cases multiplies each of them.
    const factor = is('\\begin{cases}') ? num(1) : expr();
    pieces = eat('\\begin{cases}')
      ? cases('\\end{cases}').map((p) => ({ ...p, value: p.value && bin('*', factor, p.value) }))
      : [{ value: factor, conds: [] }];
  }
  while (eat(',') || eat('.') || eat(';'));
  return tok().kind === 'end' ? pieces : fail();
}
