/** Syntax tree → text with the fewest parentheses that parse back to the same tree. */
import type { Definition, Expr } from './ast';

const PREC = { '+': 1, '-': 1, '*': 2, '/': 2, neg: 3, '^': 4, atom: 5 } as const;

function precOf(e: Expr): number {
  if (e.kind === 'bin') return PREC[e.op];
  if (e.kind === 'neg') return PREC.neg;
  if (e.kind === 'cmp') return 0;
  return PREC.atom;
}

function wrap(e: Expr, min: number): string {
  const text = printExpr(e);
  return precOf(e) >= min ? text : `(${text})`;
}

function quote(s: string): string {
  return s.includes("'") ? `"${s}"` : `'${s}'`;
}

/** An expression as text, e.g. `x * sigmoid(beta * x)`. */
export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'str':
      return quote(e.value);
    case 'name':
      return e.name;
    case 'neg':
      return `-${wrap(e.arg, PREC.neg)}`;
    case 'cmp':
      return `${printExpr(e.left)} ${e.op} ${printExpr(e.right)}`;
    case 'call': {
      const args = [...e.args.map(printExpr), ...e.named.map((n) => `${n.name}=${printExpr(n.value)}`)];
      return `${e.name}(${args.join(', ')})`;
    }
    case 'bin': {
      const p = PREC[e.op];
      // `^` is right-associative: its base needs an atom, its exponent may be anything unary reads.
      if (e.op === '^') return `${wrap(e.left, PREC.atom)}^${wrap(e.right, PREC.neg)}`;
      return `${wrap(e.left, p)} ${e.op} ${wrap(e.right, p + 1)}`;
    }
  }
}

/** A definition as text: `name(x; p=1 in [0, 5]) = body`, or the bare expression. */
export function printDefinition(d: Definition): string {
  if (!d.named) return printExpr(d.body);
  const params = d.params.map((p) => `${p.name}=${p.default}${p.range ? ` in [${p.range[0]}, ${p.range[1]}]` : ''}`);
  return `${d.name}(x${params.length ? `; ${params.join(', ')}` : ''}) = ${printExpr(d.body)}`;
}
